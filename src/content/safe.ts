/**
 * Our code must never throw into the page: every callback we hand to the page's event loop goes
 * through `safely`, which reports an error to the console (prefixed, for the user who looks) and
 * swallows it.
 */
export function report(error: unknown): void {
  // Aborts are how features stop; they are not errors.
  if (error instanceof Error && error.name === 'Aborted') return;
  console.debug('[factmark]', error);
}

export function safely<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      const result = fn(...args);
      if (result instanceof Promise) result.catch(report);
    } catch (error) {
      report(error);
    }
  };
}
