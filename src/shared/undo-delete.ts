/**
 * Deleting annotations with undo, as the popup and the Library both offer it: the list updates
 * and the background call that brings deleted annotations back.
 */
import type { Annotation } from '../core/annotations/types';
import { failureOf, messageOf } from './answers';
import type { AnnotationsRestoreAnswer } from './messages';

/** The list without the deleted annotations. */
export function withoutDeleted(
  list: readonly Annotation[],
  deleted: readonly Annotation[],
): Annotation[] {
  const gone = new Set(deleted.map((a) => a.id));
  return list.filter((a) => !gone.has(a.id));
}

/** The list with restored annotations back in it (replacing any copy already there). */
export function withRestored(
  list: readonly Annotation[],
  restored: readonly Annotation[],
): Annotation[] {
  const back = new Set(restored.map((a) => a.id));
  return [...list.filter((a) => !back.has(a.id)), ...restored];
}

/** Ask the background to restore deleted annotations: null when done, else what went wrong. */
export async function restoreDeleted(
  restore: (annotations: Annotation[]) => Promise<AnnotationsRestoreAnswer>,
  deleted: Annotation[],
): Promise<string | null> {
  try {
    const answer = await restore(deleted);
    return answer?.ok ? null : `Not restored: ${failureOf(answer)}`;
  } catch (thrown) {
    return `Not restored: ${messageOf(thrown)}`;
  }
}
