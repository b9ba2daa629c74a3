/**
 * A table's unit stated once, in its caption or its first header cell (src/core/figures/
 * table-units.ts), read into the numbers of its rows — by the CLI's blocks (a saved page's HTML)
 * as by the text the content script walks (rows as blocks, cells joined by tabs).
 */
import { describe, expect, it } from 'vitest';
import { tableCellFigures, tableUnitOf } from '../../src/core/figures/table-units';
import { findFigures } from '../../src/core/figures';
import { analyzeText } from '../../src/core/report/analyze';
import { htmlTextBlocks } from '../../src/cli/html-text';

const rows = (text: string, lang: string) =>
  analyzeText(text, '', null, lang).figures.map((f) => [f.text, f.kind, f.value, f.unit]);

describe('the unit a table states', () => {
  it('is read from the words of a caption or a header cell, in the page language', () => {
    expect(tableUnitOf('Presupuesto por sector (cifras en billones de pesos)', 'es-CO')).toBe(
      'billones de pesos',
    );
    expect(tableUnitOf('in Mio. Euro', 'de')).toBe('Mio. Euro');
    expect(tableUnitOf("Évolution démographique (nombre d'habitants)", 'fr')).toBe('habitants');
  });

  it('is none where the words state no amount, or would drop its scale', () => {
    expect(tableUnitOf('Nantes', 'fr')).toBeNull();
    expect(tableUnitOf('Jobs (thousands)', 'en')).toBeNull();
    // "dollars" alone reads, but the millions would be lost.
    expect(tableUnitOf('in millions of dollars', 'en')).toBeNull();
    expect(tableUnitOf('Sector (2025)', 'es')).toBeNull();
  });

  it('makes a figure of each cell holding a number alone, and leaves the others', () => {
    const row = 'Educación\t70,5\t78,1\t10,8 %';
    const own = findFigures(row, false, { lang: 'es-CO' });
    expect(
      tableCellFigures(row, own, 'billones de pesos', 'es-CO').map((f) => [
        row.slice(f.start, f.end),
        f.kind,
        f.value,
        f.unit,
      ]),
    ).toEqual([
      ['70,5', 'money', 70.5e12, 'COP'],
      ['78,1', 'money', 78.1e12, 'COP'],
    ]);
    // A header row of years stays years; four ungrouped digits are no amount.
    expect(tableCellFigures('1793\t1851\t1901', [], 'habitants', 'fr')).toEqual([]);
  });
});

describe('a table in a page', () => {
  it('reads its rows in the unit its caption states, until the table ends', () => {
    const text = [
      'Presupuesto por sector (cifras en billones de pesos)',
      'Sector\t2025\t2026\tVariación',
      'Educación\t70,5\t78,1\t10,8 %',
      'El Gobierno presentó el proyecto en julio.',
      'Salud\t56,4\t60,2',
    ].join('\n');
    expect(rows(text, 'es-CO')).toEqual([
      ['2025', 'year', 2025, 'year'],
      ['2026', 'year', 2026, 'year'],
      ['70,5', 'money', 70.5e12, 'COP'],
      ['78,1', 'money', 78.1e12, 'COP'],
      ['10,8 %', 'percent', 10.8, '%'],
    ]);
  });

  it('reads a unit its first header cell states, and keeps what a row header names', () => {
    const text = [
      'in Mio. Euro\t2025\t2024',
      'Umsatz\t128.712\t133.240',
      'Beschäftigte\t176.400\t181.900',
    ].join('\n');
    expect(rows(text, 'de-DE')).toEqual([
      ['2025', 'year', 2025, 'year'],
      ['2024', 'year', 2024, 'year'],
      ['128.712', 'money', 128_712e6, 'EUR'],
      ['133.240', 'money', 133_240e6, 'EUR'],
      ['176.400', 'count', 176_400, 'beschäftigte'],
      ['181.900', 'count', 181_900, 'beschäftigte'],
    ]);
  });

  it('is read so from a saved page, caption and cells', () => {
    const html =
      '<html lang="fr"><body><table><caption>Évolution (nombre d’habitants)</caption>' +
      '<tr><th>1901</th><th>2022</th></tr><tr><td>132&nbsp;990</td><td>323&nbsp;204</td></tr>' +
      '</table><p>Nantes grandit.</p></body></html>';
    const text = htmlTextBlocks(html).join('\n');
    expect(rows(text, 'fr')).toEqual([
      ['1901', 'year', 1901, 'year'],
      ['2022', 'year', 2022, 'year'],
      ['132 990', 'count', 132_990, 'habitants'],
      ['323 204', 'count', 323_204, 'habitants'],
    ]);
  });
});
