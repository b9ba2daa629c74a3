import type { Verdict } from '../core/types';
import { VERDICT_SYMBOL, VERDICT_WORD } from './verdicts';

/** A verdict as symbol, word and colour. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span class={`badge badge-${verdict}`}>
      <span class="badge-symbol" aria-hidden="true">
        {VERDICT_SYMBOL[verdict]}
      </span>
      {VERDICT_WORD[verdict]}
    </span>
  );
}
