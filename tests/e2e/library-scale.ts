/**
 * The Library with many annotations stored, in a real browser (library-scale.<browser>.e2e.test.ts):
 * listed a page at a time, searched and filtered by the background's cursor, and exported in each
 * format over the export port — streamed, into one Blob — with every annotation in the file once.
 * The million of the trust-boundaries issue is a bench case (bench/library.ts: seeding it alone
 * takes over two minutes here); these run the same paths at a size a test can afford.
 *
 * The annotations are stored through the background's own message (factmark/annotations-restore,
 * 10,000 per message), the way an undo puts them back. The file the Library makes is caught in the
 * page (URL.createObjectURL) instead of downloaded, and read back there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor, type ExtensionBrowser, type TestPage } from './harness';

/** One in this many annotations has the word "needle" in its note. */
const RARE = 1_000;
/** Annotations per page of the Library's list (src/options/AnnotationLibrary.tsx PAGE_SIZE). */
const LIST_PAGE = 200;
// Bounds on a hang, not measurements (no test asserts on time): a search over 100,000 records and
// an export of some 60 MB take seconds here, several times that on a loaded 2-core machine.
const STEP_DEADLINE_MS = 150_000;
const TEST_TIMEOUT_MS = 300_000;

interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/** Store `count` annotations through the background, from an extension page. */
function seed(page: TestPage, count: number): Promise<string> {
  return page.evaluate(
    async ({ count, rare }) => {
      const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
      const api = (g.browser ?? g.chrome) as ExtensionApi;
      const colors = ['yellow', 'green', 'blue', 'pink'];
      for (let from = 0; from < count; from += 10_000) {
        const annotations = [];
        for (let i = from; i < Math.min(count, from + 10_000); i++) {
          const t = 1_700_000_000_000 + i * 1000;
          annotations.push({
            id: `anno:scale-${i}`,
            url: `https://news.example/story/${i % 500}`,
            title: `Story ${i % 500}`,
            quote: {
              type: 'TextQuoteSelector',
              exact: `financing package number ${i}`,
              prefix: 'The ',
              suffix: ' was reported',
            },
            position: { type: 'TextPositionSelector', start: 4 + (i % 97), end: 30 + (i % 97) },
            color: colors[i % 4],
            note: i % rare === rare / 2 ? `Item ${i}: the needle, “quoted” 💡` : '',
            tags: i % 2 === 0 ? ['scale', `t${i % 10}`] : [],
            entities: i % 5 === 0 ? ['reko-diq'] : [],
            verdicts: i % 7 === 0 ? ['supported'] : [],
            created: t,
            updated: t,
          });
        }
        const answer = (await api.runtime.sendMessage({
          type: 'factmark/annotations-restore',
          annotations,
        })) as { ok?: boolean; error?: string } | undefined;
        if (answer?.ok !== true) return `restore: ${answer?.error ?? 'no answer'}`;
      }
      return 'ok';
    },
    { count, rare: RARE },
  );
}

/**
 * The list's count line once it reads `expected` (or what it reads when the wait gives up): the
 * line right after a change may still be the one before it, which a prefix could mistake.
 */
function countLine(page: TestPage, expected: string): Promise<string> {
  return page.evaluate(
    async ({ expected, deadline }) => {
      const end = Date.now() + deadline;
      for (;;) {
        const text = document.querySelector('#annotations .list-count')?.textContent?.trim() ?? '';
        if (text === expected || Date.now() > end) return text;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    { expected, deadline: STEP_DEADLINE_MS },
  );
}

/** Set a field of the Library's filters as typing does (one input and change event). */
function setField(page: TestPage, label: string, value: string): Promise<boolean> {
  return page.evaluate(
    ({ label, value }) => {
      const labels = [...document.querySelectorAll('#annotations label')];
      const id = labels.find((l) => l.textContent?.trim() === label)?.getAttribute('for');
      const input = id ? document.getElementById(id) : null;
      if (!(input instanceof HTMLInputElement || input instanceof HTMLSelectElement)) return false;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return input.value === value;
    },
    { label, value },
  );
}

/**
 * From here on the page keeps the files it offers for download (and downloads none): the Blob
 * given to URL.createObjectURL and the anchor's file name.
 */
async function catchDownloads(page: TestPage): Promise<void> {
  await page.evaluate(() => {
    const g = window as unknown as { __files: { name: string; blob: Blob }[]; __last?: Blob };
    g.__files = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      if (blob instanceof Blob) g.__last = blob;
      return create(blob);
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (g.__last !== undefined) g.__files.push({ name: this.download, blob: g.__last });
      g.__last = undefined;
    };
  });
}

/** Click an export button and wait for its file (or its error). */
function exportFile(
  page: TestPage,
  label: string,
): Promise<{ name: string; size: number; progressSeen: boolean } | { error: string }> {
  return page.evaluate(
    async ({ label, deadline }) => {
      const g = window as unknown as { __files: { name: string; blob: Blob }[] };
      const before = g.__files.length;
      const group = document.querySelector('#annotations [aria-label="Export all annotations"]');
      const button = [...(group?.querySelectorAll('button') ?? [])].find(
        (b) => b.textContent?.trim() === label,
      );
      if (!button) return { error: `no ${label} button` };
      button.click();
      let progressSeen = false;
      const end = Date.now() + deadline;
      for (;;) {
        const progress = document.querySelector('#annotations .export-progress progress');
        if (progress?.hasAttribute('value')) progressSeen = true;
        const file = g.__files[before];
        if (file) return { name: file.name, size: file.blob.size, progressSeen };
        const error = document.querySelector('#annotations .export .error')?.textContent;
        if (error) return { error };
        if (Date.now() > end) return { error: 'timed out' };
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    { label, deadline: STEP_DEADLINE_MS },
  );
}

interface FileCheck {
  /** Items (JSON-LD), rows (CSV) or quotes (Markdown) in the file. */
  items: number;
  /** Distinct annotations among them (by id, or by the number in the quote). */
  distinct: number;
  /** JSON-LD: the file parses, and its `total` is its number of items. */
  valid: boolean | null;
  first: string;
}

/** Read the last file caught back, in the page, and count what it holds. */
function checkLastFile(page: TestPage, format: 'jsonld' | 'csv' | 'md'): Promise<FileCheck> {
  return page.evaluate(async (format) => {
    const g = window as unknown as { __files: { name: string; blob: Blob }[] };
    const blob = g.__files[g.__files.length - 1]!.blob;
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
    const first = text.slice(0, 40);
    if (format === 'jsonld') {
      const parsed = JSON.parse(text) as { total: number; first: { items: { id: string }[] } };
      const ids = parsed.first.items.map((a) => a.id);
      return {
        items: ids.length,
        distinct: new Set(ids).size,
        valid: parsed.total === ids.length,
        first,
      };
    }
    const numbers =
      format === 'csv'
        ? [...text.matchAll(/,financing package number (\d+),/g)]
        : [...text.matchAll(/^> financing package number (\d+)$/gm)];
    return {
      items: numbers.length,
      distinct: new Set(numbers.map((m) => m[1])).size,
      valid: null,
      first,
    };
  }, format);
}

/**
 * The text of the list's rows once at least `count` are drawn. A new list draws its first rows
 * (src/options/AnnotationGroups.tsx FIRST_ROWS) and the rest a moment later: the count line may
 * be there before them (a CI run read 40 of 200).
 */
function drawnRows(library: TestPage, count: number): Promise<string[]> {
  return waitFor(
    library,
    (atLeast) => {
      const rows = [...document.querySelectorAll('li.library-annotation')];
      return rows.length >= atLeast ? rows.map((li) => li.textContent ?? '') : null;
    },
    count,
    `${count} rows drawn`,
  );
}

export function defineLibraryScaleSuite(
  launch: () => Promise<ExtensionBrowser>,
  count: number,
): void {
  const n = count.toLocaleString('en-US');
  let browser: ExtensionBrowser;
  let library: TestPage;

  beforeAll(async () => {
    browser = await launch();
    const control = await browser.openExtensionPage('src/options/index.html');
    expect(await seed(control, count)).toBe('ok');
    await control.close();
    library = await browser.openExtensionPage('src/options/index.html');
    await waitFor(library, () => document.querySelector('#annotations') !== null);
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
  });

  describe(`the Library with ${n} annotations`, () => {
    it(
      'lists them a page at a time, and searches and filters all of them',
      async () => {
        const all = `Showing 1–${LIST_PAGE} of ${n} annotations`;
        expect(await countLine(library, all)).toBe(all);
        // One page of rows in the page, whatever the total.
        expect(await drawnRows(library, LIST_PAGE)).toHaveLength(LIST_PAGE);

        // A word on one annotation in 1,000: every record looked at, every match found.
        const needles = count / RARE;
        const found = `Showing 1–${needles} of ${needles} matching annotations`;
        expect(await setField(library, 'Search', 'NEEDLE')).toBe(true);
        expect(await countLine(library, found)).toBe(found);
        const notes = await drawnRows(library, needles);
        expect(notes).toHaveLength(needles);
        expect(notes.every((t) => t.includes('needle'))).toBe(true);

        // A word on none: the whole store looked at, and said so.
        expect(await setField(library, 'Search', 'zzabsentzz')).toBe(true);
        expect(await countLine(library, 'No annotation matches.')).toBe('No annotation matches.');

        // One tag (on one annotation in 10): a first page of matches, more to come.
        expect(await setField(library, 'Search', '')).toBe(true);
        expect(await countLine(library, all)).toBe(all);
        const tagged = `Showing 1–${LIST_PAGE} of the matching annotations (${n} in all)`;
        expect(await setField(library, 'Tag', 't4')).toBe(true);
        expect(await countLine(library, tagged)).toBe(tagged);
        expect(await setField(library, 'Tag', '')).toBe(true);
        expect(await countLine(library, all)).toBe(all);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'exports every annotation once in each format, streamed into one file, with progress',
      async () => {
        await catchDownloads(library);
        for (const [label, format] of [
          ['JSON-LD', 'jsonld'],
          ['CSV', 'csv'],
          ['Markdown', 'md'],
        ] as const) {
          const file = await exportFile(library, label);
          expect(file).toMatchObject({ name: expect.stringMatching(`\\.${format}$`) });
          if ('error' in file) continue;
          expect(file.size).toBeGreaterThan(count * 20);
          const check = await checkLastFile(library, format);
          expect(check).toMatchObject({ items: count, distinct: count });
          if (format === 'jsonld') expect(check.valid).toBe(true);
          if (format === 'csv') expect(check.first.startsWith('\uFEFFurl,title,quote')).toBe(true);
          if (format === 'md') expect(check.first.startsWith('# Factmark annotations')).toBe(true);
          // At this size the export takes long enough for its progress bar to show a figure.
          expect(file.progressSeen).toBe(true);
        }
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'cancels an export under way: no file, no error, the buttons back',
      async () => {
        await catchDownloads(library);
        const outcome = await library.evaluate(async (deadline) => {
          const g = window as unknown as { __files: unknown[] };
          const group = document.querySelector(
            '#annotations [aria-label="Export all annotations"]',
          );
          const button = (label: string) =>
            [...document.querySelectorAll<HTMLButtonElement>('#annotations button')].find(
              (b) => b.textContent?.trim() === label,
            );
          [...(group?.querySelectorAll('button') ?? [])]
            .find((b) => b.textContent?.trim() === 'JSON-LD')
            ?.click();
          const end = Date.now() + deadline;
          while (button('Cancel') === undefined && Date.now() < end) {
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          button('Cancel')?.click();
          while (document.querySelector('#annotations .export-progress') && Date.now() < end) {
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          // Long enough for a download that was not stopped to have come.
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          return {
            files: g.__files.length,
            error: document.querySelector('#annotations .export .error')?.textContent ?? null,
            enabled: button('JSON-LD')?.disabled === false,
          };
        }, STEP_DEADLINE_MS);
        expect(outcome).toEqual({ files: 0, error: null, enabled: true });
      },
      TEST_TIMEOUT_MS,
    );
  });
}
