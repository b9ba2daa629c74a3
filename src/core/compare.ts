/**
 * Comparison: a page's figure against the facts of its attribute.
 *
 * Agreement is rounding, not equality: each number stands for the interval its writer's rounding
 * allows, and two numbers agree when either one's interval holds the other's value — "$1.3 billion"
 * ([1.25, 1.35] bn) agrees with 1.25 bn; "6,000 jobs" agrees with "about 6,000".
 *
 * Two thresholds, both 5 % of the value:
 * - The rounding interval is capped at ±5 %. News rounds to two significant figures ("$1.3
 *   billion"), whose worst case is 5 %; a one-figure rounding ("$1 billion" for 1.25 billion) is 20 %
 *   off, and a journalist wants that flagged, not waved through.
 * - An approximate qualifier ("about", "around", "nearly") widens the interval to at least ±5 %, so
 *   "about 6,300 jobs" agrees with 6,000, while "about 6,500" does not.
 * A bound on the page ("up to $2 billion", "more than 5,000 jobs") is an inequality: it agrees with a
 * fact that satisfies it. A fact's own bound ("up to $1.3 billion") is read as its value, because a
 * source that says "up to" reports the amount, and an inequality there would let any smaller page
 * figure pass.
 * Figures in another unit (PKR against a USD fact) cannot be compared: unverified.
 */
import type { AttributedFigure, Comparison, Fact, Figure, Qualifier } from './types';

export const ROUNDING_CAP = 0.05;
export const APPROXIMATE_WIDTH = 0.05;
// Decimal values ("12.5%", "1.3 billion") are binary fractions: allow a rounding error's worth.
const EPSILON = 1e-9;

/** Facts grouped by attribute, as the comparison looks them up. */
export type FactIndex = ReadonlyMap<string, readonly Fact[]>;

export function indexFacts(facts: Iterable<Fact>): FactIndex {
  const index = new Map<string, Fact[]>();
  for (const fact of facts) {
    const list = index.get(fact.attribute);
    if (list) list.push(fact);
    else index.set(fact.attribute, [fact]);
  }
  // One order wherever the facts come from (the bundled JSON, IndexedDB's key order), so that a
  // verdict's fact ids read the same in the CLI and the extension.
  for (const list of index.values()) list.sort(factOrder);
  return index;
}

/** Seed facts by file, then by offset in it (numerically); others by id. */
function factOrder(a: Fact, b: Fact): number {
  const [aHead, aOffset] = splitId(a.id);
  const [bHead, bOffset] = splitId(b.id);
  if (aHead !== bHead) return aHead < bHead ? -1 : 1;
  return aOffset - bOffset;
}

function splitId(id: string): [string, number] {
  const colon = id.lastIndexOf(':');
  const offset = Number(id.slice(colon + 1));
  return colon > 0 && Number.isInteger(offset) ? [id.slice(0, colon), offset] : [id, 0];
}

type Claim = Pick<Figure, 'value' | 'precision'> & { qualifier?: Qualifier | null };

/** Half-width of the interval a stated number stands for. */
export function tolerance(claim: Claim): number {
  const magnitude = Math.abs(claim.value);
  const rounding = Math.min(claim.precision, ROUNDING_CAP * magnitude);
  const width =
    claim.qualifier?.sense === 'approx'
      ? Math.max(rounding, APPROXIMATE_WIDTH * magnitude)
      : rounding;
  return width + EPSILON * Math.max(1, magnitude);
}

/** Does the page's figure agree with one fact? */
export function agrees(page: Claim, fact: Claim): boolean {
  const pageTol = tolerance(page);
  const factTol = tolerance({
    ...fact,
    qualifier: fact.qualifier?.sense === 'approx' ? fact.qualifier : null,
  });
  switch (page.qualifier?.sense) {
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

export function compareFigure(figure: AttributedFigure, index: FactIndex): Comparison {
  if (figure.attribute === null) return { verdict: 'unverified', facts: [] };
  const facts = (index.get(figure.attribute) ?? []).filter((f) => f.unit === figure.unit);
  if (facts.length === 0) return { verdict: 'unverified', facts: [] };
  const agreeing = facts.filter((f) => agrees(figure, f));
  return agreeing.length > 0
    ? { verdict: 'supported', facts: agreeing.map((f) => f.id) }
    : { verdict: 'contradicted', facts: facts.map((f) => f.id) };
}
