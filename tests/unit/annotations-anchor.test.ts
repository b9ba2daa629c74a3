import { describe, it, expect } from 'vitest';
import { anchor, anchorAll } from '../../src/core/annotations/anchor';
import { CONTEXT_LENGTH, describe as describeSpan } from '../../src/core/annotations/selectors';

const ARTICLE = [
  'Reko Diq: the US bank steps in',
  'The Export-Import Bank of the United States approved financing of $1.25 billion for the Reko Diq copper-gold project in Balochistan on Tuesday.',
  'Barrick, which owns half of the project, said construction would create about 7,500 jobs at its peak and 4,000 once the mine is running.',
  'First production is expected in 2028, the company said, with a mine life of at least 37 years.',
  'Province\tShare\nBalochistan\t25%',
  'Critics in Quetta said Balochistan’s share of the revenue remained unclear.',
].join('\n');

function span(text: string, passage: string): { start: number; end: number } {
  const start = text.indexOf(passage);
  if (start === -1) throw new Error(`not in text: ${passage}`);
  return { start, end: start + passage.length };
}

function selectorsOf(text: string, passage: string) {
  const { start, end } = span(text, passage);
  return describeSpan(text, start, end);
}

/** A deterministic long text of varied sentences. */
function longText(chars: number, seed = 7): string {
  const words = (
    'the bank said financing for copper gold project Balochistan would reach billion dollars ' +
    'jobs mine province revenue government Barrick Quetta construction export import loan ' +
    'tuesday officials expected production reserves stake federal agreement court miners ' +
    'water road railway port Gwadar smelter concentrate pipeline investors royalty share'
  ).split(' ');
  // mulberry32: a small PRNG with a long period (the text must not repeat itself).
  let s = seed >>> 0;
  const rand = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const n = 8 + Math.floor(rand() * 20);
    const sentence: string[] = [];
    for (let i = 0; i < n; i++) sentence.push(words[Math.floor(rand() * words.length)] as string);
    const p = sentence.join(' ') + (rand() < 0.2 ? '.\n' : '. ');
    parts.push(p);
    length += p.length;
  }
  return parts.join('');
}

describe('describe', () => {
  it('gives the quote, 32 characters of context each side and the position', () => {
    const { start, end } = span(ARTICLE, 'approved financing of $1.25 billion');
    const { quote, position } = describeSpan(ARTICLE, start, end);
    expect(CONTEXT_LENGTH).toBe(32);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'approved financing of $1.25 billion',
      prefix: ARTICLE.slice(start - 32, start),
      suffix: ARTICLE.slice(end, end + 32),
    });
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
  });

  it('clips the context at the text bounds', () => {
    const text = 'Reko Diq mine';
    expect(describeSpan(text, 0, 4).quote).toMatchObject({
      exact: 'Reko',
      prefix: '',
      suffix: ' Diq mine',
    });
    expect(describeSpan(text, 9, 13).quote).toMatchObject({
      exact: 'mine',
      prefix: 'Reko Diq ',
      suffix: '',
    });
  });

  it('never cuts a surrogate pair in two', () => {
    // The prefix would start on the second half of a pair, the suffix end on the first half.
    const before = '😀'.repeat(40) + 'Q';
    expect(describeSpan(before + 'UOTE', 81, 85).quote.prefix).toBe('😀'.repeat(15) + 'Q');
    const after = 'QUOTE' + 'x' + '😀'.repeat(40);
    expect(describeSpan(after, 0, 5).quote.suffix).toBe('x' + '😀'.repeat(15));
  });

  it('refuses a span outside the text', () => {
    expect(() => describeSpan('abc', 2, 1)).toThrow(RangeError);
    expect(() => describeSpan('abc', 0, 4)).toThrow(RangeError);
    expect(() => describeSpan('abc', -1, 2)).toThrow(RangeError);
  });
});

describe('anchor', () => {
  it('finds every described passage where it was (round trip)', () => {
    for (const passage of [
      'Reko Diq',
      '$1.25 billion',
      'about 7,500 jobs',
      'Balochistan\t25%',
      'Balochistan’s share',
      'First production is expected in 2028',
    ]) {
      const { start, end } = span(ARTICLE, passage);
      const sel = describeSpan(ARTICLE, start, end);
      expect(anchor(ARTICLE, sel)).toEqual({ start, end, exact: true });
      // Without the position too.
      expect(anchor(ARTICLE, { quote: sel.quote })).toEqual({ start, end, exact: true });
    }
  });

  it('round-trips random spans of a long text', () => {
    const text = longText(20_000);
    for (let i = 0; i < 50; i++) {
      const start = (i * 397) % 19_000;
      const end = start + 10 + ((i * 31) % 200);
      expect(anchor(text, describeSpan(text, start, end))).toEqual({ start, end, exact: true });
    }
  });

  it('follows the passage when text is inserted before it', () => {
    const passage = 'construction would create about 7,500 jobs at its peak';
    const sel = selectorsOf(ARTICLE, passage);
    const edited = ARTICLE.replace('Reko Diq: the US bank', 'Updated: Reko Diq: the American bank');
    expect(anchor(edited, sel)).toEqual({ ...span(edited, passage), exact: true });
  });

  it('stays when text after it changes', () => {
    const passage = 'approved financing of $1.25 billion';
    const sel = selectorsOf(ARTICLE, passage);
    const edited = ARTICLE.replace('First production', 'Initial output');
    expect(anchor(edited, sel)).toEqual({ ...span(edited, passage), exact: true });
  });

  it('finds an edited passage approximately (edits inside it)', () => {
    const passage =
      'Barrick, which owns half of the project, said construction would create about 7,500 jobs';
    const sel = selectorsOf(ARTICLE, passage);
    // Words change; the number does not (a changed number is another passage: see below).
    const changed =
      'Barrick, which holds half of the project, said construction would create around 7,500 jobs';
    const edited = ARTICLE.replace(passage, changed);
    const found = anchor(edited, sel);
    expect(found).not.toBeNull();
    expect(found?.exact).toBe(false);
    const expected = span(edited, changed);
    expect(Math.abs((found?.start ?? -1) - expected.start)).toBeLessThanOrEqual(1);
    expect(Math.abs((found?.end ?? -1) - expected.end)).toBeLessThanOrEqual(1);
  });

  it('finds an edited passage after edits before, inside and after it', () => {
    const text = longText(50_000);
    const start = 30_000;
    const end = 30_180;
    const sel = describeSpan(text, start, end);
    const passage = text.slice(start, end);
    const changed =
      passage.slice(0, 60) + 'NEW WORDS' + passage.slice(70, 150) + passage.slice(155);
    const edited =
      'A new introduction of some length. '.repeat(20) +
      text.slice(0, start) +
      changed +
      ' (updated)' +
      text.slice(end);
    const found = anchor(edited, sel);
    const at = edited.indexOf(changed);
    expect(found?.exact).toBe(false);
    expect(Math.abs((found?.start ?? -1) - at)).toBeLessThanOrEqual(2);
    expect(Math.abs((found?.end ?? -1) - (at + changed.length))).toBeLessThanOrEqual(2);
  });

  it('finds an edited passage that moved far from its position (whole-text search)', () => {
    const text = longText(100_000);
    const sel = describeSpan(text, 10_000, 10_150);
    const passage = text.slice(10_000, 10_150);
    const changed = passage.replace(/e/, 'E').replace(/a/, 'A');
    const edited =
      text.slice(0, 10_000) + text.slice(10_150, 90_000) + changed + text.slice(90_000);
    const found = anchor(edited, sel);
    expect(found?.exact).toBe(false);
    expect(found?.start).toBe(edited.indexOf(changed));
  });

  it('gives null when the passage was deleted', () => {
    const passage =
      'Barrick, which owns half of the project, said construction would create about 7,500 jobs at its peak and 4,000 once the mine is running.';
    const sel = selectorsOf(ARTICLE, passage);
    const edited = ARTICLE.replace(passage + '\n', '');
    expect(anchor(edited, sel)).toBeNull();
    expect(anchor(edited, { quote: sel.quote })).toBeNull();

    const text = longText(200_000);
    const deleted = describeSpan(text, 100_000, 100_120);
    expect(anchor(text.slice(0, 100_000) + text.slice(100_120), deleted)).toBeNull();
  });

  it('gives null for a short quote whose context is gone, or an empty text', () => {
    const sel = selectorsOf(ARTICLE, '$1.25 billion');
    expect(anchor('Something else entirely, $1.26 billons elsewhere.', sel)).toBeNull();
    expect(anchor('', sel)).toBeNull();
  });

  it('lets the context decide between repeated occurrences', () => {
    const text =
      'In 2022 the bank said the financing was $1.25 billion, a record for the region.\n' +
      'In 2024, after the review by Congress, the financing was $1.25 billion once more.\n' +
      'Observers in Quetta noted that the financing was $1.25 billion, not less.';
    const passage = 'the financing was $1.25 billion';
    const second = text.indexOf(passage, text.indexOf(passage) + 1);
    const sel = describeSpan(text, second, second + passage.length);
    // Text inserted at the top: the position is stale, the context still says which one.
    const edited = 'Breaking. '.repeat(30) + text;
    const shift = edited.length - text.length;
    expect(anchor(edited, sel)).toEqual({
      start: second + shift,
      end: second + shift + passage.length,
      exact: true,
    });
    // No position at all: the context alone.
    expect(anchor(edited, { quote: sel.quote })).toEqual({
      start: second + shift,
      end: second + shift + passage.length,
      exact: true,
    });
  });

  it('takes the nearest of equally good repeated occurrences', () => {
    const text = 'xx abc yy\n'.repeat(10);
    const sel = describeSpan(text, 53, 56);
    expect(text.slice(53, 56)).toBe('abc');
    const edited = 'zz\n' + text;
    expect(anchor(edited, sel)).toEqual({ start: 56, end: 59, exact: true });
  });

  it('lets the context decide between approximate occurrences', () => {
    const sentence =
      'The bank approved financing of one point two five billion dollars for the mine';
    const text = `Alpha alpha alpha. ${sentence}. Beta beta beta.\nGamma gamma gamma. ${sentence}. Delta delta delta.`;
    const second = text.lastIndexOf(sentence);
    const sel = describeSpan(text, second, second + sentence.length);
    const edited = text.split('billion').join('billions');
    const found = anchor(edited, { quote: sel.quote });
    expect(found?.exact).toBe(false);
    expect(found?.start).toBe(edited.lastIndexOf('The bank approved'));
  });

  it('reads an empty position as no position', () => {
    const sel = selectorsOf(ARTICLE, 'mine life');
    expect(
      anchor(ARTICLE, {
        quote: sel.quote,
        position: { type: 'TextPositionSelector', start: 0, end: 0 },
      }),
    ).toEqual({ ...span(ARTICLE, 'mine life'), exact: true });
  });

  it('survives a position beyond the text', () => {
    const sel = selectorsOf(ARTICLE, 'mine life');
    const position = { type: 'TextPositionSelector' as const, start: 1e9, end: 1e9 + 9 };
    expect(anchor(ARTICLE, { quote: sel.quote, position })).toEqual({
      ...span(ARTICLE, 'mine life'),
      exact: true,
    });
  });

  it('stays fast on a 1 MB text with a 200-character quote', () => {
    const text = longText(1_000_000);
    const start = 600_000;
    const end = 600_200;
    const sel = describeSpan(text, start, end);
    const passage = text.slice(start, end);
    const cases: [string, string][] = [
      ['unchanged', text],
      ['moved', 'Intro. '.repeat(500) + text],
      ['edited', text.slice(0, start) + passage.replace(/a/g, 'A') + text.slice(end)],
      [
        'moved far and edited',
        text.slice(0, start) +
          text.slice(end, 900_000) +
          passage.replace(/ the /g, ' a ') +
          text.slice(900_000),
      ],
      ['deleted', text.slice(0, start) + text.slice(end)],
    ];
    for (const [name, edited] of cases) {
      const t0 = performance.now();
      const found = anchor(edited, sel);
      const ms = performance.now() - t0;
      expect(ms, name).toBeLessThan(500);
      if (name === 'deleted') expect(found, name).toBeNull();
      else expect(found, name).not.toBeNull();
    }
  });

  it('stays fast with a very frequent short quote', () => {
    // Letters, and digits (whose occurrences are also checked for a number running on).
    for (const word of ['ab', '12']) {
      const text = `${word} `.repeat(300_000);
      const sel = describeSpan(text, 150_000, 150_002);
      const t0 = performance.now();
      expect(anchor('x' + text, sel)).toEqual({ start: 150_001, end: 150_003, exact: true });
      expect(performance.now() - t0, word).toBeLessThan(1000);
    }
  });
});

describe('anchor never moves a passage onto another number', () => {
  const SENTENCE =
    'Copper exports from the province rose 12% in 2021, the ministry said in its annual report.';

  it('leaves a short quote orphaned when its amount changed ($1.25 → $4.75 billion)', () => {
    const sel = selectorsOf(ARTICLE, '$1.25 billion');
    expect(anchor(ARTICLE.replace('$1.25 billion', '$4.75 billion'), sel)).toBeNull();
    expect(
      anchor(ARTICLE.replace('$1.25 billion', '$4.75 billion'), { quote: sel.quote }),
    ).toBeNull();
  });

  it('leaves a quote orphaned when a percentage and a year changed (12% in 2021 → 15% in 2022)', () => {
    const sel = selectorsOf(SENTENCE, 'rose 12% in 2021');
    expect(anchor(SENTENCE.replace('rose 12% in 2021', 'rose 15% in 2022'), sel)).toBeNull();
    // One number changed is enough.
    expect(anchor(SENTENCE.replace('12%', '15%'), sel)).toBeNull();
    expect(anchor(SENTENCE.replace('2021', '2022'), sel)).toBeNull();
  });

  it('leaves a quote orphaned when a scale or number word changed', () => {
    const sel = selectorsOf(ARTICLE, '$1.25 billion');
    expect(anchor(ARTICLE.replace('$1.25 billion', '$1.25 million'), sel)).toBeNull();
    // The currency is part of the figure too.
    expect(anchor(ARTICLE.replace('$1.25 billion', '€1.25 billion'), sel)).toBeNull();
    const words =
      'The bank approved two billion dollars for the Reko Diq copper-gold project on Tuesday.';
    const passage = 'approved two billion dollars for the Reko Diq copper-gold project';
    const wordSel = selectorsOf(words, passage);
    expect(anchor(words.replace('two billion', 'ten billion'), wordSel)).toBeNull();
    expect(anchor(words.replace('two billion', 'two million'), wordSel)).toBeNull();
  });

  it('leaves a long quote orphaned when only its number changed', () => {
    const passage =
      'Barrick, which owns half of the project, said construction would create about 7,500 jobs';
    const sel = selectorsOf(ARTICLE, passage);
    expect(anchor(ARTICLE.replace('7,500 jobs', '7,900 jobs'), sel)).toBeNull();
    // A digit where a letter was is a number too.
    expect(anchor(ARTICLE.replace('owns half', 'owns 4alf'), sel)).toBeNull();
  });

  it('reads a number cut by the edge of the match or of the quote whole', () => {
    // The match would end at "2021" of "20215".
    const sel = selectorsOf(SENTENCE, 'rose 12% in 2021, the ministry');
    expect(anchor(SENTENCE.replace('in 2021,', 'in 20215,'), sel)).toBeNull();
    // A quote selected from the middle of "$1.25 billion": its prefix says how the number began.
    const passage = '25 billion for the Reko Diq copper-gold project';
    const cut = selectorsOf(ARTICLE, passage);
    const reworded = ARTICLE.replace('copper-gold project', 'copper and gold project');
    expect(anchor(reworded, cut)).not.toBeNull();
    expect(anchor(reworded.replace('$1.25 billion', '$4.25 billion'), cut)).toBeNull();
  });

  it('does not take the same digits inside a longer number, even exactly (1.25 in $41.25)', () => {
    const sel = selectorsOf(ARTICLE, '1.25 billion');
    const edited = ARTICLE.replace('$1.25 billion', '$41.25 billion');
    expect(anchor(edited, sel)).toBeNull();
    expect(anchor(edited, { quote: sel.quote })).toBeNull();
    // Where the number is still whole, found exactly as before.
    const moved = 'Breaking. ' + ARTICLE;
    expect(anchor(moved, sel)).toEqual({ ...span(moved, '1.25 billion'), exact: true });
  });

  it('still finds a passage whose words changed and numbers did not', () => {
    const sel = selectorsOf(SENTENCE, 'exports from the province rose 12% in 2021');
    const edited = SENTENCE.replace('from the province', 'from Balochistan province');
    const found = anchor(edited, sel);
    expect(found?.exact).toBe(false);
    expect(edited.slice(found?.start ?? 0, found?.end ?? 0)).toMatch(/rose 12% in 2021$/);
    // Re-typed separators or spacing around a number are not a new number.
    const short = selectorsOf(ARTICLE, 'financing of $1.25 billion');
    const spaced = ARTICLE.replace('financing of $1.25 billion', 'financing of  $1.25 billion');
    expect(anchor(spaced, short)).not.toBeNull();
  });

  it('compares digits of other scripts too (Arabic-Indic)', () => {
    const text =
      'قال البنك إن التمويل بلغ ١٫٢٥ مليار دولار لمشروع ريكو ديك في بلوشستان يوم الثلاثاء.';
    const sel = selectorsOf(text, 'بلغ ١٫٢٥ مليار دولار');
    expect(anchor(text.replace('١٫٢٥', '٤٫٧٥'), sel)).toBeNull();
  });
});

describe('anchorAll', () => {
  it('maps each id to where it is, or null', () => {
    const a = { id: 'anno:1', ...selectorsOf(ARTICLE, '$1.25 billion') };
    const b = { id: 'anno:2', ...selectorsOf(ARTICLE, 'mine life of at least 37 years') };
    const edited = ARTICLE.replace(', with a mine life of at least 37 years', '');
    const result = anchorAll(edited, [a, b]);
    expect(result.get('anno:1')).toEqual({ ...span(edited, '$1.25 billion'), exact: true });
    expect(result.get('anno:2')).toBeNull();
    expect(result.size).toBe(2);
  });
});
