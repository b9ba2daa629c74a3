/**
 * What the tests do from the extension's own pages, the way the popup does it: ask a tab's
 * content script for its report, ask the background for facts. These run inside an extension
 * page, where `browser` (Firefox, Chrome ≥ 144) or `chrome` is the extension API.
 */
import type { Report } from '../../src/core/types';
import type { ContentStats, FactsAnswer } from '../../src/shared/messages';
import { waitFor, type ExtensionBrowser, type TestPage } from './harness';

/** The few extension API calls the tests make, typed for use inside page functions. */
interface ExtensionApi {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}
type ApiGlobals = { browser?: ExtensionApi; chrome?: ExtensionApi };

/** Ask the background, from an extension page. */
export function askBackground(page: TestPage, message: unknown): Promise<unknown> {
  return page.evaluate(async (msg) => {
    const g = globalThis as unknown as ApiGlobals;
    const api = (g.browser ?? g.chrome) as ExtensionApi;
    return api.runtime.sendMessage(msg);
  }, message);
}

export async function requestFacts(page: TestPage): Promise<FactsAnswer> {
  return (await askBackground(page, { type: 'factmark/facts' })) as FactsAnswer;
}

/** Ask a tab's content script for its report, from an extension page. */
export async function requestReport(page: TestPage, tabId: number): Promise<Report> {
  // As JSON text: WebDriver BiDi serializes an object met twice as a reference to the first, which
  // the client may not resolve; the report is compared value for value with the CLI's.
  const text = await page.evaluate(async (id) => {
    const g = globalThis as unknown as ApiGlobals;
    const api = (g.browser ?? g.chrome) as ExtensionApi;
    return JSON.stringify(await api.tabs.sendMessage(id, { type: 'factmark/report' }));
  }, tabId);
  return JSON.parse(text) as Report;
}

/** The content script's own measurements (factmark/stats), once every figure has its verdict. */
export function requestCompletedStats(page: TestPage, tabId: number): Promise<ContentStats> {
  return waitFor(
    page,
    async (id) => {
      const g = globalThis as unknown as ApiGlobals;
      const api = (g.browser ?? g.chrome) as ExtensionApi;
      const stats = (await api.tabs.sendMessage(id, {
        type: 'factmark/stats',
      })) as ContentStats | null;
      return stats && stats.completeMs !== null ? stats : null;
    },
    tabId,
    'the first pass and its per-figure work',
  );
}

/**
 * The id of the tab showing `url`, found as the popup would talk to it: the tab whose content
 * script reports that URL. (Without the "tabs" permission Chrome hides tabs' URLs.) Waits for
 * the content script to be ready.
 */
export function findTabId(page: TestPage, url: string): Promise<number> {
  return waitFor(
    page,
    async (wanted) => {
      const g = globalThis as unknown as ApiGlobals;
      const api = (g.browser ?? g.chrome) as ExtensionApi;
      for (const tab of await api.tabs.query({})) {
        if (tab.id === undefined) continue;
        try {
          const report = (await api.tabs.sendMessage(tab.id, { type: 'factmark/report' })) as {
            url?: string;
          } | null;
          if (report?.url === wanted) return tab.id;
        } catch {
          // No content script in that tab (an extension page, about:blank).
        }
      }
      return null;
    },
    url,
    `a tab whose content script reports ${url}`,
  );
}

/** Popup width in the toolbar (popup.css), and a height that fits the story page's table. */
export const POPUP_SIZE = { width: 420, height: 900 };

/**
 * The popup page in a tab of its own, speaking about `tabId` (`?tab=`; without it, about the
 * active tab, which is then the popup itself). Resolves once it shows something other than
 * its loading state, with every row of its figure table (FigureTable renders the first ones
 * first).
 */
export async function openPopup(browser: ExtensionBrowser, tabId?: number): Promise<TestPage> {
  const query = tabId === undefined ? '' : `?tab=${tabId}`;
  const popup = await browser.openExtensionPage(`src/popup/index.html${query}`);
  await popup.setViewport(POPUP_SIZE.width, POPUP_SIZE.height);
  await waitFor(
    popup,
    () =>
      document.querySelector('table.figures, .notice-title') !== null &&
      document.querySelector('table.figures[aria-busy="true"]') === null &&
      !document.body.textContent?.includes('Reading the page…'),
    undefined,
    'the popup to render',
  );
  return popup;
}
