/**
 * When to try again after failures in a row: 30 s, 1 min, 2 min, 4 min… at most 30 min. Automatic
 * syncs (the alarm, an extension page's status requests, a change) wait for it; a sync the
 * journalist asks for (factmark/sync-now) does not.
 */
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 30 * 60_000;

export function retryDelay(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(FIRST_RETRY_MS * 2 ** Math.min(failures - 1, 20), MAX_RETRY_MS);
}

/** Whether an automatic sync may run now. */
export function isDue(retryAt: number | null, now: number): boolean {
  return retryAt === null || now >= retryAt;
}
