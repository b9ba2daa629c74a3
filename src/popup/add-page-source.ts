/**
 * "Add this page as a source": the page's visible text from its content script, sent to the
 * background as a source of origin `page` — its title the first line, as the CLI reads a saved
 * page (pageSource, which the context menu's item uses too). Loaded only when the button is
 * pressed, so the popup opens without it.
 */
import { failureOf, messageOf } from '../shared/answers';
import {
  checkPageTextAnswer,
  pageSource,
  sourceTextProblem,
  type SourceSummary,
} from '../shared/sources-protocol';
import type { PopupBrowserApi } from './browser-api';

export type AddPageResult = { ok: true; source: SourceSummary } | { ok: false; error: string };

/** Reads the tab's page and adds it as a source; `onExtracting` once the page is read. */
export async function addPageAsSource(
  api: PopupBrowserApi,
  tabId: number,
  onExtracting: () => void,
): Promise<AddPageResult> {
  let answer: unknown;
  try {
    answer = await api.sendToTab(tabId, { type: 'factmark/page-text' });
  } catch {
    return { ok: false, error: 'The page did not answer. Reload it and try again.' };
  }
  const page = checkPageTextAnswer(answer);
  if (typeof page === 'string') return { ok: false, error: `The page could not be read: ${page}` };
  const problem = sourceTextProblem(page.text);
  if (problem !== null) return { ok: false, error: `Not added: the page’s text ${problem}.` };
  onExtracting();
  try {
    const added = await api.addSource(pageSource(page));
    return added?.ok
      ? { ok: true, source: added.source }
      : { ok: false, error: `Not added: ${failureOf(added)}` };
  } catch (thrown) {
    return { ok: false, error: `Not added: ${messageOf(thrown)}` };
  }
}
