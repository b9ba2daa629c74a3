/** The options page's only door to extension APIs; unit tests replace it. */
import browser from 'webextension-polyfill';
import type { Annotation } from '../core/annotations/types';
import type { Fact } from '../core/types';
import type {
  AnnotationsAnswer,
  AnnotationsDeleteAnswer,
  AnnotationsRestoreAnswer,
  ExportAnswer,
  ExportFormat,
  OkAnswer,
  FactSaveAnswer,
  FactsAnswer,
  ImportAnswer,
} from '../shared/messages';

export interface OptionsBrowserApi {
  getAllFacts(): Promise<FactsAnswer>;
  /** Every annotation, of every page. */
  getAllAnnotations(): Promise<AnnotationsAnswer>;
  deleteAnnotations(ids: string[]): Promise<AnnotationsDeleteAnswer>;
  /** Puts deleted annotations back, as they were (undo). */
  restoreAnnotations(annotations: Annotation[]): Promise<AnnotationsRestoreAnswer>;
  /** All annotations as text in an export format. */
  exportAllAnnotations(format: ExportFormat): Promise<ExportAnswer>;
  /** Adds the annotations of an export's text; writes nothing when the text is malformed. */
  importAnnotations(text: string): Promise<ImportAnswer>;
  /** Adds or replaces one of the user's facts (`user:` ids). */
  saveFact(fact: Fact): Promise<FactSaveAnswer>;
  deleteFact(id: string): Promise<OkAnswer>;
}

export const optionsBrowserApi: OptionsBrowserApi = {
  getAllFacts() {
    return browser.runtime.sendMessage({ type: 'factmark/facts' });
  },
  getAllAnnotations() {
    return browser.runtime.sendMessage({ type: 'factmark/annotations' });
  },
  deleteAnnotations(ids) {
    return browser.runtime.sendMessage({ type: 'factmark/annotations-delete', ids });
  },
  restoreAnnotations(annotations) {
    return browser.runtime.sendMessage({ type: 'factmark/annotations-restore', annotations });
  },
  exportAllAnnotations(format) {
    return browser.runtime.sendMessage({ type: 'factmark/export', format });
  },
  importAnnotations(text) {
    return browser.runtime.sendMessage({ type: 'factmark/import', text });
  },
  saveFact(fact) {
    return browser.runtime.sendMessage({ type: 'factmark/fact-save', fact });
  },
  deleteFact(id) {
    return browser.runtime.sendMessage({ type: 'factmark/fact-delete', id });
  },
};
