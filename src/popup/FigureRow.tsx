import { claimLabel } from '../core/claims/label';
import type { Fact, ReportFigure } from '../core/types';
import { distinctSources, distinctValues, factsOf } from './fact-summary';
import { VerdictBadge } from './VerdictBadge';

// Sources shown per figure; the rest are counted. Two keep a row readable in a 420px popup.
const MAX_SOURCES = 2;
// Matched words shown per figure: the most telling few.
const MAX_MATCHED = 4;

interface Props {
  figure: ReportFigure;
  index: number;
  facts: ReadonlyMap<string, Fact>;
  onReveal(index: number): void;
}

/**
 * One figure: a focusable row (click, Enter or Space shows it on the page) and, under it, the
 * quotes of the sources that back or contradict it.
 */
export function FigureRow({ figure, index, facts, onReveal }: Props) {
  const own = factsOf(figure.facts, facts);
  const values = distinctValues(own);
  const sources = distinctSources(own);
  const label = claimLabel(figure.attribute, figure.facts, facts);
  // Why the claim was chosen: the page's words that matched its source sentences.
  const matched = label && figure.matched ? figure.matched.slice(0, MAX_MATCHED) : [];
  const reveal = () => onReveal(index);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    reveal();
  };

  return (
    <tbody class={`figure figure-${figure.verdict}`} data-verdict={figure.verdict}>
      <tr class="figure-main" tabIndex={0} onClick={reveal} onKeyDown={onKeyDown}>
        <td>
          <span class="figure-text">
            {figure.qualifier ? <span class="qualifier">{figure.qualifier} </span> : null}
            <strong>{figure.text}</strong>
          </span>
          <span class="attribute muted">{label ?? 'Not attributed to a known fact'}</span>
          {matched.length > 0 ? (
            <span class="matched muted">Matched: {matched.join(', ')}</span>
          ) : null}
        </td>
        <td class="fact-values">
          {values.length > 0 ? (
            values.map((v) => (
              <span key={v} class="fact-value">
                {v}
              </span>
            ))
          ) : (
            <span class="muted">Not in the fact base</span>
          )}
        </td>
        <td>
          <VerdictBadge verdict={figure.verdict} />
        </td>
      </tr>
      {sources.length > 0 ? (
        <tr class="figure-sources" onClick={reveal}>
          <td colSpan={3}>
            {sources.slice(0, MAX_SOURCES).map((s) => (
              <p key={s.quote} class="source">
                <q>{s.quote}</q>{' '}
                <span class="source-origin muted">
                  — <cite>{s.title}</cite>
                  {s.date ? `, ${s.date}` : null}
                </span>
              </p>
            ))}
            {sources.length > MAX_SOURCES ? (
              <p class="muted">and {sources.length - MAX_SOURCES} more sources</p>
            ) : null}
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}
