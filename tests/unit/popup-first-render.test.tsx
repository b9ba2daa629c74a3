// @vitest-environment happy-dom
/**
 * The popup's first render: the report asked for before the first render (early-report.ts), and
 * a long figure table drawn first rows first (FigureTable.tsx).
 */
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { ReportFigure } from '../../src/core/types';
import { App } from '../../src/popup/App';
import { askReport, type TabReport } from '../../src/popup/early-report';
import { FIRST_ROWS, FigureTable } from '../../src/popup/FigureTable';
import { loadPage } from '../../src/popup/load-page';
import { FACTS, TAB_ID, fakeApi, mount, report, settle, text } from './popup-fixtures';

const rows = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>('tr.figure-main')];

/** `n` figures, each at its own place on the page (rows are keyed by place). */
function figures(n: number): ReportFigure[] {
  const [first] = report().figures as [ReportFigure];
  return Array.from({ length: n }, (_, i) => ({
    ...first,
    text: `$${i + 1} million`,
    start: 100 * i,
    end: 100 * i + 10,
  }));
}

function drawTable(n: number, onReveal = vi.fn()) {
  document.body.replaceChildren();
  const root = document.createElement('div');
  document.body.append(root);
  // Not through act(), which would run the table's effect before we look.
  render(
    <FigureTable
      figures={figures(n)}
      facts={new Map(FACTS.map((f) => [f.id, f]))}
      onReveal={onReveal}
    />,
    root,
  );
  return { root, onReveal };
}

describe('popup: a long figure table', () => {
  it('draws its first rows first, marked busy, then every row', async () => {
    const { root, onReveal } = drawTable(150);
    expect(rows(root)).toHaveLength(FIRST_ROWS);
    expect(root.querySelector('table.figures')?.getAttribute('aria-busy')).toBe('true');
    await settle(() => rows(root).length === 150);
    expect(root.querySelector('table.figures')?.hasAttribute('aria-busy')).toBe(false);
    // A row drawn later still reveals its own figure.
    expect(text(rows(root)[120]?.querySelector('.figure-text'))).toBe('$121 million');
    rows(root)[120]?.click();
    expect(onReveal).toHaveBeenCalledWith(120);
  });

  it('draws a short one whole at once, not busy', () => {
    const { root } = drawTable(FIRST_ROWS);
    expect(rows(root)).toHaveLength(FIRST_ROWS);
    expect(root.querySelector('table.figures')?.hasAttribute('aria-busy')).toBe(false);
  });
});

describe('popup: the report asked for before the first render', () => {
  it('loadPage takes the tab and the answer it is given, and asks the tab nothing more', async () => {
    const { api } = fakeApi();
    const first: Promise<TabReport> = Promise.resolve({
      tabId: 7,
      answer: Promise.resolve(report({ title: 'Asked early' })),
    });
    const state = await loadPage(api, first);
    expect(state.status).toBe('ready');
    if (state.status !== 'ready') return;
    expect(state.tabId).toBe(7);
    expect(state.report.title).toBe('Asked early');
    expect(api.targetTabId).not.toHaveBeenCalled();
    expect(api.sendToTab).not.toHaveBeenCalled();
  });

  it.each<[string, () => TabReport]>([
    ['no tab', () => ({ tabId: null })],
    ['no content script in the tab', () => ({ tabId: 7, answer: Promise.reject(new Error('x')) })],
    ['an answer that is no report', () => ({ tabId: 7, answer: Promise.resolve({ version: 9 }) })],
  ])('loadPage says the page cannot be read with %s', async (_name, made) => {
    const { api } = fakeApi();
    expect(await loadPage(api, Promise.resolve(made()))).toEqual({ status: 'unavailable' });
  });

  it('askReport never rejects: no tab, or a send that throws before it answers', async () => {
    const { api } = fakeApi();
    api.targetTabId.mockRejectedValueOnce(new Error('no window'));
    expect(await askReport(api)).toEqual({ tabId: null });

    api.sendToTab.mockImplementationOnce(() => {
      throw new Error('no receiving end');
    });
    const asked = await askReport(api);
    expect(asked.tabId).toBe(TAB_ID);
    await expect(asked.answer).rejects.toThrow('no receiving end');
  });

  it('the popup renders the report its entry asked for', async () => {
    const { api } = fakeApi();
    const first = askReport(api);
    const root = await mount(<App api={api} page={loadPage(api, first)} />);
    await settle(() => rows(root).length === 3);
    const reportRequests = api.sendToTab.mock.calls.filter(([, m]) => m.type === 'factmark/report');
    expect(reportRequests).toEqual([[TAB_ID, { type: 'factmark/report' }]]);
  });
});
