/**
 * The overview strip: a thin column along the page's right edge with one mark per figure, placed
 * where the figure sits in the page and coloured by verdict, so a journalist sees at once where
 * the contradicted numbers are on a long page. A mark is a button: click or Enter reveals the figure.
 */
import type { Verdict } from '../core/types';
import { VERDICT_WORD } from './verdict-labels';
import { trustedOnly } from './trusted-events';
import { revealHost } from './ui-root';

export interface StripMark {
  /** Fraction of the page's height at which the figure sits, 0..1. */
  position: number;
  verdict: Verdict;
  label: string;
  reveal(): void;
}

// Marks closer than this fraction of the strip collapse into one, the most severe verdict winning:
// a strip of thousands of marks 1 px apart tells nothing and costs layout.
const MERGE_DISTANCE = 0.004;
const SEVERITY: Record<Verdict, number> = { unverified: 0, supported: 1, contradicted: 2 };

/**
 * Add a mark to marks merged so far (in order of position): within MERGE_DISTANCE of the last
 * one it takes that one's place if its verdict is more severe, else it is dropped.
 */
export function mergeMark<T extends { position: number; verdict: Verdict }>(
  merged: T[],
  mark: T,
): void {
  const last = merged[merged.length - 1];
  if (last && Math.abs(mark.position - last.position) < MERGE_DISTANCE) {
    if (SEVERITY[mark.verdict] > SEVERITY[last.verdict]) merged[merged.length - 1] = mark;
    return;
  }
  merged.push(mark);
}

/** Whether a mark at `position` with `verdict` would leave `merged` as it is (mergeMark). */
export function mergesAway(
  merged: readonly { position: number; verdict: Verdict }[],
  position: number,
  verdict: Verdict,
): boolean {
  const last = merged[merged.length - 1];
  return (
    last !== undefined &&
    Math.abs(position - last.position) < MERGE_DISTANCE &&
    SEVERITY[verdict] <= SEVERITY[last.verdict]
  );
}

export class OverviewStrip {
  private readonly strip: HTMLElement;

  constructor(private readonly shadow: ShadowRoot) {
    const doc = shadow.ownerDocument ?? document;
    this.strip = doc.createElement('div');
    this.strip.className = 'strip';
    this.strip.setAttribute('role', 'navigation');
    this.strip.setAttribute('aria-label', 'Factmark: figures on this page');
    shadow.append(this.strip);
  }

  render(marks: readonly StripMark[]): void {
    const doc = this.strip.ownerDocument;
    const merged: StripMark[] = [];
    for (const mark of [...marks].sort((a, b) => a.position - b.position)) mergeMark(merged, mark);
    const buttons = merged.map((mark) => {
      const b = doc.createElement('button');
      b.type = 'button';
      b.className = `mark ${mark.verdict}`;
      b.style.top = `calc(${(mark.position * 100).toFixed(3)}% - 2px)`;
      b.title = `${VERDICT_WORD[mark.verdict]}: ${mark.label}`;
      b.setAttribute('aria-label', b.title);
      // The user's clicks and keys only: a page's synthetic click scrolls nothing.
      b.addEventListener('click', trustedOnly(mark.reveal));
      return b;
    });
    this.strip.replaceChildren(...buttons);
    if (buttons.length > 0) revealHost(this.shadow);
    this.strip.hidden = buttons.length === 0;
  }

  hide(): void {
    this.strip.hidden = true;
  }
}
