/**
 * The background's only door to extension APIs: a thin seam over webextension-polyfill that unit
 * tests replace (the polyfill throws when imported outside an extension).
 */
import browser from 'webextension-polyfill';

/** What the router needs to know about who sent a message. */
export interface Sender {
  id?: string;
  url?: string;
}

export type InstallReason =
  'install' | 'update' | 'browser_update' | 'chrome_update' | 'shared_module_update';

/** Returning a promise answers the message; returning undefined leaves it to other listeners. */
export type MessageListener = (message: unknown, sender: Sender) => Promise<unknown> | undefined;

export interface BackgroundBrowserApi {
  readonly extensionId: string;
  onInstalled(listener: (reason: InstallReason) => void): void;
  onMessage(listener: MessageListener): void;
}

export const backgroundBrowserApi: BackgroundBrowserApi = {
  get extensionId() {
    return browser.runtime.id;
  },
  onInstalled(listener) {
    browser.runtime.onInstalled.addListener((details) => listener(details.reason));
  },
  onMessage(listener) {
    // The polyfill's listener type is a union of three signatures; ours is the promise one.
    browser.runtime.onMessage.addListener(
      listener as (message: unknown, sender: Sender) => Promise<unknown>,
    );
  },
};
