/** The options page's only door to extension APIs; unit tests replace it. */
import browser from 'webextension-polyfill';
import { ask } from '../shared/protocol';
import type { Annotation } from '../core/annotations/types';
import type { Fact } from '../core/types';
import type { ExportFileAnswer } from '../shared/download';
import type { ImportBatches } from './import-batches';
import { exportOverPort, importOverPort, type ClientPort } from './transfer';
import { backupOverPort, restoreOverPort } from './backup-transfer';
import type { BackupImportAnswer } from '../shared/backup-protocol';
import type {
  AnnotationsDeleteAnswer,
  AnnotationsPageAnswer,
  AnnotationsPageRequest,
  AnnotationsRestoreAnswer,
  ExportFormat,
  OkAnswer,
  FactSaveAnswer,
  FactsAnswer,
  ImportAnswer,
  ImportUndoAnswer,
} from '../shared/messages';
import type {
  EntitiesAnswer,
  EntityAnswer,
  NewSource,
  SourceAnswer,
  SourceFactsAnswer,
  SourcesAnswer,
  WatchedNameInput,
} from '../shared/sources-protocol';

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
   * All annotations as text in an export format, over the export port (any size): a Blob made of
   * the chunks it came in; `onProgress` as the background reads (annotations, of about the
   * total). `signal` cancels (the background stops).
   */
  exportAll(
    format: ExportFormat,
    onProgress: (sent: number, total: number) => void,
    signal?: AbortSignal,
  ): Promise<ExportFileAnswer>;
  /**
   * Adds annotations over the import port, a batch of `source` at a time (the import file's
   * worker parses it and hands over one batch when asked, import-file.ts); the background writes
   * all of them in one transaction, or nothing. `onProgress` after each batch.
   */
  importAll(
    source: ImportBatches,
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
  exportAll(format, onProgress, signal) {
    return exportOverPort(connect, { format }, onProgress, signal);
  },
  importAll(source, onProgress) {
    return importOverPort(connect, source, onProgress);
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

/**
 * The Sources section's calls (issue 10): a seam of its own beside OptionsBrowserApi, so that each
 * section's tests fake only what it asks. Facts are dropped and corrected with the fact base's own
 * requests (factmark/fact-delete, factmark/fact-save with the fact's id).
 */
export interface SourcesApi {
  getSources(): Promise<SourcesAnswer>;
  /** Adds a source; the background extracts its facts before it answers. */
  addSource(source: NewSource): Promise<SourceAnswer>;
  removeSource(id: string): Promise<OkAnswer>;
  enableSource(id: string, enabled: boolean): Promise<SourceAnswer>;
  getSourceFacts(id: string): Promise<SourceFactsAnswer>;
  saveFact(fact: Fact): Promise<FactSaveAnswer>;
  deleteFact(id: string): Promise<OkAnswer>;
}

/** The Watched names section's calls. */
export interface WatchedNamesApi {
  getEntities(): Promise<EntitiesAnswer>;
  saveEntity(entity: WatchedNameInput): Promise<EntityAnswer>;
  removeEntity(id: string): Promise<OkAnswer>;
  enableEntity(id: string, enabled: boolean): Promise<EntityAnswer>;
}

export const storyBrowserApi: SourcesApi & WatchedNamesApi = {
  getSources: () => ask(send, { type: 'factmark/sources' }),
  addSource: (source) => ask(send, { type: 'factmark/source-add', source }),
  removeSource: (id) => ask(send, { type: 'factmark/source-remove', id }),
  enableSource: (id, enabled) => ask(send, { type: 'factmark/source-enable', id, enabled }),
  getSourceFacts: (id) => ask(send, { type: 'factmark/source-facts', id }),
  saveFact: (fact) => optionsBrowserApi.saveFact(fact),
  deleteFact: (id) => optionsBrowserApi.deleteFact(id),
  getEntities: () => ask(send, { type: 'factmark/entities' }),
  saveEntity: (entity) => ask(send, { type: 'factmark/entity-save', entity }),
  removeEntity: (id) => ask(send, { type: 'factmark/entity-remove', id }),
  enableEntity: (id, enabled) => ask(send, { type: 'factmark/entity-enable', id, enabled }),
};

/**
 * The Backup section's calls: the backup of everything (src/shared/backup-format.ts), over its
 * ports, of any size.
 */
export interface BackupApi {
  /** The backup as a Blob; `onProgress` in records written, of about all. `signal` cancels. */
  exportBackup(
    onProgress: (written: number, total: number) => void,
    signal?: AbortSignal,
  ): Promise<ExportFileAnswer>;
  /** Restores a backup file in one transaction; `onProgress` in characters sent, of all. */
  restoreBackup(
    file: Blob,
    onProgress: (received: number, total: number) => void,
  ): Promise<BackupImportAnswer>;
}

export const backupBrowserApi: BackupApi = {
  exportBackup: (onProgress, signal) => backupOverPort(connect, onProgress, signal),
  restoreBackup: (file, onProgress) => restoreOverPort(connect, file, onProgress),
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
