/** Reading the background's answers in the popup and the Library. */

/**
 * What went wrong with an answer, or null when it is `{ ok: true, … }`. An answer that is not an
 * object at all (no background listening, an older background) counts as a failure.
 */
export function failureOf(answer: unknown): string | null {
  if (typeof answer !== 'object' || answer === null) return 'The extension did not answer.';
  const record = answer as { ok?: unknown; error?: unknown };
  if (record.ok === true) return null;
  if (typeof record.error !== 'string') return 'The extension did not answer.';
  // A failure always says why: an answer from an older background may carry an empty reason
  // ("import: " and nothing after).
  if (record.error.trim() === '') return NO_REASON;
  return /:\s*$/.test(record.error) ? `${record.error.trimEnd()} ${NO_REASON}` : record.error;
}

const NO_REASON = 'unknown error (the extension gave no reason)';

/**
 * A thrown value (an Error, a DOMException from IndexedDB or a port, anything) as a reason that is
 * never empty. Browsers do throw DOMExceptions with an empty message (an aborted transaction, a
 * quota error in some versions): those are named by their class and name, "unknown error
 * (DOMException AbortError)", so the journalist, and whoever reads the report, has something to
 * go on.
 */
export function messageOf(error: unknown): string {
  if (typeof error === 'string')
    return error.trim() !== '' ? error : 'unknown error (an empty string)';
  if (error === undefined || error === null) return `unknown error (${String(error)})`;
  if (typeof error === 'object') {
    const { name, message } = error as { name?: unknown; message?: unknown };
    if (typeof message === 'string' && message.trim() !== '') return message;
    const kind = error.constructor?.name;
    const named = typeof name === 'string' && name !== '' ? name : '';
    if (kind !== undefined && kind !== '' && kind !== 'Object') {
      return `unknown error (${kind === named || named === '' ? kind : `${kind} ${named}`})`;
    }
    return named !== '' ? `unknown error (${named})` : 'unknown error (an object)';
  }
  const text = String(error);
  return text.trim() !== '' ? text : `unknown error (${typeof error})`;
}
