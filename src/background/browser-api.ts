/**
 * The background's only door to extension APIs: a thin seam over webextension-polyfill that unit
 * tests replace (the polyfill throws when imported outside an extension).
 */
import browser from 'webextension-polyfill';
import type { ContentRequest } from '../shared/messages';

/** What the router needs to know about who sent a message. */
export interface Sender {
  id?: string;
  url?: string;
}

export type InstallReason =
  'install' | 'update' | 'browser_update' | 'chrome_update' | 'shared_module_update';

/** Returning a promise answers the message; returning undefined leaves it to other listeners. */
export type MessageListener = (message: unknown, sender: Sender) => Promise<unknown> | undefined;

/** A context-menu item (contextMenus.create's properties that Factmark uses). */
export interface MenuItem {
  id: string;
  title: string;
  contexts: 'selection'[];
}

/** Where a context-menu click happened: the tab (absent for clicks outside tabs) and frame. */
export interface MenuClick {
  menuItemId: string | number;
  tabId: number | undefined;
  frameId: number | undefined;
}

/** The context menu, keyboard commands and messages to tabs (menus.ts). */
export interface MenusBrowserApi {
  /** Replace every context-menu item of the extension with these. */
  resetContextMenus(items: readonly MenuItem[]): Promise<void>;
  onContextMenuClicked(listener: (click: MenuClick) => void): void;
  /** `tabId`: the tab that was active when the shortcut was pressed, when the browser says. */
  onCommand(listener: (command: string, tabId: number | undefined) => void): void;
  /** The active tab of the current window (a tab's id needs no "tabs" permission). */
  activeTabId(): Promise<number | undefined>;
  /** tabs.sendMessage to the tab's content script: one frame, or every frame when absent. */
  sendToTab(tabId: number, message: ContentRequest, frameId?: number): Promise<unknown>;
}

export interface BackgroundBrowserApi extends MenusBrowserApi {
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
  async resetContextMenus(items) {
    await browser.contextMenus.removeAll();
    for (const item of items) {
      // create() is not promise-based; its callback is where an error (a duplicate id) shows.
      browser.contextMenus.create({ ...item }, () => {
        const error = browser.runtime.lastError;
        if (error) console.error('[factmark] context menu not created', error.message);
      });
    }
  },
  onContextMenuClicked(listener) {
    browser.contextMenus.onClicked.addListener((info, tab) =>
      listener({ menuItemId: info.menuItemId, tabId: tab?.id, frameId: info.frameId }),
    );
  },
  onCommand(listener) {
    browser.commands.onCommand.addListener((command, tab) => listener(command, tab?.id));
  },
  async activeTabId() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  },
  sendToTab(tabId, message, frameId) {
    return frameId === undefined
      ? browser.tabs.sendMessage(tabId, message)
      : browser.tabs.sendMessage(tabId, message, { frameId });
  },
};
