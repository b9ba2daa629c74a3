/**
 * Cooperative scheduling: long passes run in slices and yield to the page between them, so no
 * task of ours blocks input or rendering.
 *
 * SLICE_MS is 8 ms: half a 60 Hz frame, leaving the page the other half, and far under the 50 ms at
 * which the browser counts a long task.
 */
export const SLICE_MS = 8;

type SchedulerWithYield = { yield?: () => Promise<void> };

/**
 * Give the event loop a turn: scheduler.yield() where the browser has it, else a MessageChannel
 * macrotask — not setTimeout(0), which browsers clamp to 4 ms once nested, and a pass of a large
 * page yields hundreds of times.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A deadline for the current slice. */
export function sliceDeadline(now: () => number = () => performance.now()): () => boolean {
  const end = now() + SLICE_MS;
  return () => now() >= end;
}

/** Thrown out of a pass whose signal was aborted; callers treat it as a normal stop. */
export class Aborted extends Error {}

export async function checkpoint(signal: AbortSignal): Promise<void> {
  await yieldToPage();
  if (signal.aborted) throw new Aborted();
}

/**
 * Resolves once the page has rendered its next frame (a task after an animation frame), or after
 * `maxWaitMs` in a tab that renders none (in the background). A long pass started right after
 * a page loads would otherwise hold back the page's own first frames.
 */
export function afterNextFrame(view: Window | null, maxWaitMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (!view) return resolve();
    const timer = setTimeout(resolve, maxWaitMs);
    view.requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
