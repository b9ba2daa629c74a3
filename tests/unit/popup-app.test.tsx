// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { App } from '../../src/popup/App';
import { TAB_ID, fakeApi, mount, report, settle, text } from './popup-fixtures';

const rows = (root: HTMLElement) => [
  ...root.querySelectorAll<HTMLTableRowElement>('tr.figure-main'),
];

async function openPopup(pageReport: unknown = report()) {
  const { api, toTab } = fakeApi(pageReport);
  const root = await mount(<App api={api} />);
  return { api, toTab, root };
}

describe('popup: loading', () => {
  it('renders a loading state before the page answers', async () => {
    const { api } = fakeApi();
    // The page never answers.
    api.sendToTab.mockImplementation(() => new Promise(() => undefined));
    const root = await mount(<App api={api} />);
    expect(text(root.querySelector('[role=status]'))).toBe('Reading the page…');
    expect(root.querySelector('table')).toBeNull();
  });

  it('asks the tab for its report and the background for only the facts the report names', async () => {
    const { api, root } = await openPopup();
    await settle(() => rows(root).length > 0);
    expect(api.sendToTab).toHaveBeenCalledWith(TAB_ID, { type: 'factmark/report' });
    expect(api.getFacts).toHaveBeenCalledTimes(1);
    expect(api.getFacts.mock.calls[0]![0].sort()).toEqual([
      'seed:a.txt:10',
      'seed:b.txt:20',
      'seed:c.txt:5',
    ]);
  });
});

describe('popup: a page with figures', () => {
  it('shows the summary strip with a symbol for each verdict', async () => {
    const { root } = await openPopup();
    await settle(() => rows(root).length > 0);
    const items = [...root.querySelectorAll('.summary li')].map(text);
    expect(items).toEqual(['✔ 1 supported', '✖ 1 contradicted', '? 1 unverified']);
  });

  it('lists the entities with their counts and the spellings the page used', async () => {
    const { root } = await openPopup();
    await settle(() => rows(root).length > 0);
    const reko = root.querySelector('[data-entity="reko-diq"]');
    expect(text(reko?.querySelector('.entity-name'))).toBe('Reko Diq');
    expect(text(reko?.querySelector('.entity-count'))).toBe('2');
    expect(text(reko?.querySelector('.entity-spellings'))).toBe('Written as Reko Diq · Reco Dig');
    // EXIM was written only as its label says: no "written as" line.
    expect(root.querySelector('[data-entity="exim"] .entity-spellings')).toBeNull();
    expect(text(root.querySelector('[data-entity="exim"] .entity-count'))).toBe('1');
    expect(root.querySelector('[data-entity="barrick"]')).toBeNull();
  });

  it('tabulates each figure: page text with qualifier, attribute, fact values, verdict, sources', async () => {
    const { root } = await openPopup();
    await settle(() => rows(root).length > 0);
    const [money, stake, year] = [...root.querySelectorAll('tbody.figure')];

    expect(text(money?.querySelector('.figure-text'))).toBe('$1.25 billion');
    expect(text(money?.querySelector('.attribute'))).toBe("EXIM's financing for Reko Diq");
    // Why: the page's words that matched the claim's sources, the most telling four.
    expect(text(money?.querySelector('.matched'))).toBe('Matched: approved, EXIM, loan, Reko Diq');
    expect([...(money?.querySelectorAll('.fact-value') ?? [])].map(text)).toEqual([
      '$1.25 billion',
      'up to $1.3 billion',
    ]);
    expect(text(money?.querySelector('.badge'))).toBe('✔Supported');
    // <q> gets its quotation marks from CSS, so they are not in the text content.
    expect([...(money?.querySelectorAll('.source') ?? [])].map(text)).toEqual([
      'EXIM approved $1.25 billion for Reko Diq. — Seed A, 2026-02-06',
      'The bank approved up to $1.3 billion. — Seed B, 2026-02-07',
    ]);

    expect(text(stake?.querySelector('.figure-text'))).toBe('about 75%');
    expect(text(stake?.querySelector('.badge'))).toBe('✖Contradicted');
    expect(text(stake?.querySelector('.source'))).toBe(
      'Barrick holds 50% of the project. — Seed C',
    );

    expect(text(year?.querySelector('.attribute'))).toBe('Not attributed to a known fact');
    expect(text(year?.querySelector('.fact-values'))).toBe('Not in the fact base');
    expect(text(year?.querySelector('.badge'))).toBe('?Unverified');
    expect(year?.querySelector('.figure-sources')).toBeNull();
  });

  it('reveals a figure on the page when its row is clicked', async () => {
    const { root, toTab, api } = await openPopup();
    await settle(() => rows(root).length > 0);
    rows(root)[1]!.click();
    await settle(() => toTab.some((m) => m.type === 'factmark/reveal'));
    expect(api.sendToTab).toHaveBeenLastCalledWith(TAB_ID, {
      type: 'factmark/reveal',
      target: 'figure',
      index: 1,
    });
  });

  it.each(['Enter', ' '])('reveals a figure when %j is pressed on its focused row', async (key) => {
    const { root, toTab } = await openPopup();
    await settle(() => rows(root).length > 0);
    const row = rows(root)[2]!;
    expect(row.tabIndex).toBe(0);
    row.focus();
    row.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    await settle(() => toTab.some((m) => m.type === 'factmark/reveal'));
    expect(toTab.filter((m) => m.type === 'factmark/reveal')).toEqual([
      { type: 'factmark/reveal', target: 'figure', index: 2 },
    ]);
  });

  it('does not reveal on other keys', async () => {
    const { root, toTab } = await openPopup();
    await settle(() => rows(root).length > 0);
    rows(root)[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    await settle();
    expect(toTab.filter((m) => m.type === 'factmark/reveal')).toEqual([]);
  });

  it('says so when the figure is no longer on the page', async () => {
    const { root, api } = await openPopup();
    await settle(() => rows(root).length > 0);
    api.sendToTab.mockResolvedValueOnce({ ok: false, error: 'not on the page any more' });
    rows(root)[0]!.click();
    await settle(() => text(root.querySelector('[role=alert]')) !== '');
    expect(text(root.querySelector('[role=alert]'))).toBe('That figure is no longer on the page.');
  });

  it('still lists the figures, without sources, when the fact base cannot be read', async () => {
    const { api } = fakeApi();
    api.getFacts.mockResolvedValue({ ok: false, error: 'database closed' } as never);
    const root = await mount(<App api={api} />);
    await settle(() => rows(root).length > 0);
    expect(rows(root)).toHaveLength(3);
    expect(root.querySelector('.source')).toBeNull();
    expect(text(root.querySelector('[role=alert]'))).toMatch(/fact base could not be read/);
  });
});

describe('popup: nothing to show', () => {
  it('explains that the page cannot be read when no content script answers', async () => {
    const { api } = fakeApi();
    api.sendToTab.mockRejectedValue(new Error('Could not establish connection.'));
    const root = await mount(<App api={api} />);
    await settle(() => text(root).includes("can't read"));
    expect(text(root.querySelector('.notice-title'))).toBe("Factmark can't read this page.");
    expect(root.querySelector('table')).toBeNull();
    expect(root.querySelector('input[type=checkbox]')).toBeNull();
  });

  it('treats an answer that is not a report as a page it cannot read', async () => {
    const { root } = await openPopup({ version: 2, figures: 'many' });
    await settle(() => text(root).includes("can't read"));
    expect(root.querySelector('table')).toBeNull();
  });

  it('explains when there is no active tab', async () => {
    const { api } = fakeApi();
    api.targetTabId.mockResolvedValue(null as never);
    const root = await mount(<App api={api} />);
    await settle(() => text(root).includes("can't read"));
    expect(api.sendToTab).not.toHaveBeenCalled();
  });

  it('says there are no figures, and still shows entities and the site switch', async () => {
    const { root, api } = await openPopup(report({ figures: [] }));
    await settle(() => text(root).includes('No figures'));
    expect(text(root.querySelector('.notice-title'))).toBe('No figures on this page.');
    expect(root.querySelector('table')).toBeNull();
    expect(root.querySelector('[data-entity="reko-diq"]')).not.toBeNull();
    expect(root.querySelector('input[type=checkbox]')).not.toBeNull();
    expect(api.getFacts).not.toHaveBeenCalled();
  });
});
