/**
 * The content script's only door to extension APIs: a thin seam that tests replace.
 * Everything it sends goes to our own background; nothing leaves the machine.
 */
import browser from 'webextension-polyfill';
import type { BackgroundRequest, FactsAnswer, SiteAnswer } from '../shared/messages';

export interface ContentBrowserApi {
  request(message: BackgroundRequest & { type: 'factmark/facts' }): Promise<FactsAnswer>;
  request(
    message: BackgroundRequest & { type: 'factmark/site-get' | 'factmark/site-set' },
  ): Promise<SiteAnswer>;
  /** Any other request to the background; the caller checks the answer's shape. */
  send(message: { type: string; [field: string]: unknown }): Promise<unknown>;
  /** Listen for messages from the extension; returns the unsubscribe function. */
  onMessage(
    handler: (message: unknown, senderId: string | undefined) => Promise<unknown> | undefined,
  ): () => void;
  readonly extensionId: string;
}

export const contentBrowserApi: ContentBrowserApi = {
  request: ((message: BackgroundRequest) =>
    browser.runtime.sendMessage(message)) as ContentBrowserApi['request'],
  send: (message) => browser.runtime.sendMessage(message),
  onMessage(handler) {
    const listener = (message: unknown, sender: { id?: string }) => handler(message, sender.id);
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  },
  get extensionId() {
    return browser.runtime.id;
  },
};
