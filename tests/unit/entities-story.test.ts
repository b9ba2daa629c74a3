/**
 * The lexicon of a story (src/core/entities/story.ts) and the pre-check of watched names
 * (watched.ts): what the CLI, the background and the content script all build their mentions with.
 */
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_LEXICON,
  type EntityDefinition,
  lexiconOf,
  lexiconOfNames,
  storyLexicon,
  watchedEntity,
} from '../../src/core/entities';

const SCDB = {
  id: 'scdb',
  name: 'Southern Corridor Development Bank',
  aliases: ['S.C.D.B.', 'SCDB'],
};
const TAI_HILLS = { id: 'tai-hills', name: 'Tai Hills', aliases: ['Tai Hills project'] };
const ONEIL = { id: 'oneil', name: "O'Neil Mining", aliases: ['Kivu-Tanzania Mining'] };

describe('the lexicon of a story', () => {
  it('is the bundled lexicon itself with all three bundled and no name of ones own', () => {
    expect(storyLexicon('all', [])).toBe(BUNDLED_LEXICON);
    expect(storyLexicon(new Set(['reko-diq', 'exim', 'barrick']), [])).toBe(BUNDLED_LEXICON);
  });

  it('leaves out the bundled names switched off, and adds the journalist’s', () => {
    const lexicon = lexiconOfNames([
      { id: 'reko-diq', name: 'Reko Diq', aliases: [], bundled: true, enabled: true },
      { id: 'exim', name: 'EXIM', aliases: [], bundled: true, enabled: false },
      { id: 'barrick', name: 'Barrick', aliases: [], bundled: true, enabled: true },
      { ...SCDB, bundled: false, enabled: true },
      { ...ONEIL, bundled: false, enabled: false },
    ]);
    const found = lexicon.find('EXIM, Reco Diq, the SCDB and O’Neil Mining').map((m) => m.entity);
    expect(found).toEqual(['reko-diq', 'scdb']);
  });
});

describe('the pre-check of a watched name', () => {
  it('is the start of each spelling’s first word, up to a dash or apostrophe', () => {
    expect(watchedEntity(SCDB).precheck).toEqual(['sout', 's\\.c\\.', 'scdb']);
    // Longest spelling first, as the pattern tries them.
    expect(watchedEntity(ONEIL).precheck).toEqual(['kivu', 'o']);
  });

  it('lets through every spelling, however the page writes its dashes and apostrophes', () => {
    const lexicon = storyLexicon('all', [SCDB, ONEIL]);
    for (const [text, entity] of [
      ['Funds from the S.C.D.B. arrived.', 'scdb'],
      ['The Southern\u00a0Corridor Development Bank said so.', 'scdb'],
      ['O’Neil Mining said so.', 'oneil'],
      ['KivuTanzania Mining said so.', 'oneil'],
      ['Kivu–Tanzania Mining said so.', 'oneil'],
    ] as const) {
      expect(
        lexicon.find(text).map((m) => m.entity),
        text,
      ).toEqual([entity]);
    }
  });

  it('turns away a paragraph of common words that only a name’s later words share', () => {
    const lexicon = storyLexicon(new Set(), [SCDB]);
    expect(lexicon.find('The development bank of the southern region.')).toEqual([]);
    // The pre-check is of the first word: a text without it is not scanned at all.
    const precheck = new RegExp(watchedEntity(SCDB).precheck!.join('|'), 'i');
    expect(precheck.test('A development bank and a corridor.')).toBe(false);
  });
});

describe('the pre-check of a lexicon of bundled and watched names', () => {
  const TAI = TAI_HILLS;

  it('keeps the bundled names’ own stems: the common words of their long spellings let nothing through', () => {
    // "Export-Import Bank of the United States", "Barrick Gold Corporation", "Reko Diq Mining
    // Company": their words ("the", "bank", "united", "gold", "mining") are in most paragraphs.
    const lexicon = BUNDLED_LEXICON.with([watchedEntity(SCDB)]);
    for (const text of [
      'The bank of the United States said the mining company would sell gold.',
      'A state corporation imports copper.',
    ]) {
      expect(lexicon.mayMention(text), text).toBe(false);
    }
    expect(lexicon.mayMention('The Ex-Im board met.')).toBe(true);
    expect(
      lexicon.find('Reko Diq, Export-Import Bank and Barrick Gold').map((m) => m.entity),
    ).toEqual(['reko-diq', 'exim', 'barrick']);
  });

  it('looks for a stem at a word start only, where a mention starts', () => {
    const lexicon = BUNDLED_LEXICON.with([watchedEntity(TAI)]);
    expect(lexicon.mayMention('It is certain that they will maintain and retain it.')).toBe(false);
    expect(lexicon.mayMention('Shareholders of Barrick’s rival')).toBe(true);
    for (const text of [
      'Tai Hills said so.',
      '(Tai Hills) said so.',
      '“Tai\u00a0Hills” said so.',
    ]) {
      expect(
        lexicon.find(text).map((m) => m.entity),
        text,
      ).toEqual(['tai-hills']);
    }
    expect(lexicon.find('Al-Tai Hills said so.')).toEqual([]);
  });
});

describe('a lexicon in parts (the bundled names, one’s own)', () => {
  // Two watched names that overlap the bundled ones: the order of the one combined pattern (the
  // bundled first) decides between them, in parts as in one.
  const OWN = [
    { id: 'barrick-gold-mine', name: 'Barrick Gold Mine', aliases: [] },
    { id: 'reko-hills', name: 'Reko Hills', aliases: ['Reko Diq Hills'] },
    TAI_HILLS,
    SCDB,
  ];

  /** Mentions as one pattern of every entity finds them (no look-alike on these texts). */
  function inOnePattern(entities: readonly EntityDefinition[], text: string): string[] {
    const one = new RegExp(
      `(?<![\\w-])(?:${entities.map((e) => `(${e.spellings})`).join('|')})`,
      'gi',
    );
    const out: string[] = [];
    for (let m = one.exec(text); m !== null; m = one.exec(text)) {
      const i = m.slice(1).findIndex((g) => g !== undefined);
      out.push(`${entities[i]?.id}@${m.index}:${m[0]}`);
    }
    return out;
  }

  it('finds what one pattern of all of them finds, whichever parts a text names', () => {
    const lexicon = BUNDLED_LEXICON.with(OWN.map(watchedEntity));
    for (const text of [
      'Reko Diq and the US Export-Import Bank agreed.',
      'Tai Hills and the SCDB agreed.',
      'Barrick Gold Mine workers and Reko Diq Hills residents met the SCDB; Barrick Gold said so.',
      'Reko Hills is not Reko Diq, and Tai Hills is neither.',
      // A watched name's stem before a bundled name's, then the other way round: whichever part
      // a text's first stem is of, every part it names is looked for.
      'Tai Hills first, then Barrick Gold and the SCDB.',
      'Taipei, not Tai Hills: Barrick Gold Mine and Reko Diq.',
      'Ex-Im Bank, then Tai Hills.',
      'Nothing named here at all.',
    ]) {
      const found = lexicon.find(text).map((m) => `${m.entity}@${m.start}:${m.text}`);
      expect(found, text).toEqual(inOnePattern(lexicon.entities, text));
    }
  });

  it('keeps its parts when bundled names are switched off', () => {
    const lexicon = storyLexicon(new Set(['barrick']), OWN);
    expect(lexicon.entities.map((e) => e.id)).toEqual(['barrick', ...OWN.map((o) => o.id)]);
    const text = 'Barrick Gold Mine and Barrick Gold; Reko Diq Hills; Tai Hills.';
    expect(lexicon.find(text).map((m) => `${m.entity}@${m.start}:${m.text}`)).toEqual(
      inOnePattern(lexicon.entities, text),
    );
  });
});

describe('a watched name with a genitive "s"', () => {
  it('is the name, as Swedish, German and Dutch write it; a longer word is not', () => {
    const lexicon = lexiconOf([
      watchedEntity({ id: 'lindqvist', name: 'Lindqvist', aliases: ['Lindqvist Resources'] }),
    ]);
    const texts = (t: string) => lexicon.find(t).map((m) => t.slice(m.start, m.end));
    expect(texts('Lindqvists aktie steg efter beskedet.')).toEqual(['Lindqvists']);
    expect(texts('Lindqvist Resources and Lindqvist’s shares')).toEqual([
      'Lindqvist Resources',
      'Lindqvist',
    ]);
    expect(texts('Lindqvistson is another company.')).toEqual([]);
  });
});
