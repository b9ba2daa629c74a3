/**
 * Counts on Spanish, Portuguese, French and German pages by their plural noun (src/core/figures/
 * plural-nouns.ts), not only by the listed nouns of languages.ts; and what such an ending does not
 * make a count.
 */
import { describe, expect, it } from 'vitest';
import { summary } from './figure-rows';

describe('plural nouns count on Spanish, Portuguese and French pages', () => {
  it('reads any lower-case plural noun after a number as what it counts', () => {
    expect(summary('El Betis cerró 2025 con 38.000 abonados, un récord.', 'es-ES')).toEqual([
      ['2025', 'year', 2025, 'year'],
      ['38.000 abonados', 'count', 38_000, 'abonados'],
    ]);
    expect(summary('Marcó 11 goles más que el año pasado ante 52.318 espectadores.', 'es')).toEqual(
      [
        ['11 goles', 'count', 11, 'goles'],
        ['52.318 espectadores', 'count', 52_318, 'espectadores'],
      ],
    );
    expect(
      summary('La liste obtient 29 845 voix et 61 sièges ; 1 146 avions livrés.', 'fr'),
    ).toEqual([
      ['29 845 voix', 'count', 29_845, 'voix'],
      ['61 sièges', 'count', 61, 'sièges'],
      ['1 146 avions', 'count', 1_146, 'avions'],
    ]);
    expect(summary('A plataforma produz 180 mil barris por dia.', 'pt-BR')).toEqual([
      ['180 mil barris', 'count', 180_000, 'barris'],
    ]);
  });

  it('takes an adjective written before the noun with it, and numbers in words', () => {
    expect(summary('Prevé 2 000 nouvelles embauches et huit titres.', 'fr')).toEqual([
      ['2 000 nouvelles embauches', 'count', 2_000, 'embauches'],
      ['huit titres', 'count', 8, 'titres'],
    ]);
    expect(summary('Abrirá 2 nuevos estadios.', 'es')).toEqual([
      ['2 nuevos estadios', 'count', 2, 'estadios'],
    ]);
  });

  it('does not count durations, measures, points, dates, function words or names', () => {
    for (const [text, lang] of [
      ['Hace 12 años que juega y corre 100 kilómetros, 3 veces por semana.', 'es'],
      ['Depuis 30 ans, 3 fois par an, à 18 heures, le 15 mars.', 'fr'],
      ['Há 12 anos, 3 vezes, 20 graus.', 'pt'],
      ['Con 41 puntos, el viernes 15 martes.', 'es'],
      ['Los 40 Principales sonaron; 500 de los socios.', 'es'],
      ['Ils étaient 3 dans la salle, 2 plus tard.', 'fr'],
    ] as const) {
      expect(summary(text, lang).filter((r) => r[1] === 'count')).toEqual([]);
    }
  });

  it('reads a number run on into a dot and digits as a code or a date, not a figure', () => {
    // "49" would carry the noun counted before it (carry.ts).
    expect(summary('Il reste 289 emplois sur 577, et le 49.3 a servi.', 'fr')).toEqual([
      ['289 emplois', 'count', 289, 'emplois'],
      ['577', 'count', 577, 'emplois'],
    ]);
    expect(summary('Version 1.2.3 ships today.')).toEqual([]);
    expect(summary('Am 15.03.2026 um 10 Uhr.', 'de')).toEqual([['2026', 'year', 2026, 'year']]);
  });

  it('leaves English as it was, and German reads its listed nouns first', () => {
    expect(summary('He sold 12 cars and 3 trucks.')).toEqual([
      ['12 cars', 'count', 12, 'cars'],
      ['3 trucks', 'count', 3, 'trucks'],
    ]);
    // German: a listed count noun ("Arbeitsplätze") as the lexicon writes it, any other as written.
    expect(summary('Rund 40.000 Besucher und 11.500 Arbeitsplätze.', 'de')).toEqual([
      ['40.000 Besucher', 'count', 40_000, 'Besucher'],
      ['11.500 Arbeitsplätze', 'count', 11_500, 'arbeitsplätze'],
    ]);
  });

  it('reads a capitalized plural noun after a number on a German page', () => {
    expect(
      summary('Rund 40.000 Besucher kamen, 25 zusätzliche Straßenbahnen fuhren.', 'de-DE'),
    ).toEqual([
      ['40.000 Besucher', 'count', 40_000, 'Besucher'],
      ['25 zusätzliche Straßenbahnen', 'count', 25, 'Straßenbahnen'],
    ]);
    expect(summary('Der Rat stimmte mit 29 Stimmen bei 3 Enthaltungen zu.', 'de')).toEqual([
      ['29 Stimmen', 'count', 29, 'Stimmen'],
      ['3 Enthaltungen', 'count', 3, 'Enthaltungen'],
    ]);
    expect(summary('Der Konzern hat 95.000 Beschäftigten in 60 Ländern.', 'de')).toEqual([
      ['95.000 Beschäftigten', 'count', 95_000, 'Beschäftigten'],
      ['60 Ländern', 'count', 60, 'Ländern'],
    ]);
  });

  it('does not count German measures, times, references, acronyms or a new sentence', () => {
    for (const text of [
      'Um 15 Uhr, mit 45 Jahren, nach 3 Monaten, 100 Meter weit, mit 1,9 Promille.',
      'Die Linie 11 Richtung Zentrum; Artikel 5 Absatz 2 gilt.',
      'Die 3 EU-Staaten und 2 VW; so war es 2025 Die Besucher gingen.',
    ]) {
      expect(summary(text, 'de').filter((r) => r[1] === 'count')).toEqual([]);
    }
  });
});
