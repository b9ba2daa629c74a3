/**
 * The bounds of one annotation, in one place: the background refuses a stored annotation past
 * them (src/shared/messages.ts checkAnnotation), the importer says which item and field breaks
 * them (jsonld.ts), and the editors tell the journalist before saving (src/content/
 * annotation-editor.ts, src/popup/AnnotationEditor.tsx), so nothing typed is ever dropped without
 * a word. Lengths are in UTF-16 code units (what a string's length counts).
 */
export const ANNOTATION_LIMITS = {
  /** The quoted passage (TextQuoteSelector.exact): some three pages of a news article. */
  quote: 10_000,
  /**
   * The quote's prefix and suffix. Factmark and Hypothesis write 32 characters; an import with
   * longer ones keeps the 1,000 nearest the quote (jsonld.ts), which is all anchoring uses.
   */
  context: 1_000,
  note: 10_000,
  tags: 50,
  tag: 100,
  title: 2_000,
  url: 8_192,
  /** `anno:<uuid>`, or an imported annotation's own id (an IRI). */
  id: 300,
  /** Entities and verdicts found in one annotated passage. */
  findings: 10_000,
} as const;

/** What the journalist wrote and selected, as the editors hold it before saving. */
export interface AnnotationDraft {
  quote: string;
  note: string;
  tags: readonly string[];
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * What keeps a draft from being saved, as a sentence for the journalist (naming the limit and
 * how far past it the draft is), or null when it is within every limit.
 */
export function draftProblem(draft: AnnotationDraft): string | null {
  const { quote, note, tags } = draft;
  if (quote.length > ANNOTATION_LIMITS.quote) {
    return (
      `The selected passage is ${count(quote.length)} characters long; an annotation can hold ` +
      `at most ${count(ANNOTATION_LIMITS.quote)}. Select a shorter passage.`
    );
  }
  if (note.length > ANNOTATION_LIMITS.note) {
    return (
      `The note is ${count(note.length)} characters long; at most ` +
      `${count(ANNOTATION_LIMITS.note)} can be saved. Shorten it by ` +
      `${count(note.length - ANNOTATION_LIMITS.note)}.`
    );
  }
  if (tags.length > ANNOTATION_LIMITS.tags) {
    return `That is ${count(tags.length)} tags; at most ${count(ANNOTATION_LIMITS.tags)} can be saved.`;
  }
  const long = tags.find((tag) => tag.length > ANNOTATION_LIMITS.tag);
  if (long !== undefined) {
    const shown = long.length > 30 ? `${long.slice(0, 30)}…` : long;
    return (
      `The tag “${shown}” is ${count(long.length)} characters long; a tag can be at most ` +
      `${count(ANNOTATION_LIMITS.tag)}.`
    );
  }
  return null;
}
