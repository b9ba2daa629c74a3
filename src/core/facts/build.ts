/**
 * Building the fact base from seed articles, with the same engine that reads pages: every figure
 * of a seed that the attributor gives an attribute becomes a fact, with its provenance.
 *
 * Where seeds disagree or round differently ("$1.25 billion", "up to $1.3 billion") every fact is
 * kept; the comparison decides agreement by rounding (compare.ts).
 */
import { analyzeBlock } from '../report/analyze';
import { displayText } from '../text/fold';
import { sentenceSpans, spanIndexAt } from '../text/sentences';
import type { Fact } from '../types';

export interface SeedText {
  /** The seed's file name, e.g. "001_39814e93883a93bf.txt". */
  file: string;
  text: string;
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

export function factsFromSeed(seed: SeedText): Fact[] {
  const meta = seedMetadata(seed.text);
  const facts: Fact[] = [];
  let blockStart = 0;
  for (const block of meta.body.split('\n')) {
    const { figures } = analyzeBlock(block);
    const sentences = figures.length > 0 ? sentenceSpans(block) : [];
    for (const f of figures) {
      if (f.attribute === null) continue;
      const s = sentences[spanIndexAt(sentences, f.start)] ?? { start: 0, end: block.length };
      facts.push({
        id: `seed:${seed.file}:${blockStart + f.start}`,
        attribute: f.attribute,
        kind: f.kind,
        value: f.value,
        unit: f.unit,
        precision: f.precision,
        qualifier: f.qualifier ?? null,
        text: f.text,
        quote: displayText(block, s.start, s.end),
        quoteStart: blockStart + s.start,
        quoteEnd: blockStart + s.end,
        start: blockStart + f.start,
        end: blockStart + f.end,
        source: { type: 'seed', file: seed.file, title: meta.title, date: meta.date },
      });
    }
    blockStart += block.length + 1;
  }
  return facts;
}

export function buildFactBase(seeds: readonly SeedText[]): FactBase {
  const sorted = [...seeds].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    version: 1,
    seeds: sorted.map((s) => {
      const { title, date } = seedMetadata(s.text);
      return { file: s.file, title, date };
    }),
    facts: sorted.flatMap(factsFromSeed),
  };
}
