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

/** A label is a caption, not a paragraph: at most this many characters. */
export const LABEL_MAX = 100;
/** A figure-only block has at most this many letters beside its figure ("about", "up to", "~"). */
const OTHER_LETTERS_MAX = 8;

export type BlockRole = 'figure' | 'label' | 'text';

export interface Label {
  text: string;
  /** Where the label stands: before the figure (label-then-value) or after it. */
  position: 'before' | 'after';
}

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
  if (figures.length === 0 && isBareNumber(text)) return 'figure';
  if (figures.length === 1) {
    const f = figures[0] as Figure;
    const rest = text.slice(0, f.start) + text.slice(f.end);
    if ((rest.match(/\p{L}/gu)?.length ?? 0) <= OTHER_LETTERS_MAX) return 'figure';
  }
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= LABEL_MAX ? 'label' : 'text';
}

/** Follows blocks in document order and tells which figure-only block a label belongs to. */
export class LabelTracker<B> {
  private runOpensWith: 'figure' | 'label' | null = null;
  private previous: { block: B; role: BlockRole; text: string } | null = null;
  private waiting: B | null = null;

  /**
   * Take the next block; `assign(block, label)` is called for each figure-only block whose label
   * is now known (this block, or the one waiting for the label that follows it).
   */
  push(block: B, text: string, role: BlockRole, assign: (block: B, label: Label) => void): void {
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
}
