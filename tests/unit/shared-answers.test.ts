import { describe, expect, it } from 'vitest';
import { failureOf, messageOf } from '../../src/shared/answers';

describe('messageOf: a thrown value as a reason, never empty', () => {
  it.each([
    ['an Error', new Error('disk full'), 'disk full'],
    [
      'a DOMException with a message',
      new DOMException('Quota exceeded', 'QuotaExceededError'),
      'Quota exceeded',
    ],
    [
      'a DOMException without one',
      new DOMException('', 'AbortError'),
      'unknown error (DOMException AbortError)',
    ],
    ['an Error without one', new Error(''), 'unknown error (Error)'],
    ['a TypeError without one', new TypeError(''), 'unknown error (TypeError)'],
    ['a string', 'closed', 'closed'],
    ['an empty string', '', 'unknown error (an empty string)'],
    ['a blank string', '  ', 'unknown error (an empty string)'],
    ['undefined', undefined, 'unknown error (undefined)'],
    ['null', null, 'unknown error (null)'],
    ['an object with a message', { message: 'port closed' }, 'port closed'],
    ['an object without one', {}, 'unknown error (an object)'],
    ['a number', 42, '42'],
  ])('%s', (_name, thrown, expected) => {
    expect(messageOf(thrown)).toBe(expected);
  });
});

describe('failureOf', () => {
  it('gives a failure with an empty error a reason', () => {
    expect(failureOf({ ok: false, error: '' })).toMatch(/\S/);
    expect(failureOf({ ok: false, error: 'import: ' })).toMatch(/^import: \S/);
    expect(failureOf({ ok: false, error: 'import: items[0]: bad' })).toBe('import: items[0]: bad');
    expect(failureOf({ ok: true })).toBeNull();
  });
});
