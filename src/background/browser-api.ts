/**
 * The background's only door to extension APIs: a thin seam over webextension-polyfill that unit
 * tests replace (the polyfill throws when imported outside an extension).
 */
import browser from 'webextension-polyfill';
import type { ContentRequest } from '../shared/messages';
import { askPersistentStorage } from './persist';
import { syncBrowserApi, type SyncBrowserApi } from './sync/browser';

/**
 * What the router needs to know about who sent a message (src/shared/protocol.ts callerOf): the
 * extension's id; the URL of the page or frame that sent it; `tab` is set for a content script (a
 * web page's frame), and also for an extension page shown in a tab (the options page): `url`
 * tells the two apart.
 */
export interface Sender {
  id?: string;
  url?: string;
  tab?: unknown;
  /** 0 for a tab's top frame; both browsers set it for every sender in a tab. */
  frameId?: number;
}

export type InstallReason =
  'install' | 'update' | 'browser_update' | 'chrome_update' | 'shared_module_update';

/** Returning a promise answers the message; returning undefined leaves it to other listeners. */
export type MessageListener = (message: unknown, sender: Sender) => Promise<unknown> | undefined;

/** Who opened a port: as for a message (Sender). */
export type PortSender = Sender;

/** A runtime.connect port, as much of it as transfer.ts uses (tests fake it). */
export interface Port {
  readonly name: string;
  readonly sender?: PortSender;
  postMessage(message: unknown): void;
  readonly onMessage: { addListener(listener: (message: unknown) => void): void };
  readonly onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

/** A context-menu item (contextMenus.create's properties that Factmark uses). */
export interface MenuItem {
  id: string;
  title: string;
  /** `selection`: on selected text; `page`: on the page itself (nothing selected, no link). */
  contexts: ('selection' | 'page')[];
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
  /**
   * Say something on the toolbar button for one tab (action.setBadgeText and setTitle: no
   * permission needed): what became of "Add this page as a Factmark source".
   */
  tellTab?(tabId: number, badge: string, title: string): Promise<void>;
}

export interface BackgroundBrowserApi extends MenusBrowserApi {
  readonly extensionId: string;
  /**
   * The URL of the extension's root, "chrome-extension://<id>/" (Firefox: "moz-extension://<uuid>/",
   * a uuid other than the id): the extension's own pages' URLs start with it, content scripts' not.
   */
  readonly extensionOrigin: string;
  onInstalled(listener: (reason: InstallReason) => void): void;
  onMessage(listener: MessageListener): void;
  /** runtime.onConnect: a port opened by one of the extension's parts (or, in theory, others). */
  onConnect(listener: (port: Port) => void): void;
  /** navigator.storage.persist() unless already persistent (persist.ts): whether it now is. */
  persistStorage(): Promise<boolean>;
  /** Desk sync's host permissions and alarms (sync/browser.ts); absent: no desk sync (tests). */
  readonly sync?: SyncBrowserApi;
}

export const backgroundBrowserApi: BackgroundBrowserApi = {
  get extensionId() {
    return browser.runtime.id;
  },
  get extensionOrigin() {
    return browser.runtime.getURL('');
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
  onConnect(listener) {
    browser.runtime.onConnect.addListener((port) =>
      listener({
        name: port.name,
        sender: port.sender,
        postMessage: (message) => port.postMessage(message),
        onMessage: { addListener: (l) => port.onMessage.addListener((message) => l(message)) },
        onDisconnect: { addListener: (l) => port.onDisconnect.addListener(() => l()) },
        disconnect: () => port.disconnect(),
      }),
    );
  },
  persistStorage() {
    return askPersistentStorage(globalThis.navigator?.storage);
  },
  sync: syncBrowserApi,
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
  async tellTab(tabId, badge, title) {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: badge }),
      browser.action.setTitle({ tabId, title }),
    ]);
  },
};
