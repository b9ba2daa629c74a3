import { claimsOf } from '../core/claims/label';
import type { Fact } from '../core/types';
import type { ClaimChoice } from './user-fact';

/** Facts grouped by claim, claims in the fact base's order (sources first), facts in source order. */
export function groupByAttribute(facts: readonly Fact[]): [string, Fact[]][] {
  return claimsOf(facts).map((c) => [c.id, c.facts]);
}

/** The claims a user's fact may be filed under, named in their sources' words. */
export function claimChoices(facts: readonly Fact[]): ClaimChoice[] {
  return claimsOf(facts).map((c) => {
    const first = c.facts[0] as Fact;
    return { id: c.id, label: c.label, kind: first.kind, unit: first.unit };
  });
}
