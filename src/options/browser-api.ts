/** The options page's only door to extension APIs; unit tests replace it. */
import browser from 'webextension-polyfill';
import type { Annotation } from '../core/annotations/types';
import type { Fact } from '../core/types';
import { exportOverPort, importOverPort, type ClientPort } from './transfer';
import type {
  AnnotationsAnswer,
  AnnotationsDeleteAnswer,
  AnnotationsRestoreAnswer,
  ExportFormat,
  ExportPartsAnswer,
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
  /**
   * All annotations as text in an export format, over the export port (any size): the text comes
   * as the chunks it was sent in; `onProgress` after each, in characters.
   */
  exportAll(
    format: ExportFormat,
    onProgress: (sent: number, total: number) => void,
  ): Promise<ExportPartsAnswer>;
  /**
   * Adds annotations (parsed in the page) over the import port, in batches; the background writes
   * all of them in one transaction, or nothing. `onProgress` after each batch.
   */
  importAll(
    annotations: readonly Annotation[],
    onProgress: (received: number, total: number) => void,
  ): Promise<ImportAnswer>;
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
  exportAll(format, onProgress) {
    return exportOverPort(connect, { format }, onProgress);
  },
  importAll(annotations, onProgress) {
    return importOverPort(connect, annotations, onProgress);
  },
  saveFact(fact) {
    return browser.runtime.sendMessage({ type: 'factmark/fact-save', fact });
  },
  deleteFact(id) {
    return browser.runtime.sendMessage({ type: 'factmark/fact-delete', id });
  },
};

function connect(name: string): ClientPort {
  const port = browser.runtime.connect({ name });
  return {
    postMessage: (message) => port.postMessage(message),
    onMessage: { addListener: (l) => port.onMessage.addListener((message) => l(message)) },
    onDisconnect: { addListener: (l) => port.onDisconnect.addListener(() => l()) },
    disconnect: () => port.disconnect(),
  };
}
