/**
 * Agreement between two stated numbers: rounding, not equality. Each number stands for the
 * interval its writer's rounding allows, and two numbers agree when either one's interval holds
 * the other's value — "$1.3 billion" ([1.25, 1.35] bn) agrees with 1.25 bn; "6,000 jobs" agrees
 * with "about 6,000".
 *
 * Two thresholds, both 5 % of the value:
 * - The rounding interval is capped at ±5 %. News rounds to two significant figures ("$1.3
 *   billion"), whose worst case is 5 %; a one-figure rounding ("$1 billion" for 1.25 billion) is 20 %
 *   off, and a journalist wants that flagged, not waved through.
 * - An approximate qualifier ("about", "around", "nearly") widens the interval to at least ±5 %, so
 *   "about 6,300 jobs" agrees with 6,000, while "about 6,500" does not.
 * A bound on the page ("more than 5,000 jobs", "less than $2 billion") is an inequality: it agrees
 * with a fact that satisfies it. "Up to", "as much as" and "as many as" are not bounds in news:
 * "up to $2.5 billion of equipment" states the amount, and reads as that amount, so that a wrong
 * one is flagged. A fact's own bound ("up to $1.3 billion") is read as its value, for the same reason.
 */
import type { Figure, Qualifier } from './types';

export const ROUNDING_CAP = 0.05;
export const APPROXIMATE_WIDTH = 0.05;
// Decimal values ("12.5%", "1.3 billion") are binary fractions: allow a rounding error's worth.
const EPSILON = 1e-9;

/** Qualifiers that state an amount rather than bound it. */
const STATES_AMOUNT: ReadonlySet<string> = new Set(['up to', 'as much as', 'as many as']);

export type StatedNumber = Pick<Figure, 'value' | 'precision'> & { qualifier?: Qualifier | null };

/** Half-width of the interval a stated number stands for. */
export function tolerance(claim: StatedNumber): number {
  const magnitude = Math.abs(claim.value);
  const rounding = Math.min(claim.precision, ROUNDING_CAP * magnitude);
  const width =
    claim.qualifier?.sense === 'approx'
      ? Math.max(rounding, APPROXIMATE_WIDTH * magnitude)
      : rounding;
  return width + EPSILON * Math.max(1, magnitude);
}

/** The sense a qualifier has in comparison: "up to" states the amount, so none. */
function boundOf(q: Qualifier | null | undefined): 'max' | 'min' | null {
  if (!q || q.sense === 'approx' || STATES_AMOUNT.has(q.text)) return null;
  return q.sense;
}

/** Does the page's number agree with one fact's? */
export function agrees(page: StatedNumber, fact: StatedNumber): boolean {
  const pageTol = tolerance(page);
  const factTol = tolerance({
    ...fact,
    qualifier: fact.qualifier?.sense === 'approx' ? fact.qualifier : null,
  });
  switch (boundOf(page.qualifier)) {
    case 'max':
      return fact.value - factTol <= page.value + pageTol;
    case 'min':
      return fact.value + factTol >= page.value - pageTol;
    default:
      return (
        Math.abs(page.value - fact.value) <= pageTol || Math.abs(page.value - fact.value) <= factTol
      );
  }
}
