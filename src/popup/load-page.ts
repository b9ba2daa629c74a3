/**
 * What the popup shows, fetched when it opens: the tab's report (from its content script), the
 * facts that the report's figures name and the user's annotations of the page (both from the
 * background, asked for at the same time as soon as the report is in).
 */
import type { Fact, Report } from '../core/types';
import type { AnnotationsAnswer } from '../shared/messages';
import { messageOf } from '../shared/answers';
import { parseReport } from '../shared/messages';
import type { PopupBrowserApi } from './browser-api';
import { askReport, type TabReport } from './early-report';
import { loadPageAnnotations } from './page-annotations';

export type PageState =
  | { status: 'loading' }
  /** No content script answers in this tab: a browser page, the web store, a PDF, or a page
   * opened before Factmark was installed. */
  | { status: 'unavailable' }
  | {
      status: 'ready';
      tabId: number;
      report: Report;
      facts: ReadonlyMap<string, Fact>;
      /** Set when the facts could not be read: figures still show, without quotes. */
      factsError: string | null;
      /**
       * The page's annotations, still on their way: the figures render first, the annotations
       * section when this settles. Never rejects.
       */
      annotationsRequest: Promise<AnnotationsAnswer>;
    };

/**
 * User-timing marks of the popup's first load (the tab known, the report in, the facts in): the
 * benchmark reads them to tell where its first render goes (bench/store.ts).
 */
export const LOAD_MARKS = ['tab', 'report', 'facts'] as const;
function mark(name: (typeof LOAD_MARKS)[number]): void {
  performance.mark(`factmark:${name}`);
}

/**
 * `first`: the tab and its report, asked for already (early-report.ts: the popup's entry asks
 * before its UI is loaded); asked for here otherwise.
 */
export async function loadPage(
  api: PopupBrowserApi,
  first: Promise<TabReport> = askReport(api),
): Promise<PageState> {
  const { tabId, answer } = await first;
  mark('tab');
  if (tabId === null || answer === undefined) return { status: 'unavailable' };
  let report: Report | null;
  try {
    report = parseReport(await answer);
  } catch {
    return { status: 'unavailable' };
  }
  if (!report) return { status: 'unavailable' };
  mark('report');

  // The facts are asked for first: the figures wait for them, while the annotations section is
  // drawn after the figures anyway.
  const ids = [...new Set(report.figures.flatMap((f) => f.facts))];
  const factsAnswer = ids.length > 0 ? api.getFacts(ids) : null;
  factsAnswer?.catch(() => undefined);
  const annotationsRequest = loadPageAnnotations(api, report.url, report.annotations);
  const ready = { status: 'ready', tabId, report, annotationsRequest } as const;
  if (factsAnswer === null) return { ...ready, facts: new Map(), factsError: null };
  try {
    const answer = await factsAnswer;
    if (!answer.ok) throw new Error(answer.error);
    const facts = new Map(answer.facts.map((f) => [f.id, f]));
    mark('facts');
    return { ...ready, facts, factsError: null };
  } catch (error) {
    const factsError = messageOf(error);
    return { ...ready, facts: new Map(), factsError };
  }
}

/** The host a report's page belongs to, or '' for a URL without one. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
