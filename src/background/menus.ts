/**
 * "Annotate with Factmark": a context-menu item on selected text and a keyboard command
 * ("annotate-selection", manifest.json), both of which ask the page's content script to open the
 * annotation editor by the selection ({ type: 'factmark/annotate' }).
 *
 * Permissions: "contextMenus" is the one these need (the menu item). The keyboard command needs
 * none. tabs.sendMessage to our own content script, and a tab's id (from the click, the command
 * or tabs.query), need no "tabs" permission — that one would only add tabs' URLs and titles,
 * which Factmark does not read — and no host permission beyond the content scripts' matches.
 *
 * Context-menu items persist in both browsers (Chrome's service worker, Firefox's event page),
 * so they are (re)created on install and update only; the click and command listeners are
 * registered on every start, synchronously, so the event that woke the background is not missed.
 */
import type { AnnotateRequest } from '../shared/messages';
import type { InstallReason, MenuItem, MenusBrowserApi } from './browser-api';

export const ANNOTATE_MENU_ID = 'factmark-annotate';
/** The command's name in manifest.json's "commands". */
export const ANNOTATE_COMMAND = 'annotate-selection';

const ANNOTATE_MENU: MenuItem = {
  id: ANNOTATE_MENU_ID,
  title: 'Annotate with Factmark',
  contexts: ['selection'],
};
const ANNOTATE: AnnotateRequest = { type: 'factmark/annotate' };
// tabs.TAB_ID_NONE: a click outside any tab (a devtools or extension window).
const TAB_ID_NONE = -1;

/** Create the menu item when the extension is installed or updated. */
export function createMenusOn(reason: InstallReason, api: MenusBrowserApi): Promise<void> {
  if (reason !== 'install' && reason !== 'update') return Promise.resolve();
  return api.resetContextMenus([ANNOTATE_MENU]);
}

/** Listen for the menu item's clicks and the keyboard command. */
export function registerAnnotateTriggers(api: MenusBrowserApi): void {
  api.onContextMenuClicked((click) => {
    if (click.menuItemId !== ANNOTATE_MENU_ID) return;
    if (click.tabId === undefined || click.tabId === TAB_ID_NONE) return;
    // The top frame, wherever the click was: annotations live there, and it annotates the
    // selections of same-origin frames too (src/content/same-origin-frames.ts). A frame's own
    // content script does not answer; a cross-origin frame's selection is out of reach either way.
    void send(api, click.tabId, 0);
  });
  api.onCommand((command, tabId) => {
    if (command !== ANNOTATE_COMMAND) return;
    void (async () => {
      const target = tabId ?? (await api.activeTabId().catch(() => undefined));
      if (target === undefined || target === TAB_ID_NONE) return;
      // A shortcut does not say which frame holds the selection: every frame is asked, and
      // the content script of a frame without a selection declines.
      await send(api, target, undefined);
    })();
  });
}

async function send(api: MenusBrowserApi, tabId: number, frameId: number | undefined) {
  try {
    await api.sendToTab(tabId, ANNOTATE, frameId);
  } catch (error) {
    // No content script there: a browser page, a store page, or a tab opened before the
    // extension was installed. Nothing to annotate in it.
    console.warn('[factmark] could not reach the page to annotate', error);
  }
}
