/**
 * The attributor: which claim of the fact base a figure speaks of, by matching its own clause
 * against the claims' source sentences (src/core/claims). Story-independent: the claims and their
 * words come from the facts given; nothing here names a story.
 */
import type { ClaimMatcher } from '../claims/matcher';
import { figureContext } from '../claims/context';
import { sentenceSpans, spanIndexAt } from '../text/sentences';
import type { AttributeId, EntityId, Figure, Mention } from '../types';

/**
 * What the page as a whole names (a story names its subject once and then says "the project"),
 * and the claims its figures are matched against. A page that names no watched entity is not about
 * any story the fact base holds: its figures stay unverified.
 */
export interface PageContext {
  entities: ReadonlySet<EntityId>;
  claims: ClaimMatcher | null;
}

export interface Attribution {
  attribute: AttributeId | null;
  /** The page's words that matched the claim's, when one matched. */
  matched?: string[];
}

/**
 * Attribute each figure of one block of text. Figures and mentions carry offsets into `text` and
 * are sorted by start. Returns one attribution per figure, in order.
 */
export function attributeFigures(
  text: string,
  figures: readonly Figure[],
  mentions: readonly Mention[],
  page: PageContext,
): Attribution[] {
  if (figures.length === 0) return [];
  const matcher = page.claims;
  if (matcher === null) return figures.map(() => ({ attribute: null }));
  // The block is part of its page: what it names counts as named on the page.
  const entities = new Set<string>(page.entities);
  for (const m of mentions) entities.add(m.entity);
  if (entities.size === 0) return figures.map(() => ({ attribute: null }));
  const sentences = sentenceSpans(text);
  const block = { text, sentences, figures, mentions };
  return figures.map((figure, i) => {
    const context = figureContext(block, i, spanIndexAt(sentences, figure.start));
    const match = matcher.match(figure, context, entities);
    return match ? { attribute: match.claim.id, matched: match.matched } : { attribute: null };
  });
}
