/**
 * The live page's visible text, block by block, in slices.
 *
 * A walk over the DOM in document order (open shadow roots and slots included) that skips what a
 * reader does not see — the rules of src/core/visibility.ts, which the CLI's parser applies to
 * saved pages — and feeds text nodes to a VisibleTextBuilder, one builder per block. Each finished
 * block goes to `onBlock` with its owner element (the nearest block-level ancestor), so the caller
 * can analyze and highlight it at once, and later redo just that block when it changes.
 *
 * The walk is resumable: `step(deadline)` walks until the deadline says stop, keeping its place in
 * an explicit stack, so a page of 50,000 paragraphs is walked in slices between which the page runs.
 */
import {
  BLOCK_TAGS,
  CELL_TAGS,
  SKIPPED_TAGS,
  isEditableHost,
  isHiddenByAttributes,
} from '../core/visibility';
import { VisibleTextBuilder, type TextSegment } from '../core/text/visible-text';
import { isOurs } from './ui-root';

export interface PageBlock {
  /** The nearest block-level element containing the block's text. */
  owner: Element;
  text: string;
  /** Segments with offsets into `text`. */
  segments: TextSegment<Text>[];
}

interface Frame {
  /**
   * The next child to visit, found by nextSibling: cheaper than indexing a live childNodes list,
   * which is what the walk mostly does.
   */
  next: Node | null;
  /** Nodes that are not siblings (a slot's assigned nodes, the root itself) are walked by index. */
  list: readonly Node[] | null;
  index: number;
  /** The element whose children these are, when it starts a block (boundary on leaving). */
  block: Element | null;
}

// How many nodes are walked between two looks at the clock: reading the clock costs more than
// visiting a node, and 256 nodes take well under a millisecond.
const NODES_PER_CLOCK_CHECK = 256;

const ELEMENT = 1;
const TEXT = 3;

export class PageWalker {
  private readonly stack: Frame[] = [];
  private builder = new VisibleTextBuilder<Text>();
  private readonly owners: Element[] = [];
  private done = false;

  constructor(
    root: Node,
    private readonly onBlock: (block: PageBlock) => void,
    /** Walk into same-origin frames, in place (the report counts their text; highlights do not: each frame paints its own). */
    private readonly enterFrames = false,
  ) {
    const rootOwner =
      root.nodeType === ELEMENT ? (root as Element) : (root.parentElement ?? (root as Element));
    this.owners.push(nearestBlock(rootOwner));
    if (root.nodeType === TEXT)
      this.stack.push({ next: null, list: [root], index: 0, block: null });
    else this.stack.push(childrenOf(root, null));
  }

  get finished(): boolean {
    return this.done;
  }

  /** Walk until `shouldStop()` or the end; returns true when the walk is complete. */
  step(shouldStop: () => boolean = () => false): boolean {
    let budget = NODES_PER_CLOCK_CHECK;
    while (this.stack.length > 0) {
      if (--budget === 0) {
        budget = NODES_PER_CLOCK_CHECK;
        if (shouldStop()) return false;
      }
      const frame = this.stack[this.stack.length - 1] as Frame;
      let node: Node | null;
      if (frame.list !== null) {
        node = frame.list[frame.index++] ?? null;
      } else {
        node = frame.next;
        if (node !== null) frame.next = node.nextSibling;
      }
      if (node === null) {
        this.stack.pop();
        if (frame.block) {
          this.boundary();
          this.owners.pop();
        }
        continue;
      }
      if (node.nodeType === TEXT) {
        const data = (node as Text).data;
        if (data.length > 0) this.builder.addText(data, node as Text);
        continue;
      }
      if (node.nodeType !== ELEMENT) continue;
      const el = node as Element;
      const tag = el.localName;
      if (this.enterFrames && (tag === 'iframe' || tag === 'frame')) {
        const body = sameOriginBody(el as HTMLIFrameElement);
        if (body && !isHiddenByAttributes(tag, (n) => el.getAttribute(n))) {
          this.boundary();
          this.owners.push(body);
          this.stack.push({ next: body.firstChild, list: null, index: 0, block: body });
        }
        continue;
      }
      if (!isWalkable(el, tag)) continue;
      // A line break reads as a space, as in the CLI (src/cli/html-text.ts).
      if (tag === 'br') {
        this.builder.addBreak();
        continue;
      }
      if (CELL_TAGS.has(tag)) this.builder.addCellBreak();
      const isBlock = BLOCK_TAGS.has(tag);
      if (isBlock) {
        this.boundary();
        this.owners.push(el);
      }
      this.stack.push(childrenOf(el, isBlock ? el : null));
    }
    this.boundary();
    this.done = true;
    return true;
  }

  private boundary(): void {
    const { text, segments } = this.builder.finish();
    this.builder = new VisibleTextBuilder<Text>();
    if (text.length === 0) return;
    this.onBlock({ owner: this.owners[this.owners.length - 1] as Element, text, segments });
  }
}

/** Walk a whole subtree at once (small subtrees: a changed paragraph). */
export function collectBlocks(root: Node): PageBlock[] {
  const blocks: PageBlock[] = [];
  new PageWalker(root, (b) => blocks.push(b)).step();
  return blocks;
}

function isWalkable(el: Element, tag: string): boolean {
  if (SKIPPED_TAGS.has(tag)) return false;
  // Most elements of a page carry no attribute at all (<p>, <em>, <span>): nothing can hide them
  // then but a closed <dialog>, and reading attributes is what costs in this walk.
  if (!el.hasAttributes()) return tag !== 'dialog' && !isOurs(el);
  if (isOurs(el)) return false;
  const get = (name: string) => el.getAttribute(name);
  return !isHiddenByAttributes(tag, get) && !isEditableHost(get);
}

/** Children in rendered order: an open shadow root's content, a slot's assigned nodes. */
function childrenOf(node: Node, block: Element | null): Frame {
  if (node.nodeType === ELEMENT) {
    const el = node as Element;
    if (el.shadowRoot) return { next: el.shadowRoot.firstChild, list: null, index: 0, block };
    if (el.localName === 'slot') {
      const assigned = (el as HTMLSlotElement).assignedNodes();
      if (assigned.length > 0) return { next: null, list: assigned, index: 0, block };
    }
  }
  return { next: node.firstChild, list: null, index: 0, block };
}

function sameOriginBody(frame: HTMLIFrameElement): HTMLElement | null {
  try {
    // contentDocument is null for a cross-origin frame (and may throw in some engines).
    return frame.contentDocument?.body ?? null;
  } catch {
    return null;
  }
}

export function nearestBlock(el: Element): Element {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (BLOCK_TAGS.has(e.localName)) return e;
  }
  return el.ownerDocument.body ?? el.ownerDocument.documentElement;
}
