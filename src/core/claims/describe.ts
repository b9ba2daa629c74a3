/**
 * A figure described as a claim: its context terms, what it is about in its source's words, and
 * its subject. Used by the fact-base build for every figure of a source, and for a user's fact
 * whose terms were not stored (derived from its quote).
 */
import { findMentions } from '../entities';
import { findFigures } from '../figures';
import { displayText } from '../text/fold';
import { sentenceSpans, spanIndexAt } from '../text/sentences';
import type { Fact, Figure, Mention, Span } from '../types';
import {
  blockMemo,
  blockNames,
  figureContext,
  type BlockNames,
  type BlockView,
  type FigureContext,
} from './context';

// "About" shows at most this many characters of the clause on each side of the figure: enough
// for a clause, short enough for a list row.
const ABOUT_REACH = 90;
// A named thing: two or more capitalized words ("Project Vault", "Critical Minerals Ministerial").
const NAMED_THING = /\b[A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'-]*)+/g;

export interface Description {
  context: FigureContext;
  about: string;
  subject: string | null;
}

export interface DescribedBlock {
  text: string;
  figures: readonly Figure[];
  mentions: readonly Mention[];
}

/** Describe figure `i` of a block. */
export function describeFigure(
  block: DescribedBlock,
  i: number,
  shared?: SharedBlock,
): Description {
  const view = shared ?? sharedBlock(block);
  const sentences = view.sentences;
  const figure = block.figures[i] as Figure;
  const s = spanIndexAt(sentences, figure.start);
  const context = figureContext(view, i, s, view.names);
  return {
    context,
    about: aboutText(block.text, context.hood, figure),
    subject: subjectOf(block, context.hood, sentences[s], figure),
  };
}

/** What the figures of one block share when described: its sentences, words and names, read once. */
export type SharedBlock = BlockView & { names: BlockNames };

export function sharedBlock(block: DescribedBlock): SharedBlock {
  const sentences = sentenceSpans(block.text);
  const view: BlockView = { ...block, sentences, memo: blockMemo(sentences) };
  return { ...view, names: blockNames(view) };
}

function aboutText(text: string, hood: Span, figure: Figure): string {
  let start = Math.max(hood.start, figure.start - ABOUT_REACH);
  let end = Math.min(hood.end, figure.end + ABOUT_REACH);
  // Whole words only.
  if (start > hood.start) start = text.indexOf(' ', start) + 1 || start;
  if (end < hood.end) {
    const space = text.lastIndexOf(' ', end);
    if (space > figure.end) end = space;
  }
  const body = displayText(text, start, end).replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '');
  return (start > hood.start ? '…' : '') + body + (end < hood.end ? '…' : '');
}

/**
 * The clause's entity, else the sentence's, else the clause's named thing nearest the figure
 * (words that open a sentence or only place it in time are not names: "The", "On Wednesday"; of
 * "Saudi Arabia's Manara Minerals" the thing is "Manara Minerals").
 */
function subjectOf(
  block: DescribedBlock,
  hood: Span,
  sentence: Span | undefined,
  figure: Figure,
): string | null {
  const inHood = block.mentions.find((m) => m.start >= hood.start && m.end <= hood.end);
  if (inHood) return inHood.entity;
  const inSentence =
    sentence && block.mentions.find((m) => m.start >= sentence.start && m.end <= sentence.end);
  if (inSentence) return inSentence.entity;
  const clause = block.text.slice(hood.start, hood.end);
  let best: { name: string; distance: number } | null = null;
  NAMED_THING.lastIndex = 0;
  for (let m = NAMED_THING.exec(clause); m !== null; m = NAMED_THING.exec(clause)) {
    const parts = m[0].replace(/\s+/g, ' ').split(/[’']s\s+/);
    const name = (parts[parts.length - 1] as string).replace(NOT_NAME_OPENING, '');
    if (!/\s/.test(name) || TIME_WORDS.test(name)) continue;
    const start = hood.start + m.index;
    const end = start + m[0].length;
    // Who acts stands before the figure; a name after it is more often a source ("as per Arab
    // News"): it counts at three times its distance.
    const distance = end <= figure.start ? figure.start - end : 3 * Math.max(0, start - figure.end);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best?.name ?? null;
}

const NOT_NAME_OPENING = /^(?:(?:The|A|An|On|In|At|By|For|From|Last|Next|This|That|Since)\s+)+/;
const TIME_WORDS =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/** A fact's terms as stored, or derived from its quote when it has none (a user's fact). */
export function factTerms(fact: Fact): ReadonlyMap<string, number> {
  if (fact.terms) return new Map(Object.entries(fact.terms));
  const quote = fact.quote.replace(/\s+/g, ' ');
  const figures = findFigures(quote);
  if (figures.length === 0) return new Map();
  // The quote's figure that is the fact's own: the one written the same, else the first.
  const i = Math.max(
    0,
    figures.findIndex((f) => f.text === fact.text),
  );
  const { context } = describeFigure({ text: quote, figures, mentions: findMentions(quote) }, i);
  return new Map([...context.terms].map(([t, w]) => [t, w.weight]));
}
