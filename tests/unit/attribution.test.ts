import { describe, expect, it } from 'vitest';
import { attributeFigures } from '../../src/core/attribution';
import { findMentions } from '../../src/core/entities';
import type { Figure, FigureKind } from '../../src/core/types';

/** Figures written by hand (the recognizer has its own tests): [text, kind, unit] in order. */
function attribute(text: string, figures: Array<[string, FigureKind, string?]>): (string | null)[] {
  let from = 0;
  const figs: Figure[] = figures.map(([t, kind, unit]) => {
    const start = text.indexOf(t, from);
    if (start < 0) throw new Error(`"${t}" not in text`);
    from = start + t.length;
    return {
      kind,
      text: t,
      start,
      end: start + t.length,
      value: 0,
      unit: unit ?? '',
      precision: 0,
    };
  });
  return attributeFigures(text, figs, findMentions(text));
}

describe('attribution on the seeds’ own sentences', () => {
  it('EXIM financing', () => {
    expect(
      attribute(
        'The US Export-Import Bank (EXIM) has approved $1.25 billion in financing to support the mining of critical minerals at Reko Diq.',
        [['$1.25 billion', 'money', 'USD']],
      ),
    ).toEqual(['exim.financing']);
  });

  it('equipment, not financing, for "up to $2 billion in … equipment"', () => {
    expect(
      attribute(
        "In the coming years, Exim's project financing will bring in up to $2 billion in high quality US mining equipment and services needed to build and operate the Reco Diq mine along with creating an estimated 6,000 jobs in the US and 7,500 jobs in Baluchistan, Pakistan.",
        [
          ['$2 billion', 'money', 'USD'],
          ['6,000 jobs', 'count', 'jobs'],
          ['7,500 jobs', 'count', 'jobs'],
        ],
      ),
    ).toEqual(['reko-diq.us-equipment', 'reko-diq.us-jobs', 'reko-diq.balochistan-jobs']);
  });

  it('jobs split by "while"', () => {
    expect(
      attribute(
        'The project is set to generate significant employment. Estimates suggest approximately 6,000 jobs will be created in the United States, while Balochistan is expected to benefit from around 7,500 new jobs.',
        [
          ['6,000 jobs', 'count', 'jobs'],
          ['7,500 new jobs', 'count', 'jobs'],
        ],
      ),
    ).toEqual(['reko-diq.us-jobs', 'reko-diq.balochistan-jobs']);
  });

  it('stakes by party, and production start', () => {
    expect(
      attribute(
        'Reko Diq is a joint venture between Canada’s Barrick Gold (50%) and Pakistani stakeholders (50%), with production expected to begin in 2028.',
        [
          ['50%', 'percent', '%'],
          ['50%', 'percent', '%'],
          ['2028', 'year', 'year'],
        ],
      ),
    ).toEqual(['barrick.stake', 'reko-diq.pakistan-stake', 'reko-diq.production-start']);
  });

  it('government stakes, total cost', () => {
    expect(
      attribute(
        'While the Trump administration has announced the financing, the project itself is owned by Canadian mining giant Barrick Gold (50 per cent) along with the federal and provincial governments (25 per cent each). The total cost of the project is around $7 billion.',
        [
          ['50 per cent', 'percent', '%'],
          ['25 per cent', 'percent', '%'],
          ['$7 billion', 'money', 'USD'],
        ],
      ),
    ).toEqual(['barrick.stake', 'reko-diq.government-stake', 'reko-diq.total-cost']);
  });

  it('an anaphoric "It has also approved" takes EXIM from the sentence before', () => {
    expect(
      attribute(
        'Besides Reko Diq, EXIM has issued nearly $15 billion in letters of interest for critical minerals projects. It has also approved a $10 billion loan for Project Vault, a planned US strategic minerals reserve.',
        [
          ['$15 billion', 'money', 'USD'],
          ['$10 billion', 'money', 'USD'],
        ],
      ),
    ).toEqual(['exim.letters-of-interest', 'exim.project-vault']);
  });

  it('leaves what the schema does not cover unattributed', () => {
    expect(
      attribute(
        'The oil partnership announcement came shortly after Trump imposed 25 per cent tariffs on India. The US government said it has mobilised more than $30 billion in letters of interest.',
        [
          ['25 per cent', 'percent', '%'],
          ['$30 billion', 'money', 'USD'],
        ],
      ),
    ).toEqual([null, null]);
  });

  it('a financing figure of another story is not EXIM’s Reko Diq financing', () => {
    expect(
      attribute(
        'The financing deal also follows a series of recent agreements, including a $500 million memorandum of understanding signed in September.',
        [['$500 million', 'money', 'USD']],
      ),
    ).toEqual([null]);
  });
});
