/**
 * How a claim is named to a reader: in its first source's words (the fact's `about`, the clause
 * that states it), since claims are not a hand-written list. A user's fact without a description
 * is named by its quote.
 */
import type { Fact } from '../types';

// A label longer than this is cut at a word: a popup row has room for a clause, not a paragraph.
const LABEL_MAX = 140;

export function factLabel(fact: Fact): string {
  const text = (fact.about ?? fact.quote).replace(/\s+/g, ' ').trim();
  if (text.length <= LABEL_MAX) return text;
  const cut = text.lastIndexOf(' ', LABEL_MAX);
  return text.slice(0, cut > 0 ? cut : LABEL_MAX) + '…';
}

/** The label of the claim the figure was matched to, from the facts behind its verdict. */
export function claimLabel(
  attribute: string | null,
  factIds: readonly string[],
  facts: ReadonlyMap<string, Fact>,
): string | null {
  if (attribute === null) return null;
  for (const id of factIds) {
    const fact = facts.get(id);
    if (fact) return factLabel(fact);
  }
  for (const fact of facts.values()) if (fact.attribute === attribute) return factLabel(fact);
  return attribute;
}

/** Claims of a fact base in first-seen order: id, label and facts. */
export function claimsOf(facts: Iterable<Fact>): { id: string; label: string; facts: Fact[] }[] {
  const byId = new Map<string, { id: string; label: string; facts: Fact[] }>();
  for (const f of facts) {
    const claim = byId.get(f.attribute);
    if (claim) claim.facts.push(f);
    else byId.set(f.attribute, { id: f.attribute, label: factLabel(f), facts: [f] });
  }
  return [...byId.values()];
}
