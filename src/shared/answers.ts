/** Reading the background's answers in the popup and the Library. */

/**
 * What went wrong with an answer, or null when it is `{ ok: true, … }`. An answer that is not an
 * object at all (no background listening, an older background) counts as a failure.
 */
export function failureOf(answer: unknown): string | null {
  if (typeof answer !== 'object' || answer === null) return 'The extension did not answer.';
  const record = answer as { ok?: unknown; error?: unknown };
  if (record.ok === true) return null;
  return typeof record.error === 'string' ? record.error : 'The extension did not answer.';
}

/** An error thrown by a seam call (a closed port, a missing listener), as a sentence. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
