/**
 * What a figure's own words say it is about: a weighted bag of terms (terms.ts) from its clause,
 * its sentence and the sentence before. The same function describes a source's fact and a page's
 * figure, so that a seed's own sentence matches its own fact exactly and a page's paraphrase
 * matches by the words it shares.
 *
 * Weights (the thresholds that matter, each a judgement about how news is written):
 * - a word of the figure's sentence weighs 1 next to the figure, half at HALF_WEIGHT_AT characters
 *   (about six words: a clause), a third at twice that, never under FLOOR; a word after the figure
 *   counts at half its distance ("6,000 jobs in the US": what follows a figure says what it
 *   measures);
 * - a word outside the figure's neighbourhood — the stretch of its sentence that belongs to it
 *   rather than to the figures beside it, cut at the last clause joint between two figures, or its
 *   table row up to its own cell — weighs OUTSIDE_HOOD of that: it belongs to another figure;
 * - words of the sentence before weigh PREVIOUS_WEIGHT (a story's setting, named once:
 *   "The project will create jobs. Estimates suggest 6,000 in the US…");
 * - a count's unit class weighs 1: it is what the figure counts.
 * A term keeps its largest weight: saying a word twice does not make it weigh more.
 */
import type { Figure, Span } from '../types';
import {
  countClass,
  isPlaceTerm,
  isPredicateTerm,
  termOf,
  tokenize,
  type EntitySpan,
  type Token,
} from './terms';

const HALF_WEIGHT_AT = 40;
const OUTSIDE_HOOD = 0.5;
const FLOOR = 0.1;
const PREVIOUS_WEIGHT = 0.1;
// The figure's object: a name after "of", "in", "at"… within this many characters of it (room for
// "stake in the"), or a possessive name right before it ("Lumwana's first").
const OBJECT_REACH = 32;
const OBJECT_AFTER = /^[\s\w’'-]{0,20}?\b(?:of|in|at|for|from)\s+(?:the\s+|a\s+|an\s+|its\s+)?$/i;
const OBJECT_BEFORE = /[’']s?\s+(?:[a-z-]+\s+){0,2}$/;
/** An entity this close (within about a clause) is who the figure is about. */
const SUBJECT_WEIGHT = 0.5;
/**
 * A distributive figure ("25 per cent each", "$5 million apiece") states every party's share,
 * not their total: it is compared only with facts that say "each" too.
 */
export const EACH = 'dist:each';
// "each" in the languages pages come in too: "25% cada uno", "25 % chacun", "je 25 %".
const DISTRIBUTIVE =
  /^[\s,)]*(?:each|apiece|a piece|cada\s+un[oa]|cada|chacun(?:e)?|jeweils|ciascuno|cada\s+um)\b/i;
// Languages that say it before the figure, right before it: "chacun 25 %", "je 25 %".
// English says it before too when a verb or "with" stands between: "each with a 25 per cent
// share", "each holding 25%".
const DISTRIBUTIVE_BEFORE =
  /\b(?:each\s+(?:with|holding|owning|having|taking|getting|owns?|holds?|has|have)(?:\s+(?:a|an|the))?|chacun(?:e)?|jeweils|je)\s+$/i;
/**
 * A collective figure ("the remaining 25%, split between Islamabad and Quetta", "50% combined")
 * states a total: it is not compared with facts that say "each".
 */
export const TOGETHER = 'dist:together';
/**
 * A rate ("$150 million a year", "annual exports of $2.8 billion", "in its first year") is not a
 * total: a figure written as a rate is compared only with facts written as rates.
 */
export const RATE = 'dist:rate';
// Within a few words after the figure ("$2.8 billion in export potential in the first year"), not
// a time ago ("a year ago").
const RATE_AFTER =
  /^[^.;]{0,40}?\b(?:(?:a|per|each|every)\s+(?:year|annum|month)\b(?!\s+(?:ago|earlier|later|before|after))|annually\b|yearly\b|in\s+(?:the|its)\s+first\s+(?:full\s+)?year\b)/i;
const RATE_BEFORE = /\b(?:annual|annually|yearly|monthly)\s+(?:[a-z-]+\s+){0,2}(?:of\s+)?$/i;
const COLLECTIVE_AFTER =
  /^[^.;]{0,24}?\b(?:split|shared|divided)\s+(?:between|among)|^[\s,)]*(?:combined|together|in total|jointly|between them)\b/i;
const COLLECTIVE_BEFORE =
  /\b(?:combined|joint|total|together)\s+(?:stake\s+of\s+|share\s+of\s+)?$/i;
/**
 * The figure's head: the first word after it, or after "in", "of", "for", "worth of" ("$1.25
 * billion loan", "$2 billion in equipment", "$10 billion for Project Vault"). It names what the
 * amount is, so it weighs more than any other word; HEAD_REACH characters is room for a preposition
 * or two.
 */
const HEAD_WEIGHT = 1.5;
const HEAD_REACH = 24;
const HEAD_GAP = /^[\s\-–—’'s]*(?:(?:in|of|for|worth|on|to|from|as|an?|the|new)\s+)*$/i;

export interface TermWeight {
  weight: number;
  /** The words as written that gave the term, for telling the reader what matched. */
  surface: string;
  /** The term's skeleton as a name's, for a word written in lower case (Token.alias). */
  alias?: string;
}

export type Terms = Map<string, TermWeight>;

export interface FigureContext {
  terms: Terms;
  /** What the figure's block names (see BlockNames). */
  block: BlockNames;
  /** Things (see BlockNames) the figure's sentence or the one before names. */
  local: ReadonlySet<string>;
  /**
   * The writer's own estimate ("We project royalties of perhaps $150 million"): a figure of the
   * page's making, which a source can support but not prove wrong.
   */
  ownEstimate: boolean;
  /**
   * The figure is the page's own date in a dateline ("WASHINGTON, Dec. 11, 2025 /PR Dispatch/ --",
   * "ISLAMABAD, December 11 (Reuters) —"): when the page was written, not a fact it states.
   */
  dateline: boolean;
  /** Things the figure's own sentence names, and the watched entities ("@id") it names. */
  sentence: {
    things: ReadonlySet<string>;
    entities: ReadonlySet<string>;
    /** Countries (and demonyms) it names, as terms. */
    places: ReadonlySet<string>;
  };
  /** Watched entities ("@id") the figure's own clause names close by: who the figure is about. */
  subjects: Set<string>;
  /** Capitalized words near the figure (names of people, places, things), as terms. */
  names: Set<string>;
  /** The figure's neighbourhood in the block's text. */
  hood: Span;
  /**
   * Names and places the figure is of, in or at ("61.5% of Nevada Gold Mines", "400 jobs in
   * Australia", "Lumwana's 2028 start"): the thing it measures, when the clause names it.
   */
  near: string[];
  /** For a count: the words between its number and its noun ("direct", "construction"). */
  modifiers: string[];
  /**
   * The index in its block of the earlier figure this one restates ("$415 million, so call it
   * roughly $0.4 billion"): it speaks of what that one speaks of.
   */
  restated?: number;
}

export interface BlockView {
  text: string;
  sentences: readonly Span[];
  figures: readonly Figure[];
  mentions: readonly EntitySpan[];
  /**
   * Work shared by the figures of one block: a sentence with several figures is read once. Made
   * by `blockMemo`; without it every figure reads its sentences again.
   */
  memo?: BlockMemo;
}

export interface BlockMemo {
  starts: Set<number>;
  tokens: Map<string, Token[]>;
  things: Map<string, Set<string>>;
}

export function blockMemo(sentences: readonly Span[]): BlockMemo {
  return { starts: new Set(sentences.map((s) => s.start)), tokens: new Map(), things: new Map() };
}

function tokensIn(
  block: BlockView,
  starts: ReadonlySet<number>,
  start: number,
  end: number,
): Token[] {
  const memo = block.memo;
  const key = `${start}:${end}`;
  let tokens = memo?.tokens.get(key);
  if (tokens === undefined) {
    tokens = tokenize(block.text, start, end, block.mentions, starts);
    memo?.tokens.set(key, tokens);
  }
  return tokens;
}

/**
 * The sentence's tokens (memoized per block) that start in [from, to), or with `ending`, that end
 * in (from, to]: a window beside a figure read from them, not tokenized again. A word the
 * window's far edge cuts is read whole, as the sentence has it.
 */
function tokensNear(
  block: BlockView,
  starts: ReadonlySet<number>,
  sentence: Span,
  from: number,
  to: number,
  ending = false,
): Token[] {
  return tokensIn(block, starts, sentence.start, sentence.end).filter((t) =>
    inWindow(t, from, to, ending),
  );
}

/** The first of tokensNear's tokens (that start in the window), the rest not filtered. */
function firstTokenNear(
  block: BlockView,
  starts: ReadonlySet<number>,
  sentence: Span,
  from: number,
  to: number,
): Token | undefined {
  return tokensIn(block, starts, sentence.start, sentence.end).find((t) =>
    inWindow(t, from, to, false),
  );
}

/** A token that starts in [from, to), or with `ending`, that ends in (from, to]. */
function inWindow(t: Token, from: number, to: number, ending: boolean): boolean {
  return ending ? t.end > from && t.end <= to : t.start >= from && t.start < to;
}

function thingsIn(block: BlockView, start: number, end: number): Set<string> {
  const memo = block.memo;
  const key = `${start}:${end}`;
  let things = memo?.things.get(key);
  if (things === undefined) {
    things = thingNames(block.text, start, end, block.mentions);
    memo?.things.set(key, things);
  }
  return things;
}

/** What a whole block (a paragraph, a table row) names: watched entities and other things. */
export interface BlockNames {
  entities: ReadonlySet<string>;
  /**
   * The names of things — mines, projects, companies, banks, funds — as terms: "Kasempa West" in
   * "the Kasempa West project", "Nevada Gold Mines". People's names are not things: a paragraph
   * quoting an unknown official is still about its story.
   */
  names: ReadonlySet<string>;
}

// A thing's name: capitalized words, then a word that says what kind of thing it is. The kind
// word is found first (one pass over the text, case-blind: "mines" and "Mines"); the name is read
// backwards from it. (A pattern that started at every capital would try each word of a paragraph.)
const THING_KIND =
  /\b(?:mines?|projects?|corridor|company|corporation|corp\.?|resources|minerals|mining|bank|fund|group|holdings|railway|smelter|field|deposit|venture|partners|ltd\.?|inc\.?|plc|complex|refinery|plant|consortium)\b/gi;
/** At most this many words stand before a kind word as its name (descriptors included). */
const NAME_WORDS = 4;
/** How far back a name is looked for: four long words and their spaces. */
const NAME_REACH = 120;
const ATTRIBUTIVE_COMPOUND =
  /-(?:based|led|made|owned|listed|backed|run|focused|born|registered|headquartered|funded|controlled)$/i;
const NAME_WORD = /^[A-Za-z\u00c0-\u024f][\w\u00c0-\u024f’'-]*$/;
// What may stand before a sentence's first word: its start, an end of sentence, a colon, a quote.
const OPENING = /(?:^|[.!?:;\t"“‘(]\s*|^\s+)$/;
// What a thing is made of or gives ("copper", "copper-gold", "lithium"): lower-case words, not
// function words; two cover "the Kasempa West copper-gold project" and "Mbala open-pit copper mine".
const DESCRIPTORS = 2;
const DESCRIPTOR =
  /^(?!(?:on|in|of|at|to|for|and|or|the|a|an|by|with|from|its|their)$)[a-z][a-z-]+$/;
const NOT_A_NAME_WORD = /^(?:The|A|An|Its|Their|This|That|These|Those|Our|Each|Every|New|Old)$/;

// A kind word that stands before the name it introduces, as other languages write a company
// ("la empresa Nordvik", "die Firma Nordvik", "bolaget Nordvik", "Umeåbolaget Nordvik": the
// town's company, Swedish compounds the kind word with a place). English writes a name before
// its kind word, and THING_KIND reads it so; here the capitalized words right after the kind
// word are the name. Only words of no language's lexicon (a name's skeleton) count: a German
// noun after "das Unternehmen" is a noun.
const KIND_BEFORE_NAME =
  /(?:^|[^\p{L}])(?:empresa|compañía|companhia|sociedad|sociedade|mineradora|minera|société|entreprise|compagnie|groupe|società|azienda|gruppo|firma|unternehmen|konzern|gesellschaft|bedrijf|onderneming|\p{L}*(?:bolaget|företaget|koncernen|gruppen))\s+((?:\p{Lu}[\p{L}\p{N}’'-]*\s+){0,2}\p{Lu}[\p{L}\p{N}’'-]*)/giu;
/**
 * Whether a text holds one of KIND_BEFORE_NAME's kind words at all, followed by the white space
 * that pattern wants after it (same flags, so the same case folding): most pages hold none.
 * KIND_BEFORE_NAME's letter classes under case folding make it the costliest pattern the engine
 * compiles (some 4 ms in V8 at its first two uses, against 0.4 ms for this list), and a page pays
 * that in its first paint. Without the white space, English words that hold a kind word
 * ("minerals", "affirmed") let every paragraph of a mining story through: in the extraction of a
 * 1 MB source, the two patterns took 70 ms.
 */
const KIND_WORD_BEFORE_NAME =
  /(?:empresa|compañía|companhia|sociedad|sociedade|mineradora|minera|société|entreprise|compagnie|groupe|società|azienda|gruppo|firma|unternehmen|konzern|gesellschaft|bedrijf|onderneming|bolaget|företaget|koncernen|gruppen)\s/iu;

export function blockNames(block: BlockView): BlockNames {
  const entities = new Set(block.mentions.map((m) => '@' + m.entity));
  return { entities, names: thingNames(block.text, 0, block.text.length, block.mentions) };
}

/** The things (see BlockNames) text[start, end) names, as terms. */
function thingNames(
  text: string,
  start: number,
  end: number,
  mentions: readonly EntitySpan[],
): Set<string> {
  const names = new Set<string>();
  const part = text.slice(start, end);
  THING_KIND.lastIndex = 0;
  for (let k = THING_KIND.exec(part); k !== null; k = THING_KIND.exec(part)) {
    // The words right before the kind word, nearest last, each with its offset in `text`.
    const words: { word: string; at: number }[] = [];
    const from = Math.max(0, k.index - NAME_REACH);
    const before = part.slice(from, k.index);
    if (!/\s$/.test(before)) continue;
    // A name needs a capitalized word (below): most kind words ("the mine") have none before them.
    if (!/[A-Z]/.test(before)) continue;
    const re = /\S+/g;
    for (let w = re.exec(before); w !== null; w = re.exec(before)) {
      words.push({ word: w[0], at: start + from + w.index });
    }
    // A word cut by the reach is no word; and a name is made of words only.
    if (from > 0 && !/\s/.test(part[from - 1] ?? ' ')) words.shift();
    const tail: { word: string; at: number }[] = [];
    for (let i = words.length - 1; i >= 0 && tail.length < NAME_WORDS; i--) {
      const w = words[i] as { word: string; at: number };
      if (!NAME_WORD.test(w.word)) break;
      tail.unshift(w);
    }
    // The name is the run of capitalized words before the kind word: "Ceiling on US mining"
    // names no "Ceiling". Up to DESCRIPTORS lower-case words may stand between ("the Mbala
    // copper deposit").
    let last = tail.length;
    while (
      last > tail.length - DESCRIPTORS &&
      last > 0 &&
      DESCRIPTOR.test((tail[last - 1] as { word: string }).word)
    )
      last--;
    let first = last;
    while (first > 0 && /^[A-Z]/.test((tail[first - 1] as { word: string }).word)) first--;
    if (first === last) continue;
    const run = tail.slice(first, last);
    const runStart = (run[0] as { at: number }).at;
    const lastWord = run[run.length - 1] as { word: string; at: number };
    const runEnd = lastWord.at + lastWord.word.length;
    // Inside a watched name ("Barrick Mining Corporation") it is the entity, not another thing.
    if (mentions.some((x) => x.start < runEnd && runStart < x.end)) continue;
    // A capital that opens a sentence may be an ordinary word ("Officials project export of…",
    // "Copper mines across…"): a lone such word names nothing. (A one-word name that opens its
    // sentence, "Lumwana mine is…", is lost here; the page names it again elsewhere, as pages do.)
    const opensSentence = OPENING.test(text.slice(Math.max(0, runStart - 3), runStart));
    run.forEach(({ word }, i) => {
      if (NOT_A_NAME_WORD.test(word)) return;
      // "US-made", "Chinese-led": a place's compound says where, and names nothing.
      const head = word.split(/[-–]/)[0] as string;
      if (head !== word && isPlaceTerm(termOf(head, true) ?? '')) return;
      // "Toronto-based", "Stockholm-listed", "state-owned": where or whose, not a name.
      if (ATTRIBUTIVE_COMPOUND.test(word)) return;
      if (opensSentence && i === 0 && run.length === 1) return;
      const term = termOf(word, true);
      if (term && !term.startsWith('@')) names.add(term);
    });
  }
  if (!KIND_WORD_BEFORE_NAME.test(part)) return names;
  KIND_BEFORE_NAME.lastIndex = 0;
  for (let k = KIND_BEFORE_NAME.exec(part); k !== null; k = KIND_BEFORE_NAME.exec(part)) {
    const run = k[1] as string;
    const runStart = start + k.index + k[0].length - run.length;
    const runEnd = start + k.index + k[0].length;
    if (mentions.some((x) => x.start < runEnd && runStart < x.end)) continue;
    for (const word of run.split(/\s+/)) {
      if (!/^\p{Lu}/u.test(word)) break;
      const term = termOf(word, true);
      if (term && term.startsWith('~')) names.add(term);
    }
  }
  return names;
}

/** The context of figure `i` of a block. */
export function figureContext(
  block: BlockView,
  i: number,
  sentenceIndex: number,
  namesOfBlock: BlockNames = blockNames(block),
): FigureContext {
  const { text, sentences, figures } = block;
  const figure = figures[i] as Figure;
  const sentence = sentences[sentenceIndex] ?? { start: 0, end: text.length };
  const previous = sentenceIndex > 0 ? sentences[sentenceIndex - 1] : undefined;
  const hood = clipToCell(text, neighbourhood(text, figures, i, sentence), figure);
  const starts = block.memo?.starts ?? new Set(sentences.map((s) => s.start));
  const terms: Terms = new Map();
  const names = new Set<string>();
  const subjects = new Set<string>();
  // Words after a figure count at half their distance; after a bracketed figure, at twice it.
  const afterFactor = bracketed(text, figure) ? 2 : 0.5;
  const put = (t: Token, weight: number): void => {
    const had = terms.get(t.term);
    if (!had || had.weight < weight) {
      terms.set(
        t.term,
        t.alias ? { weight, surface: t.surface, alias: t.alias } : { weight, surface: t.surface },
      );
    }
  };
  for (const t of tokensIn(block, starts, sentence.start, sentence.end)) {
    // A money figure's own words are its currency ("US$", "Rs"), said by its unit already; a
    // count's words between number and noun say what is counted ("6,000 US jobs"): kept.
    if (figure.kind !== 'count' && t.start >= figure.start && t.end <= figure.end) continue;
    // So are another amount's: the "US" of "55% of the US$1.08bn capex" names no country.
    if (insideCurrency(figures, t)) continue;
    const distance =
      t.end <= figure.start
        ? figure.start - t.end
        : t.start >= figure.end
          ? (t.start - figure.end) * afterFactor
          : 0;
    const inHood = t.end > hood.start && t.start < hood.end;
    const near = 1 / (1 + distance / HALF_WEIGHT_AT);
    const weight = Math.max(FLOOR, inHood ? near : near * OUTSIDE_HOOD);
    put(t, weight);
    if (inHood && t.proper && !t.term.startsWith('@')) names.add(t.term);
    if (t.term.startsWith('@') && weight >= SUBJECT_WEIGHT) subjects.add(t.term);
  }
  if (
    DISTRIBUTIVE.test(text.slice(figure.end, figure.end + 16)) ||
    DISTRIBUTIVE_BEFORE.test(text.slice(Math.max(0, figure.start - 24), figure.start))
  ) {
    terms.set(EACH, { weight: 1, surface: 'each' });
  } else if (
    COLLECTIVE_AFTER.test(text.slice(figure.end, figure.end + 48)) ||
    COLLECTIVE_BEFORE.test(text.slice(Math.max(0, figure.start - 32), figure.start))
  ) {
    terms.set(TOGETHER, { weight: 1, surface: 'together' });
  }
  if (
    RATE_AFTER.test(text.slice(figure.end, Math.min(sentence.end, figure.end + 60))) ||
    RATE_BEFORE.test(text.slice(Math.max(0, figure.start - 40), figure.start))
  ) {
    terms.set(RATE, { weight: 1, surface: 'a year' });
  }
  const head = headAfter(block, figure, sentence, starts);
  if (head && !insideCurrency(figures, head)) put(head, HEAD_WEIGHT);
  for (const t of copulaSubject(block, starts, sentence, figure)) put(t, SUBJECT_OF_COPULA);
  if (
    figure.kind === 'percent' &&
    HOLDS.test(text.slice(Math.max(0, figure.start - 40), figure.start))
  ) {
    terms.set(STAKE, { weight: 1, surface: 'has' });
  }
  if (figure.kind === 'money' && buildsSomething(text, figure, head)) {
    terms.set(COST, {
      weight: HEAD_WEIGHT,
      surface: text.slice(figure.end, figure.end + 16).trim(),
    });
  }
  if (previous) {
    for (const t of tokensIn(block, starts, previous.start, previous.end)) {
      put(t, PREVIOUS_WEIGHT);
    }
  }
  if (figure.kind === 'count') {
    const unit = 'unit:' + countClass(figure.unit);
    terms.set(unit, { weight: 1, surface: figure.unit });
  }
  // A figure that restates an earlier one ("$415 million, so call it roughly $0.4 billion"; "we
  // wrote that the loan was $451 million. The bank's figure is $415 million") measures what that
  // one measures: the attributor gives it that one's claim (FigureContext.restated).
  const antecedent = restates(block, starts, sentence, figure)
    ? antecedentOf(block, i, previous)
    : -1;
  return {
    terms,
    names,
    block: namesOfBlock,
    local: thingsIn(block, previous?.start ?? sentence.start, sentence.end),
    ownEstimate: OWN_ESTIMATE.test(text.slice(sentence.start, sentence.end)),
    dateline:
      figure.kind === 'year' &&
      ((DATELINE_BEFORE.test(text.slice(0, figure.start)) &&
        DATELINE_AFTER.test(text.slice(figure.end, figure.end + 12))) ||
        COPYRIGHT_BEFORE.test(text.slice(Math.max(0, figure.start - 24), figure.start))),
    sentence: {
      things: thingsIn(block, sentence.start, sentence.end),
      places: new Set(
        tokensIn(block, starts, sentence.start, sentence.end)
          .map((t) => t.term)
          .filter(isPlaceTerm),
      ),
      entities: new Set(
        block.mentions
          .filter((m) => m.start >= sentence.start && m.end <= sentence.end)
          .map((m) => '@' + m.entity),
      ),
    },
    subjects,
    hood,
    near: objectNames(block, i, sentence, starts),
    modifiers: countModifiers(text, figure, block, starts),
    ...(antecedent !== -1 ? { restated: antecedent } : {}),
  };
}

/** See OBJECT_REACH: the names (not watched entities) a figure is of, in or at. */
function objectNames(
  block: BlockView,
  i: number,
  sentence: Span,
  starts: ReadonlySet<number>,
): string[] {
  const { text, figures } = block;
  const figure = figures[i] as Figure;
  const out: string[] = [];
  const end = Math.min(sentence.end, figure.end + OBJECT_REACH);
  const after = tokensNear(block, starts, sentence, figure.end, end);
  for (const t of after) {
    if (!OBJECT_AFTER.test(text.slice(figure.end, t.start))) continue;
    if (/[,;:.()]/.test(text.slice(figure.end, t.start))) break;
    // Another amount's currency ("55% of the US$1.08bn capex") is no place the figure is of.
    if (insideCurrency(figures, t)) break;
    if ((t.proper && !t.term.startsWith('@')) || isPlaceTerm(t.term)) out.push(t.term);
    break;
  }
  const start = Math.max(sentence.start, figure.start - OBJECT_REACH);
  const before = tokensNear(block, starts, sentence, start, figure.start, true);
  for (let i = before.length - 1; i >= 0; i--) {
    const t = before[i] as Token;
    const gap = text.slice(t.end, figure.start);
    if (!OBJECT_BEFORE.test(gap)) continue;
    if ((t.proper && !t.term.startsWith('@')) || isPlaceTerm(t.term)) out.push(t.term);
    break;
  }
  return out;
}

/** The terms of the words inside a count between its number and its noun: "3,000 direct jobs". */
function countModifiers(
  text: string,
  figure: Figure,
  block: BlockView,
  starts: ReadonlySet<number>,
): string[] {
  if (figure.kind !== 'count') return [];
  const tokens = tokenize(text, figure.start, figure.end, block.mentions, starts);
  // The last word is the noun itself; places ("US jobs") say where, not what.
  return tokens
    .slice(0, -1)
    .map((t) => t.term)
    .filter((t) => !isPlaceTerm(t) && !t.startsWith('@'));
}

// A dateline: the block opens with a place in capitals, a comma and the date; a wire's or a press
// service's mark follows ("/PR Dispatch/", "(Reuters)") or the dash that opens the story.
const DATELINE_BEFORE =
  /^\s*[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][A-Za-z .'’-]{1,30})?,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+)$/;
const DATELINE_AFTER = /^\s*(?:\/|--|—|–|\()/;
// A copyright notice's year ("© 2026 Niassa Today Media", "Copyright 2019–2026") is the page's own
// date too: whatever the publisher's name shares with a source ("Today", "Media"), it states no fact.
const COPYRIGHT_BEFORE = /(?:©|\(c\)|\bcopyright)\s*(?:\d{4}\s*[-–]\s*)?$/i;

// "We project", "our estimate", "by our count": the writer speaks, not a source.
const OWN_ESTIMATE =
  /\b(?:we|I)\s+(?:project|estimate|calculate|reckon|forecast|assume|guess|put)\b|\b(?:our|my)\s+(?:own\s+)?(?:estimates?|projections?|model|calculations?|forecasts?|reckoning|guess)\b|\bby\s+(?:our|my)\s+(?:count|estimate|reckoning)\b/i;

/**
 * A share that someone has, had, keeps, retains or owns ("Barrick has half", "we own 75%", "keeps
 * a token 5%": words that size a share may stand between), or that is theirs ("the trust's ten
 * percent"), is their stake, as the sources' "a 15 per cent stake"
 * says: the clause gets the term STAKE, as a word right beside the figure weighs. ("Holds", "owns",
 * "controls" are words for a stake already, terms.ts; "has" and "own" are too common to be terms.)
 */
const STAKE = 'stake';
const HOLDS =
  /(?:\b(?:has|have|had|held|own|keeps?|kept|retains?|retained)\s+|\w['’]s\s+)(?:(?:a|an|the|its|their|other|another|remaining|rest|of|just|only|about|around|roughly|some|nearly|almost|token|symbolic|nominal|small|modest|tiny|minority|majority|controlling|large|direct|indirect|free|carried|further|additional)\s+){0,3}$/i;

/**
 * An amount that names a thing built ("a $7 billion project", "the $1bn smelter") or says what it
 * takes to build it ("$7bn to build", "$2 billion to develop") is what the thing costs, as a
 * source's "the total cost of the project is $7 billion" says: the clause gets the term COST. An
 * amount before an instrument ("a $1.25 billion loan", "a $500 million deal") is that instrument's.
 */
const COST = 'cost';
const BUILT_THING =
  /^[\s-]*(?:project|mine|development|plant|facility|smelter|refinery|pipeline|port|railway|dam|factory|complex|expansion|scheme|venture|operation|build|build-?out|construction)s?\b/i;
const TO_BUILD = /^\s+(?:to|will\s+take\s+to)\s+(?:build|develop|construct|complete)\b/i;

function buildsSomething(text: string, figure: Figure, head: Token | null): boolean {
  const after = text.slice(figure.end, figure.end + 40);
  if (TO_BUILD.test(after)) return true;
  return head !== null && head.start - figure.end <= 2 && BUILT_THING.test(after);
}

/**
 * "The total cost of the project is around $7 billion", "The mine's cost has been put at around
 * $7 billion": a figure that completes a copula is what the copula's subject measures, however far
 * its words stand from the figure. The subject's nouns (back to the clause's start, at most
 * SUBJECT_WORDS words) weigh SUBJECT_OF_COPULA — as a word right beside the figure does (KEY_WORD),
 * less than its own head word.
 */
const SUBJECT_OF_COPULA = 0.95;
const SUBJECT_WORDS = 6;
const COPULA_BEFORE =
  /\b(?:is|was|are|were|will\s+be|would\s+be|stands?\s+at|stood\s+at|totals?|totall?ed|amounts?\s+to|amounted\s+to|comes?\s+to|came\s+to|(?:has\s+been|have\s+been|is|was|are|were)\s+(?:put|estimated|valued|set|pegged|priced)\s+at)\s+(?:(?:about|around|roughly|approximately|nearly|almost|some|an\s+estimated|just|over|under|more\s+than|less\s+than)\s+)*$/i;

function copulaSubject(
  block: BlockView,
  starts: ReadonlySet<number>,
  sentence: Span,
  figure: Figure,
): Token[] {
  const before = block.text.slice(sentence.start, figure.start);
  const copula = COPULA_BEFORE.exec(before);
  if (!copula) return [];
  const subjectEnd = sentence.start + copula.index;
  // The clause the subject opens: after the last comma, semicolon, colon or dash before it.
  let start = sentence.start;
  for (const c of [',', ';', ':', ' – ', ' — ']) {
    const at = block.text.lastIndexOf(c, subjectEnd - 1);
    if (at >= start) start = at + c.length;
  }
  const subject = tokensIn(block, starts, sentence.start, sentence.end).filter(
    (t) => t.start >= start && t.end <= subjectEnd && isPredicateTerm(t.term),
  );
  // "The figure in the bank's announcement is $415 million": a subject that names a number, not
  // a thing, says nothing of what is measured.
  if (subject.some((t) => NUMBER_NOUNS.has(t.term))) return [];
  return subject.slice(-SUBJECT_WORDS);
}
/**
 * Does the figure restate an earlier one: "call it", "or about", "that is" right before it, or a
 * copula whose subject is a number noun ("the bank's figure is", "the correct number is")?
 */
const RESTATE_BEFORE =
  /(?:\bcall\s+it|\bor\s+(?:about|around|roughly|approximately|nearly|almost|some)|\bi\.e\.,?|\bthat\s+is,|\bin\s+other\s+words,?)\s+(?:(?:about|around|roughly|approximately|nearly|almost|some)\s+)*$/i;

function restates(
  block: BlockView,
  starts: ReadonlySet<number>,
  sentence: Span,
  figure: Figure,
): boolean {
  const before = block.text.slice(Math.max(sentence.start, figure.start - 40), figure.start);
  if (RESTATE_BEFORE.test(before)) return true;
  const copula = COPULA_BEFORE.exec(block.text.slice(sentence.start, figure.start));
  if (!copula) return false;
  const subjectEnd = sentence.start + copula.index;
  return tokensIn(block, starts, sentence.start, sentence.end).some(
    (t) =>
      t.start >= Math.max(sentence.start, subjectEnd - 40) &&
      t.end <= subjectEnd &&
      NUMBER_NOUNS.has(t.term),
  );
}

/**
 * The figure restated: the nearest figure before it of its kind and unit, in its sentence or the
 * one before; -1 if none.
 */
function antecedentOf(block: BlockView, i: number, previous: Span | undefined): number {
  const figure = block.figures[i] as Figure;
  const from = previous?.start ?? 0;
  for (let j = i - 1; j >= 0; j--) {
    const f = block.figures[j] as Figure;
    if (f.start < from) break;
    if (f.kind === figure.kind && f.unit === figure.unit) return j;
  }
  return -1;
}

const NUMBER_NOUNS: ReadonlySet<string> = new Set(
  'figure number amount sum estimate tally count value answer'
    .split(' ')
    .map((w) => termOf(w, false))
    .filter((t): t is string => t !== null),
);

/** The figure's head word (see HEAD_WEIGHT), or null. */
function headAfter(
  block: BlockView,
  figure: Figure,
  sentence: Span,
  starts: ReadonlySet<number>,
): Token | null {
  const { text } = block;
  const end = Math.min(sentence.end, figure.end + HEAD_REACH);
  const first = firstTokenNear(block, starts, sentence, figure.end, end);
  if (!first || !HEAD_GAP.test(text.slice(figure.end, first.start))) return null;
  return first;
}

/** Is the token a word of a money figure ("US" of "US$1.08bn", "Rs"): its currency? */
function insideCurrency(figures: readonly Figure[], t: Token): boolean {
  for (const f of figures) {
    if (f.kind === 'money' && t.start >= f.start && t.end <= f.end) return true;
  }
  return false;
}

/**
 * In a table row (cells separated by tabs) a figure is described by its own cell and the cells
 * before it (the row's label); cells after it are other columns ("Source: US Embassy").
 */
function clipToCell(text: string, area: Span, figure: Figure): Span {
  const tab = text.indexOf('\t', figure.end);
  return tab !== -1 && tab < area.end ? { start: area.start, end: tab } : area;
}

/** The stretch of the sentence that belongs to figure i rather than to its neighbours. */
function neighbourhood(text: string, figures: readonly Figure[], i: number, sentence: Span): Span {
  const figure = figures[i] as Figure;
  const prev = figures[i - 1];
  const next = figures[i + 1];
  const start = prev && prev.end > sentence.start ? cut(text, prev, figure) : sentence.start;
  // A date that opens its sentence ("In July 2025, shortly after imposing a 25% tariff, Trump
  // said…") dates the whole sentence: figures inside it do not cut its clause short.
  const fronted =
    figure.kind === 'year' && FRONTED_DATE.test(text.slice(sentence.start, figure.start));
  const end =
    next && next.start < sentence.end && !fronted ? cut(text, figure, next) : sentence.end;
  return { start, end };
}

const FRONTED_DATE =
  /^\s*(?:in|on|by|since|until|from|during|early|late|mid-?)?\s*(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},?\s+)?)?$/i;

/**
 * Where the words between two figures stop belonging to the first: at the last punctuation joint
 * (comma, semicolon, table cell) between them; else where a word is as near the second figure as
 * it is, at half weight, to the first — what follows a figure says what it measures, so the first
 * keeps two thirds of the gap ("$1.25 billion loan to finance the mine … alongside the newly
 * announced $10 billion"). A figure in brackets ("Barrick Gold (50%) and Pakistani stakeholders
 * (50%)") is described by what precedes it: it keeps a third.
 */
function cut(text: string, left: Figure, right: Figure): number {
  const gap = text.slice(left.end, right.start);
  let joint = -1;
  PUNCTUATION_JOINT.lastIndex = 0;
  for (let m = PUNCTUATION_JOINT.exec(gap); m !== null; m = PUNCTUATION_JOINT.exec(gap)) {
    joint = m.index;
  }
  if (joint !== -1) return left.end + joint;
  const share = bracketed(text, left) ? 1 / 3 : 2 / 3;
  return left.end + Math.round(gap.length * share);
}

const PUNCTUATION_JOINT = /[;,\t]|\s[–—]\s/g;

/** Is the figure written in brackets right after what it measures: "Barrick Gold (50%)"? */
export function bracketed(text: string, figure: Figure): boolean {
  return /\(\s*$/.test(text.slice(Math.max(0, figure.start - 3), figure.start));
}
