/**
 * The popup's first question, "what is on this tab?", asked by its entry (main.tsx) before the
 * first render: the content script's answer takes a walk of the page (about 30 ms at 1,000
 * paragraphs, Chromium 156), which can run while the popup renders its loading state.
 *
 * The answer is not trusted here: load-page.ts checks it (parseReport) when it takes it.
 */
import type { ContentRequest } from '../shared/messages';

/** The tab the popup speaks about, and its content script's answer, still on its way. */
export interface TabReport {
  /** Null when there is no tab to speak about. */
  tabId: number | null;
  /** The content script's answer; rejects when none listens in the tab. Absent without a tab. */
  answer?: Promise<unknown>;
}

/** What asking for a report needs: the popup's browser seam (browser-api.ts) has both. */
export interface ReportSource {
  targetTabId(): Promise<number | null>;
  sendToTab(tabId: number, message: ContentRequest): Promise<unknown>;
}

/** Find the tab, and ask its content script for the report. Never rejects. */
export async function askReport(source: ReportSource): Promise<TabReport> {
  const tabId = await source.targetTabId().catch(() => null);
  if (tabId === null) return { tabId: null };
  let answer: Promise<unknown>;
  try {
    answer = source.sendToTab(tabId, { type: 'factmark/report' });
  } catch (error) {
    answer = Promise.reject(error);
  }
  // Taken by loadPage later; a rejection before then is not an unhandled one.
  answer.catch(() => undefined);
  return { tabId, answer };
}
