import { claimsOf } from '../core/claims/label';
import type { Fact } from '../core/types';
import type { ClaimChoice } from './user-fact';

/** A claim of the fact base as the Library lists it: its id, its label and its facts. */
export interface FactClaim {
  id: string;
  label: string;
  facts: Fact[];
}

/** Facts grouped by claim, claims in the fact base's order (sources first), facts in source order. */
export function groupByAttribute(facts: readonly Fact[]): FactClaim[] {
  return claimsOf(facts);
}

/** The claims a user's fact may be filed under, named in their sources' words. */
export function claimChoices(claims: readonly FactClaim[]): ClaimChoice[] {
  return claims.map((c) => {
    const first = c.facts[0] as Fact;
    return { id: c.id, label: c.label, kind: first.kind, unit: first.unit };
  });
}

export interface FactPage {
  /** The page's facts, claim by claim (a claim cut by a page's end goes on on the next). */
  groups: FactClaim[];
  /** Facts that match the query, on every page. */
  matching: number;
  /** The page shown (the one asked for, or the last there is). */
  page: number;
  pages: number;
}

/**
 * One page of the fact base: the facts whose words hold every word of `query` (their figure,
 * quote, description, claim and source), in claim order, `size` at most. The Library draws a
 * page, not the whole fact base: 10,000 facts laid out at once froze it for 100 ms and more
 * whenever anything above them changed.
 */
export function factPage(
  claims: readonly FactClaim[],
  query: string,
  page: number,
  size: number,
): FactPage {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches: [FactClaim, Fact][] = [];
  for (const claim of claims) {
    for (const fact of claim.facts) {
      if (words.length === 0) matches.push([claim, fact]);
      else {
        const text = searchText(claim, fact);
        if (words.every((w) => text.includes(w))) matches.push([claim, fact]);
      }
    }
  }
  const pages = Math.max(1, Math.ceil(matches.length / size));
  const shown = Math.min(Math.max(0, page), pages - 1);
  const groups: FactClaim[] = [];
  for (const [claim, fact] of matches.slice(shown * size, (shown + 1) * size)) {
    const last = groups[groups.length - 1];
    if (last?.id === claim.id) last.facts.push(fact);
    else groups.push({ id: claim.id, label: claim.label, facts: [fact] });
  }
  return { groups, matching: matches.length, page: shown, pages };
}

// A fact's words, lower-cased, kept while the fact object lives: typing in the search box reads
// every fact again on each key.
const searchTexts = new WeakMap<Fact, string>();

function searchText(claim: FactClaim, fact: Fact): string {
  let text = searchTexts.get(fact);
  if (text === undefined) {
    const source = fact.source;
    const from =
      source.type === 'seed'
        ? [source.file, source.title]
        : source.type === 'user'
          ? [source.url, source.title]
          : [source.title, source.url ?? '', source.name ?? ''];
    text = [fact.text, fact.quote, fact.about ?? '', claim.label, ...from, source.date ?? '']
      .join('\n')
      .toLowerCase();
    searchTexts.set(fact, text);
  }
  return text;
}
