/**
 * A journalist's own story, end to end (issue 10), written once and run in each browser
 * (sources.<browser>.e2e.test.ts): the story-tembo watched names and sources added in the
 * Library as a journalist adds them (its forms, its file input), then a page of that story served
 * on 127.0.0.1 — its mentions, figures, verdicts and highlights must be the CLI's for the same
 * sources and names (`factmark annotate page.html --sources … --entities …`); then the backup of
 * everything written from the Library, everything wiped, the backup restored from the Library —
 * the page's report, the sources, names and annotations as they were; then a source removed in
 * the Library, and its verdicts go back to what the CLI gives without it.
 *
 * One browser (a fresh profile) per file: the story added here changes what every page is checked
 * against, so it shares nothing with the other suites.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import type { Annotation } from '../../src/core/annotations/types';
import type { Fact, Report } from '../../src/core/types';
import type { SourceSummary, WatchedName } from '../../src/shared/sources-protocol';
import { seriousViolations } from './accessibility';
import {
  askBackground,
  findTabId,
  openPopup,
  requestCompletedStats,
  requestReport,
} from './extension-pages';
import { waitFor, type ExtensionBrowser, type TestPage } from './harness';
import { artifact, ROOT } from './paths';
import { annotation } from '../unit/background-fixtures';
import { startServer, type StaticServer } from './server';

const STORY = join(ROOT, 'tests', 'fixtures', 'story-tembo');
const SOURCE_FILES = ['001_afdb-loan.txt', '002_output.txt'];
const ENTITIES_FILE = join(STORY, 'entities.json');
const PAGE_FILE = join(STORY, 'page.html');
const PAGE_PATH = '/fixtures/story-tembo/page.html';

interface EntityFile {
  id: string;
  name: string;
  aliases: string[];
}

/** The CLI's report of the story's page with these of its sources and its watched names. */
function cliReport(sources: readonly string[]): Report {
  const result = run([
    'annotate',
    PAGE_FILE,
    '--sources',
    ...sources.map((file) => join(STORY, file)),
    '--entities',
    ENTITIES_FILE,
  ]);
  if (result.code !== 0) throw new Error(`factmark annotate failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Report;
}

/** The CLI's facts per source file, for the same sources and names. */
function cliFactCounts(): Map<string, number> {
  const result = run([
    'facts',
    '--sources',
    ...SOURCE_FILES.map((file) => join(STORY, file)),
    '--entities',
    ENTITIES_FILE,
  ]);
  if (result.code !== 0) throw new Error(`factmark facts failed: ${result.stderr}`);
  const base = JSON.parse(result.stdout) as { facts: { id: string }[] };
  const counts = new Map<string, number>();
  for (const f of base.facts) {
    const file = SOURCE_FILES.find((name) => f.id.startsWith(`source:${name}:`));
    if (file) counts.set(file, (counts.get(file) ?? 0) + 1);
  }
  return counts;
}

/**
 * A report as the CLI writes it, for comparing: the page's own URL left out (file:// against
 * http://), and the ids of the journalist's sources' facts (`source:<uuid>:<offset>` in the
 * extension) written as the CLI names them, by file (`source:<file name>:<offset>`).
 */
function comparable(report: Report, fileOf: ReadonlyMap<string, string>) {
  const factId = (id: string) => {
    const match = /^source:([^:]+):(\d+)$/.exec(id);
    const file = match ? fileOf.get(match[1]!) : undefined;
    return file ? `source:${file}:${match![2]}` : id;
  };
  return {
    title: report.title,
    mentions: report.mentions,
    figures: report.figures.map((f) => ({ ...f, facts: f.facts.map(factId).sort() })),
  };
}

export function defineSourcesSuite(launch: () => Promise<ExtensionBrowser>): void {
  let server: StaticServer;
  let browser: ExtensionBrowser;
  let library: TestPage;

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    library = await openLibrary();
  });

  /**
   * The Library, once its Sources and Watched names sections list what the background holds.
   * Should a section say it could not read them (a page opened while a just-installed
   * extension's background is still starting is the likely case; seen once in Firefox as a
   * section that never listed), the Library is opened again, once.
   */
  async function openLibrary(retry = true): Promise<TestPage> {
    const page = await browser.openExtensionPage('src/options/index.html');
    await page.setViewport(1100, 900);
    const state = await waitFor(
      page,
      () => {
        const listed =
          document.querySelectorAll('#sources li.source').length > 0 &&
          document.querySelectorAll('#watched-names li.watched-name').length > 0;
        const failed = document.querySelector(
          '#sources > [role="alert"], #watched-names > [role="alert"]',
        );
        return listed ? 'listed' : failed ? `failed: ${failed.textContent}` : null;
      },
      undefined,
      'the Sources and Watched names sections',
    );
    if (state === 'listed') return page;
    await page.close();
    if (!retry) throw new Error(`the Library could not list the story: ${state}`);
    return openLibrary(false);
  }

  afterAll(async () => {
    await library?.close();
    await browser?.close();
    await server?.close();
  });

  /** Source id → file name, as the background lists the sources now. */
  async function sourceFiles(): Promise<Map<string, string>> {
    const answer = (await askBackground(library, { type: 'factmark/sources' })) as {
      ok: boolean;
      sources: SourceSummary[];
    };
    return new Map(answer.sources.map((s) => [s.id, s.name ?? '']));
  }

  /** An annotation of the journalist's on a page (the suite's one), valid as the Library saves it. */
  function annotationOn(url: string): Annotation {
    return annotation(`anno:e2e-backup-${Date.now()}`, { url, entities: ['tembo-hills'] });
  }

  /** What the Library lists: sources, watched names and annotations, as the background has them. */
  async function libraryState(): Promise<{
    sources: SourceSummary[];
    entities: WatchedName[];
    annotations: Annotation[];
    facts: Fact[];
  }> {
    const sources = (await askBackground(library, { type: 'factmark/sources' })) as {
      sources: SourceSummary[];
    };
    const entities = (await askBackground(library, { type: 'factmark/entities' })) as {
      entities: WatchedName[];
    };
    const annotations = (await askBackground(library, { type: 'factmark/annotations' })) as {
      annotations: Annotation[];
    };
    const facts = (await askBackground(library, { type: 'factmark/facts' })) as { facts: Fact[] };
    return {
      sources: sources.sources,
      entities: entities.entities,
      annotations: annotations.annotations,
      facts: facts.facts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    };
  }

  /**
   * Everything of the journalist's deleted with the Library's own requests, as a new install has
   * it: annotations, their facts, sources and names gone, the bundled sources and names on.
   */
  async function wipeEverything(): Promise<void> {
    const state = await libraryState();
    const ask = (message: unknown) =>
      askBackground(library, message).then((answer) => expect(answer).toMatchObject({ ok: true }));
    await ask({ type: 'factmark/annotations-delete', ids: state.annotations.map((a) => a.id) });
    for (const f of state.facts.filter((f) => f.id.startsWith('user:'))) {
      await ask({ type: 'factmark/fact-delete', id: f.id });
    }
    for (const s of state.sources) {
      if (s.origin !== 'bundled') await ask({ type: 'factmark/source-remove', id: s.id });
      else if (!s.enabled) await ask({ type: 'factmark/source-enable', id: s.id, enabled: true });
    }
    for (const e of state.entities) {
      if (!e.bundled) await ask({ type: 'factmark/entity-remove', id: e.id });
      else if (!e.enabled) await ask({ type: 'factmark/entity-enable', id: e.id, enabled: true });
    }
  }

  /** The story's page in a new tab, and its report once the content script has its facts. */
  async function storyReport(): Promise<{ page: TestPage; report: Report }> {
    const url = `${server.url(PAGE_PATH)}?t=${Date.now()}`;
    const page = await browser.openPage(url);
    const tabId = await findTabId(library, url);
    // Once its first pass is complete: a report asked for before the content script has its
    // facts and names would have no verdicts yet.
    await requestCompletedStats(library, tabId);
    const report = await requestReport(library, tabId);
    return { page, report };
  }

  /** Sizes of Factmark's highlights in the page, by name, once the strip has every verdict. */
  function highlightSizes(page: TestPage): Promise<Record<string, number>> {
    return waitFor(
      page,
      () => {
        const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
        if (!registry || (registry.get('factmark-mention')?.size ?? 0) === 0) return null;
        const out: Record<string, number> = {};
        for (const name of ['mention', 'supported', 'contradicted', 'unverified']) {
          out[name] = registry.get(`factmark-${name}`)?.size ?? 0;
        }
        return out;
      },
      undefined,
      'the highlights',
    );
  }

  describe('a story of the journalist’s own, added in the Library', () => {
    it('adds the story’s watched names through the Watched names form', async () => {
      const entities = JSON.parse(readFileSync(ENTITIES_FILE, 'utf8')) as EntityFile[];
      for (const entity of entities) {
        await library.evaluate((e) => {
          const form = document.querySelector<HTMLFormElement>(
            'form[aria-label="Add a watched name"]',
          )!;
          form.closest('details')!.open = true;
          const byLabel = (label: string) => {
            const l = [...form.querySelectorAll('label')].find(
              (x) => x.textContent?.trim() === label,
            )!;
            return form.querySelector<HTMLInputElement | HTMLTextAreaElement>(
              `[id="${l.htmlFor}"]`,
            )!;
          };
          const type = (label: string, value: string) => {
            const field = byLabel(label);
            field.value = value;
            field.dispatchEvent(new Event('input', { bubbles: true }));
          };
          type('Name', e.name);
          type('Id', e.id);
          type('Other spellings', e.aliases.join('\n'));
        }, entity);
        // Submitted once the fields have been rendered with what was typed.
        await waitFor(
          library,
          (e) => {
            const form = document.querySelector('form[aria-label="Add a watched name"]')!;
            const chips = form.querySelectorAll('.spelling-chips li').length;
            if (chips !== e.aliases.length) return false;
            [...form.querySelectorAll('button')]
              .find((b) => b.textContent?.trim() === 'Add the name')!
              .click();
            return true;
          },
          entity,
          `the form filled for ${entity.id}`,
        );
        await waitFor(
          library,
          (id) => document.querySelector(`li.watched-name[data-entity-id="${id}"]`) !== null,
          entity.id,
          `${entity.id} in the list`,
        );
      }
      const answer = (await askBackground(library, { type: 'factmark/entities' })) as {
        entities: WatchedName[];
      };
      const own = answer.entities.filter((e) => !e.bundled);
      const byId = (x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id);
      expect(own.map(({ id, name, aliases }) => ({ id, name, aliases })).sort(byId)).toEqual(
        [...entities].sort(byId),
      );
      expect(own.every((e) => e.enabled)).toBe(true);
    });

    it('adds the story’s sources from their files, each with the facts the CLI finds in it', async () => {
      const counts = cliFactCounts();
      for (const file of SOURCE_FILES) {
        const content = readFileSync(join(STORY, file), 'utf8');
        const listed = await library.evaluate(
          () => document.querySelectorAll('#sources li.source').length,
        );
        await library.evaluate(
          ({ name, text }) => {
            const input = document.querySelector<HTMLInputElement>('#sources input[type=file]')!;
            const files = new DataTransfer();
            files.items.add(new File([text], name, { type: 'text/plain' }));
            input.files = files.files;
            input.dispatchEvent(new Event('change', { bubbles: true }));
          },
          { name: file, text: content },
        );
        // Added (listed one more), or refused (the outcome says why): either way, said.
        const outcome = await waitFor(
          library,
          (before) => {
            const said = document.querySelector('#sources .add-source [role="alert"]');
            const added = document.querySelectorAll('#sources li.source').length > before;
            const failed = said?.classList.contains('error') ?? false;
            return added || failed ? (said?.textContent ?? '') : null;
          },
          listed,
          `the outcome of adding ${file}`,
        );
        expect(outcome).toMatch(new RegExp(`^Added “.+”: ${counts.get(file)} facts\\.$`));
      }
      const files = await sourceFiles();
      expect([...files.values()].filter((name) => SOURCE_FILES.includes(name)).sort()).toEqual(
        SOURCE_FILES,
      );
    });

    it('shows the Sources and Watched names sections (screenshots)', async () => {
      await library.evaluate(() => document.querySelector('#sources')!.scrollIntoView());
      await library.screenshot(artifact(`${browser.name}-library-sources.png`));
      // One of the journalist's sources opened: its facts, each figure marked in its quote.
      await library.evaluate(() => {
        const own = [...document.querySelectorAll('#sources li.source')].find(
          (li) => !li.textContent?.includes('Bundled'),
        )!;
        [...own.querySelectorAll('button')]
          .find((b) => b.textContent?.trim() === 'Show its facts')!
          .click();
        own.scrollIntoView({ block: 'start' });
      });
      await waitFor(
        library,
        () => document.querySelectorAll('#sources .source-facts mark').length > 0,
        undefined,
        'a source’s facts',
      );
      await library.screenshot(artifact(`${browser.name}-library-source-facts.png`));
      await library.evaluate(() => document.querySelector('#watched-names')!.scrollIntoView());
      await library.screenshot(artifact(`${browser.name}-library-watched-names.png`));
    });

    it('has no serious accessibility violation in the Library, its new sections filled', async () => {
      // An edit form open too: its fields are labelled, its errors tied to them.
      await library.evaluate(() => {
        const own = document.querySelector('#watched-names li.watched-name:last-child')!;
        [...own.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Edit')!.click();
      });
      await waitFor(
        library,
        () => document.querySelector('#watched-names li.watched-name form') !== null,
        undefined,
        'the edit form',
      );
      expect(await seriousViolations(library)).toEqual([]);
      await library.evaluate(() => {
        const form = document.querySelector('#watched-names li.watched-name form')!;
        [...form.querySelectorAll('button')]
          .find((b) => b.textContent?.trim() === 'Cancel')!
          .click();
      });
    });

    it('checks a page of the story as the CLI does: mentions, figures, verdicts, highlights', async () => {
      const { page, report } = await storyReport();
      const files = await sourceFiles();
      const expected = cliReport(SOURCE_FILES);
      expect(comparable(report, files)).toEqual(comparable(expected, new Map()));
      // The story's own names and verdicts are there (a test of the test).
      expect(report.mentions.some((m) => m.entity === 'tembo-hills')).toBe(true);
      expect(report.figures.find((f) => f.text === '60%')?.verdict).toBe('supported');
      expect(report.figures.find((f) => f.text === '$1.5 billion')?.verdict).toBe('contradicted');
      const sizes = await highlightSizes(page);
      const count = (v: string) => report.figures.filter((f) => f.verdict === v).length;
      expect(sizes).toEqual({
        mention: report.mentions.length,
        supported: count('supported'),
        contradicted: count('contradicted'),
        unverified: count('unverified'),
      });
      await page.screenshot(artifact(`${browser.name}-story-tembo.png`), { fullPage: true });
      await page.close();
    });

    it('backs up everything, wipes it, restores the backup: the page’s report, the sources, names and annotations are as they were', async () => {
      // An annotation on the story's page and a bundled name switched off: in the backup too.
      const note = annotationOn(server.url(PAGE_PATH));
      expect(
        await askBackground(library, { type: 'factmark/annotation-save', annotation: note }),
      ).toMatchObject({ ok: true });
      await askBackground(library, {
        type: 'factmark/entity-enable',
        id: 'barrick',
        enabled: false,
      });
      const before = await libraryState();
      const first = await storyReport();
      await first.page.close();
      expect(first.report.mentions.some((m) => m.entity === 'tembo-hills')).toBe(true);

      // "Back up everything": the file the Library offers, caught as it is downloaded.
      await library.evaluate(() => {
        const w = window as unknown as { __backup?: { name: string }; __backupFile?: Blob };
        // The Blob the link is made for, and the link's file name; the link is not followed.
        const objectUrl = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (file: Blob | MediaSource) => {
          if (file instanceof Blob) w.__backupFile = file;
          return objectUrl(file);
        };
        HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
          w.__backup = { name: this.download };
        };
        [...document.querySelectorAll('#backup button')]
          .find((b) => b.textContent?.trim() === 'Back up everything')!
          .dispatchEvent(new MouseEvent('click', { bubbles: true }));
      });
      const download = await waitFor(
        library,
        () => (window as unknown as { __backup?: { name: string } }).__backup ?? null,
        undefined,
        'the backup file',
      );
      expect(download.name).toMatch(/^factmark-backup-\d{4}-\d{2}-\d{2}\.json$/);
      const text = await library.evaluate(() =>
        (window as unknown as { __backupFile: Blob }).__backupFile.text(),
      );
      expect(text.startsWith('{\n  "format": "factmark-backup",\n  "version": 1,')).toBe(true);

      // Wiped: every annotation, source and name of the journalist's gone, the bundled ones on.
      await wipeEverything();
      const wiped = await libraryState();
      expect(wiped.annotations).toEqual([]);
      expect(wiped.sources.every((s) => s.origin === 'bundled' && s.enabled)).toBe(true);
      expect(wiped.entities.every((e) => e.bundled && e.enabled)).toBe(true);
      const bare = await storyReport();
      await bare.page.close();
      expect(bare.report.mentions.some((m) => m.entity === 'tembo-hills')).toBe(false);

      // "Restore from backup", with the file: every section of the Library lists it again.
      await library.evaluate(
        ({ content }) => {
          const input = document.querySelector<HTMLInputElement>('#backup input[type=file]')!;
          const files = new DataTransfer();
          files.items.add(
            new File([content], 'factmark-backup.json', { type: 'application/json' }),
          );
          input.files = files.files;
          input.dispatchEvent(new Event('change', { bubbles: true }));
        },
        { content: text },
      );
      const said = await waitFor(
        library,
        () => {
          const alert = document.querySelector('#backup [role="alert"]')?.textContent ?? '';
          return alert.startsWith('Restored') || alert.startsWith('Nothing') ? alert : null;
        },
        undefined,
        'the restore’s outcome',
      );
      expect(said).toMatch(/^Restored from the backup: 1 annotation, /);
      await library.evaluate(() => document.querySelector('#backup')!.scrollIntoView());
      await library.screenshot(artifact(`${browser.name}-library-backup.png`));
      await waitFor(
        library,
        (n) => document.querySelectorAll('#sources li.source').length === n,
        before.sources.length,
        'the restored sources in the Library',
      );
      const after = await libraryState();
      expect(after).toEqual(before);
      expect(
        await library.evaluate(() => ({
          sources: document.querySelectorAll('#sources li.source').length,
          names: document.querySelectorAll('#watched-names li.watched-name').length,
        })),
      ).toEqual({ sources: before.sources.length, names: before.entities.length });
      const restored = await storyReport();
      await restored.page.close();
      // The same report (the page's own URL aside: each visit has a query of its own).
      expect({ ...restored.report, url: '' }).toEqual({ ...first.report, url: '' });

      // As it was before this test: the annotation gone, the bundled name on.
      await askBackground(library, { type: 'factmark/annotations-delete', ids: [note.id] });
      await askBackground(library, {
        type: 'factmark/entity-enable',
        id: 'barrick',
        enabled: true,
      });
    });

    it('removing a source in the Library: its verdicts go back to unverified', async () => {
      const first = await storyReport();
      const before = first.report;
      await first.page.close();
      const [removed, kept] = SOURCE_FILES as [string, string];
      const files = await sourceFiles();
      const removedId = [...files].find(([, name]) => name === removed)![0];
      await library.evaluate((id) => {
        const li = document.querySelector(`#sources li.source[data-source-id="${id}"]`)!;
        [...li.querySelectorAll('button')]
          .find((b) => b.textContent?.trim() === 'Remove…')!
          .click();
      }, removedId);
      await waitFor(
        library,
        (id) => {
          const li = document.querySelector(`#sources li.source[data-source-id="${id}"]`);
          const confirm = li
            ? [...li.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Remove')
            : undefined;
          confirm?.click();
          return confirm !== undefined;
        },
        removedId,
        'the confirmation',
      );
      await waitFor(
        library,
        (id) => document.querySelector(`#sources li.source[data-source-id="${id}"]`) === null,
        removedId,
        'the source to leave the list',
      );

      const { page, report } = await storyReport();
      expect(comparable(report, files)).toEqual(comparable(cliReport([kept]), new Map()));
      // Figures whose every fact came from the removed source are unverified now.
      const onlyRemoved = before.figures.filter(
        (f) =>
          f.verdict !== 'unverified' &&
          f.facts.length > 0 &&
          f.facts.every((id) => id.startsWith(`source:${removedId}:`)),
      );
      expect(onlyRemoved.map((f) => f.text)).toContain('60%');
      for (const f of onlyRemoved) {
        const now = report.figures.find((g) => g.start === f.start);
        expect(now?.verdict, f.text).toBe('unverified');
      }
      await page.close();
    });

    it('adds the page being read as a source from the popup, and says how many facts it gave', async () => {
      const url = `${server.url(PAGE_PATH)}?popup=${Date.now()}`;
      const page = await browser.openPage(url);
      const tabId = await findTabId(library, url);
      const popup = await openPopup(browser, tabId);
      await popup.evaluate(() =>
        [...document.querySelectorAll('button')]
          .find((b) => b.textContent?.trim() === 'Add this page as a source')!
          .click(),
      );
      const said = await waitFor(
        popup,
        () => {
          const section = document.querySelector('.add-page-source')!;
          const error = section.querySelector('[role="alert"]')?.textContent;
          const status = section.querySelector('[role="status"]')?.textContent ?? '';
          return error || (status.startsWith('Added') ? status : null);
        },
        undefined,
        'the popup to say what came of it',
      );
      const answer = (await askBackground(library, { type: 'factmark/sources' })) as {
        sources: SourceSummary[];
      };
      const added = answer.sources.find((s) => s.origin === 'page');
      expect(added?.url).toBe(url);
      expect(said).toBe(
        `Added “${added?.title}”: ${added?.facts} facts. Other pages are now checked against them.`,
      );
      expect(added?.facts).toBeGreaterThan(0);
      await popup.screenshot(artifact(`${browser.name}-popup-add-source.png`), { fullPage: true });
      await popup.close();
      await page.close();
    });
  });
}
