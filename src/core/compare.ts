/**
 * Comparison: a page's figure against the facts of the claim it was matched to
 * (src/core/claims/matcher.ts). Agreement is rounding, within the page's own stated precision
 * (src/core/agreement.ts documents the rule and its thresholds).
 * Figures in another unit (PKR against a USD fact) cannot be compared: unverified.
 */
import { agrees } from './agreement';
import { factTerms } from './claims/describe';
import { ClaimMatcher } from './claims/matcher';
import type { AttributedFigure, Comparison, Fact } from './types';

export { agrees, tolerance, ROUNDING_CAP, APPROXIMATE_WIDTH } from './agreement';

/** The fact base as the engine uses it: facts by claim, and the claim matcher over them. */
export interface FactIndex {
  /** The facts of one claim, in one order wherever they came from. */
  get(claim: string): readonly Fact[] | undefined;
  readonly matcher: ClaimMatcher;
  readonly size: number;
}

export function indexFacts(facts: Iterable<Fact>): FactIndex {
  // One order wherever the facts come from (the bundled JSON, IndexedDB's key order), so that a
  // verdict's fact ids — and the matcher's tie-breaks — read the same in the CLI and the extension.
  const sorted = [...facts].sort(factOrder);
  const matcher = new ClaimMatcher(sorted, factTerms);
  // The matcher's claims hold their facts in this order already.
  return { get: (claim) => matcher.factsOf(claim), matcher, size: matcher.claims.length };
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

export function compareFigure(figure: AttributedFigure, index: FactIndex): Comparison {
  if (figure.attribute === null) return { verdict: 'unverified', facts: [] };
  // The matcher chose the claim for counts it can compare ("7,500 people" with jobs where the
  // clause speaks of jobs); money must be in the same currency.
  const facts = (index.get(figure.attribute) ?? []).filter(
    (f) => f.kind === figure.kind && (figure.kind === 'count' || f.unit === figure.unit),
  );
  if (facts.length === 0) return { verdict: 'unverified', facts: [] };
  const agreeing = facts.filter((f) => agrees(figure, f));
  return agreeing.length > 0
    ? { verdict: 'supported', facts: agreeing.map((f) => f.id) }
    : { verdict: 'contradicted', facts: facts.map((f) => f.id) };
}
