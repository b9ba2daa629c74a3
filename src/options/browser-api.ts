/** The options page's only door to extension APIs; unit tests replace it. */
import browser from 'webextension-polyfill';
import { ask } from '../shared/protocol';
import type { Annotation } from '../core/annotations/types';
import type { Fact } from '../core/types';
import { exportOverPort, importOverPort, type ClientPort } from './transfer';
import type {
  AnnotationsDeleteAnswer,
  AnnotationsPageAnswer,
  AnnotationsPageRequest,
  AnnotationsRestoreAnswer,
  ExportFormat,
  ExportPartsAnswer,
  OkAnswer,
  FactSaveAnswer,
  FactsAnswer,
  ImportAnswer,
  ImportUndoAnswer,
} from '../shared/messages';

/** A page request of the Library's list (factmark/annotations-page), without its type. */
export type PageRequest = Omit<AnnotationsPageRequest, 'type'>;

export interface OptionsBrowserApi {
  getAllFacts(): Promise<FactsAnswer>;
  /**
   * One page of every annotation, newest first, matching `query` (evaluated by the background):
   * never every annotation in one message, which from some 75,000 exceeds Chrome's 64 MiB.
   */
  getAnnotationsPage(request: PageRequest): Promise<AnnotationsPageAnswer>;
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
  /** Undoes the latest import: `id` is its answer's `undo`. */
  undoImport(id: string): Promise<ImportUndoAnswer>;
  /** Adds or replaces one of the user's facts (`user:` ids). */
  saveFact(fact: Fact): Promise<FactSaveAnswer>;
  deleteFact(id: string): Promise<OkAnswer>;
}

export const optionsBrowserApi: OptionsBrowserApi = {
  getAllFacts() {
    return ask(send, { type: 'factmark/facts' });
  },
  getAnnotationsPage(request) {
    return ask(send, { type: 'factmark/annotations-page', ...request });
  },
  deleteAnnotations(ids) {
    return ask(send, { type: 'factmark/annotations-delete', ids });
  },
  restoreAnnotations(annotations) {
    return ask(send, { type: 'factmark/annotations-restore', annotations });
  },
  exportAll(format, onProgress) {
    return exportOverPort(connect, { format }, onProgress);
  },
  importAll(annotations, onProgress) {
    return importOverPort(connect, annotations, onProgress);
  },
  undoImport(id) {
    return ask(send, { type: 'factmark/import-undo', id });
  },
  saveFact(fact) {
    return ask(send, { type: 'factmark/fact-save', fact });
  },
  deleteFact(id) {
    return ask(send, { type: 'factmark/fact-delete', id });
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

/** runtime.sendMessage, whose answer `ask` types by the contract (src/shared/protocol.ts). */
function send(message: unknown): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}
