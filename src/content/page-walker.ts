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
 *
 * With `runs` (the live highlights, inline-runs.ts), a block is also a unit the page's changes are
 * redone by: a long run of inline content is cut into pieces, each block tells where it starts,
 * and a walk can cover one run region alone, from a given position to the next piece.
 */
import {
  BLOCK_TAGS,
  CELL_TAGS,
  SKIPPED_TAGS,
  isEditableHost,
  isHiddenByAttributes,
} from '../core/visibility';
import {
  VisibleTextBuilder,
  collapseWhitespace,
  type TextSegment,
} from '../core/text/visible-text';
import { isOurs } from './ui-root';
import { RUN_SOFT_CHARS, RunCutter, type RunOptions } from './inline-runs';

export interface PageBlock {
  /** The nearest block-level element containing the block's text. */
  readonly owner: Element;
  readonly text: string;
  /** Segments with offsets into `text`. */
  readonly segments: readonly TextSegment<Text>[];
  /**
   * With `runs`: the first node of the block's run (an element, or text that shows) when the
   * block is not its owner's whole text — a run beside nested blocks, or one piece of a long run.
   * A change inside the block is redone from there (inline-runs.ts). Null or absent when the block
   * is its owner's whole text: the owner is redone.
   */
  readonly start?: Node | null;
}

export interface WalkOptions {
  /** Walk into same-origin frames, in place (the report counts their text; highlights do not: each frame paints its own). */
  enterFrames?: boolean;
  /**
   * Take a block of plain inline content whole (see `isPlainLeafBlock`): its text in one
   * `textContent` call, its segments only when asked for. Most paragraphs of a page are such
   * blocks, and most of them hold nothing to highlight, so their text nodes are never visited
   * one by one — which is most of a walk's cost.
   */
  wholeLeafBlocks?: boolean;
  /** Cut long inline runs into pieces, say where each block starts; or walk one run region. */
  runs?: RunOptions;
  /**
   * Told when the walk goes into a tree of its own (an open shadow root, a same-origin frame's
   * document): a MutationObserver on the page's document does not see changes there
   * (report-cache.ts).
   */
  onOtherTree?: () => void;
}

/**
 * Tags whose content a walk reads as plain text: no block, break, cell, skipped or replaced
 * content inside (of these only <span> can host a shadow root, but any is checked for one, which
 * costs nothing). `img` and `wbr` hold no text and add none.
 */
const PLAIN_INLINE = [
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'img',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
];
const PLAIN_TAGS = new Set(PLAIN_INLINE);

/**
 * A block whose text needs no node-by-node walk: no shadow root in it, nothing but plain inline
 * content, and no attribute that can hide content or make it editable (src/core/visibility.ts
 * reads `hidden`, `style`, `contenteditable`; anything else sends the block down the walk).
 *
 * Its elements are looked at one by one rather than by a selector query: a paragraph holds a few
 * inline elements at most, and in Chromium 156 walking them took a third of the time of
 * `querySelector` with the tag list (50,000 paragraphs: 15–45 vs 54–94 ms, bench/README.md).
 */
function isPlainLeafBlock(el: Element): boolean {
  if (el.shadowRoot !== null) return false;
  return el.firstElementChild === null || isPlainInline(el);
}

function isPlainInline(el: Element): boolean {
  for (let c = el.firstElementChild; c !== null; c = c.nextElementSibling) {
    if (!PLAIN_TAGS.has(c.localName) || c.shadowRoot !== null) return false;
    if (
      c.hasAttributes() &&
      (c.hasAttribute('hidden') || c.hasAttribute('style') || c.hasAttribute('contenteditable'))
    ) {
      return false;
    }
    if (c.firstElementChild !== null && !isPlainInline(c)) return false;
  }
  return true;
}

/** A plain leaf block: segments are found by walking it when first needed. */
class LeafBlock implements PageBlock {
  private found: readonly TextSegment<Text>[] | null = null;

  constructor(
    readonly owner: Element,
    readonly text: string,
  ) {}

  get segments(): readonly TextSegment<Text>[] {
    if (this.found === null) {
      const blocks = collectBlocks(this.owner);
      // The page may have changed the block since (our MutationObserver then redoes it): no
      // segments, so nothing is placed on text that is no longer there.
      this.found = blocks.length === 1 && blocks[0]?.text === this.text ? blocks[0].segments : [];
    }
    return this.found;
  }
}

// How many nodes are walked between two looks at the clock: reading the clock costs more than
// visiting a node, and 256 nodes take well under a millisecond.
const NODES_PER_CLOCK_CHECK = 256;

// A block taken whole stands for this many nodes (a paragraph's text nodes and inline elements).
const LEAF_BLOCK_NODES = 8;

const ELEMENT = 1;
const TEXT = 3;

export class PageWalker {
  // The walk's stack, as parallel arrays rather than an object per element (the walk visits every
  // element of the page, and those objects were a good part of its garbage). At each depth: the
  // next node to visit, found by nextSibling (cheaper than indexing a live childNodes list); or,
  // for nodes that are not siblings (a slot's assigned nodes, the root itself), a list and an
  // index into it; and the element that starts a block there, if any (a boundary on leaving it).
  private readonly nexts: (Node | null)[] = [];
  private readonly lists: (readonly Node[] | null)[] = [];
  private readonly indexes: number[] = [];
  private readonly blockStarts: (Element | null)[] = [];
  private depth = 0;
  private readonly builder = new VisibleTextBuilder<Text>();
  private readonly owners: Element[] = [];
  /** Per owner: whether its text is in more than one block (nested blocks, cut runs). */
  private readonly split: boolean[] = [];
  private done = false;

  private readonly enterFrames: boolean;
  private readonly wholeLeafBlocks: boolean;
  private readonly runs: RunCutter | null;
  private readonly onOtherTree: (() => void) | undefined;

  constructor(
    root: Node,
    private readonly onBlock: (block: PageBlock) => void,
    options: WalkOptions = {},
  ) {
    this.enterFrames = options.enterFrames ?? false;
    this.wholeLeafBlocks = options.wholeLeafBlocks ?? false;
    this.runs = options.runs ? new RunCutter(options.runs) : null;
    this.onOtherTree = options.onOtherTree;
    const rootOwner =
      root.nodeType === ELEMENT ? (root as Element) : (root.parentElement ?? (root as Element));
    this.owners.push(nearestBlock(rootOwner));
    const from = options.runs?.from;
    // A region that does not begin at its owner's start is one of several blocks of the owner.
    this.split.push(from !== undefined && !from.ownerStart);
    if (from) this.pushPath(root, from.parent, from.next);
    else if (root.nodeType === TEXT) this.push(null, [root], null);
    else
      this.pushChildren(root, root.nodeType === ELEMENT ? (root as Element).localName : '', null);
  }

  get finished(): boolean {
    return this.done;
  }

  /** Walk until `shouldStop()` or the end; returns true when the walk is complete. */
  step(shouldStop: () => boolean = () => false): boolean {
    let budget = NODES_PER_CLOCK_CHECK;
    const { nexts, lists, indexes, blockStarts, builder } = this;
    while (this.depth > 0) {
      if (--budget <= 0) {
        budget = NODES_PER_CLOCK_CHECK;
        if (shouldStop()) return false;
      }
      const d = this.depth - 1;
      let node: Node | null;
      const list = lists[d];
      if (list == null) {
        node = nexts[d] as Node | null;
        if (node !== null) nexts[d] = node.nextSibling;
      } else {
        const index = indexes[d] as number;
        node = list[index] ?? null;
        indexes[d] = index + 1;
      }
      if (node === null) {
        this.depth = d;
        if (blockStarts[d] != null) {
          blockStarts[d] = null;
          this.boundary();
          this.owners.pop();
          this.split.pop();
        }
        continue;
      }
      // Each of the node's properties read once (a DOM binding call each, for every node of the
      // page): its type, and a text node's data.
      const type = node.nodeType;
      const data = type === TEXT ? (node as Text).data : '';
      if (this.runs !== null && this.runNode(node, type, data, this.runs)) break;
      if (type === TEXT) {
        if (data.length > 0) builder.addText(data, node as Text);
        continue;
      }
      if (type !== ELEMENT) continue;
      const el = node as Element;
      const tag = el.localName;
      if (this.enterFrames && (tag === 'iframe' || tag === 'frame')) {
        const frameDoc = sameOriginDocument(el as HTMLIFrameElement);
        // A same-origin frame still loading has no body yet, or a blank one: what it will show
        // is outside the page's document all the same.
        if (frameDoc) this.onOtherTree?.();
        const body = frameDoc?.body;
        if (body && !isHiddenByAttributes(tag, (n) => el.getAttribute(n))) {
          this.boundary();
          this.owners.push(body);
          this.split.push(false);
          this.push(body.firstChild, null, body);
        }
        continue;
      }
      if (!isWalkable(el, tag)) continue;
      // A line break reads as a space, as in the CLI (src/cli/html-text.ts).
      if (tag === 'br') {
        builder.addBreak();
        continue;
      }
      if (CELL_TAGS.has(tag)) builder.addCellBreak();
      if (BLOCK_TAGS.has(tag)) {
        // A region of one run ends at a nested block (a unit of its own).
        if (this.runs?.region) {
          this.split[this.split.length - 1] = true;
          break;
        }
        this.split[this.split.length - 1] = true;
        this.boundary();
        if (this.wholeLeafBlocks && isPlainLeafBlock(el)) {
          // A whole paragraph at once: it counts as many nodes towards the next look at the clock.
          budget -= LEAF_BLOCK_NODES;
          const text = collapseWhitespace(el.textContent ?? '');
          // With runs, one longer than a run's piece is walked node by node, to be cut.
          if (this.runs === null || text.length <= RUN_SOFT_CHARS) {
            if (text.length > 0) this.onBlock(new LeafBlock(el, text));
            continue;
          }
        }
        this.owners.push(el);
        this.split.push(false);
        this.pushChildren(el, tag, el);
      } else {
        this.pushChildren(el, tag, null);
      }
    }
    this.depth = 0;
    this.boundary();
    this.done = true;
    return true;
  }

  /**
   * A node met by a walk with runs: begins a run, or cuts the current one before it when it is
   * long enough; true when a region walk ends before it (the next piece begins there).
   */
  private runNode(node: Node, type: number, data: string, runs: RunCutter): boolean {
    const met = runs.isStart(node);
    if (met && runs.regionFull(this.builder.textLength)) {
      this.split[this.split.length - 1] = true;
      return true;
    }
    if (
      runs.start !== null &&
      runs.cutDue(node, this.builder.textLength, this.owners[this.owners.length - 1] as Element)
    ) {
      this.split[this.split.length - 1] = true;
      this.boundary();
    }
    if (met) runs.absorb(node);
    runs.visit(node, type, data);
    return false;
  }

  /**
   * Set the stack as a walk that has just reached `next` in `parent` would have it: each
   * ancestor's level resumes after the ancestor. Ancestors up to `owner` are inline elements of
   * its light DOM (checked by run-regions.ts' regionAt).
   */
  private pushPath(owner: Node, parent: Node, next: Node | null): void {
    const chain: Node[] = [];
    for (let p: Node = parent; p !== owner; p = p.parentNode as Node) chain.push(p);
    for (let i = chain.length; i >= 0; i--) {
      const inner = chain[i - 1];
      this.push(inner === undefined ? next : inner.nextSibling, null, null);
    }
  }

  private push(next: Node | null, list: readonly Node[] | null, block: Element | null): void {
    const d = this.depth++;
    this.nexts[d] = next;
    this.lists[d] = list;
    this.indexes[d] = 0;
    this.blockStarts[d] = block;
  }

  /** Push a node's children in rendered order: an open shadow root's, a slot's assigned nodes. */
  private pushChildren(node: Node, tag: string, block: Element | null): void {
    if (node.nodeType === ELEMENT) {
      const el = node as Element;
      const shadow = el.shadowRoot;
      if (shadow) {
        this.onOtherTree?.();
        return this.push(shadow.firstChild, null, block);
      }
      if (tag === 'slot') {
        const assigned = (el as HTMLSlotElement).assignedNodes();
        if (assigned.length > 0) return this.push(null, assigned, block);
      }
    }
    this.push(node.firstChild, null, block);
  }

  private boundary(): void {
    const taken = this.builder.take();
    const start = this.runs?.end(taken?.text.length ?? 0) ?? null;
    if (taken === null) return;
    this.onBlock({
      owner: this.owners[this.owners.length - 1] as Element,
      text: taken.text,
      segments: taken.segments,
      start: this.split[this.split.length - 1] ? start : null,
    });
  }
}

/** Walk a whole subtree at once (small subtrees: a changed paragraph). */
export function collectBlocks(root: Node): PageBlock[] {
  const blocks: PageBlock[] = [];
  new PageWalker(root, (b) => blocks.push(b)).step();
  return blocks;
}

export function isWalkable(el: Element, tag: string): boolean {
  if (SKIPPED_TAGS.has(tag)) return false;
  // Most elements of a page carry no attribute at all (<p>, <em>, <span>): nothing can hide them
  // then but a closed <dialog>, and reading attributes is what costs in this walk.
  if (!el.hasAttributes()) return tag !== 'dialog';
  // Our UI host (ui-root.ts), told by identity, never by a name or attribute a page could copy.
  // It is met here, having a style attribute; were a page to strip that, the walk would find no
  // text in it anyway (no light children; its shadow root is closed, so `shadowRoot` is null).
  if (isOurs(el)) return false;
  const get = (name: string) => el.getAttribute(name);
  return !isHiddenByAttributes(tag, get) && !isEditableHost(get);
}

function sameOriginDocument(frame: HTMLIFrameElement): Document | null {
  try {
    // contentDocument is null for a cross-origin frame (and may throw in some engines).
    return frame.contentDocument;
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
