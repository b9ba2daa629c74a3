import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/core/figures';
import { blockRole, LabelTracker, type Label } from '../../src/core/text/labels';

/** The captions a run of blocks gives its lone figures, as [figure block, label, position]. */
function labels(blocks: string[]): [string, string, Label['position']][] {
  const out: [string, string, Label['position']][] = [];
  const tracker = new LabelTracker<string>();
  for (const b of blocks) {
    tracker.push(b, b, blockRole(b, findFigures(b)), (block, label) =>
      out.push([block, label.text, label.position]),
    );
  }
  return out;
}

describe('fact-box captions', () => {
  it('a card that opens with its figure takes the caption after it', () => {
    expect(
      labels([
        'Here are the figures that define the project, from the loan to the ownership to the price tag, and what each of them means.',
        '$1.25bn',
        'Financing approved by the US Export-Import Bank',
        'The loan was made public by the US embassy in Islamabad in a video message from the chargé d’affaires.',
        '6,000',
        'American jobs',
      ]),
    ).toEqual([
      ['$1.25bn', 'Financing approved by the US Export-Import Bank', 'after'],
      ['6,000', 'American jobs', 'after'],
    ]);
  });

  it('a definition list that opens with its caption gives each figure the caption before it', () => {
    expect(labels(['US jobs', '6,000', 'Jobs in Balochistan', '7,500'])).toEqual([
      ['6,000', 'US jobs', 'before'],
      ['7,500', 'Jobs in Balochistan', 'before'],
    ]);
  });

  it('running text is neither, and ends a run', () => {
    expect(
      blockRole(
        'Barrick holds 50% of the project, and the rest is Pakistani.',
        findFigures('Barrick holds 50% of the project, and the rest is Pakistani.'),
      ),
    ).toBe('label');
    const long = 'x '.repeat(80);
    expect(blockRole(long, [])).toBe('text');
    expect(blockRole('about $7 billion', findFigures('about $7 billion'))).toBe('figure');
    expect(labels(['6,000', long, 'American jobs'])).toEqual([]);
  });
});

describe('timelines', () => {
  const first =
    'The minister says talks on the pipeline will start within weeks, the first sign of the thaw that would later reach the mine. Nothing was signed that day.';
  const second =
    'The development bank approves the loan for the mine after two years of talks with the provincial government and the federal ministry of energy.';
  it('a date alone, then a paragraph, then a date again: each date takes its paragraph’s first sentence', () => {
    const out = labels(['March 2024', first, 'November 2024', second, '2027', second]);
    expect(out.map(([block, , position]) => [block, position])).toEqual([
      ['March 2024', 'after'],
      ['November 2024', 'after'],
      ['2027', 'after'],
    ]);
    expect(out[0]?.[1]).toBe(
      'The minister says talks on the pipeline will start within weeks, the first sign of the thaw that would later reach the mine.',
    );
  });
  it('a single date before a paragraph is a dateline, not an entry', () => {
    expect(labels(['February 4, 2026', first, second])).toEqual([]);
  });
});

describe('questions and answers', () => {
  it('an answer takes its question as its caption', () => {
    expect(
      labels([
        'How much did the development bank lend for the mine?',
        'About $1.3bn. The bank approved the financing in December, after two years of talks with the provincial government.',
      ]),
    ).toEqual([
      [
        'About $1.3bn. The bank approved the financing in December, after two years of talks with the provincial government.',
        'How much did the development bank lend for the mine?',
        'before',
      ],
    ]);
  });
  it('a short answer, as short as a caption, takes its question too', () => {
    expect(labels(['What did the plant cost?', 'A little under $700 million, all told.'])).toEqual([
      ['A little under $700 million, all told.', 'What did the plant cost?', 'before'],
    ]);
  });
  it('a question after a question is no answer', () => {
    expect(labels(['Who lent the money?', 'And was it $5 million or $50 million?'])).toEqual([]);
  });
  it('a statement before a paragraph is not a question', () => {
    expect(
      labels([
        'The development bank lent money for the mine.',
        'About $1.3bn was approved in December, after two years of talks with the provincial government and the ministry.',
      ]),
    ).toEqual([]);
  });
});
