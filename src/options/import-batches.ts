/**
 * Annotations to import, in the batches the import port takes (src/background/transfer.ts): at
 * most MAX_IMPORT_BATCH annotations and about IMPORT_BATCH_CHARS characters each. Made in the
 * import file's worker (import-worker.ts) as well as in the page, so this file imports no UI.
 */
import type { Annotation } from '../core/annotations/types';
import { MAX_IMPORT_BATCH } from '../shared/messages';

/**
 * Characters of one import batch, about (see annotationChars): 8,000,000, so that a batch stays
 * far below Chrome's 64 MiB per message even when every character is escaped. A batch holds at
 * most MAX_IMPORT_BATCH annotations and at most this many characters (but at least one annotation).
 */
export const IMPORT_BATCH_CHARS = 8_000_000;

/** About how many characters an annotation takes in a message (its strings, plus the rest). */
export function annotationChars(a: Annotation): number {
  let n = 300 + a.id.length + a.url.length + a.title.length + a.note.length;
  n += a.quote.exact.length + a.quote.prefix.length + a.quote.suffix.length;
  for (const t of a.tags) n += t.length + 3;
  for (const e of a.entities) n += e.length + 3;
  return n + a.verdicts.length * 15;
}

/** The annotations in batches: at most `maxCount` each, and at most about `maxChars`. */
export function batchesOf(
  annotations: readonly Annotation[],
  maxCount = MAX_IMPORT_BATCH,
  maxChars = IMPORT_BATCH_CHARS,
): Annotation[][] {
  const batches: Annotation[][] = [];
  let batch: Annotation[] = [];
  let chars = 0;
  for (const a of annotations) {
    const size = annotationChars(a);
    if (batch.length > 0 && (batch.length >= maxCount || chars + size > maxChars)) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(a);
    chars += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** Annotations to import, asked for a batch at a time (see importOverPort). */
export interface ImportBatches {
  /** How many annotations there are in all. */
  readonly total: number;
  /** The next batch, or null after the last; rejects when the batches cannot be had. */
  next(): Promise<readonly Annotation[] | null>;
}

/** The batches of a list held in memory. */
export function listBatches(annotations: readonly Annotation[]): ImportBatches {
  const batches = batchesOf(annotations);
  let next = 0;
  return {
    total: annotations.length,
    next: async () => batches[next++] ?? null,
  };
}
