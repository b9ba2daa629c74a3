/**
 * The run region a change of the page is in (inline-runs.ts): where a redo of it begins, found by
 * walking back from the change to the nearest remembered start, nested block or owner's start.
 */
import { BLOCK_TAGS } from '../core/visibility';
import type { RunPosition } from './inline-runs';
import { isWalkable } from './page-walker';

const ELEMENT = 1;

/** Whether a walk goes into `el`'s children as part of the run it is in. */
function descends(el: Element): boolean {
  const tag = el.localName;
  return el.shadowRoot === null && !BLOCK_TAGS.has(tag) && isWalkable(el, tag);
}

/** Whether `el` is a nested block the walk starts a block of its own at (ends a run). */
function isBarrier(el: Element): boolean {
  const tag = el.localName;
  return BLOCK_TAGS.has(tag) && isWalkable(el, tag);
}

/**
 * The node just before the position (`next` in `parent`) in the walk's order, or null at the
 * owner's start.
 */
function nodeBefore(owner: Element, parent: Node, next: Node | null): Node | null {
  let n = next !== null ? next.previousSibling : parent.lastChild;
  if (n === null) return parent === owner ? null : parent;
  while (n.nodeType === ELEMENT && n.lastChild !== null && descends(n as Element)) n = n.lastChild;
  return n;
}

/**
 * Whether `parent` is in `owner`'s run content as a walk reaches it: through inline elements of
 * its light DOM (no shadow root, no nested block on the way). 'hidden' inside content the walk
 * skips; null elsewhere (a shadow tree, another block).
 */
export function inLightRun(owner: Element, parent: Node): true | 'hidden' | null {
  if (owner.shadowRoot !== null) return null;
  for (let p: Node | null = parent; p !== owner; p = p.parentNode) {
    if (p === null || p.nodeType !== ELEMENT) return null;
    const el = p as Element;
    if (el.shadowRoot !== null || BLOCK_TAGS.has(el.localName)) return null;
    if (!isWalkable(el, el.localName)) return 'hidden';
  }
  return true;
}

/** The region a position is in: where to walk from, and the start found there (if any). */
export interface RunRegion {
  from: RunPosition;
  start: Node | null;
}

/**
 * The run region of `owner` that the position (`next` in `parent`) is in: walking back from the
 * position to the nearest remembered start, nested block or the owner's start. 'hidden' when the
 * position is inside content the walk skips (a change there shows nothing); null when it is not
 * in the owner's light DOM (a shadow tree): the caller redoes the whole owner.
 *
 * The walk back costs the nodes between the position and that start: a piece's at most, plus
 * content added since it was walked (which its redo walks anyway).
 */
export function regionAt(
  owner: Element,
  parent: Node,
  next: Node | null,
  isStart: (node: Node) => boolean,
): RunRegion | 'hidden' | null {
  const light = inLightRun(owner, parent);
  if (light !== true) return light;
  for (let n = nodeBefore(owner, parent, next); n !== null;) {
    const up = n.parentNode as Node;
    if (n.nodeType === ELEMENT && isBarrier(n as Element)) {
      return { from: { parent: up, next: n.nextSibling, ownerStart: false }, start: null };
    }
    if (isStart(n)) return { from: { parent: up, next: n, ownerStart: false }, start: n };
    n = nodeBefore(owner, up, n);
  }
  return { from: { parent: owner, next: owner.firstChild, ownerStart: true }, start: null };
}
