/**
 * The popup's only door to extension APIs: a thin seam over webextension-polyfill that unit tests
 * replace. It builds the typed messages of src/shared/messages.ts; nothing leaves the browser.
 */
import browser from 'webextension-polyfill';
import { ask } from '../shared/protocol';
import type { Annotation } from '../core/annotations/types';
import type {
  AnnotationSaveAnswer,
  AnnotationsAnswer,
  AnnotationsDeleteAnswer,
  AnnotationsRestoreAnswer,
  ContentRequest,
  ExportAnswer,
  ExportFormat,
  FactsAnswer,
  SiteAnswer,
} from '../shared/messages';
import type { NewSource, SourceAnswer } from '../shared/sources-protocol';
import type { ShareAnswer, SyncStatusAnswer } from '../shared/desk-sync-client';
import { tabIdFromSearch } from './tab-from-url';

export interface PopupBrowserApi {
  /**
   * The tab the popup speaks about: the active tab of the popup's window. When the popup page is
   * opened in a tab of its own (end-to-end tests, debugging), `?tab=<id>` names the tab instead.
   * Null when there is none.
   */
  targetTabId(): Promise<number | null>;
  /** A message to the content script of a tab; rejects when none listens there. */
  sendToTab(tabId: number, message: ContentRequest): Promise<unknown>;
  getFacts(ids: string[]): Promise<FactsAnswer>;
  getSiteEnabled(host: string): Promise<SiteAnswer>;
  setSiteEnabled(host: string, enabled: boolean): Promise<SiteAnswer>;
  /** The annotations of one page (the background keys them by canonical URL), or all of them. */
  getAnnotations(url?: string): Promise<AnnotationsAnswer>;
  saveAnnotation(annotation: Annotation): Promise<AnnotationSaveAnswer>;
  deleteAnnotations(ids: string[]): Promise<AnnotationsDeleteAnswer>;
  restoreAnnotations(annotations: Annotation[]): Promise<AnnotationsRestoreAnswer>;
  /** One page's annotations as text in an export format. */
  exportAnnotations(format: ExportFormat, url: string): Promise<ExportAnswer>;
  /** Adds a source ("Add this page as a source"); the background extracts its facts first. */
  addSource(source: NewSource): Promise<SourceAnswer>;
  /** Desk sync's state, for the one-line state under the header (optional: tests may leave it out). */
  syncStatus?(): Promise<SyncStatusAnswer>;
  /** Marks every annotation of the journalist's own on this page (its canonical URL) shared. */
  sharePage?(url: string): Promise<ShareAnswer>;
}

export const popupBrowserApi: PopupBrowserApi = {
  async targetTabId() {
    const named = tabIdFromSearch(location.search);
    if (named !== null) return named;
    // Without the "tabs" permission the tab's url and title are hidden, but its id is not.
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  },
  sendToTab(tabId, message) {
    return browser.tabs.sendMessage(tabId, message);
  },
  getFacts(ids) {
    return ask(send, { type: 'factmark/facts-get', ids });
  },
  getSiteEnabled(host) {
    return ask(send, { type: 'factmark/site-get', host });
  },
  setSiteEnabled(host, enabled) {
    return ask(send, { type: 'factmark/site-set', host, enabled });
  },
  getAnnotations(url) {
    return ask(
      send,
      url === undefined ? { type: 'factmark/annotations' } : { type: 'factmark/annotations', url },
    );
  },
  saveAnnotation(annotation) {
    return ask(send, { type: 'factmark/annotation-save', annotation });
  },
  deleteAnnotations(ids) {
    return ask(send, { type: 'factmark/annotations-delete', ids });
  },
  restoreAnnotations(annotations) {
    return ask(send, { type: 'factmark/annotations-restore', annotations });
  },
  exportAnnotations(format, url) {
    return ask(send, { type: 'factmark/export', format, url });
  },
  addSource(source) {
    return ask(send, { type: 'factmark/source-add', source });
  },
  syncStatus() {
    return ask(send, { type: 'factmark/sync-status' });
  },
  sharePage(url) {
    return ask(send, { type: 'factmark/share', url, shared: true });
  },
};

/** runtime.sendMessage, whose answer `ask` types by the contract (src/shared/protocol.ts). */
function send(message: unknown): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}
