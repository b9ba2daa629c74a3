/**
 * More recognition gaps: nouns carried across a longer parallel stretch, table rows whose header
 * names the noun, number words ("a hundred billion dollars", "half a billion", demonyms), other
 * languages' counts and number words, negative moves in markets text, share prices and index
 * levels (not figures), and "lakh crore".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summary, type Row } from './figure-rows';
import { findFigures } from '../../src/core/figures';
import { blockRole } from '../../src/core/text/labels';

describe('nouns carried across a longer, parallel stretch', () => {
  it.each<[string, Row[]]>([
    [
      'The mine would put some 6,000 people to work in the United States and 7,500 in Balochistan.',
      [
        ['6,000 people', 'count', 6000, 'people'],
        ['7,500', 'count', 7500, 'people'],
      ],
    ],
    [
      'About 6,000 jobs will follow in the United States along with some 7,500 in Balochistan.',
      [
        ['6,000 jobs', 'count', 6000, 'jobs'],
        ['7,500', 'count', 7500, 'jobs'],
      ],
    ],
    [
      'It means some 6,000 American jobs, according to the embassy, and about 7.5k in Balochistan itself.',
      [
        ['6,000 American jobs', 'count', 6000, 'jobs'],
        ['7.5k', 'count', 7500, 'jobs'],
      ],
    ],
    [
      'Some 6,000 jobs would be created in the United States over the decade, and 7,500 in Pakistan.',
      [
        ['6,000 jobs', 'count', 6000, 'jobs'],
        ['7,500', 'count', 7500, 'jobs'],
      ],
    ],
    [
      'Financing supports 6,000 workers at plants across the American Midwest while 1,100 at the mine',
      [
        ['6,000 workers', 'count', 6000, 'workers'],
        ['1,100', 'count', 1100, 'workers'],
      ],
    ],
  ])('%s', (text, expected) => {
    expect(summary(text)).toEqual(expected);
  });

  it('keeps the qualifier of the carried number', () => {
    const figures = findFigures(
      'About 6,000 jobs will follow in the United States along with some 7,500 in Balochistan.',
    );
    expect(figures[1]?.qualifier).toEqual({ text: 'some', sense: 'approx' });
  });

  it.each([
    // Beyond six words the stretch must be parallel: the number is followed by the preposition
    // the stretch used, and a connective stands right before it.
    '6,000 jobs in the big new western states and 7,500 were lost',
    '6,000 jobs were created last year in the mining towns of Texas and 7,500 more',
    '6,000 jobs will follow in the United States; officials say 7,500 in Balochistan',
    // More than twelve words.
    '6,000 jobs will follow in the United States over the coming decade of construction and 7,500 in Balochistan',
    // A sentence end, a year, a price or an age in the stretch ends it.
    '6,000 jobs will follow in the United States. Along with it, 7,500 in Balochistan',
    '6,000 jobs will follow in the United States from 2028 along with 7,500 in Balochistan',
  ])('does not carry: %s', (text) => {
    const carried = findFigures(text).filter((f) => f.kind === 'count' && !/[a-z]/i.test(f.text));
    expect(carried).toEqual([]);
  });

  it('a noun before a colon still carries over six words at most', () => {
    expect(summary('Jobs: the company expects over the coming years 6,000 in the US')).toEqual([]);
  });

  it('a count of other things after a preposition is its own; the list goes on with the head noun', () => {
    // "in 12 states" says where the 6,000 jobs are: 12 counts states, not jobs; and the number
    // after it continues the list of jobs, not of states.
    expect(summary('6,000 jobs in 12 states')).toEqual([
      ['6,000 jobs', 'count', 6000, 'jobs'],
      ['12 states', 'count', 12, 'states'],
    ]);
    expect(summary('6,000 jobs in 12 states and 7,500 in Balochistan')).toEqual([
      ['6,000 jobs', 'count', 6000, 'jobs'],
      ['12 states', 'count', 12, 'states'],
      ['7,500', 'count', 7500, 'jobs'],
    ]);
    // A count that is not after a preposition starts a new list.
    expect(summary('6,000 jobs, 12 new plants and 40 in Texas')).toEqual([
      ['6,000 jobs', 'count', 6000, 'jobs'],
      ['12 new plants', 'count', 12, 'plants'],
      ['40', 'count', 40, 'plants'],
    ]);
  });
});

describe('table rows: the row header names what a bare number counts', () => {
  it.each<[string, Row[]]>([
    ['US jobs\t6,000', [['6,000', 'count', 6000, 'jobs']]],
    ['Balochistan jobs\t5,700', [['5,700', 'count', 5700, 'jobs']]],
    [
      'Jobs in Pakistan\t7,500\t1,100',
      [
        ['7,500', 'count', 7500, 'jobs'],
        ['1,100', 'count', 1100, 'jobs'],
      ],
    ],
    ['Delegates\t1,400', [['1,400', 'count', 1400, 'delegates']]],
    ['Workers\t~ 2,000', [['2,000', 'count', 2000, 'workers']]],
    ['Jobs created by\t2030', [['2030', 'year', 2030, 'year']]],
    // A year stays a year, a rank is no count, a cell with its own words is read as it is.
    ['Year\t2028', [['2028', 'year', 2028, 'year']]],
    ['Rank\t3', []],
    ['Section\t12', []],
    ['United States\t6,000', []],
    ['Jobs\t6,000 by 2030', [['2030', 'year', 2030, 'year']]],
    // An aside in parentheses leaves the number alone in its cell.
    ['Jobs\t6,000 (Philippines)', [['6,000', 'count', 6000, 'jobs']]],
    [
      'Workers\t1,200 (est.)\t900 (2024)',
      [
        ['1,200', 'count', 1200, 'workers'],
        ['900', 'count', 900, 'workers'],
        ['2024', 'year', 2024, 'year'],
      ],
    ],
    // A header row of years: its years before 1900 too; not without a year the row reads alone.
    [
      '1793\t1851\t1901',
      [
        ['1793', 'year', 1793, 'year'],
        ['1851', 'year', 1851, 'year'],
        ['1901', 'year', 1901, 'year'],
      ],
    ],
    ['1500\t1700', []],
    ['Jobs\t40%', [['40%', 'percent', 40, '%']]],
    ['Jobs\t$5 million', [['$5 million', 'money', 5e6, 'USD']]],
    // Only a cell: without a tab, the words before are not a header.
    ['US jobs 6,000', []],
  ])('%j', (text, expected) => {
    expect(summary(text)).toEqual(expected);
  });

  it('offsets of a row figure are in the original row', () => {
    const text = 'US jobs\t6,000';
    const [f] = findFigures(text, false);
    expect(text.slice(f?.start, f?.end)).toBe('6,000');
  });

  it('reads a header in the page language', () => {
    expect(summary('Antal anställda\t210', 'sv')).toEqual([['210', 'count', 210, 'anställda']]);
    expect(summary('Postos de trabalho\t1.100', 'pt')).toEqual([
      ['1.100', 'count', 1100, 'postos de trabalho'],
    ]);
    expect(summary('Año\t2028', 'es')).toEqual([['2028', 'year', 2028, 'year']]);
    expect(summary('Estados Unidos\t6.000', 'pt')).toEqual([]);
    expect(summary('États-Unis\t7 500', 'fr')).toEqual([]);
  });

  it('a row that holds its own figure is neither a lone figure nor a caption for another block', () => {
    const row = 'US jobs\t6,000';
    expect(blockRole(row, findFigures(row))).toBe('text');
    const stake = 'Stake\t25%';
    expect(blockRole(stake, findFigures(stake))).toBe('text');
    // Without a figure a row stays a possible caption, as before.
    expect(blockRole('Province\tShare', [])).toBe('label');
  });
});

describe('number words', () => {
  it.each<[string, Row[]]>([
    ['a hundred billion dollars', [['a hundred billion dollars', 'money', 1e11, 'USD']]],
    ['A billion dollars', [['A billion dollars', 'money', 1e9, 'USD']]],
    ['a million people', [['a million people', 'count', 1e6, 'people']]],
    ['a thousand jobs', [['a thousand jobs', 'count', 1000, 'jobs']]],
    ['a hundred and fifty workers', [['a hundred and fifty workers', 'count', 150, 'workers']]],
    ['half a billion dollars', [['half a billion dollars', 'money', 5e8, 'USD']]],
    ['half a million people', [['half a million people', 'count', 5e5, 'people']]],
    ['Eleven hundred workers', [['Eleven hundred workers', 'count', 1100, 'workers']]],
    ['twenty-eight hundred workers', [['twenty-eight hundred workers', 'count', 2800, 'workers']]],
    ['Six hundred young Mozambicans', [['Six hundred young Mozambicans', 'count', 600, 'people']]],
    ['600 Pakistanis', [['600 Pakistanis', 'count', 600, 'people']]],
    ['2,000 Americans', [['2,000 Americans', 'count', 2000, 'people']]],
    ['Two Americans', [['Two Americans', 'count', 2, 'people']]],
  ])('%s', (text, expected) => {
    expect(summary(`They said ${text} would come.`)).toEqual(expected);
  });

  it('carries onto "eleven hundred" and "a thousand"', () => {
    expect(summary('6,000 jobs in the US and eleven hundred in Balochistan')).toEqual([
      ['6,000 jobs', 'count', 6000, 'jobs'],
      ['eleven hundred', 'count', 1100, 'jobs'],
    ]);
    expect(summary('6,000 jobs in the US and a thousand in Balochistan')).toEqual([
      ['6,000 jobs', 'count', 6000, 'jobs'],
      ['a thousand', 'count', 1000, 'jobs'],
    ]);
  });

  it('states the precision of "half a billion" as of "0.5 billion"', () => {
    expect(findFigures('half a billion dollars')[0]?.precision).toBe(5e7);
  });

  it.each([
    'a hundred times',
    'a thousand reasons to go',
    'A Thousand Splendid Suns',
    'a million years ago',
    'half a dozen times',
    'half an hour',
    'Three Musketeers',
    'Three Kings',
  ])('%s is not a figure', (text) => {
    expect(summary(text)).toEqual([]);
  });
});

describe('other languages', () => {
  it.each<[string, string, Row[]]>([
    ['sv', '415 miljoner dollar', [['415 miljoner dollar', 'money', 4.15e8, 'USD']]],
    ['sv', '1,08 miljarder dollar', [['1,08 miljarder dollar', 'money', 1.08e9, 'USD']]],
    ['sv', '75 procent', [['75 procent', 'percent', 75, '%']]],
    ['sv', '350 jobb', [['350 jobb', 'count', 350, 'jobb']]],
    ['sv', '210 anställda', [['210 anställda', 'count', 210, 'anställda']]],
    ['sv', '40 nya medarbetare', [['40 nya medarbetare', 'count', 40, 'medarbetare']]],
    ['sv', '14 lastbilar', [['14 lastbilar', 'count', 14, 'lastbilar']]],
    ['sv', '310 000 ton', [['310 000 ton', 'count', 310_000, 'ton']]],
    ['sv', 'i elva stater', [['elva stater', 'count', 11, 'stater']]],
    ['sv', 'cirka 600 arbetare', [['600 arbetare', 'count', 600, 'arbetare']]],
    ['pt', '1.400 delegados', [['1.400 delegados', 'count', 1400, 'delegados']]],
    [
      'pt',
      '26,5 mil milhões de meticais',
      [['26,5 mil milhões de meticais', 'money', 2.65e10, 'MZN']],
    ],
    [
      'pt',
      '240 agregados familiares',
      [['240 agregados familiares', 'count', 240, 'agregados familiares']],
    ],
    [
      'pt',
      '1.100 postos de trabalho',
      [['1.100 postos de trabalho', 'count', 1100, 'postos de trabalho']],
    ],
    [
      'pt',
      '600 trabalhadores moçambicanos',
      [['600 trabalhadores', 'count', 600, 'trabalhadores']],
    ],
    ['pt', '10 por cento', [['10 por cento', 'percent', 10, '%']]],
    ['pt', 'três sessões', [['três sessões', 'count', 3, 'sessões']]],
    ['es', '7.500 empleos', [['7.500 empleos', 'count', 7500, 'empleos']]],
    [
      'es',
      '6.000 puestos de trabajo',
      [['6.000 puestos de trabajo', 'count', 6000, 'puestos de trabajo']],
    ],
    ['es', '1.200 delegados', [['1.200 delegados', 'count', 1200, 'delegados']]],
    ['es', 'doce estados', [['doce estados', 'count', 12, 'estados']]],
    ['es', '300 hogares', [['300 hogares', 'count', 300, 'hogares']]],
    ['fr', '7\u202f500 emplois', [['7 500 emplois', 'count', 7500, 'emplois']]],
    ['fr', '7 500 emplois', [['7 500 emplois', 'count', 7500, 'emplois']]],
    ['fr', 'trois sessions', [['trois sessions', 'count', 3, 'sessions']]],
    ['fr', '40 camions', [['40 camions', 'count', 40, 'camions']]],
    ['fr', 'dix pour cent', [['dix pour cent', 'percent', 10, '%']]],
    ['fr', 'trois milliards de dollars', [['trois milliards de dollars', 'money', 3e9, 'USD']]],
    ['de', 'drei Abkommen', [['drei Abkommen', 'count', 3, 'abkommen']]],
  ])('%s: %s', (lang, text, expected) => {
    expect(summary(text, lang)).toEqual(expected);
  });

  it.each<[string, string]>([
    // Referential: the number refers to things named before ("les deux pays": the two countries).
    ['fr', 'les deux pays'],
    ['es', 'los dos países'],
    ['pt', 'os dois países'],
    ['sv', 'de två länderna'],
    // Articles are not numbers; number words alone are not figures.
    ['fr', 'un emploi et une personne'],
    ['es', 'tres veces'],
    ['sv', 'sex år'],
  ])('%s: %s is not a figure', (lang, text) => {
    expect(summary(text, lang)).toEqual([]);
  });

  it('reads Swedish qualifiers', () => {
    expect(findFigures('cirka 600 arbetare', false, { lang: 'sv' })[0]?.qualifier).toEqual({
      text: 'cirka',
      sense: 'approx',
    });
  });
});

describe('negative moves', () => {
  it.each<[string, string, number]>([
    ['The index was at −3.1% for the year', '−3.1%', -3.1],
    ['growth of -0.4% in the quarter', '-0.4%', -0.4],
    ['(-2.5%)', '-2.5%', -2.5],
    ['Shares fell 0.35% on Monday', '0.35%', -0.35],
    ['The index was down 1.2% by noon', '1.2%', -1.2],
    ['Exports dropped 12 per cent', '12 per cent', -12],
    ['Output declined by about 3% last year', '3%', -3],
    ['The rupee slid 0.8%', '0.8%', -0.8],
    ['The stock lost 4.5 percent', '4.5 percent', -4.5],
    ['Sales slipped 2%', '2%', -2],
    ['Costs decreased 7%', '7%', -7],
    ['Imports have been falling 3% a year', '3%', -3],
    ['Prices fell −3.1%', '−3.1%', -3.1],
  ])('%s', (text, figure, value) => {
    const [f] = findFigures(text);
    expect([f?.text, f?.kind, f?.value]).toEqual([figure, 'percent', value]);
  });

  it.each<[string, number]>([
    // A level reached, a rise, a range or a hyphenated word is not a negative move.
    ['Unemployment fell to 3.1%', 3.1],
    ['Exports rose 3.1%', 3.1],
    ['a year-on-year 3% rise', 3],
    ['up 1.2%', 1.2],
  ])('%s', (text, value) => {
    const figures = findFigures(text).filter((f) => f.kind === 'percent');
    expect(figures.at(-1)?.value).toBe(value);
  });

  it('a range or a hyphenated word gives no negative value', () => {
    for (const text of ['growth of 2-3%', 'COVID-19 cut sales 5%', 'year-on-year-4%']) {
      expect(findFigures(text).filter((f) => f.value < 0)).toEqual([]);
    }
  });

  it('an en dash before a number is a dash, not a minus sign', () => {
    expect(summary('the forecast was cut to –3% from 2%')).toEqual([
      ['3%', 'percent', 3, '%'],
      ['2%', 'percent', 2, '%'],
    ]);
  });

  it('offsets of a signed figure cover the sign in the original text', () => {
    const text = 'closing at \u22123.1%';
    const [f] = findFigures(text);
    expect(text.slice(f?.start, f?.end)).toBe('\u22123.1%');
  });

  it('a share after a fall is not a move', () => {
    expect(summary('The company lost half its value')).toEqual([['half', 'percent', 50, '%']]);
  });
});

describe('share prices and index levels are not figures', () => {
  it.each([
    'Barrick shares closed at $24.10 on Friday.',
    'The stock closed at $24.10.',
    'Shares rose to $5.83 in early trading.',
    'Its shares fell 3% to C$58.20 in Toronto.',
    'The board declared a dividend of A$0.41 per share.',
    'It traded at SEK 48.20 in Stockholm.',
    'The stock ended the day at Rs 133.50.',
    'Earnings were Rs 133.50 a share.',
    'The KSE-100 index closed at 1,100 points higher.',
    'The index fell 120 points.',
  ])('%s', (text) => {
    expect(findFigures(text).filter((f) => f.kind !== 'percent')).toEqual([]);
  });

  it('a price row of a table is a share price', () => {
    expect(summary('Price\tC$58.20')).toEqual([]);
    expect(summary('Share price\t$5.83')).toEqual([]);
  });

  it.each<[string, Row[]]>([
    // Money with a scale is an amount, whatever stands near it.
    ['Shares rose after it raised $1.25 billion.', [['$1.25 billion', 'money', 1.25e9, 'USD']]],
    ['The company sold shares worth $500,000.', [['$500,000', 'money', 5e5, 'USD']]],
    [
      'Gold closed at $2,350 an ounce after the deal for $7 billion.',
      [['$7 billion', 'money', 7e9, 'USD']],
    ],
    ['Petrol prices rose to $3.45 a gallon.', [['$3.45', 'money', 3.45, 'USD']]],
    ['The loan is worth $24.10 for each of us.', [['$24.10', 'money', 24.1, 'USD']]],
    // Basis points stay what they were: a count.
    ['raised rates by 25 basis points', [['25 basis points', 'count', 25, 'points']]],
  ])('%s', (text, expected) => {
    expect(summary(text)).toEqual(expected);
  });
});

describe('lakh crore', () => {
  it.each<[string, number, string]>([
    ['Rs 4.2 lakh crore', 4.2e12, 'PKR'],
    ['₹1 lakh crore', 1e12, 'INR'],
    ['Rs 10,000 crore', 1e11, 'PKR'],
    ['Rs 5 thousand crore', 5e10, 'PKR'],
  ])('%s', (text, value, unit) => {
    const [f] = findFigures(`a budget of ${text} was passed`);
    expect([f?.text, f?.kind, f?.value, f?.unit]).toEqual([text, 'money', value, unit]);
  });

  it('states the precision in the combined scale', () => {
    expect(findFigures('Rs 4.2 lakh crore')[0]?.precision).toBe(0.05e12);
  });
});

describe('robustness of these paths', () => {
  const alphabet = fc.constantFrom(
    ...'0123456789,. \t−-%$ a half hundred billion lakh crore jobs in and fell shares closed per share trois elva'.split(
      '',
    ),
  );

  it.each(['en', 'fr', 'sv', 'pt'])(
    'never throws; figures ordered and within the text (%s)',
    (lang) => {
      fc.assert(
        fc.property(
          fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 200 })),
          (text) => {
            let last = 0;
            for (const f of findFigures(text, false, { lang })) {
              expect(f.start).toBeGreaterThanOrEqual(last);
              expect(f.end).toBeGreaterThan(f.start);
              expect(f.end).toBeLessThanOrEqual(text.length);
              expect(Number.isFinite(f.value)).toBe(true);
              last = f.end;
            }
          },
        ),
        { numRuns: 1000 },
      );
    },
  );

  it.each<[string, string | undefined, () => string]>([
    [
      'long parallel stretches',
      undefined,
      () => '6,000 jobs will follow in the United States along with some '.repeat(20_000),
    ],
    ['table rows', undefined, () => 'US jobs\t6,000\t'.repeat(80_000)],
    ['minus signs', undefined, () => '-'.repeat(1_000_000) + '3%'],
    ['decline words', undefined, () => 'fell by about '.repeat(80_000) + '3%'],
    ['share words', undefined, () => 'shares closed at $1.10 '.repeat(40_000)],
    ['number words', 'fr', () => 'trois '.repeat(200_000)],
    ['a hundred', undefined, () => 'a hundred '.repeat(100_000)],
  ])(
    'finishes on 1 MB of %s',
    (_name, lang, make) => {
      const text = make();
      expect(() => findFigures(text, false, lang === undefined ? {} : { lang })).not.toThrow();
    },
    5_000,
  );
});

describe('carried nouns in other languages', () => {
  const carried = (text: string, lang: string) =>
    findFigures(text, false, { lang }).map((f) => [f.text, f.unit]);
  it('a Spanish, French list carries its noun to the second number', () => {
    expect(
      carried(
        'el proyecto generará unos 6.000 empleos en Estados Unidos y 7.500 en Baluchistán.',
        'es',
      ),
    ).toEqual([
      ['6.000 empleos', 'empleos'],
      ['7.500', 'empleos'],
    ]);
    expect(
      carried(
        'de créer environ 6\u00a0000 emplois aux États-Unis et 7\u00a0500 au Baloutchistan.',
        'fr',
      ),
    ).toEqual([
      // The text as the reader sees it: the no-break space collapsed.
      ['6 000 emplois', 'emplois'],
      ['7 500', 'emplois'],
    ]);
  });
  it('a count noun before a colon, in the page’s language', () => {
    expect(carried('Empleos: unos 6.000 en EE. UU. y 7.500 en Pakistán', 'es')).toEqual([
      ['6.000', 'empleos'],
      ['7.500', 'empleos'],
    ]);
  });
  it('a number in words carries only in English', () => {
    expect(
      carried('seis mil empleos en Estados Unidos y siete mil en Baluchistán.', 'es').length,
    ).toBeLessThanOrEqual(2);
  });
});

describe('a decade is no year', () => {
  it('in the languages that write it with the word for years before a round year', () => {
    expect(summary('Depuis les années 2000, puis en 2024.', 'fr')).toEqual([
      ['2024', 'year', 2024, 'year'],
    ]);
    expect(summary('En los años 1990 y en 2025.', 'es')).toEqual([['2025', 'year', 2025, 'year']]);
    // Years that are not round are years, after the same word.
    expect(summary('Nos anos 2026 e 2027.', 'pt')).toEqual([
      ['2026', 'year', 2026, 'year'],
      ['2027', 'year', 2027, 'year'],
    ]);
  });
});
