/**
 * Look-alikes of watched names, as classes: a person who bears a one-word name as a surname (a
 * given name before it, also one that is an English word, after a comma), and a hotel, a lodge or
 * another business named after it. Checked on names of our own, not the corpus's.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED_LEXICON, watchedEntity } from '../../src/core/entities';

const lexicon = BUNDLED_LEXICON.with([
  watchedEntity({ id: 'tembo-hills', name: 'Tembo Hills', aliases: ['Tembo Hill project'] }),
  watchedEntity({ id: 'kaskela', name: 'Kaskela Mining', aliases: ['Kaskela', 'Kaskela Oy'] }),
]);

function found(text: string): string[] {
  return lexicon.find(text).map((m) => `${m.entity}:${m.text}`);
}

describe('a person bearing a one-word watched name', () => {
  it.each<[string, string[]]>([
    ['Kaskela said output would rise, said analyst Mikko Kaskela.', ['kaskela:Kaskela']],
    ['Best regards, Will Kaskela, desk editor', []],
    ['Thanks, May Kaskela', []],
    ['Councillor Anna Kaskela opposed the plan.', []],
    // The company after a descriptor or an adjective of nationality is the company.
    ['Finnish miner Kaskela and Finnish Kaskela both', ['kaskela:Kaskela', 'kaskela:Kaskela']],
    [
      'Shares in Kaskela Oy rose; Kaskela Mining fell.',
      ['kaskela:Kaskela Oy', 'kaskela:Kaskela Mining'],
    ],
    // A name of more than one word is not a surname.
    ['Visit Tembo Hills next year.', ['tembo-hills:Tembo Hills']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('leaves the bundled rule for Barrick as it was', () => {
    expect(found('Sarah Barrick met Barrick Gold.')).toEqual(['barrick:Barrick Gold']);
    expect(found('Per Barrick, the deal is done.').length).toBe(1);
  });
});

describe('a business or building named after a watched name', () => {
  it.each<[string, string[]]>([
    ['Rooms at the Tembo Hills Lodge start at $90.', []],
    ['The Kaskela Hotel and Kaskela Stadium', []],
    ['Tembo Hills Hospital treated the injured near Tembo Hills.', ['tembo-hills:Tembo Hills']],
    ['The Tembo Hill project will start in 2027.', ['tembo-hills:Tembo Hill project']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('a table cell or a line before a name is no given name', () => {
  it.each<[string, string[]]>([
    ['Holder\tBarrick 50%', ['barrick:Barrick']],
    ['Malawi\tKaskela 60%\t2029', ['kaskela:Kaskela']],
    ['Operator\nKaskela', ['kaskela:Kaskela']],
    // Spaces are still read as they were.
    ['Mikko Kaskela', []],
    ['Sarah Barrick', []],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});
