import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findMentions } from '../../src/core/entities';

const found = (text: string) => findMentions(text).map((m) => `${m.entity}:${m.text}`);

describe('findMentions: spellings reporting uses', () => {
  it.each([
    ['Reko Diq', 'reko-diq:Reko Diq'],
    ['Reco Diq', 'reko-diq:Reco Diq'],
    ['Reko Dig', 'reko-diq:Reko Dig'],
    ['the Reco Dig project', 'reko-diq:Reco Dig'],
    ['REKO DIQ', 'reko-diq:REKO DIQ'],
    ['Reko Diq Mining Company said', 'reko-diq:Reko Diq Mining Company'],
    ['EXIM', 'exim:EXIM'],
    ['Exim’s project financing', 'exim:Exim'],
    ['the Ex-Im Bank', 'exim:Ex-Im Bank'],
    ['US EXIM Bank', 'exim:US EXIM Bank'],
    ['the U.S. Export-Import Bank', 'exim:U.S. Export-Import Bank'],
    ['US Export–Import Bank', 'exim:US Export–Import Bank'],
    ['The US Export Import Bank’s loan', 'exim:US Export Import Bank'],
    ['the Export-Import Bank of the United States', 'exim:Export-Import Bank of the United States'],
    ['Barrick', 'barrick:Barrick'],
    ['Canada’s Barrick Gold (50%)', 'barrick:Barrick Gold'],
    ['Barrick Gold Corp. said', 'barrick:Barrick Gold Corp.'],
    ['Barrick Mining Corporation', 'barrick:Barrick Mining Corporation'],
    ['Canadian miner Barrick', 'barrick:Barrick'],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it('finds both names in "The US Export-Import Bank (EXIM)"', () => {
    expect(found('The US Export-Import Bank (EXIM) approved')).toEqual([
      'exim:US Export-Import Bank',
      'exim:EXIM',
    ]);
  });
});

describe('findMentions: what a page does to a name', () => {
  it('matches through NBSP, soft hyphens and line breaks, with offsets into the original', () => {
    const text = 'At Re\u00adko\u00a0Diq, Barrick\nGold and the Ex\u00ad-Im Bank';
    const mentions = findMentions(text);
    expect(mentions.map((m) => m.text)).toEqual(['Reko Diq', 'Barrick Gold', 'Ex-Im Bank']);
    for (const m of mentions) {
      expect(
        text
          .slice(m.start, m.end)
          .replace(/\u00ad/g, '')
          .replace(/\s/g, ' '),
      ).toBe(m.text);
    }
  });
});

describe('findMentions: look-alikes', () => {
  it.each([
    'the Export-Import Bank of China lent',
    'China Exim and India Exim Bank',
    'China’s Exim Bank',
    'Korea Exim financed',
    'an eximious result',
    'the EXIM-200 module',
    'Sarah Barrick lives on Barrick Street',
    'Mr Barrick and Dr. Barrick',
    'turn left onto Barrick Road',
    'Barrick, she said, teaches',
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('still finds the US bank beside a look-alike', () => {
    expect(found('Unlike China Exim, the US Ex-Im Bank lends')).toEqual(['exim:US Ex-Im Bank']);
  });
});

describe('findMentions: robustness', () => {
  it('never throws, and every span matches its text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.constantFrom(
              'Reko',
              'Diq',
              'EXIM',
              'Ex-Im',
              'Barrick',
              ' ',
              '\u00ad',
              '\u00a0',
              'Bank',
              'Export-Import',
            ),
          ),
        ),
        (parts) => {
          const text = parts.join('');
          for (const m of findMentions(text)) {
            expect(m.start).toBeGreaterThanOrEqual(0);
            expect(m.end).toBeLessThanOrEqual(text.length);
            expect(m.end).toBeGreaterThan(m.start);
          }
        },
      ),
    );
  });
});
