/**
 * Building the fact base from source articles, with the same engine that reads pages: every figure
 * of a source is a fact — what it is about in the source's words, its subject, its context terms
 * (src/core/claims) and its provenance — and facts that state the same claim, across sources, are
 * grouped under one claim id (src/core/claims/group.ts).
 *
 * Where sources round differently ("$1.25 billion", "up to $1.3 billion") every fact is kept under
 * the one claim; the comparison decides agreement by rounding (src/core/agreement.ts).
 */
import { describeFigure, sharedBlock } from '../claims/describe';
import { namesIn } from '../claims/terms';
import { datedReferences } from './dated-references';
import { groupIntoClaims, type DescribedFact } from '../claims/group';
import { BUNDLED_LEXICON, type Lexicon } from '../entities';
import { recognizeBlock } from '../report/analyze';
import { displayText } from '../text/fold';
import { sentenceSpans, spanIndexAt } from '../text/sentences';
import type { Fact, Figure } from '../types';

export interface SeedText {
  /** The seed's file name, e.g. "001_39814e93883a93bf.txt". */
  file: string;
  text: string;
  /**
   * The source's date when it is known apart from its text (a source added in the extension,
   * with a date the journalist gave): it takes the place of the text's `date` marker.
   */
  date?: string | null;
}

export interface FactBase {
  version: 1;
  /** Seed files the facts were built from, in order. */
  seeds: { file: string; title: string; date: string | null }[];
  facts: Fact[];
}

// Seeds may open with a metadata marker, " date 2026-02-06 Washington: …". It is not prose.
const DATE_MARKER = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b/;
// A first line this short with no closing period is a headline, not a sentence.
const HEADLINE_MAX = 120;
// A title made from a first sentence is cut at about this many characters, at a word boundary.
const TITLE_FROM_SENTENCE_MAX = 90;

export interface SeedMetadata {
  title: string;
  date: string | null;
  /** The text with the metadata marker blanked out by spaces, so offsets stay those of the file. */
  body: string;
}

export function seedMetadata(text: string): SeedMetadata {
  const marker = DATE_MARKER.exec(text);
  const date = marker?.[1] ?? null;
  const body = marker ? ' '.repeat(marker[0].length) + text.slice(marker[0].length) : text;
  return { title: titleOf(body), date, body };
}

function titleOf(body: string): string {
  const firstLine =
    body
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.replace(/\s+/g, ' ')
      .trim() ?? '';
  if (firstLine.length <= HEADLINE_MAX && !/[.!?]$/.test(firstLine)) return firstLine;
  const first = sentenceSpans(firstLine)[0];
  const sentence = first ? firstLine.slice(first.start, first.end) : firstLine;
  if (sentence.length <= TITLE_FROM_SENTENCE_MAX) return sentence;
  const cut = sentence.lastIndexOf(' ', TITLE_FROM_SENTENCE_MAX);
  return sentence.slice(0, cut > 0 ? cut : TITLE_FROM_SENTENCE_MAX) + '…';
}

/** Every figure of one source as a fact, described; claim ids are set by buildFactBase. */
export function describedFactsFromSeed(
  seed: SeedText,
  lexicon: Lexicon = BUNDLED_LEXICON,
  idPrefix = 'seed',
): DescribedFact[] {
  const parsed = seedMetadata(seed.text);
  const meta = seed.date === undefined ? parsed : { ...parsed, date: seed.date };
  const story = [...new Set(lexicon.find(meta.body).map((m) => m.entity))].sort();
  const out: DescribedFact[] = [];
  let blockStart = 0;
  for (const raw of meta.body.split('\n')) {
    const found = recognizeBlock(raw, '', lexicon);
    // A block with invisible characters is described in its folded form; offsets map back.
    const inner = found.folded;
    const block = inner ? inner.text : raw;
    const stated = inner ? inner.figures : found.figures;
    // Days and months written without a year take the source's date's (dated-references.ts).
    const dated =
      meta.date === null
        ? []
        : datedReferences(block, meta.date).filter(
            (r) => !stated.some((f) => f.start < r.end && r.start < f.end),
          );
    const figures =
      dated.length === 0 ? stated : [...stated, ...dated].sort((a, b) => a.start - b.start);
    const resolved = new Map<Figure, string>(dated.map((r) => [r, r.month]));
    const mentions = inner ? inner.mentions : found.mentions;
    const toOriginal = inner ? inner.toOriginal : (i: number) => i;
    // One reading of the block's sentences serves the quotes and every figure's description.
    const shared = figures.length > 0 ? sharedBlock({ text: block, figures, mentions }) : null;
    const sentences = shared?.sentences ?? [];
    const namesByQuote = new Map<string, string[]>();
    figures.forEach((f, i) => {
      const s = sentences[spanIndexAt(sentences, f.start)] ?? { start: 0, end: block.length };
      const d = describeFigure({ text: block, figures, mentions }, i, shared ?? undefined);
      const terms = new Map([...d.context.terms].map(([t, w]) => [t, round(w.weight)]));
      const surfaces = new Map([...d.context.terms].map(([t, w]) => [t, w.surface]));
      // A resolved day or month is its month, as a page writes it beside the year.
      const month = resolved.get(f);
      if (month) {
        terms.set(month, 1);
        surfaces.set(month, month);
      }
      const start = toOriginal(f.start);
      const end = toOriginal(f.end);
      const quote = displayText(raw, toOriginal(s.start), toOriginal(s.end));
      // The figures of one sentence share its quote: its names are read once.
      let names = namesByQuote.get(quote);
      if (names === undefined) {
        names = namesIn(quote);
        namesByQuote.set(quote, names);
      }
      const fact: Fact = {
        id: `${idPrefix}:${seed.file}:${blockStart + start}`,
        attribute: '',
        kind: f.kind,
        value: f.value,
        unit: f.unit,
        precision: f.precision,
        qualifier: f.qualifier ?? null,
        // A resolved day or month reads as the year it stands for; the quote shows the words.
        text: resolved.has(f) ? String(f.value) : displayText(raw, start, end),
        quote,
        quoteStart: blockStart + toOriginal(s.start),
        quoteEnd: blockStart + toOriginal(s.end),
        start: blockStart + start,
        end: blockStart + end,
        source: { type: 'seed', file: seed.file, title: meta.title, date: meta.date },
        about: d.about,
        subject: d.subject,
        story,
        terms: Object.fromEntries(terms),
        names,
      };
      out.push({ fact, terms, surfaces });
    });
    blockStart += raw.length + 1;
  }
  return out;
}

// Stored weights keep three decimals: the JSON stays small, matching is unchanged.
function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function factsFromSeed(seed: SeedText): Fact[] {
  const described = describedFactsFromSeed(seed);
  groupIntoClaims(described);
  return described.map((d) => d.fact);
}

export interface BuildOptions {
  /** The entities watched: a source's story is the entities it names. */
  lexicon?: Lexicon;
  /** Fact ids are `<prefix>:<file>:<offset>`: `seed` for the bundled seeds, `source` for others. */
  idPrefix?: string;
  /** Claim ids already in use (the bundled fact base's, when sources are added to it). */
  takenClaimIds?: ReadonlySet<string>;
}

export function buildFactBase(seeds: readonly SeedText[], options: BuildOptions = {}): FactBase {
  const sorted = [...seeds].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const described = sorted.flatMap((s) =>
    describedFactsFromSeed(s, options.lexicon, options.idPrefix),
  );
  groupIntoClaims(described, options.takenClaimIds);
  return {
    version: 1,
    seeds: sorted.map((s) => {
      const { title, date } = seedMetadata(s.text);
      return { file: s.file, title, date };
    }),
    facts: described.map((d) => d.fact),
  };
}
