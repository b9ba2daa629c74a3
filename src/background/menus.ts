/**
 * "Annotate with Factmark": a context-menu item on selected text and a keyboard command
 * ("annotate-selection", manifest.json), both of which ask the page's content script to open the
 * annotation editor by the selection ({ type: 'factmark/annotate' }).
 *
 * "Add this page as a Factmark source": a context-menu item on the page, which asks the tab's
 * content script for the page's visible text ({ type: 'factmark/page-text' }, answered by the top
 * frame only), checks the answer as any input from a page, and adds it as a source of origin
 * `page` (src/background/sources.ts). What became of it is said on the toolbar button of that
 * tab: a badge and its title (no notification permission is needed for either).
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
import { messageOf } from '../shared/answers';
import type { AnnotateRequest } from '../shared/messages';
import {
  checkPageTextAnswer,
  type PageText,
  type PageTextRequest,
  type SourceSummary,
} from '../shared/sources-protocol';
import type { InstallReason, MenuItem, MenusBrowserApi } from './browser-api';

export const ANNOTATE_MENU_ID = 'factmark-annotate';
export const SOURCE_MENU_ID = 'factmark-add-page-source';
/** The command's name in manifest.json's "commands". */
export const ANNOTATE_COMMAND = 'annotate-selection';

const ANNOTATE_MENU: MenuItem = {
  id: ANNOTATE_MENU_ID,
  title: 'Annotate with Factmark',
  contexts: ['selection'],
};
const SOURCE_MENU: MenuItem = {
  id: SOURCE_MENU_ID,
  title: 'Add this page as a Factmark source',
  contexts: ['page'],
};
const ANNOTATE: AnnotateRequest = { type: 'factmark/annotate' };
const PAGE_TEXT: PageTextRequest = { type: 'factmark/page-text' };
// tabs.TAB_ID_NONE: a click outside any tab (a devtools or extension window).
const TAB_ID_NONE = -1;

/** Create the menu item when the extension is installed or updated. */
export function createMenusOn(reason: InstallReason, api: MenusBrowserApi): Promise<void> {
  if (reason !== 'install' && reason !== 'update') return Promise.resolve();
  return api.resetContextMenus([ANNOTATE_MENU, SOURCE_MENU]);
}

/** Adds a page as a source (sources.ts addSource, with the page's text made a source). */
export type AddPageSource = (page: PageText) => Promise<SourceSummary>;

/**
 * Listen for the menu items' clicks and the keyboard command. `addPageSource`: what "Add this
 * page as a Factmark source" does with the page's text (absent: the item does nothing).
 */
export function registerAnnotateTriggers(
  api: MenusBrowserApi,
  addPageSource?: AddPageSource,
): void {
  api.onContextMenuClicked((click) => {
    if (click.tabId === undefined || click.tabId === TAB_ID_NONE) return;
    if (click.menuItemId === SOURCE_MENU_ID) {
      if (addPageSource) void addPage(api, click.tabId, addPageSource);
      return;
    }
    if (click.menuItemId !== ANNOTATE_MENU_ID) return;
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

/**
 * Ask the tab's top frame for its text (only it answers; its text holds same-origin frames'),
 * add it, and say how it went on the tab's toolbar button. Never throws.
 */
async function addPage(api: MenusBrowserApi, tabId: number, add: AddPageSource): Promise<void> {
  let outcome: { badge: string; title: string };
  try {
    let answer: unknown;
    try {
      answer = await api.sendToTab(tabId, PAGE_TEXT, 0);
    } catch {
      throw new Error('the page did not answer (reload it and try again)');
    }
    const page = checkPageTextAnswer(answer);
    if (typeof page === 'string') throw new Error(page);
    const source = await add(page);
    const facts = `${source.facts.toLocaleString('en-US')} fact${source.facts === 1 ? '' : 's'}`;
    outcome = { badge: '+1', title: `Factmark: added “${source.title}” as a source (${facts})` };
  } catch (error) {
    // An error from the background reads "source-add: …"; the journalist needs the reason.
    const reason = messageOf(error).replace(/^source-add: /, '');
    console.warn('[factmark] page not added as a source:', reason);
    outcome = { badge: '!', title: `Factmark: this page was not added as a source: ${reason}` };
  }
  try {
    await api.tellTab?.(tabId, outcome.badge, outcome.title);
  } catch {
    // The tab closed meanwhile: nobody to tell.
  }
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
