/**
 * The attributor: which claim of the fact base a figure speaks of, by matching its own clause
 * against the claims' source sentences (src/core/claims). Story-independent: the claims and their
 * words come from the facts given; nothing here names a story.
 */
import type { ClaimMatcher } from '../claims/matcher';
import { blockMemo, blockNames, figureContext } from '../claims/context';
import { BUNDLED_LEXICON, type Lexicon } from '../entities';
import type { Label } from '../text/labels';
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
  /**
   * The entities of the stories the page is about: a story's title names one of its entities, or
   * its text does at least STORY_MENTIONS times and about once a paragraph. Its paragraphs that
   * name nothing ("The total cost of the project…") then speak of that story; on a page that names
   * a story in passing ("…a US letter of interest, as Reko Diq had before it") they may not. Per
   * story: a page about a mine in Mozambique that names Reko Diq once is not about Reko Diq.
   */
  aboutEntities: ReadonlySet<string>;
  /** The page's language (`<html lang>`): how its numbers are written. */
  lang?: string;
  /** The entities watched on the page: the bundled ones and a journalist's own. */
  lexicon?: Lexicon;
}

/**
 * A lone figure read with its caption (src/core/text/labels.ts), as if written "American jobs:
 * 6,000" or "$1.25bn: Financing approved by the US Export-Import Bank".
 */
function withLabel(
  text: string,
  figures: readonly Figure[],
  page: PageContext,
  label: Label,
): Attribution[] {
  const caption = label.text.replace(/\s+/g, ' ').trim();
  const joined = label.position === 'before' ? `${caption}: ${text}` : `${text}: ${caption}`;
  const shift = label.position === 'before' ? caption.length + 2 : 0;
  const moved = figures.map((f) => ({ ...f, start: f.start + shift, end: f.end + shift }));
  const mentions = (page.lexicon ?? BUNDLED_LEXICON).find(joined);
  return attributeFigures(joined, moved, mentions, page);
}

/**
 * A passing reference names the story once or twice; a story about it names it again in most of
 * its paragraphs: at least STORY_MENTIONS times and once per CHARS_PER_MENTION characters (about
 * 120 words). On the corpus's pages about the story the sparsest had one per ~90 words; a page
 * about another mine that ends on Reko Diq, one per ~170.
 */
export const STORY_MENTIONS = 3;
export const CHARS_PER_MENTION = 700;

/** Is a page with these title mentions, text mentions and text length about a watched story? */
export function isAboutStory(titleMentions: number, textMentions: number, chars: number): boolean {
  return (
    titleMentions > 0 ||
    (textMentions >= STORY_MENTIONS && textMentions * CHARS_PER_MENTION >= chars)
  );
}

/**
 * The entities of the stories a page is about (see PageContext). `stories`: the entity sets of the
 * fact base's stories (each claim's sources name one); without any, all the page's entities are
 * one story.
 */
export function aboutEntities(
  title: ReadonlyMap<string, number>,
  text: ReadonlyMap<string, number>,
  chars: number,
  stories: readonly ReadonlySet<string>[],
): Set<string> {
  const out = new Set<string>();
  const groups = stories.length > 0 ? stories : [new Set([...title.keys(), ...text.keys()])];
  for (const story of groups) {
    let inTitle = 0;
    let inText = 0;
    for (const e of story) {
      inTitle += title.get(e) ?? 0;
      inText += text.get(e) ?? 0;
    }
    if (isAboutStory(inTitle, inText, chars)) for (const e of story) out.add(e);
  }
  return out;
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
  label?: Label,
): Attribution[] {
  if (figures.length === 0) return [];
  if (label) return withLabel(text, figures, page, label);
  const matcher = page.claims;
  if (matcher === null) return figures.map(() => ({ attribute: null }));
  // The block is part of its page: what it names counts as named on the page.
  const entities = new Set<string>(page.entities);
  for (const m of mentions) entities.add(m.entity);
  if (entities.size === 0) return figures.map(() => ({ attribute: null }));
  const sentences = sentenceSpans(text);
  const block = { text, sentences, figures, mentions, memo: blockMemo(sentences) };
  const names = blockNames(block);
  const out: Attribution[] = [];
  figures.forEach((figure, i) => {
    // Most figures of a page have no claim of their kind and unit ("48 comments"): no reading.
    if (!matcher.mayMatch(figure)) {
      out.push({ attribute: null });
      return;
    }
    const context = figureContext(block, i, spanIndexAt(sentences, figure.start), names);
    // A figure that restates an earlier one speaks of that one's claim, whose value it agrees
    // with or corrects ("$415 million, so call it roughly $0.4 billion"; "The bank's figure is
    // $415 million" after "we wrote $451 million").
    const earlier = context.restated !== undefined ? out[context.restated] : undefined;
    if (earlier?.attribute) {
      // A copy: two figures of a report never share one list (a consumer changing one, or a
      // serializer that writes a repeated object as a reference — WebDriver BiDi does — would
      // change or drop the other's).
      out.push(
        earlier.matched
          ? { attribute: earlier.attribute, matched: [...earlier.matched] }
          : { attribute: earlier.attribute },
      );
      return;
    }
    const match = matcher.match(figure, context, entities, page.aboutEntities);
    out.push(match ? { attribute: match.claim.id, matched: match.matched } : { attribute: null });
  });
  return out;
}
