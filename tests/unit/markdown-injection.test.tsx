// @vitest-environment happy-dom
/**
 * Issue 12, "Inject into exports": the popup's "Export this page's highlights" as Markdown copied
 * the page's title unescaped — `![](http://tracker…)`, `[x](javascript:…)` and `<img onerror>`
 * came out live. Every Markdown Factmark writes escapes what pages and users wrote
 * (src/core/markdown.ts): the report (popup and CLI), the fact base and the annotations export.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { annotationsToMarkdown } from '../../src/core/annotations/markdown';
import type { FactBase } from '../../src/core/facts/build';
import { escapeMarkdownInline, markdownLinkTarget, markdownUrl } from '../../src/core/markdown';
import { factBaseToMarkdown, reportToMarkdown } from '../../src/core/report/formats';
import type { Fact, Report } from '../../src/core/types';
import { App } from '../../src/popup/App';
import { FACTS, annotation, fakeApi, mount, report, settle } from './popup-fixtures';

const PAYLOADS = [
  '![](http://tracker.example/pixel.gif?who=journalist)',
  '[x](javascript:alert(document.domain))',
  '<img src=x onerror="alert(1)">',
  '<https://evil.example/autolink>',
  '[ref]: https://evil.example/ref',
  'mail a@evil.example or mailto:b@evil.example',
  'www.evil.example and https://evil.example/bare',
  '&lt;script&gt; | col | `code` **bold** $x$',
].join(' ');

/**
 * What would render as something other than text, in CommonMark or GFM: an unescaped `[`, `<`,
 * `&`, `|` or backtick, a bare autolink (scheme://, www., email). The escaper leaves a backslash
 * before each; a character preceded by an odd number of backslashes is escaped.
 */
function liveMarkup(md: string): string[] {
  const found: string[] = [];
  const live = /[[\]<>&|`*_~$@]|\b[a-z][a-z0-9+.-]*:\/\/|\bwww\./gi;
  for (const m of md.matchAll(live)) {
    let slashes = 0;
    for (let i = m.index - 1; i >= 0 && md[i] === '\\'; i--) slashes++;
    if (slashes % 2 === 0)
      found.push(`${m[0]} at ${m.index}: …${md.slice(m.index - 10, m.index + 20)}…`);
  }
  return found;
}

const PAGE = 'https://news.example/story';

describe('escapeMarkdownInline', () => {
  it('leaves nothing live of links, images, HTML, entities, autolinks or emphasis', () => {
    const out = escapeMarkdownInline(PAYLOADS);
    expect(liveMarkup(out)).toEqual([]);
    expect(out).toContain('!\\[\\](http\\://tracker.example/pixel.gif?who=journalist)');
    expect(out).toContain('\\[x\\](javascript:alert(document.domain))');
    expect(out).toContain('\\<img src=x onerror="alert(1)"\\>');
    expect(out).toContain('a\\@evil.example');
    expect(out).toContain('www\\.evil.example');
    expect(out).toContain('\\&lt;script\\&gt;');
  });

  it('collapses line breaks: a title cannot open a block of its own', () => {
    expect(escapeMarkdownInline('Title\n# heading\n\n<script>')).toBe(
      'Title # heading \\<script\\>',
    );
    expect(escapeMarkdownInline('  > quote')).toBe('\\> quote');
  });

  it('links only plain http(s) URLs', () => {
    expect(markdownLinkTarget('javascript:alert(1)')).toBeNull();
    expect(markdownLinkTarget('data:text/html,<b>')).toBeNull();
    expect(markdownLinkTarget('file:///etc/passwd')).toBeNull();
    expect(markdownUrl('https://news.example/a b>c')).toBe('<https://news.example/a%20b%3Ec>');
    expect(markdownUrl('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(markdownUrl('/home/me/<b>.html')).toBe('/home/me/\\<b\\>.html');
  });
});

/** A report of a hostile page: payloads in the title, a figure's text and qualifier, a source. */
function hostileReport(): { report: Report; facts: Map<string, Fact> } {
  const base = report();
  const userFact: Fact = {
    ...(FACTS[0] as Fact),
    id: 'user:1',
    text: `$1.25 billion ${PAYLOADS}`,
    quote: `A quote ${PAYLOADS}`,
    source: { type: 'user', url: 'https://evil.example/src', title: PAYLOADS, date: null },
  };
  const figures = base.figures.map((f, i) =>
    i === 0 ? { ...f, text: `$1.25 billion ${PAYLOADS}`, facts: ['user:1'] } : f,
  );
  return {
    report: { ...base, url: PAGE, title: PAYLOADS, figures },
    facts: new Map([...FACTS, userFact].map((f) => [f.id, f])),
  };
}

/** The lines the escaper wrote from page text (everything but our own table and labels). */
function pageParts(md: string): string {
  return md
    .split('\n')
    .filter((l) => !/^\|---/.test(l) && !/^\| Figure \|/.test(l))
    .map((l) =>
      l
        .replace(/^#+ /, '')
        .replace(/^\*\*(Entities|Figures):\*\*/, '')
        .replace(/^\| | \|$/g, '')
        .replace(/ \| /g, ' ')
        .replace(/^<https:\/\/news\.example\/story>$/, ''),
    )
    .join('\n');
}

describe('reportToMarkdown (popup "Export this page\'s highlights", CLI --format md)', () => {
  it("escapes the page's title, figures and the sources' text", () => {
    const { report: r, facts } = hostileReport();
    const md = reportToMarkdown(r, facts);
    expect(md.split('\n')[0]).toBe(`## ${escapeMarkdownInline(PAYLOADS)}`);
    // The page's own URL is the one link, as an autolink.
    expect(md).toContain(`\n<${PAGE}>\n`);
    expect(liveMarkup(pageParts(md))).toEqual([]);
    // The table keeps its four columns: no pipe of the page's splits a row.
    for (const row of md.split('\n').filter((l) => l.startsWith('| '))) {
      expect(row.split(/(?<!\\)\|/).length).toBe(6);
    }
  });

  it('writes a page URL that is not http(s) as text', () => {
    const md = reportToMarkdown({ ...report(), url: 'javascript:alert(1)', title: '' }, new Map());
    expect(md).not.toContain('<javascript:');
    expect(md.split('\n')[2]).toBe('javascript:alert(1)');
  });
});

describe('factBaseToMarkdown (CLI `facts --format md`)', () => {
  it("escapes claims' labels, quotes and sources", () => {
    const { facts } = hostileReport();
    const base = { facts: [...facts.values()], seeds: [] } as unknown as FactBase;
    const md = factBaseToMarkdown(base);
    const quotes = md.split('\n').filter((l) => l.startsWith('> '));
    expect(quotes.length).toBeGreaterThan(0);
    expect(liveMarkup(quotes.map((l) => l.slice(2)).join('\n'))).toEqual([]);
  });
});

describe('annotationsToMarkdown (the annotations export)', () => {
  it('escapes the title, quote, note and tags', () => {
    const md = annotationsToMarkdown([
      annotation({
        url: PAGE,
        title: PAYLOADS,
        quote: { type: 'TextQuoteSelector', exact: PAYLOADS, prefix: '', suffix: '' },
        note: `${PAYLOADS}\n${PAYLOADS}`,
        tags: [PAYLOADS],
      }),
    ]);
    const userPart = md
      .split('\n')
      .slice(1)
      .filter((l) => l !== `<${PAGE}>`)
      .map((l) => l.replace(/^## \[(.*)\]\(<https:\/\/news\.example\/story>\)$/, '$1'))
      .map((l) => l.replace(/^> ?/, '').replace(/ {2}$/, ''))
      .join('\n');
    expect(liveMarkup(userPart)).toEqual([]);
  });
});

describe("popup: Export this page's highlights as Markdown", () => {
  afterEach(() => vi.restoreAllMocks());

  it('downloads a file in which the hostile title and figures are text', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:factmark-test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { report: r } = hostileReport();
    const { api } = fakeApi(r, []);
    const root = await mount(<App api={api} />);
    await settle(
      () =>
        root.querySelector('[role=group][aria-label="Export this page\'s highlights"]') !== null,
    );
    const group = root.querySelector('[role=group][aria-label="Export this page\'s highlights"]')!;
    const markdown = [...group.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'Markdown',
    )!;
    markdown.click();
    await settle(() => blobs.length > 0);
    const md = await blobs[0]!.text();
    expect(md.split('\n')[0]).toBe(`## ${escapeMarkdownInline(PAYLOADS)}`);
    expect(md).not.toMatch(/(^|[^\\])!\[\]\(http:\/\/tracker/);
    expect(md).not.toMatch(/(^|[^\\])\[x\]\(javascript:/);
    expect(md).not.toMatch(/(^|[^\\])<img src=x/);
    expect(liveMarkup(pageParts(md))).toEqual([]);
  });
});
