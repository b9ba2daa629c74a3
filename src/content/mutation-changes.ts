/**
 * What a batch of MutationRecords changed in the page's text, as places to redo (page-highlights.ts
 * redoes each by its run region, inline-runs.ts): a position in the DOM whose run changed, or a
 * block element added whole. Records are read against the DOM as it is after the whole batch (the
 * observer delivers them then), so a place is taken only where it still is.
 */
import { nearestBlock } from './page-walker';

/** A place whose run changed: before `next` in `parent` (null: at its end). */
export interface ChangedPosition {
  parent: Node;
  next: Node | null;
  /** The changed node there, if one: skipped when a redo of this batch has walked it already. */
  node: Node | null;
}

export interface PageChanges {
  /** Block elements added to the page (or moved in it): redone whole. */
  blocks: Set<Element>;
  positions: ChangedPosition[];
  /** Nodes added to the page: moved content may carry starts and units from where it was. */
  added: Node[];
  /** Something left the page: units whose start or owner left go. */
  removed: boolean;
  /** Block elements whose change could not be placed (its neighbours moved too): redone whole. */
  owners: Set<Element>;
}

const ELEMENT = 1;
const TEXT = 3;

/**
 * The changes of a batch. `ignore`: elements of ours (the UI host) and what is inside them.
 */
export function changesOf(
  records: readonly MutationRecord[],
  ignore: (el: Element) => boolean,
): PageChanges {
  const changes: PageChanges = {
    blocks: new Set(),
    positions: [],
    added: [],
    removed: false,
    owners: new Set(),
  };
  for (const r of records) {
    const target = r.target.nodeType === ELEMENT ? (r.target as Element) : r.target.parentElement;
    if (!target || ignore(target)) continue;
    if (r.type === 'characterData') {
      const node = r.target;
      if (node.parentNode === null) continue;
      changes.positions.push({ parent: node.parentNode, next: node.nextSibling, node });
      continue;
    }
    let removedText = false;
    for (const node of r.removedNodes) {
      changes.removed = true;
      // White space between blocks (the newlines of HTML) is no visible text.
      if (!isBlank(node)) removedText = true;
    }
    if (removedText) placeRemoval(r, target, changes);
    for (const node of r.addedNodes) {
      if (node.nodeType === ELEMENT && ignore(node as Element)) continue;
      // Added white space between blocks adds no visible text either.
      if (isBlank(node)) continue;
      // Moved again or removed later in the batch: its later record places it.
      if (node.parentNode !== r.target) continue;
      changes.added.push(node);
      if (node.nodeType === ELEMENT && nearestBlock(node as Element) === node) {
        // A block of its own, and it splits the run it landed in: redo both sides too.
        changes.blocks.add(node as Element);
        changes.positions.push({ parent: r.target, next: node, node: null });
        changes.positions.push({ parent: r.target, next: node.nextSibling, node: null });
      } else {
        changes.positions.push({ parent: r.target, next: node.nextSibling, node });
      }
    }
  }
  return changes;
}

/**
 * Where removed nodes were: after their previous sibling, or before their next one, whichever is
 * still there. A removed block merges the runs around it; removed inline content changes its run.
 */
function placeRemoval(r: MutationRecord, target: Element, changes: PageChanges): void {
  const prev = r.previousSibling;
  const next = r.nextSibling;
  if (prev !== null && prev.parentNode === r.target) {
    changes.positions.push({ parent: r.target, next: prev.nextSibling, node: null });
  } else if (prev === null && (next === null || next.parentNode === r.target)) {
    changes.positions.push({ parent: r.target, next: r.target.firstChild, node: null });
  } else if (next !== null && next.parentNode === r.target) {
    changes.positions.push({ parent: r.target, next, node: null });
  } else {
    changes.owners.add(nearestBlock(target));
  }
}

/** A text node of white space only (or an empty one). */
function isBlank(node: Node): boolean {
  return node.nodeType === TEXT && !/\S/.test((node as Text).data);
}
