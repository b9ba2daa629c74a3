import { describe, it, expect } from 'vitest';
import {
  IMPORT_LIMITS,
  parseJsonLd,
  skipReasons,
  toJsonLd,
} from '../../src/core/annotations/jsonld';
import { ANNOTATION_LIMITS } from '../../src/core/annotations/limits';
import type { Annotation } from '../../src/core/annotations/types';

const A: Annotation = {
  id: 'anno:0b7f3c1e-2d4a-4c1b-9a8e-1f2e3d4c5b6a',
  url: 'https://www.dawn.com/news/1840012/exim-approves-reko-diq-financing',
  title: 'US Exim approves $1.25bn for Reko Diq — Dawn',
  quote: {
    type: 'TextQuoteSelector',
    exact: 'approved financing of $1.25 billion',
    prefix: 'The Export-Import Bank of the U',
    suffix: ' for the Reko Diq copper-gold p',
  },
  position: { type: 'TextPositionSelector', start: 1204, end: 1239 },
  color: 'green',
  note: 'Matches the EXIM press release.\nSecond line, with "quotes", commas\tand a tab.',
  tags: ['exim', 'financing', 'Balochistan’s mines'],
  entities: ['exim', 'reko-diq'],
  verdicts: ['supported'],
  created: 1714557600000,
  updated: 1714561200123,
};

const B: Annotation = {
  id: 'https://hypothes.is/a/Zx3kQm9PEe-aBcDeFgHiJk',
  url: 'https://www.reuters.com/markets/commodities/barrick-reko-diq-2025-01-10/',
  title: 'Barrick says Reko Diq on track',
  quote: {
    type: 'TextQuoteSelector',
    exact: 'about 7,500 jobs',
    prefix: 'said construction would create ',
    suffix: ' at its peak and 4,000 once the ',
  },
  position: { type: 'TextPositionSelector', start: 0, end: 0 },
  color: 'yellow',
  note: '',
  tags: [],
  entities: [],
  verdicts: [],
  created: 1736500000000,
  updated: 1736500000000,
};

const C: Annotation = {
  ...A,
  id: 'anno:7d1c3a9e-55aa-4f0e-8c2b-0a1b2c3d4e5f',
  quote: { type: 'TextQuoteSelector', exact: 'in 2028', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 3, end: 10 },
  color: 'pink',
  note: '<img src=x onerror="alert(1)"> **not bold** [link](javascript:alert(1))',
  tags: ['date'],
  entities: ['barrick'],
  verdicts: ['contradicted', 'unverified'],
};

function errorOf(text: string, options = {}): string {
  const r = parseJsonLd(text, options);
  if (r.ok) throw new Error('expected an error, got annotations');
  return r.error;
}

function annotationsOf(text: string, options = {}): Annotation[] {
  const r = parseJsonLd(text, options);
  if (!r.ok) throw new Error(r.error);
  return r.annotations;
}

/** Our export of `annotations`, its first item changed by `edit`. */
function exportedWith(edit: (item: Record<string, unknown>) => void, annotations = [A, C]): string {
  const doc = JSON.parse(toJsonLd(annotations)) as { first: { items: Record<string, unknown>[] } };
  edit(doc.first.items[0] as Record<string, unknown>);
  return JSON.stringify(doc);
}

describe('toJsonLd', () => {
  it('writes a W3C AnnotationCollection with its page embedded', () => {
    const doc = JSON.parse(toJsonLd([A, B], { id: 'urn:uuid:1234', label: 'Reko Diq' }));
    expect(doc['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc).toMatchObject({
      id: 'urn:uuid:1234',
      type: 'AnnotationCollection',
      label: 'Reko Diq',
      total: 2,
      first: { type: 'AnnotationPage', startIndex: 0 },
    });
    expect(doc.first.id).toBe('urn:uuid:1234#page1');
    expect(doc.first.items).toHaveLength(2);
  });

  it('writes each annotation in the model', () => {
    const doc = JSON.parse(toJsonLd([A, B]));
    expect(doc.first.items[0]).toEqual({
      id: 'urn:uuid:0b7f3c1e-2d4a-4c1b-9a8e-1f2e3d4c5b6a',
      type: 'Annotation',
      created: '2024-05-01T10:00:00.000Z',
      modified: '2024-05-01T11:00:00.123Z',
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', value: A.note, format: 'text/plain', purpose: 'commenting' },
        { type: 'TextualBody', value: 'exim', purpose: 'tagging' },
        { type: 'TextualBody', value: 'financing', purpose: 'tagging' },
        { type: 'TextualBody', value: 'Balochistan’s mines', purpose: 'tagging' },
      ],
      target: {
        source: A.url,
        selector: [{ ...A.quote }, { type: 'TextPositionSelector', start: 1204, end: 1239 }],
      },
      'factmark:title': A.title,
      'factmark:color': 'green',
      'factmark:entities': ['exim', 'reko-diq'],
      'factmark:verdicts': ['supported'],
    });
    // A highlight without note or tags: no body; no position known: no TextPositionSelector.
    const b = doc.first.items[1];
    expect(b.id).toBe(B.id);
    expect(b.motivation).toBe('highlighting');
    expect(b.body).toBeUndefined();
    expect(b.target.selector).toEqual([{ ...B.quote }]);
  });

  it('declares the factmark: prefix in the context', () => {
    const doc = JSON.parse(toJsonLd([A]));
    expect(doc['@context']).toEqual([
      'http://www.w3.org/ns/anno.jsonld',
      { factmark: 'urn:factmark:' },
    ]);
  });

  it('names an export by its annotations when no id is given, deterministically', () => {
    const one = JSON.parse(toJsonLd([A, B])).id as string;
    expect(one).toMatch(/^urn:factmark:export:[0-9a-f]{16}$/);
    expect(JSON.parse(toJsonLd([A, B])).id).toBe(one);
    expect(JSON.parse(toJsonLd([A])).id).not.toBe(one);
  });

  it('writes an empty collection', () => {
    const text = toJsonLd([]);
    expect(JSON.parse(text)).toMatchObject({ total: 0, first: { items: [] } });
    expect(annotationsOf(text)).toEqual([]);
  });
});

describe('parseJsonLd: round trip', () => {
  it('gives back exactly the exported annotations', () => {
    const annotations = [A, B, C];
    expect(annotationsOf(toJsonLd(annotations))).toEqual(annotations);
  });

  it('round-trips many annotations', () => {
    const many: Annotation[] = [];
    for (let i = 0; i < 2000; i++) {
      const hex = i.toString(16).padStart(12, '0');
      many.push({
        ...A,
        id: `anno:00000000-0000-4000-8000-${hex}`,
        position: { type: 'TextPositionSelector', start: i, end: i + 35 },
        created: A.created + i,
        updated: A.updated + 2 * i,
        tags: i % 2 === 0 ? [] : [`t${i}`],
        note: i % 3 === 0 ? '' : `note ${i}`,
      });
    }
    expect(annotationsOf(toJsonLd(many))).toEqual(many);
  });

  it('accepts a byte order mark at the start', () => {
    expect(annotationsOf('\uFEFF' + toJsonLd([A]))).toEqual([A]);
  });
});

describe('parseJsonLd: refuses bad input, saying what and where', () => {
  it('truncated JSON', () => {
    const text = toJsonLd([A, C]);
    const error = errorOf(text.slice(0, Math.floor(text.length * 0.6)));
    expect(error).toMatch(/^not valid JSON/);
    expect(error).toMatch(/line \d+, column \d+|at the end/);
  });

  it('a JSON syntax error in the middle, with its line and column', () => {
    const text = toJsonLd([A, C]).replace(
      '"type":"Annotation","created"',
      '"type":"Annotation" "created"',
    );
    const error = errorOf(text);
    // The first item is on line 17; the column is that of the second key.
    const line = text.split('\n')[16] as string;
    const column = line.indexOf(' "created"') + 2;
    expect(error).toMatch(
      new RegExp(`^not valid JSON at line 17, column ${column} \\(character \\d+\\): `),
    );
  });

  it('10 MB of random printable junk', () => {
    let seed = 42;
    const chars: string[] = [];
    for (let i = 0; i < 10 * 1024 * 1024; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      chars.push(String.fromCharCode(32 + ((seed >>> 16) % 95)));
    }
    const junk = chars.join('');
    const t0 = performance.now();
    expect(errorOf(junk)).toMatch(/^not valid JSON/);
    expect(errorOf('{"annotations": ' + junk)).toMatch(/^not valid JSON/);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('a file over the size limit', () => {
    expect(IMPORT_LIMITS.chars).toBe(256 * 1024 * 1024);
    const text = toJsonLd([A]);
    expect(errorOf(text, { maxChars: text.length - 1 })).toBe(
      `the file is too large: ${text.length} characters, at most ${text.length - 1}`,
    );
    expect(annotationsOf(text, { maxChars: text.length })).toEqual([A]);
    // A caller cannot raise the cap.
    const big = ' '.repeat(IMPORT_LIMITS.chars + 1);
    expect(errorOf(big, { maxChars: Infinity })).toMatch(/^the file is too large/);
  });

  it('JSON that is not an annotation document', () => {
    expect(errorOf('42')).toMatch(/expected a W3C Web Annotation document/);
    expect(errorOf('{"hello": "world"}')).toMatch(/not a W3C Web Annotation document/);
    expect(errorOf('[1]')).toBe('[0]: expected an annotation object, found number 1');
    expect(
      errorOf('{"type": "AnnotationCollection", "first": "https://example.org/page1"}'),
    ).toMatch(/^first: .*not embedded/);
  });

  it('wrong types of fields', () => {
    expect(errorOf(exportedWith((it) => (it.created = 1714557600000)))).toBe(
      'first.items[0].created: expected an ISO 8601 date, found number 1714557600000',
    );
    expect(errorOf(exportedWith((it) => (it.modified = '1st May 2024')))).toMatch(
      /^first\.items\[0\]\.modified: expected an ISO 8601 date/,
    );
    expect(errorOf(exportedWith((it) => (it.created = '2024-02-30T10:00:00Z')))).toMatch(
      /^first\.items\[0\]\.created: not a real date/,
    );
    expect(
      errorOf(
        exportedWith(
          (it) => ((it.target as { selector: { exact: unknown }[] }).selector[0]!.exact = 5),
        ),
      ),
    ).toBe('first.items[0].target.selector[0].exact: expected a string, found number 5');
    expect(
      errorOf(
        exportedWith(
          (it) => ((it.target as { selector: { start: unknown }[] }).selector[1]!.start = -3),
        ),
      ),
    ).toBe('first.items[0].target.selector[1].start: expected a whole number ≥ 0, found number -3');
    expect(errorOf(exportedWith((it) => (it['factmark:color'] = 'red')))).toBe(
      'first.items[0].factmark:color: expected one of yellow, green, blue, pink, found "red"',
    );
    expect(errorOf(exportedWith((it) => (it['factmark:entities'] = ['exim', 'China Exim'])))).toBe(
      'first.items[0].factmark:entities[1]: expected an entity id (lower-case words joined by hyphens), found "China Exim"',
    );
    expect(errorOf(exportedWith((it) => (it['factmark:verdicts'] = 'supported')))).toMatch(
      /^first\.items\[0\]\.factmark:verdicts: expected an array/,
    );
    expect(
      errorOf(exportedWith((it) => ((it.body as { value: unknown }[])[1]!.value = { text: 'x' }))),
    ).toBe('first.items[0].body[1].value: expected a string, found an object');
    expect(errorOf(exportedWith((it) => (it.type = 'Note')))).toBe(
      'first.items[0].type: expected "Annotation", found "Note"',
    );
    expect(errorOf(exportedWith((it) => (it.id = 'has a space')))).toMatch(
      /^first\.items\[0\]\.id: expected an IRI/,
    );
  });

  it('a javascript: page, or any other non-http(s) one, is skipped with its scheme; not a URL is refused', () => {
    const item = JSON.stringify({
      type: 'Annotation',
      id: 'b',
      target: { source: 'javascript:alert(document.cookie)', selector: { ...A.quote } },
    });
    const r = parseJsonLd(
      `[${JSON.stringify({ type: 'Annotation', id: 'a', target: { source: A.url, selector: A.quote } })}, ${item}]`,
    );
    expect(r.ok && r.annotations.map((a) => a.id)).toEqual(['a']);
    expect(r.ok && skipReasons(r.skipped)).toEqual([
      'annotations of pages that are not http(s) (javascript:): 1 ([1])',
    ]);
    for (const source of [
      'data:text/html,<b>x</b>',
      'file:///etc/passwd',
      'ftp://example.org/x',
      'chrome://settings',
    ]) {
      const skipped = parseJsonLd(
        exportedWith((it) => ((it.target as { source: string }).source = source)),
      );
      expect(skipped.ok && skipped.skipped).toEqual([
        { path: 'first.items[0]', kind: 'not-http', detail: new URL(source).protocol },
      ]);
      expect(skipped.ok && skipped.annotations.map((a) => a.id)).toEqual([C.id]);
    }
    expect(
      errorOf(exportedWith((it) => ((it.target as { source: string }).source = 'not a url'))),
    ).toBe('first.items[0].target.source: expected an http(s) URL, found "not a url"');
  });

  it('an annotation without a TextQuoteSelector is a page note, skipped; an empty exact is refused', () => {
    const onlyPosition = parseJsonLd(
      exportedWith(
        (it) =>
          ((it.target as { selector: unknown }).selector = [
            { type: 'TextPositionSelector', start: 1, end: 2 },
          ]),
      ),
    );
    expect(onlyPosition.ok && onlyPosition.skipped).toEqual([
      { path: 'first.items[0]', kind: 'page-note' },
    ]);
    const pageOnly = parseJsonLd(exportedWith((it) => (it.target = A.url)));
    expect(pageOnly.ok && pageOnly.skipped).toEqual([
      { path: 'first.items[0]', kind: 'page-note' },
    ]);
    expect(
      errorOf(
        exportedWith(
          (it) => ((it.target as { selector: { exact: string }[] }).selector[0]!.exact = ''),
        ),
      ),
    ).toBe('first.items[0].target.selector[0].exact: empty quote');
    expect(errorOf(exportedWith((it) => delete it.target))).toBe('first.items[0].target: missing');
  });

  it('duplicate ids', () => {
    const text = toJsonLd([A, C, { ...B, id: A.id }]);
    expect(errorOf(text)).toBe(`first.items[2].id: "${A.id}" is also the id of first.items[0]`);
    // urn:uuid:X and anno:X are the same id.
    const mixed = JSON.stringify([
      {
        id: 'urn:uuid:0b7f3c1e-2d4a-4c1b-9a8e-1f2e3d4c5b6a',
        target: { source: A.url, selector: A.quote },
      },
      { id: A.id, target: { source: A.url, selector: A.quote } },
    ]);
    expect(errorOf(mixed)).toMatch(/^\[1\]\.id: .* is also the id of \[0\]$/);
  });

  it('lengths over the limits', () => {
    expect(
      errorOf(
        exportedWith(
          (it) => ((it.body as { value: string }[])[0]!.value = 'x'.repeat(IMPORT_LIMITS.note + 1)),
        ),
      ),
    ).toMatch(/^first\.items\[0\]\.body\[0\]\.value: too long/);
    expect(
      errorOf(
        exportedWith(
          (it) =>
            ((it.target as { selector: { exact: string }[] }).selector[0]!.exact = 'q'.repeat(
              IMPORT_LIMITS.quote + 1,
            )),
        ),
      ),
    ).toMatch(/^first\.items\[0\]\.target\.selector\[0\]\.exact: too long/);
    const tags = Array.from({ length: IMPORT_LIMITS.tags + 1 }, (_, i) => ({
      type: 'TextualBody',
      value: `t${i}`,
      purpose: 'tagging',
    }));
    expect(errorOf(exportedWith((it) => (it.body = tags)))).toMatch(
      /^first\.items\[0\]\.body: too many tags/,
    );
    expect(
      errorOf(
        exportedWith(
          (it) =>
            (it.body = [
              { type: 'TextualBody', value: 't'.repeat(IMPORT_LIMITS.tag + 1), purpose: 'tagging' },
            ]),
        ),
      ),
    ).toMatch(/^first\.items\[0\]\.body(\[0\]\.value)?: (tag )?too long/);
  });

  it('a total that does not match', () => {
    const doc = JSON.parse(toJsonLd([A, C]));
    doc.total = 3;
    expect(errorOf(JSON.stringify(doc))).toBe('total: says 3 annotations, but the file holds 2');
  });

  it('a missing id without options.newId', () => {
    expect(errorOf(exportedWith((it) => delete it.id))).toBe(
      'first.items[0].id: missing, and no options.newId to make one',
    );
  });
});

describe('parseJsonLd: what it keeps and fills in', () => {
  it('keeps HTML in a note as text, never dropping or interpreting it', () => {
    const [, c] = annotationsOf(toJsonLd([A, C]));
    expect(c?.note).toBe('<img src=x onerror="alert(1)"> **not bold** [link](javascript:alert(1))');
    const html = exportedWith((it) => {
      it.body = {
        type: 'TextualBody',
        value: '<p>See <a href="https://x.org">this</a></p>',
        format: 'text/html',
      };
    });
    expect(annotationsOf(html)[0]?.note).toBe('<p>See <a href="https://x.org">this</a></p>');
  });

  it('strips control characters from notes, but for line breaks and tabs', () => {
    const text = exportedWith((it) => {
      it.body = [
        {
          type: 'TextualBody',
          value: 'a\u0000b\u0007c\r\nd\te\u001bf\u0085g\rh',
          purpose: 'commenting',
        },
        { type: 'TextualBody', value: ' tag\u0000one\n ', purpose: 'tagging' },
        { type: 'TextualBody', value: '\u0001', purpose: 'tagging' },
      ];
    });
    const [a] = annotationsOf(text);
    expect(a?.note).toBe('abc\nd\tefg\nh');
    expect(a?.tags).toEqual(['tagone']);
  });

  it('fills in what another tool may leave out', () => {
    const minimal = JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      target: {
        source: 'https://example.org/story?utm_source=x#p3',
        selector: { type: 'TextQuoteSelector', exact: 'Reko Diq' },
      },
    });
    const [a] = annotationsOf(minimal, { newId: () => 'anno:new-1', now: 1700000000000 });
    expect(a).toEqual({
      id: 'anno:new-1',
      url: 'https://example.org/story',
      title: '',
      quote: { type: 'TextQuoteSelector', exact: 'Reko Diq', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 0 },
      color: 'yellow',
      note: '',
      tags: [],
      entities: [],
      verdicts: [],
      created: 1700000000000,
      updated: 1700000000000,
    });
    // Without options.now: the epoch.
    expect(annotationsOf(minimal, { newId: () => 'anno:new-2' })[0]?.created).toBe(0);
  });

  it('takes one date for the other, and reads zones and fractions exactly', () => {
    const [a] = annotationsOf(
      JSON.stringify({
        id: 'x1',
        created: '2024-05-01T15:00:00.123456+05:00',
        target: { source: A.url, selector: A.quote },
      }),
    );
    expect(a?.created).toBe(Date.UTC(2024, 4, 1, 10, 0, 0, 123));
    expect(a?.updated).toBe(a?.created);
    const [b] = annotationsOf(
      JSON.stringify({
        id: 'x2',
        modified: '2024-05-01',
        target: { source: A.url, selector: A.quote },
      }),
    );
    expect(b?.created).toBe(Date.UTC(2024, 4, 1));
  });

  it('reads a single Annotation, a bare array, an AnnotationPage and a collection with items', () => {
    const item = { id: 'i1', type: 'Annotation', target: { source: A.url, selector: [A.quote] } };
    const expected = annotationsOf(JSON.stringify(item));
    expect(expected).toHaveLength(1);
    expect(annotationsOf(JSON.stringify([item]))).toEqual(expected);
    expect(annotationsOf(JSON.stringify({ type: 'AnnotationPage', items: [item] }))).toEqual(
      expected,
    );
    expect(
      annotationsOf(JSON.stringify({ type: 'AnnotationCollection', total: 1, items: [item] })),
    ).toEqual(expected);
    expect(
      annotationsOf(
        JSON.stringify({
          type: 'AnnotationCollection',
          first: {
            type: 'AnnotationPage',
            items: [item],
            next: { type: 'AnnotationPage', items: [{ ...item, id: 'i2' }] },
          },
        }),
      ).map((a) => a.id),
    ).toEqual(['i1', 'i2']);
    expect(
      errorOf(JSON.stringify({ type: 'AnnotationPage', items: [{ ...item, target: 5 }] })),
    ).toMatch(/^items\[0\]\.target: /);
  });

  it('imports a Hypothesis-style annotation', () => {
    const hypothesis = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'https://hypothes.is/a/kXq2bA7yEe-2o6Pl0SQkZw',
      created: '2025-01-10T09:41:22.518934+00:00',
      modified: '2025-01-12T16:03:07.004512+00:00',
      creator: 'acct:reporter@hypothes.is',
      motivation: 'commenting',
      body: [
        {
          type: 'TextualBody',
          value:
            'EXIM says **$1.25bn**; Reuters rounds to $1.3bn. See <https://www.exim.gov/news>.',
          format: 'text/markdown',
        },
        { type: 'TextualBody', value: 'reko-diq', purpose: 'tagging' },
        { type: 'TextualBody', value: 'financing', purpose: 'tagging' },
      ],
      target: [
        {
          source:
            'https://www.reuters.com/markets/commodities/us-exim-reko-diq-2025-01-09/?utm_medium=Social&utm_source=twitter',
          selector: [
            {
              type: 'RangeSelector',
              startSelector: { type: 'XPathSelector', value: '/main[1]/article[1]/div[2]/p[3]' },
              endSelector: { type: 'XPathSelector', value: '/main[1]/article[1]/div[2]/p[3]' },
              startOffset: 42,
              endOffset: 96,
            },
            { type: 'TextPositionSelector', start: 2817, end: 2871 },
            {
              type: 'TextQuoteSelector',
              exact: 'approved up to $1.3 billion in financing for the mine',
              prefix: 'The Export-Import Bank of the U.S. ',
              suffix: ', the bank said in a statement o',
            },
          ],
        },
      ],
    };
    const [a] = annotationsOf(JSON.stringify(hypothesis));
    expect(a).toEqual({
      id: 'https://hypothes.is/a/kXq2bA7yEe-2o6Pl0SQkZw',
      url: 'https://www.reuters.com/markets/commodities/us-exim-reko-diq-2025-01-09/',
      title: '',
      quote: {
        type: 'TextQuoteSelector',
        exact: 'approved up to $1.3 billion in financing for the mine',
        prefix: 'The Export-Import Bank of the U.S. ',
        suffix: ', the bank said in a statement o',
      },
      position: { type: 'TextPositionSelector', start: 2817, end: 2871 },
      color: 'yellow',
      note: 'EXIM says **$1.25bn**; Reuters rounds to $1.3bn. See <https://www.exim.gov/news>.',
      tags: ['reko-diq', 'financing'],
      entities: [],
      verdicts: [],
      created: Date.UTC(2025, 0, 10, 9, 41, 22, 518),
      updated: Date.UTC(2025, 0, 12, 16, 3, 7, 4),
    });
  });

  it("imports Hypothesis' own export file", () => {
    const file = {
      export_date: '2025-02-01T10:00:00.000000+00:00',
      export_userid: 'acct:reporter@hypothes.is',
      client_version: '1.1500.0',
      annotations: [
        {
          id: 'kXq2bA7yEe-2o6Pl0SQkZw',
          created: '2025-01-10T09:41:22.518934+00:00',
          updated: '2025-01-12T16:03:07.004512+00:00',
          user: 'acct:reporter@hypothes.is',
          uri: 'https://www.dawn.com/news/1840012',
          text: 'Dawn says 7,500 jobs; Barrick said "about 7,500".',
          tags: ['jobs'],
          group: '__world__',
          target: [
            {
              source: 'https://www.dawn.com/news/1840012',
              selector: [
                { type: 'TextPositionSelector', start: 880, end: 896 },
                {
                  type: 'TextQuoteSelector',
                  exact: 'about 7,500 jobs',
                  prefix: 'create ',
                  suffix: ' at its peak',
                },
              ],
            },
          ],
          document: { title: ['Reko Diq to create thousands of jobs - Dawn'] },
          links: { html: 'https://hypothes.is/a/kXq2bA7yEe-2o6Pl0SQkZw' },
        },
      ],
    };
    const [a] = annotationsOf(JSON.stringify(file));
    expect(a).toMatchObject({
      // Its own format's id is not an IRI: the annotation's address is.
      id: 'https://hypothes.is/a/kXq2bA7yEe-2o6Pl0SQkZw',
      url: 'https://www.dawn.com/news/1840012',
      title: 'Reko Diq to create thousands of jobs - Dawn',
      note: 'Dawn says 7,500 jobs; Barrick said "about 7,500".',
      tags: ['jobs'],
      position: { type: 'TextPositionSelector', start: 880, end: 896 },
      updated: Date.UTC(2025, 0, 12, 16, 3, 7, 4),
    });
  });

  it('maps urn:uuid ids to anno: ids', () => {
    const [a] = annotationsOf(
      JSON.stringify({
        id: 'urn:uuid:7d1c3a9e-55aa-4f0e-8c2b-0a1b2c3d4e5f',
        target: { source: A.url, selector: A.quote },
      }),
    );
    expect(a?.id).toBe('anno:7d1c3a9e-55aa-4f0e-8c2b-0a1b2c3d4e5f');
  });
});

describe('parseJsonLd: any backup Factmark wrote imports back', () => {
  it('keeps entity ids that are not in the lexicon, of the right shape', () => {
    const tembo: Annotation = {
      ...A,
      entities: ['tembo-hills' as never, 'exim', 'x2-mine' as never],
    };
    const [a] = annotationsOf(toJsonLd([tembo]));
    expect(a).toEqual(tembo);
  });

  it('refuses malformed entity ids, naming where', () => {
    for (const bad of [
      'China Exim',
      'tembo_hills',
      'Tembo-Hills',
      '-tembo',
      'tembo-',
      'a--b',
      '',
      7,
    ]) {
      expect(errorOf(exportedWith((it) => (it['factmark:entities'] = ['exim', bad])))).toMatch(
        /^first\.items\[0\]\.factmark:entities\[1\]: expected an entity id \(lower-case words joined by hyphens\)/,
      );
    }
  });
});

describe('parseJsonLd: Hypothesis exports', () => {
  const page = 'https://www.dawn.com/news/1840012';
  const placed = {
    id: 'kXq2bA7yEe-2o6Pl0SQkZw',
    created: '2025-01-10T09:41:22.518934+00:00',
    updated: '2025-01-12T16:03:07.004512+00:00',
    user: 'acct:reporter@hypothes.is',
    uri: page,
    text: 'Dawn says 7,500 jobs.',
    tags: ['jobs'],
    target: [
      {
        source: page,
        selector: [
          { type: 'TextPositionSelector', start: 880, end: 896 },
          {
            type: 'TextQuoteSelector',
            exact: 'about 7,500 jobs',
            prefix: 'create ',
            suffix: ' at',
          },
        ],
      },
    ],
    document: { title: ['Reko Diq jobs - Dawn'] },
    links: { html: 'https://hypothes.is/a/kXq2bA7yEe-2o6Pl0SQkZw' },
  };
  const pageNote = {
    id: 'pAgEnOtE0Ee-2o6Pl0SQkZw',
    created: '2025-01-10T10:00:00+00:00',
    uri: page,
    text: 'The whole article leans on one Barrick statement.',
    tags: [],
    target: [{ source: page }],
  };
  const reply = {
    id: 'rEpLy000Ee-2o6Pl0SQkZw',
    created: '2025-01-11T10:00:00+00:00',
    uri: page,
    text: 'Agreed: Barrick said "about".',
    references: ['kXq2bA7yEe-2o6Pl0SQkZw'],
    target: [{ source: page }],
  };
  const pdf = {
    id: 'pDf00000Ee-2o6Pl0SQkZw',
    created: '2025-01-12T10:00:00+00:00',
    uri: 'urn:x-pdf:6c5f3a8e2b0d4c1f9e7a',
    text: 'The annual report says the same.',
    target: [
      {
        source: 'urn:x-pdf:6c5f3a8e2b0d4c1f9e7a',
        selector: [
          { type: 'TextPositionSelector', start: 10, end: 23 },
          { type: 'TextQuoteSelector', exact: '$1.25 billion', prefix: 'of ', suffix: ' for' },
          { type: 'PageSelector', index: 3, label: '4' },
        ],
      },
    ],
    document: { title: ['Barrick Annual Report 2024'] },
  };
  const pdfOverHttp = {
    ...pdf,
    id: 'pDfHttp0Ee-2o6Pl0SQkZw',
    uri: 'https://www.barrick.com/files/annual-report-2024.pdf',
    target: [{ ...pdf.target[0], source: 'https://www.barrick.com/files/annual-report-2024.pdf' }],
  };
  const file = (annotations: unknown[]) =>
    JSON.stringify({ export_date: '2025-02-01T10:00:00+00:00', annotations });

  it('skips page notes, replies and PDF annotations with a count and a reason', () => {
    const r = parseJsonLd(file([pageNote, placed, reply, pdf, pdfOverHttp]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.annotations.map((a) => a.quote.exact)).toEqual(['about 7,500 jobs']);
    expect(r.skipped.map((s) => [s.path, s.kind])).toEqual([
      ['annotations[0]', 'page-note'],
      ['annotations[2]', 'reply'],
      ['annotations[3]', 'pdf'],
      ['annotations[4]', 'pdf'],
    ]);
    expect(skipReasons(r.skipped)).toEqual([
      'page notes (no quoted passage to place): 1 (annotations[0])',
      'replies to other annotations: 1 (annotations[2])',
      'PDF annotations (Factmark annotates web pages): 2 (annotations[3], annotations[4])',
    ]);
  });

  it('skips a W3C reply and an annotation of a page that is not http(s)', () => {
    const r = parseJsonLd(
      JSON.stringify([
        {
          id: 'https://x.org/a/1',
          motivation: 'replying',
          target: 'https://x.org/a/0',
          bodyValue: 'Yes',
        },
        {
          id: 'https://x.org/a/2',
          target: { source: 'file:///home/me/story.html', selector: A.quote },
        },
        { id: 'https://x.org/a/3', target: { source: A.url, selector: A.quote } },
      ]),
    );
    expect(r.ok && r.annotations.map((a) => a.id)).toEqual(['https://x.org/a/3']);
    expect(r.ok && skipReasons(r.skipped)).toEqual([
      'replies to other annotations: 1 ([0])',
      'annotations of pages that are not http(s) (file:): 1 ([1])',
    ]);
  });

  it('lists at most a few places per reason', () => {
    const r = parseJsonLd(
      file(Array.from({ length: 12 }, (_, i) => ({ ...pageNote, id: `n${i}` }))),
    );
    expect(r.ok && skipReasons(r.skipped)).toEqual([
      'page notes (no quoted passage to place): 12 (annotations[0], annotations[1], annotations[2], annotations[3], annotations[4], …)',
    ]);
  });

  it('keeps a note given as a Choice of bodies (its first, the default)', () => {
    const [a] = annotationsOf(
      JSON.stringify({
        id: 'https://x.org/a/1',
        type: 'Annotation',
        body: [
          {
            type: 'Choice',
            items: [
              { type: 'TextualBody', value: 'Check the EXIM figure.', language: 'en' },
              { type: 'TextualBody', value: 'Vérifier le chiffre.', language: 'fr' },
            ],
          },
          { type: 'TextualBody', value: 'exim', purpose: 'tagging' },
        ],
        target: { source: A.url, selector: A.quote },
      }),
    );
    expect(a?.note).toBe('Check the EXIM figure.');
    expect(a?.tags).toEqual(['exim']);
  });

  it('gives a Hypothesis id its IRI, which exports and re-imports unchanged', () => {
    const [a] = annotationsOf(file([placed]));
    expect(a?.id).toBe('https://hypothes.is/a/kXq2bA7yEe-2o6Pl0SQkZw');
    const exported = toJsonLd(annotationsOf(file([placed])));
    const doc = JSON.parse(exported) as { first: { items: { id: string }[] } };
    expect(doc.first.items[0]?.id).toBe('https://hypothes.is/a/kXq2bA7yEe-2o6Pl0SQkZw');
    expect(annotationsOf(exported)).toEqual([a]);
    // The same annotation from Hypothesis' JSON-LD API has the same id: no duplicate.
    const api = { ...placed, id: 'https://hypothes.is/a/kXq2bA7yEe-2o6Pl0SQkZw' };
    expect(annotationsOf(file([api]))[0]?.id).toBe(a?.id);
  });

  it('writes every id as an IRI, and reads it back as it was', () => {
    // An id stored by an older import, before ids were made IRIs.
    const bare: Annotation = { ...A, id: 'kXq2bA7yEe-2o6Pl0SQkZw' };
    const exported = toJsonLd([bare, B, C]);
    const doc = JSON.parse(exported) as { first: { items: { id: string }[] } };
    for (const item of doc.first.items) expect(item.id).toMatch(/^[a-z][a-z0-9+.-]*:[^\s]+$/i);
    expect(doc.first.items[0]?.id).not.toBe('kXq2bA7yEe-2o6Pl0SQkZw');
    expect(annotationsOf(exported)).toEqual([bare, B, C]);
  });

  it('still refuses a malformed file whole', () => {
    expect(errorOf(file([placed, { ...pageNote, created: 5 }]))).toBe(
      'annotations[1].created: expected an ISO 8601 date, found number 5',
    );
  });
});

describe('parseJsonLd: limits shared with the background (src/core/annotations/limits.ts)', () => {
  it('keeps the 1,000 characters of context nearest the quote, as the background stores', () => {
    const prefix = 'p'.repeat(4_000) + 'nearest the quote ';
    const suffix = ' just after' + 's'.repeat(4_000);
    const [a] = annotationsOf(
      exportedWith(
        (it) =>
          ((it.target as { selector: Record<string, string>[] }).selector[0] = {
            type: 'TextQuoteSelector',
            exact: 'approved financing of $1.25 billion',
            prefix,
            suffix,
          }),
      ),
    );
    expect(a?.quote.prefix).toBe(prefix.slice(-ANNOTATION_LIMITS.context));
    expect(a?.quote.suffix).toBe(suffix.slice(0, ANNOTATION_LIMITS.context));
    expect(IMPORT_LIMITS.note).toBe(ANNOTATION_LIMITS.note);
    expect(IMPORT_LIMITS.quote).toBe(ANNOTATION_LIMITS.quote);
    expect(IMPORT_LIMITS.tags).toBe(ANNOTATION_LIMITS.tags);
  });
});
