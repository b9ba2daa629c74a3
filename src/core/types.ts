/**
 * The engine's vocabulary. Everything under src/core speaks these types; the report types at the
 * bottom are a contract written down in docs/contracts.md ("Report"), and other tools parse them:
 * keep them exact.
 */

/**
 * Entity ids are a contract: `reko-diq`, `exim` (the US bank only), `barrick` are bundled; a
 * journalist's watched names add their own (lower-case words joined by hyphens).
 */
export type EntityId = string;

/** A half-open span [start, end) of UTF-16 offsets into the text the engine was given. */
export interface Span {
  start: number;
  end: number;
}

export interface Mention extends Span {
  entity: EntityId;
  /** The mention as the reader sees it, whitespace collapsed. */
  text: string;
}

export type FigureKind = 'money' | 'count' | 'percent' | 'year';

/**
 * What a qualifier word says about the stated number:
 * - `approx`: about, around, approximately, roughly, an estimated, nearly, almost, some…
 * - `max`: up to, as much as, at most, no more than, less than, under…
 * - `min`: more than, over, at least, upwards of…
 */
export type QualifierSense = 'approx' | 'max' | 'min';

export interface Qualifier {
  /** The qualifier as written, lower-cased and whitespace collapsed: "up to", "about". */
  text: string;
  sense: QualifierSense;
}

export interface Figure extends Span {
  kind: FigureKind;
  /** The figure as the reader sees it, whitespace collapsed; the qualifier is not part of it. */
  text: string;
  /** Normalized number: "$1.25 billion" → 1250000000, "15 per cent" → 15, "by 2028" → 2028. */
  value: number;
  /** ISO 4217 code for money, "%" for percent, a plural noun for counts ("jobs"), "year" for years. */
  unit: string;
  /**
   * Half the place value of the last digit the writer stated, in the unit of `value`:
   * "$1.3 billion" → 50,000,000; "6,000 jobs" → 500; "50%" → 0.5; "half" → 0; "2028" → 0.
   * Comparison uses it to accept rounding as agreement.
   */
  precision: number;
  qualifier?: Qualifier;
}

/**
 * A claim id: what a figure speaks of, shared by every fact that states the same claim, e.g.
 * `exim.financing-approved`. Generated from the sources by src/core/claims/group.ts.
 */
export type AttributeId = string;

export interface AttributedFigure extends Figure {
  attribute: AttributeId | null;
  /** The page's words that matched the claim's source sentences, most telling first. */
  matched?: string[];
}

export type Verdict = 'supported' | 'contradicted' | 'unverified';

/**
 * Where a fact came from. Seed facts name their seed file; users' facts name the page; facts of a
 * journalist's own source (the extension's Library) name the source, and its page URL or file
 * name when it has one.
 */
export type FactSource =
  | { type: 'seed'; file: string; title: string; date: string | null }
  | { type: 'user'; url: string; title: string; date: string | null }
  | {
      type: 'source';
      /** The source's id (the Library's Sources); its facts' ids are `source:<sourceId>:<offset>`. */
      sourceId: string;
      title: string;
      /** The page it was read from (a source added from a page). */
      url?: string;
      /** The file it was read from (a source added from a file). */
      name?: string;
      date: string | null;
    };

export interface Fact {
  /**
   * Stable id: `seed:<file>:<start>` for seed facts, `user:<uuid>` for users' facts,
   * `source:<source id>:<start>` for the facts of a journalist's own source (the CLI's
   * `--sources`: `source:<file name>:<start>`).
   */
  id: string;
  attribute: AttributeId;
  kind: FigureKind;
  value: number;
  unit: string;
  precision: number;
  qualifier: Qualifier | null;
  /** The figure as written in the source. */
  text: string;
  /** The sentence that states the fact, whitespace collapsed. */
  quote: string;
  /** Offsets of the quote and of the figure in the source's text. */
  quoteStart: number;
  quoteEnd: number;
  start: number;
  end: number;
  source: FactSource;
  /** What the fact is about, in the source's words: the figure's clause. */
  about?: string;
  /** Who or what the clause speaks of: an entity id, a named thing ("Project Vault"), or null. */
  subject?: string | null;
  /** Entity ids the fact's source names anywhere: the story it belongs to. */
  story?: string[];
  /** The fact's context as weighted terms (src/core/claims/context.ts), stored by the build. */
  terms?: Record<string, number>;
  /** The names its quote uses (src/core/claims/terms.ts namesIn), stored by the build. */
  names?: string[];
}

export interface Comparison {
  verdict: Verdict;
  /** Ids of the facts behind the verdict: those that agree, or all of the attribute's if none does. */
  facts: string[];
}

// ---- Report: the contract of docs/contracts.md -----------------------------------------------

export interface ReportMention {
  entity: EntityId;
  text: string;
  start: number;
  end: number;
}

export interface ReportFigure {
  text: string;
  start: number;
  end: number;
  kind: FigureKind;
  value: number;
  unit: string;
  attribute: AttributeId | null;
  verdict: Verdict;
  facts: string[];
  /** Present only when the page qualifies the figure ("up to", "about"). */
  qualifier?: string;
  /** Present only when a claim was matched: the page's words that matched its sources. */
  matched?: string[];
}

export interface ReportAnnotation {
  id: string;
  quote: string;
  anchored: boolean;
}

export interface Report {
  version: 1;
  url: string;
  title: string;
  mentions: ReportMention[];
  figures: ReportFigure[];
  annotations?: ReportAnnotation[];
}
