/**
 * Which of a page's blocks are near the viewport, found with a few layout reads: a binary search
 * over the blocks in document order (which, in normal flow, is their order down the page), then
 * a walk forward while they are still in range.
 */

/** The vertical extent of an element relative to the viewport (getBoundingClientRect's). */
export interface VerticalRect {
  top: number;
  bottom: number;
}

/**
 * Elements of `elements` (in document order) whose rect meets [from, to], at most `max` of them.
 * A page out of normal flow (floats, columns, reordered flex items) may hide some from the
 * search: callers keep an IntersectionObserver on every block to catch those.
 */
export function nearViewport<T>(
  elements: readonly T[],
  rectOf: (el: T) => VerticalRect,
  from: number,
  to: number,
  max: number,
): T[] {
  const lo = firstReaching(elements, rectOf, from);
  const near: T[] = [];
  for (let i = lo; i < elements.length && near.length < max; i++) {
    const el = elements[i] as T;
    const rect = rectOf(el);
    if (rect.top > to) break;
    if (rect.bottom >= from) near.push(el);
  }
  return near;
}

/** The index of the first element of `elements` (in document order) whose bottom reaches `from`. */
export function firstReaching<T>(
  elements: readonly T[],
  rectOf: (el: T) => VerticalRect,
  from: number,
): number {
  let lo = 0;
  let hi = elements.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rectOf(elements[mid] as T).bottom < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
