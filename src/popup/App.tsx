import { useCallback, useEffect, useState } from 'preact/hooks';
import { AddPageSource } from './AddPageSource';
import { AnnotationSection } from './AnnotationSection';
import { DeskSyncLine } from './DeskSyncLine';
import type { PopupBrowserApi } from './browser-api';
import { EntityList } from './EntityList';
import { FigureTable } from './FigureTable';
import { HighlightExport } from './HighlightExport';
import { hostOf, loadPage, type PageState } from './load-page';
import { Notice } from './Notice';
import { SharePage } from './SharePage';
import { SiteSwitch } from './SiteSwitch';
import { SummaryStrip } from './SummaryStrip';

interface AppProps {
  api: PopupBrowserApi;
  /**
   * What the popup shows, being loaded since before the first render (main.tsx: the report, then
   * the facts it names, are asked for while the popup's UI loads); loaded here if absent.
   */
  page?: Promise<PageState>;
}

/** The popup: the page's report, checked, as soon as the content script answers. */
export function App({ api, page }: AppProps) {
  const [state, setState] = useState<PageState>({ status: 'loading' });
  const [revealError, setRevealError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void (page ?? loadPage(api)).then((next) => live && setState(next));
    return () => {
      live = false;
    };
  }, [api, page]);

  const tabId = state.status === 'ready' ? state.tabId : null;
  const reveal = useCallback(
    (index: number) => {
      if (tabId === null) return;
      setRevealError(null);
      api
        .sendToTab(tabId, { type: 'factmark/reveal', target: 'figure', index })
        .then((answer) => {
          const ok = typeof answer === 'object' && answer !== null && 'ok' in answer && answer.ok;
          if (!ok) setRevealError('That figure is no longer on the page.');
        })
        .catch(() => setRevealError('The page did not answer. Reload it and try again.'));
    },
    [api, tabId],
  );

  return (
    <main class="popup">
      <header class="header">
        <img class="logo" src="/icons/icon-32.png" width={20} height={20} alt="" />
        <h1>Factmark</h1>
        {state.status === 'ready' && state.report.title ? (
          <p class="page-title muted" title={state.report.url}>
            {state.report.title}
          </p>
        ) : null}
      </header>
      <DeskSyncLine api={api} />
      <Body state={state} api={api} onReveal={reveal} />
      <p class="error" role="alert">
        {revealError}
      </p>
    </main>
  );
}

interface BodyProps {
  state: PageState;
  api: PopupBrowserApi;
  onReveal(index: number): void;
}

function Body({ state, api, onReveal }: BodyProps) {
  switch (state.status) {
    case 'loading':
      return <Notice title="Reading the page…" />;
    case 'unavailable':
      return (
        <Notice title="Factmark can't read this page.">
          It checks web pages (http and https). Browser pages, extension stores and built-in viewers
          are out of its reach; a page opened before Factmark was installed needs a reload.
        </Notice>
      );
    case 'ready': {
      const { report, facts, factsError, tabId, annotationsRequest } = state;
      const host = hostOf(report.url);
      return (
        <>
          {host ? <SiteSwitch api={api} tabId={tabId} host={host} /> : null}
          <SummaryStrip figures={report.figures} />
          <EntityList mentions={report.mentions} />
          {factsError ? (
            <p class="error" role="alert">
              The fact base could not be read, so sources are missing.
            </p>
          ) : null}
          {report.figures.length > 0 ? (
            <>
              <FigureTable figures={report.figures} facts={facts} onReveal={onReveal} />
              <HighlightExport report={report} facts={facts} host={host} />
            </>
          ) : (
            <Notice title="No figures on this page.">
              Factmark found no amounts, counts, percentages or years to check here.
            </Notice>
          )}
          <AnnotationSection
            api={api}
            tabId={tabId}
            pageUrl={report.url}
            host={host}
            request={annotationsRequest}
            placed={report.annotations}
          />
          <SharePage api={api} pageUrl={report.url} request={annotationsRequest} />
          <AddPageSource api={api} tabId={tabId} />
        </>
      );
    }
  }
}
