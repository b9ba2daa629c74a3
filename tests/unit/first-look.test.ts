/**
 * The content script's first look at a block (src/content/analysis-cache.ts `firstLook`) leaves a
 * paragraph's figures unread. That is only right if what it does read says the same as reading
 * them would: a block with a figure is kept (mayHaveFigures says yes whenever findFigures finds
 * one), and a block called prose (isProse) has the role 'text' whatever figures it holds.
 * Checked on every block of every corpus page (all splits, all languages) and on made-up texts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { htmlTextBlocks } from '../../src/cli/html-text';
import {
  findFigures,
  firstFigurePlace,
  FIGURE_START_REACH,
  mayHaveFigures,
} from '../../src/core/figures';
import { recognizeBlock, scanBlock } from '../../src/core/report/analyze';
import { blockRole, isProse, isProseBefore, LABEL_MAX } from '../../src/core/text/labels';
import { firstLook, setPageLanguage } from '../../src/content/analysis-cache';
import type { Figure } from '../../src/core/types';

const CORPUS = join(__dirname, '..', 'corpus');

function corpusPages(): { name: string; html: string; lang: string }[] {
  const pages: { name: string; html: string; lang: string }[] = [];
  for (const split of ['pages', 'heldout/pages', 'offstory/pages', 'story2/pages']) {
    const dir = join(CORPUS, split);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(dir, file), 'utf8');
      const lang = /<html[^>]*\slang="([^"]*)"/i.exec(html)?.[1] ?? '';
      pages.push({ name: `${split}/${file}`, html, lang });
    }
  }
  return pages;
}

describe('a first look says what reading the figures would', () => {
  const pages = corpusPages();

  it('reads some pages of every split', () => {
    expect(pages.length).toBeGreaterThan(50);
  });

  it('keeps every block that holds a figure, and calls prose only what blockRole calls text', () => {
    let blocks = 0;
    let scanned = 0;
    for (const { name, html, lang } of pages) {
      setPageLanguage(lang);
      for (const text of htmlTextBlocks(html)) {
        blocks++;
        const found = recognizeBlock(text, lang);
        const look = firstLook(text);
        const role = blockRole(text, found.figures);
        const context = `${name}: ${text.slice(0, 80)}`;
        expect(look.role, context).toBe(role);
        if (found.figures.length > 0 || found.mentions.length > 0)
          expect(look.keep, context).toBe(true);
        expect(look.mentions, context).toEqual(found.mentions);
        const scan = scanBlock(text, lang);
        if (scan === null) continue;
        scanned++;
        expect(scan.mentions, context).toEqual(found.mentions);
        if (found.figures.length > 0) expect(scan.mayCount, context).toBe(true);
      }
    }
    setPageLanguage('');
    // Most blocks are taken the short way: the check above is about them.
    expect(scanned).toBeGreaterThan(blocks * 0.8);
  });

  it('finds a place to read a figure wherever findFigures reads one (any text)', () => {
    const pieces = [
      '$1.25 billion',
      '6,000 jobs',
      'one',
      'a hundred',
      'half',
      '25 per cent',
      'US$',
      'Rs',
      '2028',
      ' the ',
      'mine',
      '.5',
      '%',
      '€',
      'twenty-five',
      'million',
      ', ',
      'bn',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        for (const lang of ['', 'de', 'fr', 'sv']) {
          if (findFigures(text, true, { lang }).length > 0) {
            expect(mayHaveFigures(text, { lang })).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('calls prose by its first letters only what blockRole calls text (any text)', () => {
    const pieces = [
      '$1.25 billion',
      '6,000 jobs',
      'a quarter',
      'a  third',
      '−3.4%',
      'S$5',
      'Rs 15bn',
      'one',
      'half',
      'The',
      ' mine ',
      'Barrick',
      'x',
      ', ',
      '\u00a0'.repeat(40),
      ' '.repeat(30),
      '—',
      'twenty-five thousand dollars',
    ];
    let settled = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { minLength: 8, maxLength: 40 }),
        (parts) => {
          const text = parts.join('');
          for (const lang of ['', 'fr']) {
            const at = firstFigurePlace(text, { lang });
            if (at < 0 || !isProseBefore(text, at - FIGURE_START_REACH)) continue;
            settled++;
            expect(blockRole(text, findFigures(text, true, { lang })), text).toBe('text');
          }
        },
      ),
      { numRuns: 600 },
    );
    expect(settled).toBeGreaterThan(50);
  });

  it('calls no block prose that a lone figure could be', () => {
    const lone: Figure = {
      kind: 'count',
      value: 6000,
      unit: 'jobs',
      text: '6,000',
      start: 0,
      end: 5,
      precision: 500,
    };
    // Long, and hardly a letter: digits and signs (a long run of numbers), not prose.
    const numbers = `6,000 ${'— '.repeat(LABEL_MAX)}`;
    expect(isProse(numbers)).toBe(false);
    expect(blockRole(numbers, [lone])).toBe('figure');
    const paragraph = `${'The mine employs many people in the province. '.repeat(6)}`;
    expect(isProse(paragraph)).toBe(true);
    expect(blockRole(paragraph, [lone])).toBe('text');
    expect(isProse('Short caption')).toBe(false);
    // A figure may start before the place it is read from ("a quarter" from "quarter"): letters
    // counted up to that place would count its "a" as another letter.
    const share = `xxxxxxxx a quarter${' —'.repeat(LABEL_MAX)}`;
    expect(findFigures(share, true).map((f) => f.text)).toEqual(['a quarter']);
    expect(blockRole(share, findFigures(share, true))).toBe('figure');
    expect(isProseBefore(share, firstFigurePlace(share) - FIGURE_START_REACH)).toBe(false);
  });
});
