// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Fact } from '../../src/core/types';
import { FACT_PAGE_SIZE } from '../../src/options/FactBase';
import { Library } from '../../src/options/Library';
import { buildUserFact, figureText } from '../../src/options/user-fact';
import {
  buttonNamed,
  fact,
  fakeLibraryApi,
  field,
  mount,
  settle,
  text,
  typeInto,
} from './library-fixtures';

const seedA = fact('seed:a.txt:10');
const seedC = fact('seed:c.txt:5', {
  attribute: 'barrick.stake',
  kind: 'percent',
  value: 50,
  unit: '%',
  text: '50%',
  quote: 'Barrick holds 50% of the project.',
  source: { type: 'seed', file: 'c.txt', title: 'Seed C', date: null },
});
const mine = fact('user:1b2c', {
  text: '$1.3 billion',
  value: 1_300_000_000,
  quote: 'The bank said $1.3 billion in all.',
  source: {
    type: 'user',
    url: 'https://bank.example/release',
    title: 'Bank release',
    date: '2026-03-01',
  },
});
const FACTS = [seedA, seedC, mine];

async function openLibrary(facts: Fact[] = FACTS) {
  const { api } = fakeLibraryApi([], facts);
  const root = await mount(<Library api={api} />);
  await settle(() => root.querySelectorAll('.fact').length === facts.length);
  return { api, root };
}

const factItem = (root: HTMLElement, f: Fact) =>
  root.querySelector<HTMLLIElement>(`li.fact[data-fact-id="${f.id}"]`)!;

describe('Library: the fact base', () => {
  it('is titled and lists every fact as a .fact on load, next to the annotations', async () => {
    const { root } = await openLibrary();
    expect(text(root.querySelector('h1'))).toBe('Factmark Library');
    expect(root.querySelectorAll('.fact')).toHaveLength(3);
    expect(root.querySelector('#annotations')).not.toBeNull();
    expect([...root.querySelectorAll('nav a')].map((a) => a.getAttribute('href'))).toEqual([
      '#annotations',
      '#fact-base',
    ]);
  });

  it('shows seed facts read-only, with quote, source file and date', async () => {
    const { root } = await openLibrary();
    const seed = factItem(root, seedA);
    expect(text(seed.querySelector('.fact-value'))).toBe('$1.25 billion');
    expect(text(seed.querySelector('.fact-quote'))).toBe(
      'EXIM approved $1.25 billion for Reko Diq.',
    );
    expect(text(seed.querySelector('.fact-source'))).toBe('Seed A (a.txt), 2026-02-06');
    expect(seed.querySelector('button')).toBeNull();
    expect(factItem(root, seedC).querySelector('button, input, textarea')).toBeNull();
  });

  it("edits a user's fact: value, unit, attribute, quote and url", async () => {
    const { root, api } = await openLibrary();
    expect(text(factItem(root, mine).querySelector('.fact-source'))).toBe(
      'Your fact · Bank release, 2026-03-01',
    );
    buttonNamed(factItem(root, mine), 'Edit')!.click();
    await settle(() => factItem(root, mine).querySelector('form') !== null);
    const form = factItem(root, mine).querySelector('form')!;
    expect(field(form, 'Value').value).toBe('1300000000');
    expect(field<HTMLSelectElement>(form, 'About').value).toBe('exim.financing');

    typeInto(field(form, 'Value'), '1,250,000,000');
    typeInto(field<HTMLTextAreaElement>(form, 'Quote'), 'The bank approved $1.25 billion.');
    typeInto(field(form, 'Source page'), 'https://bank.example/release-2');
    await settle();
    buttonNamed(form, 'Save')!.click();
    await settle(() => factItem(root, mine).querySelector('form') === null);

    expect(api.saveFact).toHaveBeenCalledTimes(1);
    const saved = api.saveFact.mock.calls[0]![0];
    expect(saved).toMatchObject({
      id: mine.id,
      attribute: 'exim.financing',
      kind: 'money',
      value: 1_250_000_000,
      unit: 'USD',
      text: '$1.25 billion',
      quote: 'The bank approved $1.25 billion.',
      start: 18,
      end: 31,
      source: {
        type: 'user',
        url: 'https://bank.example/release-2',
        title: 'Bank release',
        date: '2026-03-01',
      },
    });
    expect(text(factItem(root, mine).querySelector('.fact-value'))).toBe('$1.25 billion');
    expect(root.querySelectorAll('.fact')).toHaveLength(3);
  });

  it('moves an edited fact to the group of its new attribute, unit following', async () => {
    const { root, api } = await openLibrary();
    buttonNamed(factItem(root, mine), 'Edit')!.click();
    await settle(() => factItem(root, mine).querySelector('form') !== null);
    const form = factItem(root, mine).querySelector('form')!;
    typeInto(field<HTMLSelectElement>(form, 'About'), 'barrick.stake');
    await settle();
    expect(field(form, 'Unit').value).toBe('%');
    typeInto(field(form, 'Value'), '50');
    await settle();
    buttonNamed(form, 'Save')!.click();
    await settle(() => api.saveFact.mock.calls.length === 1);
    await settle(() => factItem(root, mine)?.closest('[data-attribute="barrick.stake"]') !== null);
    expect(api.saveFact.mock.calls[0]![0]).toMatchObject({
      kind: 'percent',
      unit: '%',
      text: '50%',
    });
  });

  it('refuses what the background would refuse, and says why', async () => {
    const { root, api } = await openLibrary();
    buttonNamed(factItem(root, mine), 'Edit')!.click();
    await settle(() => factItem(root, mine).querySelector('form') !== null);
    const form = factItem(root, mine).querySelector('form')!;
    typeInto(field(form, 'Value'), 'a lot');
    await settle();
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle(() => form.querySelector('[role=alert]') !== null);
    expect(text(form.querySelector('[role=alert]'))).toMatch(/must be a number/);
    expect(api.saveFact).not.toHaveBeenCalled();
  });

  it("deletes a user's fact after confirmation", async () => {
    const { root, api } = await openLibrary();
    buttonNamed(factItem(root, mine), 'Delete')!.click();
    await settle(() => text(factItem(root, mine)).includes('Delete this fact?'));
    expect(api.deleteFact).not.toHaveBeenCalled();
    buttonNamed(factItem(root, mine), 'Delete')!.click();
    await settle(() => factItem(root, mine) === null);
    expect(api.deleteFact).toHaveBeenCalledWith(mine.id);
    expect(root.querySelectorAll('.fact')).toHaveLength(2);
  });

  it('keeps the fact and says why when the deletion fails', async () => {
    const { root, api } = await openLibrary();
    api.deleteFact.mockResolvedValue({ ok: false, error: 'seed facts cannot be deleted' } as never);
    buttonNamed(factItem(root, mine), 'Delete')!.click();
    await settle();
    buttonNamed(factItem(root, mine), 'Delete')!.click();
    await settle(() => factItem(root, mine).querySelector('[role=alert]') !== null);
    expect(text(factItem(root, mine).querySelector('[role=alert]'))).toBe(
      'Not deleted: seed facts cannot be deleted',
    );
  });

  it('adds a fact with a user: id and a user source', async () => {
    vi.spyOn(crypto, 'randomUUID').mockReturnValue('0000-1111-2222-3333-4444' as never);
    const { root, api } = await openLibrary();
    const form = root.querySelector<HTMLFormElement>('form[aria-label="Add a fact"]')!;
    // The claims offered are the fact base's own, named in their sources' words.
    const about = field<HTMLSelectElement>(form, 'About');
    expect([...about.options].map((o) => o.textContent)).toEqual([
      'EXIM approved $1.25 billion for Reko Diq.',
      'Barrick holds 50% of the project.',
    ]);
    typeInto(about, 'barrick.stake');
    await settle();
    expect(field(form, 'Unit').value).toBe('%');
    typeInto(field(form, 'Value'), '50');
    typeInto(field<HTMLTextAreaElement>(form, 'Quote'), 'Barrick keeps 50% of the mine.');
    typeInto(field(form, 'Source page'), 'https://news.example/jobs');
    typeInto(field(form, 'Source title'), 'Jobs story');
    await settle();
    buttonNamed(form, 'Add the fact')!.click();
    await settle(() => root.querySelectorAll('.fact').length === 4);

    const added = api.saveFact.mock.calls[0]![0];
    expect(added).toMatchObject({
      id: 'user:0000-1111-2222-3333-4444',
      attribute: 'barrick.stake',
      kind: 'percent',
      value: 50,
      unit: '%',
      text: '50%',
      qualifier: null,
      source: { type: 'user', url: 'https://news.example/jobs', title: 'Jobs story' },
    });
    expect(added.source.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(factItem(root, added)).not.toBeNull();
    expect(buttonNamed(factItem(root, added), 'Edit')).toBeDefined();
    // The form starts again, empty.
    expect(field(form, 'Value').value).toBe('');
  });

  it('lists a large fact base a page at a time, and finds facts by their words', async () => {
    // 450 facts of three claims; one fact of the last claim quotes a word no other does.
    const many = Array.from({ length: 450 }, (_, i) =>
      fact(`source:s:${i}`, {
        attribute: `claim-${Math.floor(i / 150)}`,
        about: `Claim number ${Math.floor(i / 150)}`,
        value: i,
        text: String(i),
        quote: i === 420 ? 'The smelter in Kasempa employs 420 people.' : `Figure ${i} of a story.`,
        source: { type: 'source', sourceId: 's', title: 'A long source', date: null },
      }),
    );
    const { api } = fakeLibraryApi([], many);
    const root = await mount(<Library api={api} />);
    const status = () => text(root.querySelector('#fact-base [role=status]'));
    await settle(() => status().startsWith('Showing'));
    expect(status()).toBe('Showing 1–200 of 450 facts');
    expect(root.querySelectorAll('.fact')).toHaveLength(FACT_PAGE_SIZE);
    const pager = root.querySelector<HTMLElement>('#fact-base nav.pager')!;
    expect(buttonNamed(pager, 'Previous page')!.disabled).toBe(true);

    buttonNamed(pager, 'Next page')!.click();
    await settle(() => status() === 'Showing 201–400 of 450 facts');
    const ids = [...root.querySelectorAll('li.fact')].map((li) => li.getAttribute('data-fact-id'));
    expect(ids[0]).toBe('source:s:200');
    expect(ids).toHaveLength(200);
    // A claim cut by the page's end goes on under its own heading on the next page.
    expect(
      [...root.querySelectorAll('#fact-base .attribute-group')].map((g) =>
        g.getAttribute('data-attribute'),
      ),
    ).toEqual(['claim-1', 'claim-2']);
    buttonNamed(pager, 'Next page')!.click();
    await settle(() => status() === 'Showing 401–450 of 450 facts');
    expect(buttonNamed(pager, 'Next page')!.disabled).toBe(true);

    // A search starts again at its first page and keeps to the facts that hold every word.
    typeInto(root.querySelector<HTMLInputElement>('#fact-search')!, 'kasempa SMELTER');
    await settle(() => status().includes('matching'));
    expect(status()).toBe('Showing 1–1 of 1 matching fact (450 in all)');
    expect(
      [...root.querySelectorAll('li.fact')].map((li) => li.getAttribute('data-fact-id')),
    ).toEqual(['source:s:420']);
    expect(root.querySelector('#fact-base nav.pager')).toBeNull();
    typeInto(root.querySelector<HTMLInputElement>('#fact-search')!, 'kasempa nowhere');
    await settle(() => status() === 'No fact matches.');
    expect(root.querySelectorAll('.fact')).toHaveLength(0);
  });

  it('says so when the fact base cannot be read', async () => {
    const { api } = fakeLibraryApi();
    api.getAllFacts.mockResolvedValue({ ok: false, error: 'database closed' } as never);
    const root = await mount(<Library api={api} />);
    await settle(() => text(root).includes('could not be read'));
    expect(text(root.querySelector('#fact-base [role=alert]'))).toBe(
      'The fact base could not be read: database closed',
    );
  });
});

describe('user facts: building', () => {
  it('writes the figure as a writer would', () => {
    expect(figureText('money', 1_250_000_000, 'USD')).toBe('$1.25 billion');
    expect(figureText('money', 900_000, 'PKR')).toBe('900,000 PKR');
    expect(figureText('percent', 15, '%')).toBe('15%');
    expect(figureText('year', 2028, 'year')).toBe('2028');
    expect(figureText('count', 6000, 'jobs')).toBe('6,000 jobs');
  });

  it('refuses a source that is not a web address', () => {
    const built = buildUserFact(
      {
        attribute: 'exim.financing',
        value: '1',
        unit: 'USD',
        quote: 'q',
        url: 'javascript:alert(1)',
        title: '',
      },
      { id: 'user:x', date: null },
      [{ id: 'exim.financing', label: 'EXIM financing', kind: 'money', unit: 'USD' }],
    );
    expect(built).toEqual({ error: 'The source must be a web address (https://…).' });
  });
});
