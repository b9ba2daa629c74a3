import { describe, expect, it } from 'vitest';
import { distinctSources, distinctValues, factsOf } from '../../src/popup/fact-summary';
import { fact } from './background-fixtures';

const approx = (text: string) => ({ text, sense: 'approx' as const });

describe('what the popup shows of a figure’s facts', () => {
  it('lists a value once however many sources state it, as the first source wrote it', () => {
    const facts = [
      fact('seed:a:1', {
        value: 6000,
        unit: 'jobs',
        text: '6,000 jobs',
        qualifier: approx('approximately'),
      }),
      fact('seed:b:1', {
        value: 6000,
        unit: 'jobs',
        text: '6,000 jobs',
        qualifier: approx('around'),
      }),
      fact('seed:c:1', { value: 6000, unit: 'jobs', text: '6,000 jobs' }),
      fact('seed:d:1', { value: 6000, unit: 'jobs', text: '6000 jobs' }),
    ];
    expect(distinctValues(facts)).toEqual(['approximately 6,000 jobs', '6,000 jobs']);
  });

  it('keeps values apart that differ in number or in bound', () => {
    const facts = [
      fact('seed:a:1', { value: 1.25e9, text: '$1.25 billion' }),
      fact('seed:b:1', {
        value: 1.3e9,
        text: '$1.3 billion',
        qualifier: { text: 'up to', sense: 'max' },
      }),
      fact('seed:c:1', { value: 1.3e9, text: '$1.3 billion' }),
    ];
    expect(distinctValues(facts)).toEqual(['$1.25 billion', 'up to $1.3 billion', '$1.3 billion']);
  });

  it('lists a quote once when several seeds repeat it word for word', () => {
    const facts = [
      fact('seed:a:1', { quote: 'Same sentence.' }),
      fact('seed:b:1', { quote: 'Same sentence.' }),
      fact('seed:c:1', { quote: 'Another.' }),
    ];
    expect(distinctSources(facts).map((s) => s.quote)).toEqual(['Same sentence.', 'Another.']);
  });

  it('finds the facts a figure names, in its order, skipping ids the background lacks', () => {
    const byId = new Map([fact('seed:a:1'), fact('seed:b:1')].map((f) => [f.id, f]));
    expect(factsOf(['seed:b:1', 'seed:gone:1', 'seed:a:1'], byId).map((f) => f.id)).toEqual([
      'seed:b:1',
      'seed:a:1',
    ]);
  });
});
