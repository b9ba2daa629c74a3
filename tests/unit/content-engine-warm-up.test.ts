/**
 * The engine's warm-up (src/content/engine-warm-up.ts) must run the code a page's first paint
 * runs: its texts must name the watched entities and hold figures of every kind the recognizers
 * read, and every figure must be matched with its claim and compared (supported by the facts the
 * texts' own build gives). A warm-up that the engine stopped reading would warm nothing and still
 * pass silently in the browser; here it fails.
 */
import { describe, expect, it } from 'vitest';
import { warmUpEngine, warmUpTexts } from '../../src/content/engine-warm-up';
import { BUNDLED_LEXICON, lexiconOfNames } from '../../src/core/entities';
import { recognizeBlock } from '../../src/core/report/analyze';

describe('engine warm-up', () => {
  it('names the first watched entity and finds a figure of every kind', () => {
    const texts = warmUpTexts('Reko Diq');
    const found = texts.map((t) => recognizeBlock(t, 'en', BUNDLED_LEXICON));
    expect(found.map((r) => r.mentions.map((m) => m.entity))).toEqual([['reko-diq'], ['reko-diq']]);
    const kinds = new Set(found.flatMap((r) => r.figures.map((f) => f.kind)));
    expect([...kinds].sort()).toEqual(['count', 'money', 'percent', 'year']);
  });

  it('matches and compares every figure against its own facts', () => {
    expect(warmUpEngine('en', BUNDLED_LEXICON)).toBe(6);
    expect(warmUpEngine('', BUNDLED_LEXICON)).toBe(6);
  });

  it("names the journalist's own story when the bundled names are off", () => {
    const lexicon = lexiconOfNames([
      { id: 'tembo-hills', name: 'Tembo Hills', aliases: [], bundled: false, enabled: true },
    ]);
    const texts = warmUpTexts(lexicon.entities[0]?.label ?? '');
    expect(texts.map((t) => recognizeBlock(t, '', lexicon).mentions.map((m) => m.entity))).toEqual([
      ['tembo-hills'],
      ['tembo-hills'],
    ]);
    expect(warmUpEngine('', lexicon)).toBe(6);
  });

  it("runs in other languages' number conventions", () => {
    for (const lang of ['fr', 'de', 'es', 'pt-BR', 'it', 'ur']) {
      expect(warmUpEngine(lang, BUNDLED_LEXICON)).toBeGreaterThan(0);
    }
  });
});
