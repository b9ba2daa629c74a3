// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseJsonLd, toJsonLd } from '../../src/core/annotations';
import type { Annotation } from '../../src/core/annotations/types';
import type { ExportFileAnswer } from '../../src/shared/download';
import type { ImportAnswer } from '../../src/shared/messages';
import { PAGE_SIZE } from '../../src/options/AnnotationLibrary';
import { Library } from '../../src/options/Library';
import {
  annotation,
  buttonNamed,
  drain,
  fakeLibraryApi,
  field,
  mount,
  settle,
  text,
  typeInto,
} from './library-fixtures';

const DAY = 24 * 60 * 60 * 1000;
const localNoon = (date: string) => new Date(`${date}T12:00:00`).getTime();

const exim = annotation({
  url: 'https://news.example/exim',
  title: 'EXIM approves financing',
  quote: {
    type: 'TextQuoteSelector',
    exact: 'EXIM approved $1.25 billion',
    prefix: '',
    suffix: '',
  },
  note: 'Matches the bank release',
  tags: ['Financing'],
  entities: ['exim', 'reko-diq'],
  verdicts: ['supported'],
  created: localNoon('2026-02-01'),
  updated: localNoon('2026-02-01'),
});
const stake = annotation({
  url: 'https://news.example/stake',
  title: 'Barrick and the stake',
  quote: { type: 'TextQuoteSelector', exact: 'Barrick holds 75%', prefix: '', suffix: '' },
  note: 'Wrong: it is 50%',
  tags: ['stake', 'correction'],
  entities: ['barrick'],
  verdicts: ['contradicted'],
  created: localNoon('2026-02-10'),
  updated: localNoon('2026-02-10'),
});
const jobs = annotation({
  url: 'https://other.example/jobs',
  title: 'Jobs at the mine',
  quote: { type: 'TextQuoteSelector', exact: 'about 7,500 jobs', prefix: '', suffix: '' },
  note: '',
  tags: ['jobs'],
  entities: ['reko-diq'],
  verdicts: ['unverified'],
  created: localNoon('2026-02-20'),
  updated: localNoon('2026-02-20'),
});
const ALL = [exim, stake, jobs];

async function openLibrary(stored: Annotation[] = ALL) {
  const { api, current } = fakeLibraryApi(stored);
  const root = await mount(<Library api={api} />);
  await settle(() => !text(root).includes('Loading your annotations'));
  return { api, current, root };
}

const section = (root: HTMLElement) => root.querySelector<HTMLElement>('#annotations')!;
const shownIds = (root: HTMLElement) =>
  [...root.querySelectorAll('li.library-annotation')].map((li) =>
    li.getAttribute('data-annotation-id'),
  );
const checkboxOf = (root: HTMLElement, a: Annotation) =>
  root.querySelector<HTMLInputElement>(`li[data-annotation-id="${a.id}"] input[type=checkbox]`)!;

afterEach(() => vi.restoreAllMocks());

describe('Library: the annotation list', () => {
  it('asks for the first page and lists it by site, newest site first', async () => {
    const { api, root } = await openLibrary();
    expect(api.getAnnotationsPage).toHaveBeenCalledWith({ limit: PAGE_SIZE });
    const groups = [...section(root).querySelectorAll('.annotation-group')];
    expect(groups.map((g) => text(g.querySelector('h3')))).toEqual([
      'other.example 1 annotation',
      'news.example 2 annotations',
    ]);
    expect(shownIds(root)).toEqual([jobs.id, stake.id, exim.id]);
    const row = root.querySelector(`li[data-annotation-id="${exim.id}"]`)!;
    expect(text(row.querySelector('.annotation-quote'))).toBe('EXIM approved $1.25 billion');
    expect(text(row.querySelector('.annotation-note'))).toBe('Matches the bank release');
    expect(row.querySelector('a')?.getAttribute('href')).toBe('https://news.example/exim');
    expect(text(row.querySelector('a'))).toBe('EXIM approves financing');
  });

  it('groups by page on request', async () => {
    const { root } = await openLibrary();
    typeInto(field<HTMLSelectElement>(section(root), 'Group by'), 'page');
    await settle(() => section(root).querySelectorAll('.annotation-group').length === 3);
    const headings = [...section(root).querySelectorAll('.annotation-group h3 a')];
    expect(headings.map(text)).toEqual([
      'Jobs at the mine',
      'Barrick and the stake',
      'EXIM approves financing',
    ]);
  });

  it('never links to a stored URL that is not http(s)', async () => {
    const bad = annotation({ url: 'javascript:alert(1)', title: 'Bad' });
    const { root } = await openLibrary([bad]);
    expect(root.querySelector('li.library-annotation a')).toBeNull();
    expect(text(root.querySelector('li.library-annotation'))).toContain('Bad');
  });

  it('says so when there are no annotations yet', async () => {
    const { root } = await openLibrary([]);
    expect(text(section(root))).toContain('No annotations yet.');
  });
});

describe('Library: search and filters', () => {
  // The background answers a search: the list changes a moment after the query does.
  const sameIds = (shown: (string | null)[], ids: string[]) =>
    shown.length === ids.length && shown.every((id, i) => id === ids[i]);

  it.each([
    ['quote', 'BILLION', [exim.id]],
    ['note', 'wrong', [stake.id]],
    ['tag', 'financing', [exim.id]],
    ['site', 'OTHER.example', [jobs.id]],
    ['several words, all required', 'barrick 50%', [stake.id]],
    ['nothing', 'copper', []],
  ])('searches the %s, case-insensitively', async (_what, query, ids) => {
    const { root, api } = await openLibrary();
    typeInto(field(section(root), 'Search'), query);
    await settle(
      () =>
        api.getAnnotationsPage.mock.calls.some(([r]) => r.query?.text === query) &&
        sameIds(shownIds(root), ids),
    );
    expect(shownIds(root)).toEqual(ids);
    if (ids.length === 0) expect(text(section(root))).toContain('No annotation matches.');
  });

  it('filters by tag, entity and verdict', async () => {
    const { root } = await openLibrary();
    const s = section(root);
    const tags = [...field<HTMLSelectElement>(s, 'Tag').options].map((o) => o.value);
    expect(tags).toEqual(['', 'correction', 'Financing', 'jobs', 'stake']);

    typeInto(field<HTMLSelectElement>(s, 'Tag'), 'stake');
    await settle(() => sameIds(shownIds(root), [stake.id]));
    expect(shownIds(root)).toEqual([stake.id]);
    typeInto(field<HTMLSelectElement>(s, 'Tag'), '');

    const entity = field<HTMLSelectElement>(s, 'Entity');
    expect([...entity.options].map(text)).toEqual([
      'Any entity',
      'Barrick',
      expect.stringMatching(/Export-Import|EXIM/),
      'Reko Diq',
    ]);
    typeInto(entity, 'reko-diq');
    await settle(() => sameIds(shownIds(root), [jobs.id, exim.id]));
    expect(shownIds(root)).toEqual([jobs.id, exim.id]);

    typeInto(field<HTMLSelectElement>(s, 'Verdict'), 'supported');
    await settle(() => sameIds(shownIds(root), [exim.id]));
    expect(shownIds(root)).toEqual([exim.id]);

    buttonNamed(s, 'Clear filters')!.click();
    await settle(() => shownIds(root).length === 3);
  });

  it('filters by the date made, both ends inclusive', async () => {
    const { root } = await openLibrary();
    const s = section(root);
    typeInto(field(s, 'Made from'), '2026-02-10');
    await settle(() => sameIds(shownIds(root), [jobs.id, stake.id]));
    expect(shownIds(root)).toEqual([jobs.id, stake.id]);
    typeInto(field(s, 'to'), '2026-02-10');
    await settle(() => sameIds(shownIds(root), [stake.id]));
    expect(shownIds(root)).toEqual([stake.id]);
    typeInto(field(s, 'Made from'), '');
    typeInto(field(s, 'to'), new Date(exim.created + DAY).toISOString().slice(0, 10));
    await settle(() => sameIds(shownIds(root), [exim.id]));
    expect(shownIds(root)).toEqual([exim.id]);
  });
});

describe('Library: deleting several annotations', () => {
  it('deletes the selected ones, and Undo restores exactly those records', async () => {
    const { root, api, current } = await openLibrary();
    const del = () => buttonNamed(section(root), 'Delete selected')!;
    expect(del().disabled).toBe(true);

    checkboxOf(root, exim).click();
    checkboxOf(root, jobs).click();
    await settle(() => !buttonNamed(section(root), 'Delete selected (2)')?.disabled);
    buttonNamed(section(root), 'Delete selected (2)')!.click();
    await settle(() => root.querySelector('.undo-banner') !== null);

    expect(api.deleteAnnotations).toHaveBeenCalledWith([exim.id, jobs.id]);
    expect(shownIds(root)).toEqual([stake.id]);
    expect(text(root.querySelector('.undo-banner span'))).toBe('2 annotations deleted.');

    buttonNamed(root.querySelector('.undo-banner')!, 'Undo')!.click();
    await settle(() => root.querySelector('.undo-banner') === null);
    expect(api.restoreAnnotations).toHaveBeenCalledWith([exim, jobs]);
    expect(shownIds(root).sort()).toEqual([exim.id, stake.id, jobs.id].sort());
    expect(current()).toHaveLength(3);
  });

  it('"Select all shown" selects every row on screen', async () => {
    const { root, api } = await openLibrary();
    const all = [...section(root).querySelectorAll<HTMLInputElement>('.bulk-actions input')][0]!;
    all.click();
    await settle(() => buttonNamed(section(root), 'Delete selected (3)') !== undefined);
    buttonNamed(section(root), 'Delete selected (3)')!.click();
    await settle(() => shownIds(root).length === 0);
    expect(api.deleteAnnotations.mock.calls[0]![0].sort()).toEqual(ALL.map((a) => a.id).sort());
    // The banner stays when the list is empty: the deletion can still be undone.
    expect(root.querySelector('.undo-banner')).not.toBeNull();
  });

  it('only the latest deletion can be undone; Dismiss ends it', async () => {
    const { root, api } = await openLibrary();
    checkboxOf(root, exim).click();
    await settle();
    buttonNamed(section(root), 'Delete selected (1)')!.click();
    await settle(() => root.querySelector('.undo-banner') !== null);
    checkboxOf(root, stake).click();
    await settle();
    buttonNamed(section(root), 'Delete selected (1)')!.click();
    await settle(() => shownIds(root).length === 1);

    buttonNamed(root.querySelector('.undo-banner')!, 'Undo')!.click();
    await settle(() => root.querySelector('.undo-banner') === null);
    expect(api.restoreAnnotations).toHaveBeenCalledWith([stake]);

    checkboxOf(root, jobs).click();
    await settle();
    buttonNamed(section(root), 'Delete selected (1)')!.click();
    await settle(() => root.querySelector('.undo-banner') !== null);
    buttonNamed(root.querySelector('.undo-banner')!, 'Dismiss')!.click();
    await settle(() => root.querySelector('.undo-banner') === null);
    expect(api.restoreAnnotations).toHaveBeenCalledTimes(1);
  });

  it('a failed deletion deletes nothing on screen and says why', async () => {
    const { root, api } = await openLibrary();
    api.deleteAnnotations.mockResolvedValue({ ok: false, error: 'database closed' } as never);
    checkboxOf(root, exim).click();
    await settle();
    buttonNamed(section(root), 'Delete selected (1)')!.click();
    await settle(() => section(root).querySelector('p[role=alert]') !== null);
    expect(text(section(root).querySelector('p[role=alert]'))).toBe(
      'Nothing was deleted: database closed',
    );
    expect(shownIds(root)).toHaveLength(3);
    expect(root.querySelector('.undo-banner')).toBeNull();
  });
});

describe('Library: import and export', () => {
  function chooseFile(root: HTMLElement, content: string, name = 'export.jsonld') {
    const input = section(root).querySelector<HTMLInputElement>('input[type=file]')!;
    expect(input.accept).toContain('.jsonld');
    expect(input.accept).toContain('.json');
    const file = new File([content], name, { type: 'application/ld+json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
  const newOnes = () => [
    annotation({ url: 'https://news.example/new', title: 'New one' }),
    annotation({ url: 'https://news.example/new', title: 'New two', note: 'A note' }),
  ];

  it('parses the file in the page, sends it with determinate progress, then shows the count', async () => {
    const { root, api } = await openLibrary([exim]);
    const incoming = newOnes();
    const file = toJsonLd(incoming);
    let progress: (received: number, total: number) => void = () => undefined;
    let answer: (a: ImportAnswer) => void = () => undefined;
    api.importAll.mockImplementation((_list, onProgress) => {
      progress = onProgress;
      return new Promise((resolve) => (answer = resolve));
    });
    chooseFile(root, file);
    await settle(() => api.importAll.mock.calls.length === 1);
    const sent = await drain(api.importAll.mock.calls[0]![0]);
    const parsed = parseJsonLd(file);
    expect(parsed.ok && sent).toEqual(parsed.ok && parsed.annotations);
    expect(sent.map((a) => a.id)).toEqual(incoming.map((a) => a.id));
    await settle(() => root.querySelector('.import-progress progress') !== null);
    expect(text(root.querySelector('.import-progress'))).toBe('Importing 0 of 2…');

    progress(1, 2);
    await settle(() => text(root.querySelector('.import-progress')) === 'Importing 1 of 2…');
    const bar = root.querySelector<HTMLProgressElement>('.import-progress progress')!;
    expect(bar.getAttribute('value')).toBe('1');
    expect(bar.getAttribute('max')).toBe('2');
    expect(section(root).querySelector<HTMLInputElement>('input[type=file]')!.disabled).toBe(true);

    api.getAnnotationsPage.mockResolvedValue({
      ok: true,
      annotations: [...incoming, exim],
      total: 3,
      next: null,
    });
    answer({ ok: true, imported: 2 });
    await settle(() => shownIds(root).length === 3);
    expect(root.querySelector('progress')).toBeNull();
    expect(text(section(root).querySelector('.import-result[role=alert]'))).toBe(
      'Imported 2 annotations',
    );
  });

  it('a malformed file: the parser says what and where, and nothing is sent', async () => {
    const { root, api } = await openLibrary();
    const bad = JSON.stringify({
      type: 'AnnotationCollection',
      items: [
        {
          type: 'Annotation',
          created: 5,
          target: {
            source: 'https://news.example/a',
            selector: { type: 'TextQuoteSelector', exact: 'x' },
          },
        },
      ],
    });
    const parsed = parseJsonLd(bad, { newId: () => 'anno:x' });
    expect(parsed.ok).toBe(false);
    chooseFile(root, bad);
    await settle(() => text(section(root).querySelector('.import-result')) !== '');
    expect(text(section(root).querySelector('.import-result[role=alert]'))).toBe(
      `import: ${parsed.ok ? '' : parsed.error}`,
    );
    expect(api.importAll).not.toHaveBeenCalled();
    expect(root.querySelector('.import-progress')).toBeNull();
  });

  it('a Hypothesis export: imports what can be placed, says what was skipped and why', async () => {
    const { root, api } = await openLibrary();
    const page = 'https://www.dawn.com/news/1840012';
    const file = JSON.stringify({
      annotations: [
        {
          id: 'aaaaaaaaaaaaaaaaaaaaaa',
          uri: page,
          text: 'Placed',
          target: [
            { source: page, selector: [{ type: 'TextQuoteSelector', exact: 'about 7,500 jobs' }] },
          ],
        },
        { id: 'bbbbbbbbbbbbbbbbbbbbbb', uri: page, text: 'Page note', target: [{ source: page }] },
        {
          id: 'cccccccccccccccccccccc',
          uri: page,
          references: ['aaaaaaaaaaaaaaaaaaaaaa'],
          target: [{ source: page }],
        },
      ],
    });
    api.importAll.mockResolvedValue({ ok: true, imported: 1 });
    chooseFile(root, file, 'hypothesis.json');
    await settle(() => text(section(root).querySelector('.import-result')) !== '');
    expect((await drain(api.importAll.mock.calls[0]![0])).map((a) => a.id)).toEqual([
      'https://hypothes.is/a/aaaaaaaaaaaaaaaaaaaaaa',
    ]);
    const result = text(section(root).querySelector('.import-result[role=alert]'));
    expect(result).toContain('Imported 1 annotation');
    expect(result).toContain('Skipped 2 that Factmark cannot place');
    expect(result).toContain('page notes (no quoted passage to place): 1 (annotations[1])');
    expect(result).toContain('replies to other annotations: 1 (annotations[2])');
  });

  it('a file holding only items that cannot be placed sends nothing and says why', async () => {
    const { root, api } = await openLibrary();
    const page = 'https://www.dawn.com/news/1840012';
    const file = JSON.stringify({
      annotations: [
        { id: 'bbbbbbbbbbbbbbbbbbbbbb', uri: page, text: 'Page note', target: [{ source: page }] },
      ],
    });
    chooseFile(root, file, 'hypothesis.json');
    await settle(() => text(section(root).querySelector('.import-result')) !== '');
    expect(api.importAll).not.toHaveBeenCalled();
    const result = text(section(root).querySelector('.import-result[role=alert]'));
    expect(result).toContain('Imported 0 annotations');
    expect(result).toContain('Skipped 1 that Factmark cannot place');
  });

  it("shows the background's error verbatim and changes nothing else", async () => {
    const { root, api } = await openLibrary();
    // A pending undo and a selection, which must survive the failed import.
    checkboxOf(root, exim).click();
    await settle();
    buttonNamed(section(root), 'Delete selected (1)')!.click();
    await settle(() => root.querySelector('.undo-banner') !== null);
    checkboxOf(root, stake).click();
    await settle();
    const before = section(root).innerHTML;
    const loads = api.getAnnotationsPage.mock.calls.length;

    const error =
      'import: annotation 2 (id anno:x): note: not a string of at most 10000 characters';
    api.importAll.mockResolvedValue({ ok: false, error });
    chooseFile(root, toJsonLd(newOnes()));
    await settle(() => text(section(root).querySelector('.import-result')) !== '');

    const alert = section(root).querySelector('.import-result')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(text(alert)).toBe(error);
    expect(api.getAnnotationsPage.mock.calls.length).toBe(loads);
    expect(shownIds(root)).toEqual([jobs.id, stake.id]);
    expect(checkboxOf(root, stake).checked).toBe(true);
    expect(root.querySelector('.undo-banner')).not.toBeNull();
    // Apart from the answer itself, the section is as it was.
    const after = section(root).innerHTML.replace(error, '');
    expect(after.replace(' error', '')).toBe(before);
  });

  it('exports everything in each format over the port, as a download of the Blob received', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:factmark-test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    const { root, api } = await openLibrary();
    const group = section(root).querySelector('[role=group][aria-label="Export all annotations"]')!;
    for (const label of ['JSON-LD', 'CSV', 'Markdown']) {
      buttonNamed(group, label)!.click();
      await settle(() => names.length === api.exportAll.mock.calls.length);
    }
    expect(api.exportAll.mock.calls.map(([format]) => format)).toEqual(['jsonld', 'csv', 'md']);
    expect(names.map((n) => n.replace(/\d{4}-\d{2}-\d{2}/, 'DATE'))).toEqual([
      'factmark-all-DATE.jsonld',
      'factmark-all-DATE.csv',
      'factmark-all-DATE.md',
    ]);
    expect(await Promise.all(blobs.map((b) => b.text()))).toEqual([
      'jsonld of all',
      'csv of all',
      'md of all',
    ]);
  });

  it('shows the export progress (annotations written of the total) and the count', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:factmark-test');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { root, api } = await openLibrary();
    let progress: (sent: number, total: number) => void = () => undefined;
    let answer: (a: ExportFileAnswer) => void = () => undefined;
    api.exportAll.mockImplementation((_format, onProgress) => {
      progress = onProgress;
      return new Promise((resolve) => (answer = resolve));
    });
    const group = section(root).querySelector('[role=group][aria-label="Export all annotations"]')!;
    buttonNamed(group, 'JSON-LD')!.click();
    await settle(() => api.exportAll.mock.calls.length === 1);
    // Before the first progress: the count, an indeterminate bar, and a way out.
    await settle(() => root.querySelector('.export-progress') !== null);
    expect(text(root.querySelector('.export-progress'))).toBe('Exporting 3 annotations… Cancel');
    expect(root.querySelector('.export-progress progress')!.hasAttribute('value')).toBe(false);
    progress(250_000, 1_000_000);
    await settle(() => text(root.querySelector('.export-progress')).includes('%'));
    expect(text(root.querySelector('.export-progress'))).toBe(
      'Exporting 3 annotations… 25% Cancel',
    );
    const bar = root.querySelector<HTMLProgressElement>('.export-progress progress')!;
    expect(bar.getAttribute('value')).toBe('250000');
    expect(bar.getAttribute('max')).toBe('1000000');
    expect(buttonNamed(group, 'CSV')!.disabled).toBe(true);

    answer({ ok: false, error: 'the connection to the extension closed before the end' });
    await settle(() => root.querySelector('.export-progress') === null);
    expect(text(section(root).querySelector('.export .error[role=alert]'))).toBe(
      'The export failed: the connection to the extension closed before the end',
    );
  });

  it('cancels an export under way: its signal aborts, nothing is downloaded, no error shown', async () => {
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    const { root, api } = await openLibrary();
    let signal: AbortSignal | undefined;
    api.exportAll.mockImplementation(
      (_format, _onProgress, given) =>
        new Promise<ExportFileAnswer>((resolve) => {
          signal = given;
          given?.addEventListener('abort', () =>
            resolve({ ok: false, error: 'export: cancelled' }),
          );
        }),
    );
    const group = section(root).querySelector('[role=group][aria-label="Export all annotations"]')!;
    buttonNamed(group, 'CSV')!.click();
    await settle(() => root.querySelector('.export-progress') !== null);
    buttonNamed(root.querySelector('.export-progress')!, 'Cancel')!.click();
    await settle(() => root.querySelector('.export-progress') === null);
    expect(signal?.aborted).toBe(true);
    expect(click).not.toHaveBeenCalled();
    expect(section(root).querySelector('.export .error')).toBeNull();
    expect(buttonNamed(group, 'CSV')!.disabled).toBe(false);
  });
});

describe('Library: 10,000 annotations', () => {
  it(`asks for and renders ${PAGE_SIZE} rows at a time, not 10,000, and searches all of them`, async () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      annotation({
        url: `https://site${i % 50}.example/page${i % 400}`,
        quote: {
          type: 'TextQuoteSelector',
          exact: `Passage number ${i}`,
          prefix: '',
          suffix: '',
        },
        tags: i === 9_999 ? ['needle'] : [`tag${i % 20}`],
        created: Date.UTC(2026, 0, 1) + i * 60_000,
        updated: Date.UTC(2026, 0, 1) + i * 60_000,
      }),
    );
    const { root, api } = await openLibrary(many);
    // The list's first rows are drawn first (AnnotationGroups): wait for the whole page.
    const drawn = () => root.querySelector('.annotation-groups[aria-busy]') === null;
    await settle(() => shownIds(root).length > 0 && drawn());

    expect(shownIds(root)).toHaveLength(PAGE_SIZE);
    expect(text(section(root).querySelector('.list-count'))).toBe(
      'Showing 1–200 of 10,000 annotations',
    );
    // What matters is not rendering 10,000 rows (counted above, not timed: speed is the bench's).
    // Newest first: the last made is at the top.
    expect(shownIds(root)[0]).toBe(many[9_999]!.id);

    buttonNamed(section(root), 'Next page')!.click();
    await settle(() => shownIds(root)[0] === many[9_799]!.id && drawn());
    expect(shownIds(root)).toHaveLength(PAGE_SIZE);
    expect(text(section(root).querySelector('.list-count'))).toBe(
      'Showing 201–400 of 10,000 annotations',
    );
    // The second page was asked from where the first ended: never the whole list.
    expect(api.getAnnotationsPage).toHaveBeenLastCalledWith({
      limit: PAGE_SIZE,
      after: { updated: many[9_800]!.updated, id: many[9_800]!.id },
    });
    buttonNamed(section(root), 'Previous page')!.click();
    await settle(() => shownIds(root)[0] === many[9_999]!.id);
    expect(buttonNamed(section(root), 'Previous page')!.disabled).toBe(true);

    typeInto(field(section(root), 'Search'), 'NEEDLE');
    await settle(() => shownIds(root).length === 1);
    expect(text(root.querySelector('li.library-annotation .annotation-quote'))).toBe(
      'Passage number 9999',
    );
    // The search is the background's: the query went with the request.
    expect(api.getAnnotationsPage).toHaveBeenLastCalledWith({
      limit: PAGE_SIZE,
      query: { text: 'NEEDLE' },
    });
    expect(text(section(root).querySelector('.list-count'))).toBe(
      'Showing 1–1 of 1 matching annotation',
    );
    expect(buttonNamed(section(root), 'Next page')).toBeUndefined();
  });

  it('a search the background answers in parts: asks on from where it stopped until the page is full', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      annotation({
        quote: { type: 'TextQuoteSelector', exact: `Passage ${i}`, prefix: '', suffix: '' },
        tags: i % 1_000 === 0 ? ['rare'] : [],
        created: Date.UTC(2026, 0, 1) + i * 60_000,
        updated: Date.UTC(2026, 0, 1) + i * 60_000,
      }),
    );
    // The fake background looks at 1,000 records per request, as the real one looks at a few
    // thousand: a rare word's matches come in over several requests.
    const { api } = fakeLibraryApi(many, [], 1_000);
    const root = await mount(<Library api={api} />);
    await settle(() => shownIds(root).length === PAGE_SIZE);
    typeInto(field(section(root), 'Tag'), 'rare');
    await settle(() => shownIds(root).length === 10, 200);
    expect(shownIds(root)).toEqual(
      many
        .filter((a) => a.tags.includes('rare'))
        .map((a) => a.id)
        .reverse(),
    );
    const searches = api.getAnnotationsPage.mock.calls.filter(([r]) => r.query !== undefined);
    expect(searches.length).toBeGreaterThanOrEqual(10);
    // Each request went on after the last record the one before looked at.
    for (const [request] of searches.slice(1)) expect(request.after).toBeDefined();
    expect(text(section(root).querySelector('.list-count'))).toBe(
      'Showing 1–10 of 10 matching annotations',
    );
  });
});

describe('Library: a search over many annotations', () => {
  const many = Array.from({ length: 3_000 }, (_, i) =>
    annotation({
      quote: { type: 'TextQuoteSelector', exact: `Passage ${i}`, prefix: '', suffix: '' },
      note: i % 1_000 === 0 ? 'a needle' : '',
      created: Date.UTC(2026, 0, 1) + i * 60_000,
      updated: Date.UTC(2026, 0, 1) + i * 60_000,
    }),
  );

  /** The fake background, its answers held until `release` is called (one per request). */
  function heldLibrary() {
    const { api } = fakeLibraryApi(many, [], 1_000);
    const answer = api.getAnnotationsPage.getMockImplementation()!;
    const held: (() => void)[] = [];
    let holding = false;
    api.getAnnotationsPage.mockImplementation(async (request) => {
      if (holding) await new Promise<void>((resolve) => held.push(resolve));
      return answer(request);
    });
    return {
      api,
      hold: () => (holding = true),
      release: () => held.shift()?.(),
      pending: () => held.length,
    };
  }

  it('never shows the rows of the query before as matches of the new one', async () => {
    const { api, hold, release, pending } = heldLibrary();
    const root = await mount(<Library api={api} />);
    await settle(() => shownIds(root).length === PAGE_SIZE);
    hold();
    typeInto(field(section(root), 'Search'), 'needle');
    await settle(() => pending() === 1);
    // Asked, not answered: no row, and the count line says a search is on.
    expect(shownIds(root)).toEqual([]);
    expect(text(section(root).querySelector('.list-count'))).toBe('Searching… 0 found so far');
    release();
    // The background looked at 1,000 records and found one; it goes on from there.
    await settle(() => shownIds(root).length === 1);
    expect(text(section(root).querySelector('.list-count'))).toBe(
      'Searching… 1 found so far, 1,000 looked at',
    );
    while (pending() > 0 || text(section(root).querySelector('.list-count')).startsWith('Search')) {
      release();
      await settle();
    }
    expect(shownIds(root)).toHaveLength(3);
    expect(text(section(root).querySelector('.list-count'))).toBe(
      'Showing 1–3 of 3 matching annotations',
    );
  });

  it('keeps the rows shown while the next page loads, and says so', async () => {
    const { api, hold, release, pending } = heldLibrary();
    const root = await mount(<Library api={api} />);
    await settle(() => shownIds(root).length === PAGE_SIZE);
    const first = shownIds(root);
    hold();
    buttonNamed(section(root), 'Next page')!.click();
    await settle(() => pending() === 1);
    expect(shownIds(root)).toEqual(first);
    expect(text(section(root).querySelector('.list-count'))).toBe('Loading…');
    // Asked once: a second click while it loads asks nothing more.
    expect(buttonNamed(section(root), 'Next page')!.disabled).toBe(true);
    release();
    await settle(() => shownIds(root)[0] !== first[0]);
    expect(text(section(root).querySelector('.list-count'))).toBe(
      'Showing 201–400 of 3,000 annotations',
    );
  });
});

describe('Library: import conflicts and undo', () => {
  const chooseFile = (root: HTMLElement, content: string) => {
    const input = section(root).querySelector<HTMLInputElement>('input[type=file]')!;
    const file = new File([content], 'export.jsonld', { type: 'application/ld+json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };

  it('says how many conflicted and which side was kept, and undoes the import', async () => {
    const { root, api, current } = await openLibrary([exim, stake]);
    const added = annotation({ url: 'https://news.example/new', title: 'New one' });
    api.importAll.mockImplementationOnce(async (source, onProgress) => {
      onProgress(source.total, source.total);
      // The background kept its newer exim and stake, added the new one.
      api.getAnnotationsPage.mockClear();
      return { ok: true, imported: 1, conflicts: 2, keptLocal: 2, undo: 'import:1' };
    });
    chooseFile(root, toJsonLd([{ ...exim, note: 'older' }, { ...stake, note: 'older' }, added]));
    await settle(() => text(section(root).querySelector('.import-result')) !== '');
    const result = text(section(root).querySelector('.import-result[role=alert]'));
    expect(result).toContain('Imported 1 annotation');
    expect(result).toContain(
      '2 annotations were already here with other content: the newer of each was kept — 2 as you had them, 0 from the file.',
    );
    // The list was read again.
    await settle(() => api.getAnnotationsPage.mock.calls.length > 0);

    api.undoImport.mockResolvedValueOnce({ ok: true, removed: 1, restored: 0 });
    const loads = api.getAnnotationsPage.mock.calls.length;
    buttonNamed(section(root), 'Undo this import')!.click();
    await settle(() => text(section(root).querySelector('.import-result')).includes('undone'));
    expect(api.undoImport).toHaveBeenCalledWith('import:1');
    expect(text(section(root).querySelector('.import-result'))).toBe(
      'Import undone: 1 added annotation removed, 0 replaced annotations restored.',
    );
    expect(buttonNamed(section(root), 'Undo this import')).toBeUndefined();
    await settle(() => api.getAnnotationsPage.mock.calls.length > loads);
    expect(current()).toHaveLength(2);
  });

  it('a failed undo says why and changes nothing', async () => {
    const { root, api } = await openLibrary([exim]);
    chooseFile(root, toJsonLd([annotation({ url: 'https://news.example/new' })]));
    await settle(() => buttonNamed(section(root), 'Undo this import') !== undefined);
    api.undoImport.mockResolvedValueOnce({
      ok: false,
      error: 'import-undo: this import can no longer be undone',
    });
    buttonNamed(section(root), 'Undo this import')!.click();
    await settle(() =>
      text(section(root).querySelector('.import-result')).startsWith('Not undone'),
    );
    expect(text(section(root).querySelector('.import-result'))).toBe(
      'Not undone: import-undo: this import can no longer be undone',
    );
  });
});
