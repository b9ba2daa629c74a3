/**
 * Fact boxes and stat cards: a block that holds only a figure ("$1.25bn", "6,000") is described by
 * a short block beside it ("Financing approved by the US Export-Import Bank", "American jobs"). A
 * table row keeps its label in the same block (cells joined by tabs); cards and definition lists
 * do not.
 *
 * Which neighbour is the label is decided per run of short blocks: a run that opens with a figure
 * is value-then-label (the label follows each figure), a run that opens with a label is
 * label-then-value. Blocks are taken one at a time in document order, so the content script can
 * follow the page as it walks it, and the CLI gets the same answer.
 */
import type { Figure } from '../types';
import { sentenceSpans } from './sentences';

/** A label is a caption, not a paragraph: at most this many characters. */
export const LABEL_MAX = 100;
/** A figure-only block has at most this many letters beside its figure ("about", "up to", "~"). */
const OTHER_LETTERS_MAX = 8;

export type BlockRole = 'figure' | 'label' | 'text';

export interface Label {
  text: string;
  /**
   * Where the label stands: before the figure (label-then-value) or after it; or 'table', the
   * caption or first header cell that states the unit of a table row's numbers
   * (src/core/figures/table-units.ts).
   */
  position: 'before' | 'after' | 'table';
}

/**
 * Could the text state a table's unit? Cheap and language-free, for every short block and first
 * cell a page's walk meets: a parenthesis, or an opening "in"/"en"/"em" ("(cifras en billones de
 * pesos)", "in Mio. Euro"). Whether it does is the recognizer's to read (table-units.ts).
 */
const MAY_STATE_UNIT = /\(|^\s*(?:in|en|em)\s/i;

// A number alone ("6,000", "7.5k" is a figure already): a stat card's value, its noun in the caption.
const BARE_NUMBER = /^\s*(?:[~≈]\s*)?\d{1,3}(?:[,.\u00a0\u202f ]\d{3})*(?:[.,]\d+)?\s*\+?\s*$/;

/** Is the block a number alone, whose noun its caption will give? */
export function isBareNumber(text: string): boolean {
  return BARE_NUMBER.test(text);
}

/** The role a block plays in a run: a lone figure, a caption, or running text. */
export function blockRole(text: string, figures: readonly Figure[]): BlockRole {
  // Most blocks of a page are paragraphs: told apart by length alone, without a copy of the text.
  if (figures.length !== 1 && text.length > 2 * LABEL_MAX) return 'text';
  // A table row that holds a figure has its label in its own cells ("US jobs\t6,000"): it waits
  // for no caption, and it is no caption for a neighbour.
  if (figures.length > 0 && text.includes('\t')) return 'text';
  if (figures.length === 0 && isBareNumber(text)) return 'figure';
  if (figures.length === 1) {
    const f = figures[0] as Figure;
    // Counted only up to the limit: a paragraph with one figure is told apart by its first few
    // letters, not by all of them (this runs for every such paragraph of the page's first pass).
    const letters = lettersUpTo(text, 0, f.start, OTHER_LETTERS_MAX + 1);
    if (
      letters + lettersUpTo(text, f.end, text.length, OTHER_LETTERS_MAX + 1 - letters) <=
      OTHER_LETTERS_MAX
    )
      return 'figure';
  }
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= LABEL_MAX ? 'label' : 'text';
}

// More letters than any figure's own text holds ("one hundred and twenty-five thousand dollars"
// has 38), with room to spare: a block with this many beside OTHER_LETTERS_MAX is no lone figure.
const FIGURE_LETTERS_MAX = 120;
const PROSE_LETTERS = OTHER_LETTERS_MAX + FIGURE_LETTERS_MAX + 1;

/**
 * Whether text[0, end) holds at least `n` letters. Only ASCII letters are counted — fewer than
 * LETTER counts, so a paragraph in another script is never called prose by mistake (it is
 * recognized whole instead) — by their character codes: this is asked of every long paragraph that may
 * count, and a Unicode class, or a regular expression repeated `n` times, cost 18–29 ms of a
 * 50,000-paragraph page's first pass in Chromium 156.
 */
function hasAsciiLetters(text: string, n: number, end = text.length): boolean {
  let k = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122 && ++k >= n) return true;
  }
  return false;
}

/**
 * Whether blockRole says 'text' of this block whatever figures it holds: with more letters than a
 * lone figure has beside it, and so (PROSE_LETTERS > LABEL_MAX) too long for a caption. A first
 * look at a page can then leave the block's figures unread (page-highlights.ts) and still know
 * its role, however short the block.
 */
export function isProse(text: string): boolean {
  return text.length >= PROSE_LETTERS && hasAsciiLetters(text, PROSE_LETTERS);
}

/**
 * isProse for a block whose figures, if any, start no earlier than `figuresFrom`, told by its
 * first few letters: one with more letters before every figure than a lone figure has beside it
 * is no lone figure, and one longer than a caption (trimmed) is no caption, so blockRole says
 * 'text'. Most paragraphs are settled by their first dozen characters, where isProse counts some
 * 130 letters — a loop that, run in V8's interpreter on a page's first paragraphs, was a tenth of
 * the 1,000-paragraph pass (Chromium 156). Else isProse decides.
 */
export function isProseBefore(text: string, figuresFrom: number): boolean {
  if (
    text.length > 2 * LABEL_MAX &&
    hasAsciiLetters(text, OTHER_LETTERS_MAX + 1, figuresFrom) &&
    text.trim().length > LABEL_MAX
  ) {
    return true;
  }
  return isProse(text);
}

const LETTER = /\p{L}/gu;

/** How many letters text[from, to) holds, counting no further than `max`. */
function lettersUpTo(text: string, from: number, to: number, max: number): number {
  let n = 0;
  LETTER.lastIndex = from;
  while (n < max) {
    const m = LETTER.exec(text);
    if (m === null || m.index >= to) break;
    n++;
  }
  return n;
}

const QUESTION = /\?\s*$/;

// A date alone: "2028", "July 2025", "December 10, 2025", "4 February 2026".
const DATE_ONLY =
  /^\s*(?:\d{1,2}\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)?(?:\d{1,2},?\s+)?\d{4}\s*$/i;

/** Is the block a date alone (a timeline's entry, a dateline)? */
export function isDateOnly(text: string): boolean {
  return DATE_ONLY.test(text);
}

/**
 * Follows blocks in document order and tells which figure-only block a label belongs to.
 *
 * Timelines too: a date alone followed by a paragraph is a timeline entry when the pattern repeats
 * — date, paragraph, date — and the paragraph's first sentence says what happened then ("July
 * 2025" / "Trump says Washington will work with Pakistan on its oil…"). A single date before a
 * paragraph is more often the page's own dateline, so the first entry is labelled only when the
 * second date comes.
 */
export class LabelTracker<B> {
  /** The table being walked: its unit statement, or null for one that states none. */
  private table: string | null | undefined = undefined;
  /** The block before, when short and possibly a table's caption. */
  private caption: string | null = null;
  private runOpensWith: 'figure' | 'label' | null = null;
  private previous: { block: B; role: BlockRole; text: string } | null = null;
  private waiting: B | null = null;
  /** A date block and the first sentence of the paragraph after it, until the pattern repeats. */
  private entry: { block: B; label: Label } | null = null;
  private inTimeline = false;

  /**
   * Take the next block; `assign(block, label)` is called for each figure-only block whose label
   * is now known (this block, or the one waiting for the label that follows it).
   */
  push(block: B, text: string, role: BlockRole, assign: (block: B, label: Label) => void): void {
    this.followTable(block, text, role, assign);
    this.followTimeline(block, text, role, assign);
    // An answer takes its question: "How much did the bank approve?" / "About $1.3bn. The…"
    // (explainers and FAQs write the thing measured in the question only). A short answer is as
    // short as a caption ("Just over $1 billion."): any block after a question but a question.
    const answers = role === 'text' || (role === 'label' && !QUESTION.test(text));
    if (answers && this.previous?.role === 'label' && QUESTION.test(this.previous.text)) {
      assign(block, { text: this.previous.text, position: 'before' });
    }
    if (role === 'text') {
      this.runOpensWith = null;
      this.waiting = null;
    } else if (role === 'figure') {
      this.runOpensWith ??= 'figure';
      if (this.runOpensWith === 'figure') this.waiting = block;
      else if (this.previous?.role === 'label') {
        assign(block, { text: this.previous.text, position: 'before' });
      }
    } else {
      this.runOpensWith ??= 'label';
      if (this.waiting !== null) {
        assign(this.waiting, { text, position: 'after' });
        this.waiting = null;
      }
    }
    this.previous = { block, role, text };
  }

  /**
   * Table rows (cells joined by tabs) take their table's unit statement: the first row's first
   * cell when it may state one ("in Mio. Euro"), else the caption just before the first row. Any
   * other block ends the table.
   */
  private followTable(
    block: B,
    text: string,
    role: BlockRole,
    assign: (block: B, label: Label) => void,
  ): void {
    const tab = text.indexOf('\t');
    if (tab === -1) {
      this.table = undefined;
      this.caption = role === 'label' && MAY_STATE_UNIT.test(text) ? text : null;
      return;
    }
    if (this.table === undefined) {
      const first = text.slice(0, tab);
      this.table = MAY_STATE_UNIT.test(first) ? first : this.caption;
      this.caption = null;
    }
    if (this.table !== null) assign(block, { text: this.table, position: 'table' });
  }

  private followTimeline(
    block: B,
    text: string,
    role: BlockRole,
    assign: (block: B, label: Label) => void,
  ): void {
    const previous = this.previous;
    const afterDate = previous !== null && previous.role === 'figure' && isDateOnly(previous.text);
    if (role === 'figure' && isDateOnly(text)) {
      // A second date after a date's paragraph: a timeline; its first entry is one too.
      if (this.entry) {
        assign(this.entry.block, this.entry.label);
        this.inTimeline = true;
      } else if (!(previous && previous.role !== 'figure' && this.inTimeline)) {
        this.inTimeline = false;
      }
      this.entry = null;
    } else if (role === 'text' && afterDate && previous) {
      // A caption ('label') after a date is taken by the fact-box rule; a paragraph, here.
      const first = sentenceSpans(text)[0];
      const label: Label = {
        text: first ? text.slice(first.start, first.end) : text,
        position: 'after',
      };
      if (this.inTimeline) assign(previous.block, label);
      else this.entry = { block: previous.block, label };
    } else if (!(role === 'label' && afterDate)) {
      this.inTimeline = false;
      this.entry = null;
    }
  }
}
