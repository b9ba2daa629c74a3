/**
 * Classes of claim-matching error found on pages of a second, invented story, each fixed in the
 * engine for the class: words of other languages' mining and household vocabulary, a page's
 * ordinary word for a source's capitalized name, a copyright year, another amount's currency, a
 * "-ment" noun and its verb, a count of people by its noun alone, countries for a source's member
 * states, a figure that restates an earlier one, a fact box of another thing on a page about it,
 * a key word a far-behind claim shares by chance, a company named after its kind word (other
 * languages' "la empresa X", Swedish "-bolaget X"), a watched name shortened ("the Arvo group"),
 * and a count's own noun beside a claim that counts it loosely. The stories here are invented for
 * this test (a smelter, its owner, its lender; a graphite mine); none of it comes from the
 * labelled corpus.
 */
import { describe, expect, it } from 'vitest';
import { figureContext } from '../../src/core/claims/context';
import { countClass, termOf, tokenize } from '../../src/core/claims/terms';
import { translate } from '../../src/core/claims/translations';
import { indexFacts } from '../../src/core/compare';
import { lexiconOfNames, type ListedName } from '../../src/core/entities';
import { buildFactBase } from '../../src/core/facts/build';
import { analyzeText, buildReport, recognizeBlock } from '../../src/core/report/analyze';
import { sentenceSpans } from '../../src/core/text/sentences';

const names = [
  { id: 'kestrel', name: 'Kestrel Smelter', aliases: [], bundled: false, enabled: true },
  { id: 'arvo', name: 'Arvo Metals', aliases: [], bundled: false, enabled: true },
];
const lexicon = lexiconOfNames(names);
const base = buildFactBase(
  [
    {
      file: 'a.txt',
      text:
        'Arvo Metals approves Kestrel Smelter\ndate 2026-03-02\n' +
        'Arvo Metals said the Kestrel Smelter will cost $640 million and start production in 2029. ' +
        'The smelter will produce nickel concentrate grading 8% nickel. ' +
        'Arvo Metals signed an offtake agreement with Sol Batteries covering 60% of the smelter’s output. ' +
        'Arvo Metals expects the smelter to employ 900 people permanently. ' +
        'The lender, Arvo Metals, is owned by 7 member states. ' +
        'The Kestrel Smelter loan from the bank is $300 million.',
    },
  ],
  { lexicon, idPrefix: 'source' },
);
const story = indexFacts(base.facts);

/** The verdict of the figure `text` on a page of these paragraphs (the first is the title). */
function verdictOf(paragraphs: string[], text: string): string | undefined {
  const page = paragraphs.join('\n\n');
  const report = buildReport(
    { url: 'https://example.org/', title: paragraphs[0] as string },
    analyzeText(page, paragraphs[0] as string, story, '', lexicon),
    story,
  );
  const found = report.figures.filter((f) => f.text === text);
  return found[found.length - 1]?.verdict;
}
const TITLE = 'Kestrel Smelter: Arvo Metals goes ahead';

/** The context of the figure `figureText` of a one-block text. */
function contextOf(text: string, figureText: string) {
  const found = recognizeBlock(text);
  const i = found.figures.findIndex((f) => f.text === figureText);
  const sentences = sentenceSpans(text);
  const figure = found.figures[i];
  if (!figure) throw new Error(`no figure "${figureText}"`);
  const s = sentences.findIndex((x) => x.start <= figure.start && figure.end <= x.end);
  return figureContext(
    { text, sentences, figures: found.figures, mentions: [] },
    i,
    Math.max(0, s),
  );
}

describe('words of other languages’ mining news', () => {
  it('read as the English words: spodumene, oxide, households, remaining', () => {
    expect(translate('espodumena')?.english).toBe('spodumene');
    expect(translate('óxido')?.english).toBe('oxide');
    expect(translate('agregados')?.english).toBe('household');
    expect(translate('restantes')?.english).toBe('remaining');
  });
  it('count what the English units count: delegates, households, tonnes, states', () => {
    expect(countClass('delegados')).toBe(countClass('delegates'));
    expect(countClass('agregados familiares')).toBe(countClass('households'));
    expect(countClass('ton')).toBe(countClass('tonnes'));
    expect(countClass('stater')).toBe(countClass('countries'));
  });
});

describe('a page’s ordinary word for the words of a source’s name', () => {
  it('carries the skeleton the word has as a name', () => {
    const tokens = tokenize('the community trust', 0, 19, [], new Set([0]));
    expect(tokens.find((t) => t.surface === 'community')?.alias).toBe(
      termOf('Community', true, true),
    );
    // A name is its skeleton already; a short word has none.
    expect(tokenize('a Community trust', 0, 17, [], new Set([0]))[0]?.alias).toBeUndefined();
    expect(tokenize('the trust', 0, 9, [], new Set([0]))[0]?.alias).toBeUndefined();
  });
});

describe('a copyright notice’s year', () => {
  it('is the page’s own date', () => {
    expect(contextOf('© 2026 Harbour Daily Media, Ltd.', '2026').dateline).toBe(true);
    expect(contextOf('Copyright 2019–2026 Harbour Daily', '2026').dateline).toBe(true);
    expect(contextOf('Production will start in 2026 at the smelter.', '2026').dateline).toBe(false);
  });
});

describe('another amount’s currency', () => {
  it('names no country the figure is of', () => {
    const context = contextOf(
      'The bank approved US$300m, about 45% of the US$640m capex, on Tuesday.',
      '45%',
    );
    expect(context.terms.has('united-states')).toBe(false);
    expect(context.near).toEqual([]);
  });
});

describe('a "-ment" noun and its verb', () => {
  it('read as one term', () => {
    expect(termOf('agreed', false)).toBe(termOf('agreement', false));
  });
});

describe('a count of people', () => {
  it('is not a claim’s count of people by the noun alone', () => {
    expect(
      verdictOf(
        [TITLE, 'A country with 30 million people cannot build its future on one mine, he said.'],
        '30 million people',
      ),
    ).toBe('unverified');
    expect(
      verdictOf(
        [TITLE, 'Arvo Metals will employ 700 people permanently at the smelter.'],
        '700 people',
      ),
    ).toBe('contradicted');
  });
});

describe('countries for a source’s member states', () => {
  it('agree with them, and are never called wrong by them', () => {
    expect(
      verdictOf(
        [TITLE, 'Arvo Metals is owned by seven countries, and each wants the smelter built.'],
        'seven countries',
      ),
    ).toBe('supported');
    expect(
      verdictOf(
        [TITLE, 'Arvo Metals is owned by nine countries, and each wants the smelter built.'],
        'nine countries',
      ),
    ).toBe('unverified');
  });
});

describe('a figure that restates an earlier one', () => {
  it('speaks of that one’s claim', () => {
    expect(
      verdictOf(
        [
          TITLE,
          'Early reports spoke of more; the figure in the bank’s own announcement for the Kestrel Smelter loan is $300 million, so call it roughly $0.3 billion.',
        ],
        '$0.3 billion',
      ),
    ).toBe('supported');
  });

  it('gets a list of matched words of its own, not the earlier figure’s', () => {
    const paragraphs = [
      TITLE,
      'The bank’s own announcement for the Kestrel Smelter loan says $300 million, so call it roughly $0.3 billion.',
    ];
    const report = buildReport(
      { url: 'https://example.org/', title: TITLE },
      analyzeText(paragraphs.join('\n\n'), TITLE, story, '', lexicon),
      story,
    );
    const earlier = report.figures.find((f) => f.text === '$300 million');
    const restating = report.figures.find((f) => f.text === '$0.3 billion');
    expect(restating?.attribute).toBe(earlier?.attribute);
    expect(restating?.matched).toEqual(earlier?.matched);
    expect(restating?.matched).not.toBe(earlier?.matched);
  });
});

describe('a page about another thing that names the story in passing', () => {
  it('keeps its own fact box’s figures', () => {
    expect(
      verdictOf(
        [
          'Lithium news',
          'The Tembo mine, owned by Sala Resources, is a big project.',
          'First production\t2029',
          'Elsewhere, Arvo Metals approved the Kestrel Smelter last week.',
        ],
        '2029',
      ),
    ).toBe('unverified');
  });
});

/** The verdict of `text` on a page of `paragraphs`, against a story of its own sources. */
function verdictIn(
  story: { names: ListedName[]; sources: { file: string; text: string }[] },
  paragraphs: string[],
  text: string,
  lang = '',
): string | undefined {
  const lex = lexiconOfNames(story.names);
  const facts = indexFacts(
    buildFactBase(story.sources, { lexicon: lex, idPrefix: 'source' }).facts,
  );
  const page = paragraphs.join('\n\n');
  const report = buildReport(
    { url: 'https://example.org/', title: paragraphs[0] as string },
    analyzeText(page, paragraphs[0] as string, facts, lang, lex),
    facts,
  );
  return report.figures.filter((f) => f.text === text).pop()?.verdict;
}

describe('a key word another claim shares by chance', () => {
  // An offtake stated with "output", a fact box's grade with "concentrate"; a page says the
  // buyer "has agreed to take 60% of the concentrate". The grade's claim shares the key word but
  // is far behind the offtake's on everything else.
  const graphite = {
    names: [
      { id: 'pellam', name: 'Pellam Graphite', aliases: [], bundled: false, enabled: true },
      { id: 'corva', name: 'Corva Mining', aliases: [], bundled: false, enabled: true },
    ],
    sources: [
      {
        file: 'a.txt',
        text:
          'Corva Mining signs Pellam offtake\ndate 2026-02-10\n' +
          'Corva Mining said on Tuesday that it had signed an offtake agreement with Japan’s Tesso Anodes, a maker of battery parts, covering 60% of the Pellam Graphite mine’s output for the first five years of production. ' +
          'The rest will be sold on the spot market. The mine will ship its first concentrate in 2028 and reach 50,000 tonnes of concentrate a year by 2030. ' +
          'Trucks will carry the concentrate 300 kilometres to the port.',
      },
      {
        file: 'b.txt',
        text:
          'Pellam Graphite at a glance\ndate 2026-02-12\n| Item | Detail |\n|---|---|\n' +
          '| Owner | Corva Mining |\n| Product | Graphite concentrate, 94% carbon |\n| Output | 50,000 tonnes a year |\n',
      },
    ],
  };
  it('does not take the figure from the claim the page speaks of', () => {
    expect(
      verdictIn(
        graphite,
        [
          'Pellam Graphite: Corva Mining goes ahead',
          'At full rate the mine should earn about $90 million a year from exports, mostly to the Japanese battery parts maker Tesso Anodes, which has agreed to take 60% of the concentrate.',
        ],
        '60%',
      ),
    ).toBe('supported');
  });
});

describe('a company named after its kind word', () => {
  // Other languages write the kind word first ("la empresa Nordvik", "bolaget Nordvik", and
  // Swedish compounds it with a town: "Umeåbolaget Nordvik"): the name is another thing.
  it('is another thing the sentence names', () => {
    const nordvik = termOf('Nordvik', true);
    for (const text of [
      'La empresa Nordvik contratará trabajadores en 2027.',
      'Für die Firma Nordvik bedeutet das neue Mitarbeiter ab 2027.',
      'För Umeåbolaget Nordvik betyder det nya medarbetare från 2027.',
    ]) {
      expect([...contextOf(text, '2027').block.names]).toContain(nordvik);
    }
    // A word of the language after the kind word is no name: "das Unternehmen Investitionen".
    expect(
      contextOf('Damit plant das Unternehmen Investitionen ab 2027.', '2027').block.names.size,
    ).toBe(0);
  });
  it('keeps its jobs from being read as the story’s', () => {
    const story = {
      names,
      sources: [
        {
          file: 'a.txt',
          text:
            'Arvo Metals wins loan for Kestrel Smelter\ndate 2026-01-28\n' +
            'Arvo Metals said the $300 million loan completes the financing of the Kestrel Smelter. ' +
            'Orders for equipment and engineering services will support about 350 jobs in Sweden, mostly at suppliers in the north, the company said.',
        },
      ],
    };
    expect(
      verdictIn(
        story,
        [
          TITLE,
          'Ett lån på 300 miljoner dollar gör att Arvo Metals kan bygga Kestrel Smelter. För Umeåbolaget Nordvik betyder det en order värd 90 miljoner kronor och omkring 40 nya medarbetare.',
        ],
        '40 nya medarbetare',
        'sv',
      ),
    ).toBe('unverified');
  });
});

describe('a watched name shortened', () => {
  // "The Arvo group" for Arvo Metals: the sources write the word in the watched name only, which
  // claims hold as the entity. It names the story's thing, not another one.
  it('names no other thing', () => {
    const employ = (name: string) =>
      verdictOf(
        [
          TITLE,
          `The ${name} group only works if the smelter runs at full rate. It expects the smelter to employ 700 people permanently.`,
        ],
        '700 people',
      );
    expect(employ('Arvo')).toBe('contradicted');
    expect(employ('Nordvik')).toBe('unverified');
  });
});

describe('countries for member states beside another count of countries', () => {
  // The sources count the lender's member states and a summit's countries: "owned by seven
  // countries" is the states' count, though "countries" is the summit's word.
  it('agree with the states', () => {
    const story = {
      names: [
        { id: 'kestrel', name: 'Kestrel Smelter', aliases: [], bundled: false, enabled: true },
        {
          id: 'hdb',
          name: 'Harbour Development Bank',
          aliases: ['HDB'],
          bundled: false,
          enabled: true,
        },
      ],
      sources: [
        {
          file: 'a.txt',
          text:
            'HDB lends to Kestrel Smelter\ndate 2026-01-28\n' +
            'The Harbour Development Bank approved a $300 million loan for the Kestrel Smelter. ' +
            'The lender, owned by 7 member states, had previously focused on roads and ports; its president has said the bank wants metals to become a harbour industry. ' +
            'The HDB, which is owned by 7 member states, said the loan was the largest it had approved. ' +
            'The approval was announced at a summit that brought together delegations from 24 countries.',
        },
      ],
    };
    expect(
      verdictIn(
        story,
        [
          'Kestrel Smelter: HDB loan',
          'The HDB is owned by seven countries, and every one of them wants the smelter built.',
        ],
        'seven countries',
      ),
    ).toBe('supported');
  });
});
