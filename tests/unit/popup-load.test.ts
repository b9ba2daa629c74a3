import { describe, expect, it } from 'vitest';
import { tabIdFromSearch } from '../../src/popup/tab-from-url';
import { hostOf } from '../../src/popup/load-page';
import { parseReport } from '../../src/shared/messages';
import { report } from './popup-fixtures';

describe('parseReport (the popup checks what the page answers)', () => {
  it('accepts a report of the contract and returns an equal copy', () => {
    const r = report({ annotations: [{ id: 'a1', quote: 'Reko Diq', anchored: false }] });
    const parsed = parseReport(r);
    expect(parsed).toEqual(r);
    expect(parsed).not.toBe(r);
  });

  it('keeps only the fields of the contract', () => {
    const r = { ...report(), script: '<img onerror=alert(1)>' };
    expect(parseReport(r)).not.toHaveProperty('script');
  });

  const broken: [string, (r: Record<string, unknown>) => void][] = [
    ['another version', (r) => (r.version = 2)],
    ['no figures', (r) => delete r.figures],
    [
      'a figure with an unknown verdict',
      (r) => ((r.figures as { verdict: string }[])[0]!.verdict = 'true'),
    ],
    [
      'a figure with a string value',
      (r) => ((r.figures as { value: unknown }[])[0]!.value = '1.25bn'),
    ],
    [
      'a figure whose facts are not strings',
      (r) => ((r.figures as { facts: unknown }[])[0]!.facts = [1]),
    ],
    ['a mention without an entity', (r) => delete (r.mentions as { entity?: string }[])[0]!.entity],
    ['a fractional offset', (r) => ((r.mentions as { start: number }[])[0]!.start = 0.5)],
    ['annotations that are not a list', (r) => (r.annotations = {})],
  ];
  it.each(broken)('rejects %s', (_name, breakIt) => {
    const r = structuredClone(report()) as unknown as Record<string, unknown>;
    breakIt(r);
    expect(parseReport(r)).toBeNull();
  });

  it.each([null, undefined, 'report', [report()]])('rejects %j', (x) => {
    expect(parseReport(x)).toBeNull();
  });
});

describe('tabIdFromSearch', () => {
  it.each([
    ['?tab=17', 17],
    ['?x=1&tab=0', 0],
    ['', null],
    ['?tab=', null],
    ['?tab=-3', null],
    ['?tab=1e3', null],
    ['?tab=12abc', null],
  ])('%j → %j', (search, id) => {
    expect(tabIdFromSearch(search)).toBe(id);
  });
});

describe('hostOf', () => {
  it('gives the host of an http(s) URL and nothing for a URL without one', () => {
    expect(hostOf('https://News.Example:8080/a?b')).toBe('news.example');
    expect(hostOf('about:blank')).toBe('');
    expect(hostOf('not a url')).toBe('');
  });
});
