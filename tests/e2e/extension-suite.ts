/**
 * The end-to-end checks of the built extension, written once and run in each browser
 * (extension.<browser>.e2e.test.ts). One browser is launched per file and shared by its tests;
 * every test opens its own tabs.
 *
 * Sections marked "CONTENT SCRIPT" test the content script on the pages in ./pages and the
 * labelled corpus (../corpus/pages).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportForHtml } from '../../src/cli/annotate';
import { extractVisibleText } from '../../src/cli/html-text';
import { indexFacts } from '../../src/core/compare';
import type { Report } from '../../src/core/types';
import { EDITOR_PAGE } from '../../src/shared/editor-protocol';
import { BUNDLED_FACT_BASE } from '../../src/shared/fact-base';
import { seriousViolations } from './accessibility';
import {
  askBackground,
  findTabId,
  openPopup,
  requestFacts,
  requestCompletedStats,
  requestReport,
} from './extension-pages';
import { until } from './callers';
import { waitFor, type ExtensionBrowser, type TestPage } from './harness';
import { artifact, ROOT } from './paths';
import {
  formatScore,
  scoreCorpus,
  scorePage,
  type ExpectedPage,
  type PageScore,
} from '../corpus/score';
import { startServer, type StaticServer } from './server';

export function defineExtensionSuite(launch: () => Promise<ExtensionBrowser>): void {
  let server: StaticServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe('background', () => {
    let page: TestPage;
    beforeAll(async () => {
      page = await browser.openExtensionPage('src/options/index.html');
    });
    afterAll(() => page?.close());

    it('answers factmark/facts with the bundled seed facts, seeded on install', async () => {
      const answer = await requestFacts(page);
      expect(answer.ok).toBe(true);
      if (!answer.ok) return;
      const stored = answer.facts.map((f) => f.id).sort();
      const bundled = BUNDLED_FACT_BASE.facts.map((f) => f.id).sort();
      expect(bundled.length).toBeGreaterThan(0);
      expect(stored).toEqual(bundled);
      expect(answer.facts.every((f) => f.source.type === 'seed')).toBe(true);
    });

    it('answers a malformed message with { ok: false }', async () => {
      expect(await askBackground(page, { type: 'factmark/site-set', host: 'x.org' })).toEqual({
        ok: false,
        error: 'unknown or malformed message',
      });
    });

    it('remembers the per-site switch', async () => {
      const host = `switch-${browser.name}.example`;
      expect(await askBackground(page, { type: 'factmark/site-get', host })).toEqual({
        ok: true,
        enabled: true,
      });
      await askBackground(page, { type: 'factmark/site-set', host, enabled: false });
      expect(await askBackground(page, { type: 'factmark/site-get', host })).toEqual({
        ok: true,
        enabled: false,
      });
    });
  });

  describe('options page (Factmark Library)', () => {
    it('lists every fact of the fact base', async () => {
      const page = await browser.openExtensionPage('src/options/index.html');
      const shown = await waitFor(
        page,
        () => document.querySelectorAll('.fact').length,
        undefined,
        'the fact list',
      );
      expect(await page.evaluate(() => document.title)).toBe('Factmark Library');
      expect(shown).toBe(BUNDLED_FACT_BASE.facts.length);
      await page.close();
    });
  });

  describe('popup', () => {
    let story: TestPage;
    let storyUrl: string;
    let tabId: number;
    let report: Report;
    let popup: TestPage;

    beforeAll(async () => {
      storyUrl = server.url('/story.html');
      story = await browser.openPage(storyUrl);
      const probe = await browser.openExtensionPage('src/options/index.html');
      tabId = await findTabId(probe, storyUrl);
      report = await requestReport(probe, tabId);
      await probe.close();
      popup = await openPopup(browser, tabId);
    });
    afterAll(async () => {
      await popup?.close();
      await story?.close();
    });

    it('renders one row per figure of the report, with its verdict, in page order', async () => {
      expect(report.figures.length).toBeGreaterThan(0);
      const verdicts = await popup.evaluate(() =>
        [...document.querySelectorAll('tbody.figure')].map((row) =>
          row.getAttribute('data-verdict'),
        ),
      );
      expect(verdicts).toEqual(report.figures.map((f) => f.verdict));
    });

    it('tells supported from contradicted figures on the story page', async () => {
      const summary = await popup.evaluate(() =>
        [...document.querySelectorAll('.summary li')].map((li) => li.textContent?.trim()),
      );
      const count = (v: string) => report.figures.filter((f) => f.verdict === v).length;
      expect(summary).toEqual([
        `✔ ${count('supported')} supported`,
        `✖ ${count('contradicted')} contradicted`,
        `? ${count('unverified')} unverified`,
      ]);
      expect(count('supported')).toBeGreaterThan(0);
      expect(count('contradicted')).toBeGreaterThan(0);
    });

    it("quotes the fact base's sources for a supported figure", async () => {
      const firstSupported = report.figures.findIndex((f) => f.verdict === 'supported');
      const quotes = await popup.evaluate(
        (i) =>
          [...document.querySelectorAll('tbody.figure')[i]!.querySelectorAll('.source q')].map(
            (q) => q.textContent,
          ),
        firstSupported,
      );
      const factQuotes = new Set(BUNDLED_FACT_BASE.facts.map((f) => f.quote));
      expect(quotes.length).toBeGreaterThan(0);
      for (const q of quotes) expect(factQuotes.has(q ?? '')).toBe(true);
    });

    it('lists the entities the page mentions', async () => {
      const entities = await popup.evaluate(() =>
        [...document.querySelectorAll('[data-entity]')].map((e) => e.getAttribute('data-entity')),
      );
      expect(entities.sort()).toEqual([...new Set(report.mentions.map((m) => m.entity))].sort());
    });

    it('has no serious or critical accessibility violations, light or dark', async () => {
      for (const scheme of ['light', 'dark'] as const) {
        if (!(await popup.setColorScheme(scheme))) continue;
        expect(await seriousViolations(popup), scheme).toEqual([]);
      }
    });

    it('saves screenshots of the page and of the popup', async () => {
      // The overview strip is drawn once every figure has its verdict.
      await waitFor(
        story,
        // Factmark's host: the one element beside <head> and <body> (a <div>, ui-root.ts).
        () =>
          [...document.documentElement.children].some(
            (e) => e !== document.head && e !== document.body,
          ),
        undefined,
        'the strip',
      );
      await story.screenshot(artifact(`${browser.name}-story.png`), { fullPage: true });
      await popup.setColorScheme('light');
      await popup.screenshot(artifact(`${browser.name}-popup.png`), { fullPage: true });
      if (await popup.setColorScheme('dark')) {
        await popup.screenshot(artifact(`${browser.name}-popup-dark.png`), { fullPage: true });
        await popup.setColorScheme('light');
      }
    });

    it('explains, in a tab with no content script, that it cannot read the page', async () => {
      // Without ?tab= the popup speaks about the active tab: here, itself, an extension page.
      const own = await openPopup(browser);
      const notice = await own.evaluate(() => document.querySelector('.notice-title')?.textContent);
      expect(notice).toBe("Factmark can't read this page.");
      expect(await own.evaluate(() => document.querySelector('table'))).toBeNull();
      await own.close();
    });
  });

  // ---- CONTENT SCRIPT ------------------------------------------------------------------------

  /** Open a served page, wait for its content script, and get its report from an extension page. */
  async function openWithReport(
    path: string,
  ): Promise<{ page: TestPage; tabId: number; report: Report }> {
    const url = server.url(path);
    const page = await browser.openPage(url);
    const probe = await browser.openExtensionPage('src/options/index.html');
    try {
      const tabId = await findTabId(probe, url);
      const report = await requestReport(probe, tabId);
      return { page, tabId, report };
    } finally {
      await probe.close();
    }
  }

  /**
   * Wait for the annotation editor to be open and focused. It is an extension frame in our closed
   * shadow root (src/content/editor-frame.ts), focused once its form is ready: the page then sees
   * Factmark's host (the element beside <head> and <body>) as its active element.
   */
  async function waitForEditor(page: TestPage): Promise<void> {
    await waitFor(
      page,
      () => {
        const active = document.activeElement;
        return (
          active !== null &&
          active.parentElement === document.documentElement &&
          active !== document.head &&
          active !== document.body
        );
      },
      undefined,
      'the annotation editor to be open and focused',
    );
    // And the caret in the note inside it. The frame's document puts it there when the host has
    // shown the frame (`shown`) or when its window gets focus (src/editor/editor-session.ts); in
    // Firefox either reaches the frame's process a moment after the host's focus, and keys typed
    // before fall on the frame's body (a CI run saved an empty note). Not document.hasFocus():
    // headless Firefox may not count a background window's frame as focused, while the driver's
    // keys still go to the page's focused element.
    await until('the caret in the editor’s note field', async () => {
      const focused = await page.inFrames(
        (editorPath) =>
          location.pathname === `/${editorPath}` &&
          document.activeElement instanceof HTMLTextAreaElement,
        EDITOR_PAGE,
      );
      return focused.includes(true) ? true : null;
    });
  }

  async function reportOf(tabId: number): Promise<Report> {
    const probe = await browser.openExtensionPage('src/options/index.html');
    try {
      return await requestReport(probe, tabId);
    } finally {
      await probe.close();
    }
  }

  /** Sizes of Factmark's highlights in the page, by name. */
  function highlightSizes(page: TestPage): Promise<Record<string, number>> {
    return page.evaluate(() => {
      const out: Record<string, number> = {};
      const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
      if (!registry) return out;
      for (const name of ['mention', 'supported', 'contradicted', 'unverified']) {
        out[name] = registry.get(`factmark-${name}`)?.size ?? 0;
      }
      return out;
    });
  }

  describe('CONTENT SCRIPT: report message (factmark/report)', () => {
    it('answers with the report of design.md for the story page', async () => {
      const { page, report } = await openWithReport('/story.html');
      expect(report.version).toBe(1);
      expect(report.url).toBe(server.url('/story.html'));
      expect(report.title).toBe('US bank backs Reko Diq mine with $1.25 billion');
      expect(new Set(report.mentions.map((m) => m.entity))).toEqual(
        new Set(['reko-diq', 'exim', 'barrick']),
      );
      const verdict = (text: string) => {
        const verdicts = new Set(
          report.figures.filter((f) => f.text === text).map((f) => f.verdict),
        );
        return verdicts.size === 1 ? [...verdicts][0] : [...verdicts].join(' and ');
      };
      expect(verdict('$1.25 billion')).toBe('supported');
      expect(verdict('50%')).toBe('supported');
      expect(verdict('7,500 jobs')).toBe('supported');
      expect(verdict('9,000 jobs')).toBe('contradicted');
      expect(verdict('$2.5 billion')).toBe('contradicted');
      for (const f of report.figures) {
        expect(f.end).toBeGreaterThan(f.start);
        if (f.verdict !== 'unverified') expect(f.facts.length).toBeGreaterThan(0);
      }
      // The offsets are into the visible text: the CLI's visible text of the same page.
      const html = readFileSync(join(ROOT, 'tests', 'e2e', 'pages', 'story.html'), 'utf8');
      const text = extractVisibleText(html).text;
      for (const f of report.figures) expect(text.slice(f.start, f.end)).toBe(f.text);
      for (const m of report.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
      await page.close();
    });

    it('finds names and figures split across inline tags whole, and nothing hidden', async () => {
      const { page, report } = await openWithReport('/traps.html');
      const figures = report.figures.map((f) => f.text);
      const mentions = report.mentions.map((m) => m.text);
      expect(mentions).toContain('Reko Diq');
      // Split by tags, beside a split figure, with a soft hyphen and with a no-break space.
      expect(report.mentions.filter((m) => m.entity === 'reko-diq')).toHaveLength(4);
      expect(mentions).toContain('Ex‑Im');
      expect(figures).toContain('$1.25 billion');
      for (const hidden of [
        '90%',
        '$9 billion',
        '99,000 jobs',
        '75%',
        '$6 billion',
        '$3 billion',
        '30%',
      ]) {
        expect(figures).not.toContain(hidden);
      }
      // Look-alikes are not the US bank or Barrick.
      expect(mentions.some((m) => /china|street/i.test(m))).toBe(false);
      expect(report.mentions.filter((m) => m.entity === 'barrick')).toEqual([]);
      await page.close();
    });

    it('reports nothing from scripts, styles, form fields, attributes or editable regions', async () => {
      const { page, report } = await openWithReport('/traps.html');
      const figures = report.figures.map((f) => f.text);
      for (const skipped of ['$8 billion', '$4 billion', '$2 billion', '$5 billion']) {
        expect(figures).not.toContain(skipped);
      }
      const story = await openWithReport('/story.html');
      for (const skipped of ['$3 billion', '$4 billion', '$5 billion', '$9 billion']) {
        expect(story.report.figures.map((f) => f.text)).not.toContain(skipped);
      }
      await story.page.close();
      await page.close();
    });

    it('agrees with the CLI on the labelled corpus pages within 0.01', async () => {
      const facts = indexFacts(BUNDLED_FACT_BASE.facts);
      const corpus = join(ROOT, 'tests', 'corpus');
      const cli: PageScore[] = [];
      const live: PageScore[] = [];
      let identical = 0;
      const files = readdirSync(join(corpus, 'expected'))
        .filter((f) => f.endsWith('.json'))
        .sort();
      for (const file of files) {
        const expected = JSON.parse(
          readFileSync(join(corpus, 'expected', file), 'utf8'),
        ) as ExpectedPage;
        const html = readFileSync(join(corpus, 'pages', expected.page), 'utf8');
        const text = extractVisibleText(html).text;
        const cliReport = reportForHtml(html, server.url(`/corpus/${expected.page}`), facts);
        const { page, report } = await openWithReport(`/corpus/${expected.page}`);
        await page.close();
        cli.push(scorePage(text, cliReport, expected));
        live.push(scorePage(text, report, expected));
        const same =
          JSON.stringify([report.mentions, report.figures]) ===
          JSON.stringify([cliReport.mentions, cliReport.figures]);
        if (same) identical++;
        else {
          const both = [...report.mentions, ...report.figures];
          const theirs = [...cliReport.mentions, ...cliReport.figures];
          const i = both.findIndex((x, k) => JSON.stringify(x) !== JSON.stringify(theirs[k]));
          console.log(
            `${browser.name}: ${expected.page}: differs from the CLI's report: ` +
              `${JSON.stringify(both[i])} vs ${JSON.stringify(theirs[i])}`,
          );
        }
      }
      const a = scoreCorpus(cli);
      const b = scoreCorpus(live);
      console.log(`${browser.name} (extension):\n${formatScore(b)}\nCLI:\n${formatScore(a)}`);
      console.log(
        `${browser.name}: ${identical}/${files.length} pages with reports identical to the CLI's`,
      );
      expect(Math.abs(a.mentionsF1 - b.mentionsF1)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(a.figuresF1 - b.figuresF1)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(a.verdictAccuracy - b.verdictAccuracy)).toBeLessThanOrEqual(0.01);
      // Stronger than the scores: the same engine over the same visible text gives the same report.
      expect(identical).toBe(files.length);
    });
  });

  describe('CONTENT SCRIPT: highlights', () => {
    it('paints mentions and figures, figures by verdict, without changing the DOM', async () => {
      const { page, report } = await openWithReport('/story.html');
      const sizes = await waitFor(
        page,
        () => {
          const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
          return (registry?.get('factmark-contradicted')?.size ?? 0) > 0;
        },
        undefined,
        'the highlights',
      ).then(() => highlightSizes(page));
      expect(sizes.mention).toBe(report.mentions.length);
      const count = (v: string) => report.figures.filter((f) => f.verdict === v).length;
      expect(sizes.supported).toBe(count('supported'));
      expect(sizes.contradicted).toBe(count('contradicted'));
      expect(sizes.unverified).toBe(count('unverified'));
      // The page's own DOM is as served: Factmark adds one host element outside <body>, nothing else.
      const same = await page.evaluate(async () => {
        const served = new DOMParser().parseFromString(
          await (await fetch(location.href)).text(),
          'text/html',
        );
        return served.body.innerHTML === document.body.innerHTML;
      });
      expect(same).toBe(true);
      // The host joins the page with the overview strip, drawn once every figure has its verdict.
      await waitFor(
        page,
        // Factmark's host: the one element beside <head> and <body> (a <div>, ui-root.ts).
        () =>
          [...document.documentElement.children].some(
            (e) => e !== document.head && e !== document.body,
          ),
        undefined,
        'the strip',
      );
      expect(
        await page.evaluate(
          () =>
            document.querySelectorAll('mark').length +
            [...document.documentElement.children].filter(
              (e) => e !== document.head && e !== document.body,
            ).length,
        ),
      ).toBe(1);
      // In the top layer (ui-root.ts): half the page's rendering of a host among its elements.
      expect(
        await page.evaluate(() =>
          [...document.documentElement.children]
            .find((e) => e !== document.head && e !== document.body)
            ?.matches(':popover-open'),
        ),
      ).toBe(true);
      await page.close();
    });

    it('adds nothing to a page that names and counts nothing: no host element, no highlights', async () => {
      const { page, tabId } = await openWithReport('/quiet.html');
      const probe = await browser.openExtensionPage('src/options/index.html');
      try {
        const stats = await requestCompletedStats(probe, tabId);
        expect(stats.items).toBe(0);
        expect(stats.blocks).toBeGreaterThan(0);
      } finally {
        await probe.close();
      }
      const traces = await page.evaluate(() => ({
        hosts: [...document.documentElement.children].filter(
          (e) => e !== document.head && e !== document.body,
        ).length,
        highlights: [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()]
          .length,
      }));
      expect(traces).toEqual({ hosts: 0, highlights: 0 });
      await page.close();
    });

    it('paints what is near the viewport at once, and the rest of a long page as it is scrolled to', async () => {
      const { page, tabId, report } = await openWithReport('/long.html');
      const probe = await browser.openExtensionPage('src/options/index.html');
      try {
        await requestCompletedStats(probe, tabId);
      } finally {
        await probe.close();
      }
      const total = report.mentions.length + report.figures.length;
      const painted = async () =>
        Object.values(await highlightSizes(page)).reduce((a, b) => a + b, 0);
      const before = await painted();
      // The page is many screens long: not everything is painted up front, but something is.
      expect(before).toBeGreaterThan(0);
      expect(before).toBeLessThan(total);
      await page.evaluate(() => {
        (document.getElementById('target') as HTMLElement).scrollIntoView();
      });
      await waitFor(
        page,
        () => {
          const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
          const target = document.getElementById('target') as HTMLElement;
          for (const name of ['supported', 'contradicted', 'unverified']) {
            for (const range of registry.get(`factmark-${name}`) ?? []) {
              if (target.contains(range.startContainer)) return true;
            }
          }
          return false;
        },
        undefined,
        'the figure scrolled to, painted',
      );
      expect(await painted()).toBeGreaterThan(before);
      await page.close();
    });

    it('highlights paragraphs appended after load, and drops those removed', async () => {
      const { page, tabId } = await openWithReport('/dynamic.html');
      await waitFor(page, () => {
        const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
        return (registry?.get('factmark-supported')?.size ?? 0) === 1;
      });
      await page.evaluate(() => {
        const article = document.getElementById('first') as HTMLElement;
        for (let i = 0; i < 100; i++) {
          const p = document.createElement('p');
          p.className = 'appended';
          p.append('Update ', String(i), ': Barrick holds ');
          const b = document.createElement('b');
          b.textContent = '50%';
          p.append(b, ' of Reko Diq, which will create 7,500 jobs in Balochistan.');
          article.append(p);
        }
      });
      // Blocks are painted as they come near the viewport: the first appended ones at once…
      await waitFor(
        page,
        () => {
          const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> })
            .highlights;
          return [...(registry?.get('factmark-supported') ?? [])].some((r) =>
            r.startContainer.parentElement?.closest('.appended'),
          );
        },
        undefined,
        'highlights in the first appended paragraphs',
      );
      const report = await reportOf(tabId);
      expect(report.figures.filter((f) => f.verdict === 'supported')).toHaveLength(201);
      // …and the last one when the reader scrolls to it.
      await page.evaluate(() =>
        (document.querySelector('.appended:last-child') as HTMLElement).scrollIntoView(),
      );
      await waitFor(
        page,
        () => {
          const last = document.querySelector('.appended:last-child') as HTMLElement;
          const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> })
            .highlights;
          return [...(registry?.get('factmark-supported') ?? [])].some((r) =>
            last.contains(r.startContainer),
          );
        },
        undefined,
        'highlights in the last appended paragraph after scrolling to it',
      );
      // Removing paragraphs drops their highlights.
      await page.evaluate(() => {
        for (const p of [...document.querySelectorAll('.appended')].slice(50)) p.remove();
      });
      await waitFor(
        page,
        () => {
          const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> })
            .highlights;
          const ranges = [...(registry?.get('factmark-supported') ?? [])];
          return ranges.length > 0 && ranges.every((r) => r.startContainer.isConnected);
        },
        undefined,
        'the removed paragraphs to lose their highlights',
      );
      expect((await reportOf(tabId)).figures.filter((f) => f.verdict === 'supported')).toHaveLength(
        101,
      );
      // The content script keeps its report while the page is unchanged (report-cache.ts): an
      // attribute that hides a paragraph is a change too.
      await page.evaluate(() => document.querySelector('.appended')?.setAttribute('hidden', ''));
      expect((await reportOf(tabId)).figures.filter((f) => f.verdict === 'supported')).toHaveLength(
        99,
      );
      await page.close();
    });

    it('follows history.pushState navigation', async () => {
      const { page, tabId } = await openWithReport('/dynamic.html');
      await page.evaluate(() => {
        history.pushState({}, '', '/dynamic.html?story=2');
        const app = document.getElementById('app') as HTMLElement;
        app.replaceChildren();
        const article = document.createElement('article');
        const h = document.createElement('h1');
        h.textContent = 'Second story';
        const p = document.createElement('p');
        p.textContent = 'The total cost of Reko Diq is $9 billion, and output starts by 2028.';
        article.append(h, p);
        app.append(article);
      });
      await waitFor(page, () => {
        const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
        const all = ['mention', 'supported', 'contradicted', 'unverified'].flatMap((n) => [
          ...(registry?.get(`factmark-${n}`) ?? []),
        ]);
        return all.length > 0 && all.every((r) => r.startContainer.isConnected);
      });
      const report = await reportOf(tabId);
      expect(report.url).toBe(server.url('/dynamic.html?story=2'));
      expect(report.figures.map((f) => [f.text, f.verdict])).toEqual([
        ['$9 billion', 'contradicted'],
        ['2028', 'supported'],
      ]);
      await page.close();
    });
  });

  // In Firefox, bring the page to the front (TestPage.bringToFront) before clicking in the popup.
  describe('CONTENT SCRIPT: reveal from the popup', () => {
    it('a click on a popup row scrolls the page to that figure', async () => {
      const { page, tabId, report } = await openWithReport('/long.html');
      expect(await page.evaluate(() => scrollY)).toBe(0);
      const last = report.figures.length - 1;
      expect(report.figures[last]?.text).toBe('$7 billion');
      const popup = await openPopup(browser, tabId);
      await page.bringToFront();
      await popup.evaluate((i) => {
        (document.querySelectorAll('tbody.figure tr.figure-main')[i] as HTMLElement).click();
      }, last);
      const target = await waitFor(
        page,
        () => {
          const p = document.getElementById('target') as HTMLElement;
          const rect = p.getBoundingClientRect();
          return scrollY > 0 && rect.top >= 0 && rect.bottom <= innerHeight
            ? Math.round(scrollY)
            : 0;
        },
        undefined,
        'the page to scroll to the figure',
      );
      expect(target).toBeGreaterThan(0);
      await popup.close();
      await page.close();
    });
  });

  describe('CONTENT SCRIPT: per-site switch', () => {
    it('turning the site off in the popup removes the highlights and the strip; on brings them back', async () => {
      const { page, tabId } = await openWithReport('/story.html');
      await waitFor(page, () => {
        const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
        return (registry?.get('factmark-mention')?.size ?? 0) > 0;
      });
      const popup = await openPopup(browser, tabId);
      const toggle = async (wanted: boolean) => {
        await waitFor(popup, () => {
          const box = document.querySelector('.site-switch input') as HTMLInputElement | null;
          return box !== null && !box.disabled;
        });
        await popup.evaluate((on) => {
          const box = document.querySelector('.site-switch input') as HTMLInputElement;
          if (box.checked !== on) box.click();
        }, wanted);
      };
      try {
        await toggle(false);
        await waitFor(
          page,
          () => {
            const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> })
              .highlights;
            const total = ['mention', 'supported', 'contradicted', 'unverified'].reduce(
              (n, name) => n + (registry?.get(`factmark-${name}`)?.size ?? 0),
              0,
            );
            const hosts = [...document.documentElement.children].filter(
              (e) => e !== document.head && e !== document.body,
            );
            return total === 0 && hosts.length === 0;
          },
          undefined,
          'highlights and strip to go',
        );
      } catch (error) {
        console.log(await popup.evaluate(() => document.querySelector('.site-switch')?.outerHTML));
        throw error;
      } finally {
        await toggle(true);
      }
      await waitFor(page, () => {
        const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
        return (registry?.get('factmark-mention')?.size ?? 0) > 0;
      });
      await popup.close();
      await page.close();
    });
  });

  describe('CONTENT SCRIPT: hostile pages', () => {
    it('a page with <img onerror> strings, </script> in text, 10,000 figures and deep nesting keeps working', async () => {
      const url = server.url('/hostile.html');
      const page = await browser.openPage(url);
      await waitFor(
        page,
        () => (window as unknown as { pageReady?: boolean }).pageReady === true,
        undefined,
        "the page's own scripts to run",
      );
      const probe = await browser.openExtensionPage('src/options/index.html');
      const tabId = await findTabId(probe, url);
      const report = await requestReport(probe, tabId);
      await probe.close();
      expect(report.figures.length).toBeGreaterThanOrEqual(10_000);
      expect(report.figures.some((f) => f.text === '7,500 jobs')).toBe(true);
      expect(report.title).toBe('Hostile page');
      const state = await page.evaluate(async () => {
        const w = window as unknown as { ticks: number; __pwned?: number };
        const before = w.ticks;
        await new Promise((r) => setTimeout(r, 500));
        const button = document.getElementById('counter') as HTMLButtonElement;
        button.click();
        return {
          pwned: w.__pwned ?? null,
          images: document.images.length,
          scripts: document.scripts.length,
          ticking: w.ticks > before,
          button: button.textContent,
        };
      });
      expect(state).toEqual({
        pwned: null,
        images: 0,
        scripts: 1,
        ticking: true,
        button: 'clicked 1',
      });
      // The deep figure is painted once the reader scrolls to it (blocks are painted near the viewport).
      await page.evaluate(() => {
        let el = document.getElementById('deep') as HTMLElement;
        while (el.firstElementChild) el = el.firstElementChild as HTMLElement;
        el.scrollIntoView();
      });
      await waitFor(
        page,
        () => {
          const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> })
            .highlights;
          return ['supported', 'contradicted', 'unverified'].some((name) =>
            [...(registry?.get(`factmark-${name}`) ?? [])].some((r) =>
              r.startContainer.textContent?.includes('7,500 jobs'),
            ),
          );
        },
        undefined,
        'the deep figure to be painted',
      );
      await page.screenshot(artifact(`${browser.name}-hostile.png`));
      await page.close();
    });
  });

  // Issue 12, "What a page can do today": each attack of a page on Factmark's UI, tried as the
  // page would (tests/e2e/pages/hostile-ui.html), must fail.
  describe('CONTENT SCRIPT: a hostile page and Factmark’s UI', () => {
    const HOSTILE = '/hostile-ui.html';

    /** Factmark's host in the page: the one element beside <head> and <body>. */
    function waitForHost(page: TestPage): Promise<unknown> {
      return waitFor(
        page,
        () =>
          [...document.documentElement.children].some(
            (e) => e !== document.head && e !== document.body,
          ),
        undefined,
        "Factmark's UI host",
      );
    }

    /** Select `quote` in #passage and open the editor as the context menu does; the pending answer. */
    async function openEditorOn(page: TestPage, tabId: number, quote: string): Promise<TestPage> {
      await page.evaluate((q) => {
        const text = (document.getElementById('passage') as HTMLElement).firstChild as Text;
        const at = text.data.indexOf(q);
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + q.length);
        const selection = getSelection() as Selection;
        selection.removeAllRanges();
        selection.addRange(range);
      }, quote);
      const probe = await browser.openExtensionPage('src/options/index.html');
      await probe.evaluate((id) => {
        const g = globalThis as unknown as {
          browser?: ExtApi;
          chrome?: ExtApi;
          pending?: Promise<unknown>;
        };
        type ExtApi = { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } };
        g.pending = ((g.browser ?? g.chrome) as ExtApi).tabs.sendMessage(id, {
          type: 'factmark/annotate',
        });
      }, tabId);
      await page.bringToFront();
      await waitForEditor(page);
      return probe;
    }

    it('1. the host is a built-in element: defining Factmark’s old tag takes nothing', async () => {
      const { page } = await openWithReport(HOSTILE);
      await waitForHost(page);
      const seen = await page.evaluate(() => {
        const w = window as unknown as { stolen: string[] };
        const host = [...document.documentElement.children].find(
          (e) => e !== document.head && e !== document.body,
        ) as HTMLElement;
        let internals = 'none';
        try {
          host.attachInternals();
          internals = 'got them';
        } catch (e) {
          internals = (e as Error).name;
        }
        return {
          stolen: w.stolen,
          tag: host.localName,
          shadowRoot: host.shadowRoot,
          internals,
          customTags: [...document.querySelectorAll('*')]
            .map((e) => e.localName)
            .filter((n) => n.includes('-')),
        };
      });
      expect(seen).toEqual({
        stolen: [],
        tag: 'div',
        shadowRoot: null,
        internals: 'NotSupportedError',
        customTags: [],
      });
      await page.close();
    });

    it('1b. the page’s styles for its own popovers and backdrops neither move the host nor dim the page', async () => {
      const { page } = await openWithReport(HOSTILE);
      await waitForHost(page);
      const seen = await page.evaluate(() => {
        const host = [...document.documentElement.children].find(
          (e) => e !== document.head && e !== document.body,
        ) as HTMLElement;
        const style = getComputedStyle(host);
        return {
          open: host.matches(':popover-open'),
          box: [style.position, style.top, style.right, style.width, style.height],
          border: style.borderTopWidth,
          backdrop: getComputedStyle(host, '::backdrop').display,
          // The overview strip, at the right edge, is ours; the page's middle is the page's.
          edge: document.elementFromPoint(innerWidth - 4, 10) === host,
          middle: document.elementFromPoint(innerWidth / 2, 10) === host,
        };
      });
      await page.screenshot(artifact(`${browser.name}-hostile-ui.png`));
      expect(seen).toEqual({
        open: true,
        box: ['fixed', '0px', '0px', '0px', '0px'],
        border: '0px',
        backdrop: 'none',
        edge: true,
        middle: false,
      });
      await page.close();
    });

    it('2. nothing typed into the annotation editor reaches the page’s listeners', async () => {
      const { page, tabId } = await openWithReport(HOSTILE);
      const note = 'Source J.D. 555-0100';
      const probe = await openEditorOn(page, tabId, 'secret passage about royalties');
      try {
        await page.evaluate(() => {
          (window as unknown as { keylog: string[] }).keylog.length = 0;
        });
        await page.type(note);
        await page.press('Tab');
        await page.type('sources, private');
        await page.screenshot(artifact(`${browser.name}-editor-frame.png`));
        // Not one key, input, clipboard or composition event of the note reached the page.
        const whileTyping = await page.evaluate(
          () => (window as unknown as { keylog: string[] }).keylog,
        );
        expect(whileTyping).toEqual([]);
        await page.press('Control+Enter');
        expect(
          await probe.evaluate(
            () => (globalThis as unknown as { pending: Promise<unknown> }).pending,
          ),
        ).toEqual({ ok: true });
        // The editor closes on the keydown of Control+Enter: the page may see the keys released
        // (keyup of Enter and Control), nothing more.
        const after = await page.evaluate(() => (window as unknown as { keylog: string[] }).keylog);
        expect(after.filter((e) => !/^(doc )?keyup(:(Control|Enter))?$/.test(e))).toEqual([]);
        // Saved as typed, under the page's own URL (its canonical link names another site).
        const stored = (await askBackground(probe, { type: 'factmark/annotations' })) as {
          annotations: { id: string; url: string; note: string; tags: string[] }[];
        };
        expect(stored.annotations.filter((a) => a.note === note)).toMatchObject([
          { url: server.url(HOSTILE), tags: ['sources', 'private'] },
        ]);
      } finally {
        const stored = (await askBackground(probe, { type: 'factmark/annotations' })) as {
          annotations: { id: string; url: string }[];
        };
        await askBackground(probe, {
          type: 'factmark/annotations-delete',
          ids: stored.annotations.filter((a) => a.url === server.url(HOSTILE)).map((a) => a.id),
        });
        await probe.close();
        await page.close();
      }
    });

    it("3. a canonical link to another site loads and paints none of that site's annotations", async () => {
      const probe = await browser.openExtensionPage('src/options/index.html');
      const secret = 'Balochistan holds 25% of the project';
      const now = Date.now();
      const victim = {
        id: 'anno:victim-1',
        url: 'https://victim.example/secret-story',
        title: 'Victim story',
        quote: { type: 'TextQuoteSelector', exact: secret, prefix: 'royalties says ', suffix: '.' },
        position: { type: 'TextPositionSelector', start: 0, end: secret.length },
        color: 'yellow',
        note: 'Whistle-blower: the deputy minister',
        tags: [],
        entities: [],
        verdicts: [],
        created: now,
        updated: now,
      };
      expect(
        await askBackground(probe, { type: 'factmark/annotation-save', annotation: victim }),
      ).toMatchObject({ ok: true });
      const { page, tabId } = await openWithReport(HOSTILE);
      // Give the annotations time to load and be painted, were they loaded.
      await new Promise((r) => setTimeout(r, 1_000));
      const report = await reportOf(tabId);
      await askBackground(probe, { type: 'factmark/annotations-delete', ids: [victim.id] });
      expect(report.annotations?.map((a) => a.id) ?? []).not.toContain(victim.id);
      const painted = await page.evaluate(() => {
        const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
        return [...registry.keys()]
          .filter((k) => k.startsWith('factmark-note-'))
          .flatMap((k) => [...(registry.get(k) ?? [])].map((r) => r.toString()));
      });
      expect(painted).not.toContain(secret);
      await probe.close();
      await page.close();
    });

    it('4. a synthetic pointer move opens no hover card; the user’s does', async () => {
      const { page, tabId } = await openWithReport(HOSTILE);
      // Every figure has its items (what the card shows) before the page tries.
      const probe = await browser.openExtensionPage('src/options/index.html');
      await requestCompletedStats(probe, tabId);
      await probe.close();
      await page.bringToFront();
      // The highlighted "$1.25 billion", where a card would open.
      const at = await waitFor(
        page,
        () => {
          const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
          for (const name of [
            'factmark-supported',
            'factmark-contradicted',
            'factmark-unverified',
          ]) {
            // Painted as StaticRanges: a live Range of the same span measures it.
            for (const r of registry?.get(name) ?? []) {
              const range = document.createRange();
              range.setStart(r.startContainer, r.startOffset);
              range.setEnd(r.endContainer, r.endOffset);
              if (range.toString() !== '$1.25 billion') continue;
              const box = range.getBoundingClientRect();
              return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
            }
          }
          return null;
        },
        undefined,
        'the figure to be painted',
      );
      /** Whether any point of the viewport but the strip's column is Factmark's (the card). */
      const cardShown = () =>
        page.evaluate(() => {
          const host = [...document.documentElement.children].find(
            (e) => e !== document.head && e !== document.body,
          );
          for (let y = 2; y < innerHeight; y += 8) {
            for (let x = 2; x < innerWidth - 16; x += 8) {
              if (host && document.elementFromPoint(x, y) === host) return true;
            }
          }
          return false;
        });
      expect(await cardShown()).toBe(false);
      await page.evaluate(({ x, y }) => {
        const target = document.elementFromPoint(x, y) as Element;
        for (let i = 0; i < 5; i++) {
          for (const type of ['pointerover', 'pointerenter', 'pointermove', 'mousemove']) {
            const init = { clientX: x, clientY: y, bubbles: true, composed: true };
            target.dispatchEvent(
              type.startsWith('pointer')
                ? new PointerEvent(type, init)
                : new MouseEvent(type, init),
            );
          }
        }
      }, at);
      await new Promise((r) => setTimeout(r, 300));
      expect(await cardShown()).toBe(false);
      // The user's own move over the same figure opens it.
      let shown = false;
      for (let attempt = 0; attempt < 20 && !shown; attempt++) {
        await page.mouseMove(at.x - 3 - (attempt % 3), at.y);
        await page.mouseMove(at.x, at.y);
        await new Promise((r) => setTimeout(r, 200));
        shown = await page.evaluate(({ x, y }) => {
          const host = [...document.documentElement.children].find(
            (e) => e !== document.head && e !== document.body,
          );
          for (let dy = 10; dy < 200; dy += 8) {
            if (host && document.elementFromPoint(x, y + dy) === host) return true;
            if (host && document.elementFromPoint(x, y - dy) === host) return true;
          }
          return false;
        }, at);
      }
      expect(shown).toBe(true);
      await page.screenshot(artifact(`${browser.name}-hover-card.png`));
      await page.close();
    });
  });

  describe('CONTENT SCRIPT: a page that writes Markdown into its title', () => {
    it('5. the popup’s Markdown export copies the page’s title and text as text, nothing live', async () => {
      const url = server.url('/hostile-title.html');
      const page = await browser.openPage(url);
      const probe = await browser.openExtensionPage('src/options/index.html');
      const tabId = await findTabId(probe, url);
      await requestReport(probe, tabId);
      await probe.close();
      const popup = await openPopup(browser, tabId);
      await waitFor(popup, () => document.querySelector('.highlight-export button') !== null);
      // The download's Blob, caught where the popup makes its URL.
      const markdown = await popup.evaluate(async () => {
        const g = window as unknown as { caught?: Blob };
        const make = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (blob: Blob | MediaSource) => {
          if (blob instanceof Blob) g.caught = blob;
          return make(blob);
        };
        const button = [...document.querySelectorAll('.highlight-export button')].find(
          (b) => b.textContent?.trim() === 'Markdown',
        ) as HTMLButtonElement;
        button.click();
        for (let i = 0; i < 100 && !g.caught; i++) await new Promise((r) => setTimeout(r, 50));
        return g.caught ? await g.caught.text() : null;
      });
      expect(markdown).not.toBeNull();
      const text = markdown as string;
      // The title is there, as text: every bracket and angle bracket escaped, so that no image,
      // no link and no element comes out of a Markdown viewer.
      expect(text).toContain('tracker.example');
      expect(text).not.toMatch(/(?<!\\)!(?<!\\)\[/);
      expect(text).not.toMatch(/(?<!\\)\]\(\s*javascript:/i);
      expect(text).not.toMatch(/(?<!\\)<img/i);
      await popup.close();
      await page.close();
    });
  });

  describe('annotations', () => {
    type Listed = { id: string; quote: string; anchored: boolean }[];

    /**
     * The report's annotations once the content script has placed (or given up on) them. With
     * `placedAll`, until all are placed: a frame that loads after the page's annotations were
     * placed has its passages placed on a later pass (annotations-feature.ts, REANCHOR_DELAY_MS).
     */
    async function annotationsOf(tabId: number, count: number, placedAll = false): Promise<Listed> {
      const probe = await browser.openExtensionPage('src/options/index.html');
      try {
        return await waitFor(
          probe,
          async ([id, n, all]) => {
            const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
            type ExtApi = { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } };
            const api = (g.browser ?? g.chrome) as ExtApi;
            const r = (await api.tabs.sendMessage(id, { type: 'factmark/report' })) as {
              annotations?: Listed;
            };
            const listed = r.annotations;
            if (!listed || listed.length !== n) return null;
            return !all || listed.every((a) => a.anchored) ? listed : null;
          },
          [tabId, count, placedAll] as [number, number, boolean],
          `${count} annotation(s) in the report${placedAll ? ', all placed' : ''}`,
        );
      } finally {
        await probe.close();
      }
    }

    function noteHighlightText(page: TestPage): Promise<string[]> {
      return page.evaluate(() => {
        const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
        return [...(registry?.get('factmark-note-yellow') ?? [])].map((r) => r.toString());
      });
    }

    it('annotate, reload, re-anchor after an edit, orphan after a deletion; export → wipe → import is identical', async () => {
      const passage = 'start producing copper concentrate by 2028';
      const first = await openWithReport('/annotate-v1.html');
      await first.page.evaluate((quote) => {
        const text = (document.getElementById('passage') as HTMLElement).firstChild as Text;
        const at = text.data.indexOf(quote);
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + quote.length);
        const selection = getSelection() as Selection;
        selection.removeAllRanges();
        selection.addRange(range);
      }, passage);
      // As the context menu or the keyboard command does: the background asks the tab.
      const probe = await browser.openExtensionPage('src/options/index.html');
      await probe.evaluate((id) => {
        const g = globalThis as unknown as {
          browser?: ExtApi;
          chrome?: ExtApi;
          pending?: Promise<unknown>;
        };
        type ExtApi = { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } };
        const api = (g.browser ?? g.chrome) as ExtApi;
        g.pending = api.tabs.sendMessage(id, { type: 'factmark/annotate' });
      }, first.tabId);
      await first.page.bringToFront();
      // The editor (an extension frame in our closed shadow root) has the note field focused.
      await waitForEditor(first.page);
      await first.page.type('Check the date <img src=x onerror="window.__pwned=1">');
      await first.page.press('Tab');
      await first.page.type('production, Barrick');
      await first.page.screenshot(artifact(`${browser.name}-annotate.png`));
      await first.page.press('Control+Enter');
      const saved = await probe.evaluate(
        () => (globalThis as unknown as { pending: Promise<unknown> }).pending,
      );
      expect(saved).toEqual({ ok: true });
      expect(await noteHighlightText(first.page)).toEqual([passage]);
      expect(
        await first.page.evaluate(
          () => (window as unknown as { __pwned?: number }).__pwned ?? null,
        ),
      ).toBeNull();
      await first.page.close();

      // Reload: the highlight is back.
      const again = await openWithReport('/annotate-v1.html');
      const [placed] = await annotationsOf(again.tabId, 1);
      expect(placed).toMatchObject({ quote: passage, anchored: true });
      expect(await noteHighlightText(again.page)).toEqual([passage]);
      await again.page.close();

      // The text around it edited (same canonical URL): re-anchored.
      const edited = await openWithReport('/annotate-v2.html');
      expect((await annotationsOf(edited.tabId, 1))[0]?.anchored).toBe(true);
      expect(await noteHighlightText(edited.page)).toEqual([passage]);
      await edited.page.close();

      // A page that renders the passage a moment after load: placed as it arrives.
      const late = await openWithReport('/annotate-late.html');
      await waitFor(late.page, () => document.getElementById('passage') !== null);
      const lateProbe = await browser.openExtensionPage('src/options/index.html');
      await waitFor(
        lateProbe,
        async (id) => {
          const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
          type ExtApi = { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } };
          const r = (await ((g.browser ?? g.chrome) as ExtApi).tabs.sendMessage(id, {
            type: 'factmark/report',
          })) as { annotations?: { anchored: boolean }[] };
          return r.annotations?.[0]?.anchored === true;
        },
        late.tabId,
        'the annotation to be placed once its passage arrives',
      );
      await lateProbe.close();
      await late.page.close();

      // The passage deleted: an orphan, still listed.
      const deleted = await openWithReport('/annotate-v3.html');
      expect(await annotationsOf(deleted.tabId, 1)).toEqual([
        { id: placed?.id, quote: passage, anchored: false },
      ]);
      await deleted.page.close();

      // Export → wipe → import gives back identical annotations.
      const roundTrip = await probe.evaluate(async () => {
        const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
        type ExtApi = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        const api = (g.browser ?? g.chrome) as ExtApi;
        type List = { ok: boolean; annotations: { id: string }[] };
        const list = async () =>
          (
            (await api.runtime.sendMessage({ type: 'factmark/annotations' })) as List
          ).annotations.sort((a, b) => (a.id < b.id ? -1 : 1));
        const before = await list();
        const exported = (await api.runtime.sendMessage({
          type: 'factmark/export',
          format: 'jsonld',
        })) as {
          ok: boolean;
          text: string;
        };
        await api.runtime.sendMessage({
          type: 'factmark/annotations-delete',
          ids: before.map((a) => a.id),
        });
        const wiped = await list();
        const imported = await api.runtime.sendMessage({
          type: 'factmark/import',
          text: exported.text,
        });
        const after = await list();
        return { before, wiped, imported, after, exported: exported.ok };
      });
      expect(roundTrip.exported).toBe(true);
      expect(roundTrip.before).toHaveLength(1);
      expect(roundTrip.wiped).toEqual([]);
      expect(roundTrip.imported).toEqual({ ok: true, imported: 1 });
      expect(roundTrip.after).toEqual(roundTrip.before);
      const stored = roundTrip.after[0] as unknown as { url: string; note: string; tags: string[] };
      // The canonical link (same origin: src/core/annotations/url.ts), tracking parameter dropped.
      expect(stored.url).toBe(server.url('/reko-diq-annotated'));
      expect(stored.note).toBe('Check the date <img src=x onerror="window.__pwned=1">');
      expect(stored.tags).toEqual(['production', 'Barrick']);
      await probe.close();
    });

    it('adds a selected figure to the fact base, and comparisons take it in', async () => {
      const { page, tabId, report } = await openWithReport('/story.html');
      const before = report.figures.find((f) => f.text === '$2.5 billion');
      expect(before?.verdict).toBe('contradicted');
      await page.evaluate(() => {
        const p = document.getElementById('cost') as HTMLElement;
        const range = document.createRange();
        range.selectNodeContents(p);
        const selection = getSelection() as Selection;
        selection.removeAllRanges();
        selection.addRange(range);
      });
      const probe = await browser.openExtensionPage('src/options/index.html');
      await probe.evaluate((id) => {
        const g = globalThis as unknown as {
          browser?: ExtApi;
          chrome?: ExtApi;
          pending?: Promise<unknown>;
        };
        type ExtApi = { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } };
        g.pending = ((g.browser ?? g.chrome) as ExtApi).tabs.sendMessage(id, {
          type: 'factmark/annotate',
        });
      }, tabId);
      await page.bringToFront();
      await waitForEditor(page);
      await page.type('The company now says $2.5 billion');
      await page.press('Tab'); // tags
      await page.press('Tab'); // "add to the fact base"
      await page.press(' ');
      await page.screenshot(artifact(`${browser.name}-add-fact.png`));
      await page.press('Control+Enter');
      expect(
        await probe.evaluate(
          () => (globalThis as unknown as { pending: Promise<unknown> }).pending,
        ),
      ).toEqual({
        ok: true,
      });
      // The page's highlights are redone with the new fact: the figure is now supported by it.
      const after = await waitFor(
        probe,
        async (id) => {
          const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
          type ExtApi = { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } };
          const r = (await ((g.browser ?? g.chrome) as ExtApi).tabs.sendMessage(id, {
            type: 'factmark/report',
          })) as Report;
          const f = r.figures.find((x) => x.text === '$2.5 billion');
          return f && f.verdict === 'supported' ? f : null;
        },
        tabId,
        'the figure to be supported by the new fact',
      );
      // Filed under the sources' total-cost claim, the one the editor suggested for the figure.
      const totalCost = BUNDLED_FACT_BASE.facts.find(
        (f) => f.text === '$7 billion' && f.quote.includes('total cost'),
      );
      expect(after.attribute).toBe(totalCost?.attribute);
      const userIds = after.facts.filter((id) => id.startsWith('user:'));
      expect(userIds).toHaveLength(1);
      // The stored fact carries the page and the quote; then clean up for the other tests.
      const stored = await probe.evaluate(async (id) => {
        const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
        type ExtApi = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        const api = (g.browser ?? g.chrome) as ExtApi;
        const answer = (await api.runtime.sendMessage({
          type: 'factmark/facts-get',
          ids: [id],
        })) as {
          facts: { source: { url: string }; quote: string; value: number }[];
        };
        await api.runtime.sendMessage({ type: 'factmark/fact-delete', id });
        const all = (await api.runtime.sendMessage({ type: 'factmark/annotations' })) as {
          annotations: { id: string }[];
        };
        await api.runtime.sendMessage({
          type: 'factmark/annotations-delete',
          ids: all.annotations.map((a) => a.id),
        });
        return answer.facts[0];
      }, userIds[0] as string);
      expect(stored?.value).toBe(2.5e9);
      expect(stored?.quote).toBe('The total cost of the Reko Diq project is $2.5 billion.');
      expect(stored?.source.url).toBe(server.url('/story.html'));
      await probe.close();
      await page.close();
    });

    it("a single-page app's pushState navigation loads the new page's annotations, drops the old's", async () => {
      const probe = await browser.openExtensionPage('src/options/index.html');
      const now = Date.now();
      const note = (id: string, url: string, exact: string, color: string) => ({
        id,
        url,
        title: 'Live blog: Reko Diq',
        quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: exact.length },
        color,
        note: '',
        tags: [],
        entities: [],
        verdicts: [],
        created: now,
        updated: now,
      });
      const first = note(
        'anno:spa-1',
        server.url('/dynamic.html'),
        'approved $1.25 billion for Reko Diq',
        'yellow',
      );
      const second = note(
        'anno:spa-2',
        server.url('/dynamic.html?story=2'),
        'output starts by 2028',
        'green',
      );
      for (const annotation of [first, second]) {
        expect(
          await askBackground(probe, { type: 'factmark/annotation-save', annotation }),
        ).toMatchObject({ ok: true });
      }
      const painted = (page: TestPage) =>
        page.evaluate(() => {
          const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
          return ['yellow', 'green'].map((c) =>
            [...(registry.get(`factmark-note-${c}`) ?? [])].map((r) => r.toString()),
          );
        });
      try {
        const { page, tabId } = await openWithReport('/dynamic.html');
        await waitFor(
          page,
          () =>
            ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(
              'factmark-note-yellow',
            )?.size ?? 0) > 0,
          undefined,
          "the first page's annotation painted",
        );
        expect(await painted(page)).toEqual([['approved $1.25 billion for Reko Diq'], []]);
        await page.evaluate(() => {
          history.pushState({}, '', '/dynamic.html?story=2');
          const app = document.getElementById('app') as HTMLElement;
          app.replaceChildren();
          const p = document.createElement('p');
          p.textContent = 'The total cost of Reko Diq is $9 billion, and output starts by 2028.';
          app.append(p);
        });
        await waitFor(
          page,
          () => {
            const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
            return (
              (registry.get('factmark-note-green')?.size ?? 0) > 0 &&
              (registry.get('factmark-note-yellow')?.size ?? 0) === 0
            );
          },
          undefined,
          "the second page's annotation painted, the first page's gone",
        );
        expect(await painted(page)).toEqual([[], ['output starts by 2028']]);
        const report = await reportOf(tabId);
        expect(report.annotations).toEqual([
          { id: second.id, quote: second.quote.exact, anchored: true },
        ]);
        await page.close();
      } finally {
        await askBackground(probe, {
          type: 'factmark/annotations-delete',
          ids: [first.id, second.id],
        });
        await probe.close();
      }
    });

    it('annotates a passage selected in a same-origin frame, and places it there again on reload', async () => {
      const passage = 'start producing copper concentrate by 2028';
      const first = await openWithReport('/frame-outer.html');
      await first.page.evaluate((q) => {
        const frame = document.querySelector('iframe') as HTMLIFrameElement;
        const inner = frame.contentDocument as Document;
        const text = (inner.getElementById('passage') as HTMLElement).firstChild as Text;
        const at = text.data.indexOf(q);
        const range = inner.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + q.length);
        const selection = inner.getSelection() as Selection;
        selection.removeAllRanges();
        selection.addRange(range);
      }, passage);
      const probe = await browser.openExtensionPage('src/options/index.html');
      const framePainted = (page: TestPage) =>
        page.evaluate(() => {
          const frame = document.querySelector('iframe') as HTMLIFrameElement;
          const view = frame.contentWindow as unknown as {
            CSS: { highlights: Map<string, Set<Range>> };
          };
          return [...(view.CSS.highlights.get('factmark-note-yellow') ?? [])].map((r) =>
            r.toString(),
          );
        });
      try {
        await probe.evaluate((id) => {
          const g = globalThis as unknown as {
            browser?: ExtApi;
            chrome?: ExtApi;
            pending?: Promise<unknown>;
          };
          type ExtApi = { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } };
          g.pending = ((g.browser ?? g.chrome) as ExtApi).tabs.sendMessage(id, {
            type: 'factmark/annotate',
          });
        }, first.tabId);
        await first.page.bringToFront();
        await waitForEditor(first.page);
        await first.page.type('From the fact box');
        await first.page.screenshot(artifact(`${browser.name}-annotate-frame.png`));
        await first.page.press('Control+Enter');
        expect(
          await probe.evaluate(
            () => (globalThis as unknown as { pending: Promise<unknown> }).pending,
          ),
        ).toEqual({ ok: true });
        // Painted in the frame's own highlight registry, where its text is.
        expect(await framePainted(first.page)).toEqual([passage]);
        await first.page.close();

        const again = await openWithReport('/frame-outer.html');
        expect(await annotationsOf(again.tabId, 1, true)).toMatchObject([
          { quote: passage, anchored: true },
        ]);
        await waitFor(
          again.page,
          (q) => {
            const frame = document.querySelector('iframe') as HTMLIFrameElement;
            const view = frame.contentWindow as unknown as {
              CSS: { highlights: Map<string, Set<Range>> };
            };
            return [...(view.CSS.highlights.get('factmark-note-yellow') ?? [])].some(
              (r) => r.toString() === q,
            );
          },
          passage,
          'the annotation painted in the frame after a reload',
        );
        await again.page.close();
      } finally {
        const stored = (await askBackground(probe, { type: 'factmark/annotations' })) as {
          annotations: { id: string; url: string }[];
        };
        await askBackground(probe, {
          type: 'factmark/annotations-delete',
          ids: stored.annotations
            .filter((a) => a.url === server.url('/frame-outer.html'))
            .map((a) => a.id),
        });
        await probe.close();
      }
    });

    it("imports a file through the Library's file field, parsed in a worker, and refuses a broken one", async () => {
      const probe = await browser.openExtensionPage('src/options/index.html');
      const choose = (text: string) =>
        probe.evaluate(async (content) => {
          const input = document.querySelector<HTMLInputElement>('#annotations input[type=file]');
          const result = document.querySelector('#annotations .import-result');
          if (!input || !result) return 'no import field';
          const before = result.textContent ?? '';
          const transfer = new DataTransfer();
          transfer.items.add(new File([content], 'notes.jsonld', { type: 'application/ld+json' }));
          input.files = transfer.files;
          input.dispatchEvent(new Event('change', { bubbles: true }));
          const settled = () => !['', before].includes(result.textContent ?? '');
          for (let i = 0; i < 200 && !settled(); i++) {
            await new Promise((r) => setTimeout(r, 25));
          }
          return result.textContent ?? '';
        }, text);
      const file = JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'AnnotationCollection',
        total: 2,
        items: [1, 2].map((n) => ({
          type: 'Annotation',
          id: `anno:e2e-file-${n}`,
          bodyValue: `note ${n}`,
          target: {
            source: 'https://example.org/story',
            selector: { type: 'TextQuoteSelector', exact: `passage ${n}` },
          },
        })),
      });
      expect(await choose(file)).toMatch(/^Imported 2 annotations$/);
      expect(await choose(file.slice(0, 40))).toMatch(/import/i);
      const ids = await probe.evaluate(async () => {
        const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
        type ExtApi = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        const api = (g.browser ?? g.chrome) as ExtApi;
        const list = (await api.runtime.sendMessage({ type: 'factmark/annotations' })) as {
          annotations: { id: string }[];
        };
        return list.annotations.map((a) => a.id).filter((id) => id.startsWith('anno:e2e-file-'));
      });
      expect(ids.sort()).toEqual(['anno:e2e-file-1', 'anno:e2e-file-2']);
      await probe.close();
    });

    it('refuses a malformed import and writes nothing', async () => {
      const probe = await browser.openExtensionPage('src/options/index.html');
      const result = await probe.evaluate(async () => {
        const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
        type ExtApi = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        const api = (g.browser ?? g.chrome) as ExtApi;
        type List = { annotations: unknown[] };
        const count = async () =>
          ((await api.runtime.sendMessage({ type: 'factmark/annotations' })) as List).annotations
            .length;
        const before = await count();
        const truncated = await api.runtime.sendMessage({
          type: 'factmark/import',
          text: '{"type": "AnnotationCollection", "items": [',
        });
        const evil = await api.runtime.sendMessage({
          type: 'factmark/import',
          text: JSON.stringify({
            type: 'Annotation',
            target: {
              source: 'javascript:alert(1)',
              selector: { type: 'TextQuoteSelector', exact: 'x' },
            },
          }),
        });
        return { before, after: await count(), truncated, evil };
      });
      expect(result.after).toBe(result.before);
      expect(result.truncated).toMatchObject({ ok: false });
      // An item on a javascript: page cannot be placed: it is skipped with its reason, nothing
      // written (a file is refused only when it is malformed).
      expect(result.evil).toMatchObject({ ok: true, imported: 0, skipped: 1 });
      expect(JSON.stringify((result.evil as { reasons: unknown }).reasons)).toMatch(/source|page/);
      await probe.close();
    });
  });

  // Keep this last, so that it covers every page the tests above opened.
  describe('network', () => {
    it('requests nothing beyond the test server and the extension itself', async () => {
      const requested = browser.requestedUrls();
      // The extension's pages load from its origin; in Chromium the web-accessible editor page
      // (manifest.json, `use_dynamic_url`) from a per-session origin too, which runtime.getURL
      // answers for it (editor-url.chromium.e2e.test.ts). In Firefox both are the same.
      const probe = await browser.openExtensionPage('src/options/index.html');
      const editorUrl = new URL(
        await probe.evaluate((path) => {
          type Api = { runtime: { getURL(path: string): string } };
          const g = globalThis as unknown as { browser?: Api; chrome?: Api };
          return ((g.browser ?? g.chrome) as Api).runtime.getURL(path);
        }, EDITOR_PAGE),
      );
      // Not URL.origin: Node gives "null" for the extension schemes.
      const editorOrigin = `${editorUrl.protocol}//${editorUrl.host}`;
      await probe.close();
      // The log works: it holds the story page. (Chromium also logs the extension's own pages;
      // Firefox does not show moz-extension:// requests over BiDi.)
      expect(requested).toContain(server.url('/story.html'));
      // The corpus pages, saved from the web, link their sites' own files: those requests are the
      // pages', not Factmark's.
      const pagesOwn = urlsNamedInServedPages();
      const elsewhere = requested.filter(
        (url) =>
          !url.startsWith(`${server.origin}/`) &&
          !url.startsWith(`${browser.extensionOrigin}/`) &&
          !url.startsWith(`${editorOrigin}/`) &&
          url !== 'about:blank' &&
          // Not a request: an inline resource (Firefox logs its built-in fonts as data: URLs).
          !url.startsWith('data:') &&
          !pagesOwn.has(url),
      );
      expect(elsewhere, JSON.stringify(elsewhere)).toEqual([]);
    });
  });
}

/** Every absolute URL written in the served test pages' HTML (src, href). */
function urlsNamedInServedPages(): Set<string> {
  const urls = new Set<string>();
  for (const dir of [join(ROOT, 'tests', 'e2e', 'pages'), join(ROOT, 'tests', 'corpus', 'pages')]) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(dir, file), 'utf8');
      for (const m of html.matchAll(/\b(?:src|href)\s*=\s*["']?(https?:\/\/[^"'\s>]+)/gi)) {
        urls.add(m[1] as string);
      }
    }
  }
  return urls;
}
