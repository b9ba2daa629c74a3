/** Verdicts told by a symbol and a word as well as a colour, so colour is never the only cue. */
import type { Verdict } from '../core/types';

export const VERDICTS: readonly Verdict[] = ['supported', 'contradicted', 'unverified'];

export const VERDICT_SYMBOL: Record<Verdict, string> = {
  supported: '✔',
  contradicted: '✖',
  unverified: '?',
};

export const VERDICT_WORD: Record<Verdict, string> = {
  supported: 'Supported',
  contradicted: 'Contradicted',
  unverified: 'Unverified',
};
