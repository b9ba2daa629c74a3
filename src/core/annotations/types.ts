/**
 * Journalists' own annotations: a passage of a page, highlighted in a colour, with a note and tags.
 *
 * Where the passage is, is stored as W3C Web Annotation selectors over the page's visible text
 * (src/core/text/visible-text.ts: the same text the reports' offsets are into), so that it can be
 * found again when the page comes back, exactly where the text is unchanged and approximately
 * where it was edited (anchor.ts).
 */
import type { EntityId, Verdict } from '../types';

/** https://www.w3.org/TR/annotation-model/#text-quote-selector */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** https://www.w3.org/TR/annotation-model/#text-position-selector — offsets into the visible text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export const ANNOTATION_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type AnnotationColor = (typeof ANNOTATION_COLORS)[number];

export interface Annotation {
  /** `anno:<uuid>` for annotations made here; an imported one keeps its id if it has one. */
  id: string;
  /** The page's canonical URL (url.ts): `<link rel=canonical>` honoured, tracking parameters dropped. */
  url: string;
  /** The page's title when the annotation was made. */
  title: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  color: AnnotationColor;
  /** Plain text, never HTML: shown with textContent, exported as a TextualBody. */
  note: string;
  tags: string[];
  /** What Factmark found in the passage when it was annotated, for the Library's filters. */
  entities: EntityId[];
  verdicts: Verdict[];
  /** ms since the epoch. */
  created: number;
  updated: number;
  /**
   * Desk sync (docs/contracts.md, "Desk sync"): whether the journalist shares it with the desk.
   * Absent in annotations made before sync existed: absent means false (private).
   */
  shared?: boolean;
  /**
   * The CouchDB user who made it, once it is shared (set by the background, never taken from a
   * page): the journalist's own user name, or a teammate's for an annotation pulled from the desk.
   */
  creator?: string;
}
