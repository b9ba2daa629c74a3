/**
 * The content script's only door to extension APIs: a thin seam that tests replace.
 * Everything it sends goes to our own background; nothing leaves the machine.
 */
import browser from 'webextension-polyfill';
import { ask, type AnswerOf, type ContentScriptRequest } from '../shared/protocol';

export interface ContentBrowserApi {
  /**
   * A request to the background, typed by the contract (src/shared/protocol.ts): only the request
   * types a content script may send compile here, and each gets its own answer type. The
   * background scopes them to this frame's origin (docs/contracts.md, "Who may call").
   */
  request<R extends ContentScriptRequest>(message: R): Promise<AnswerOf<R['type']>>;
  /** Listen for messages from the extension; returns the unsubscribe function. */
  onMessage(
    handler: (message: unknown, senderId: string | undefined) => Promise<unknown> | undefined,
  ): () => void;
  readonly extensionId: string;
  /** A port to the extension's pages and background (the annotation editor's: editor-frame.ts). */
  connect(name: string): ContentPort;
  /** The URL of one of the extension's files, as the page may load it (web_accessible_resources). */
  extensionUrl(path: string): string;
}

/** A runtime port, as much of it as the content script uses. */
export interface ContentPort {
  postMessage(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onDisconnect(listener: () => void): void;
  disconnect(): void;
}

export const contentBrowserApi: ContentBrowserApi = {
  request: (message) => ask((m) => browser.runtime.sendMessage(m), message),
  onMessage(handler) {
    const listener = (message: unknown, sender: { id?: string }) => handler(message, sender.id);
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  },
  get extensionId() {
    return browser.runtime.id;
  },
  connect(name) {
    const port = browser.runtime.connect({ name });
    return {
      postMessage: (message) => port.postMessage(message),
      onMessage: (listener) => port.onMessage.addListener(listener),
      onDisconnect: (listener) => port.onDisconnect.addListener(() => listener()),
      disconnect: () => port.disconnect(),
    };
  },
  extensionUrl: (path) => browser.runtime.getURL(path),
};
