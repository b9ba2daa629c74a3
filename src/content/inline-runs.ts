/**
 * Bounded units of redo for inline text that no small block holds.
 *
 * The live highlights redo what a page changes block by block (page-highlights.ts). A block is
 * normally a paragraph; but text with no block of its own — 20,000 `<span>`s straight in `<body>`,
 * a `<pre>` of syntax-highlighted code, a stray line in an `<article>` of 500 paragraphs — belongs
 * to one huge container, and redoing that container on each change redoes the page. So, for the
 * highlights, the page walker (page-walker.ts, `runs`) cuts such text into pieces:
 *
 * - A run is the inline content of a block element between two nested blocks (or its start or
 *   end). Each run that is not its owner's whole text is a unit of its own, keyed by its first
 *   node (`PageBlock.start`), which the highlights remember as a "start".
 * - A long run is cut into pieces between two nodes (at any depth of inline elements), once it
 *   holds RUN_SOFT_CHARS characters and a sentence has just ended, or RUN_HARD_CHARS characters,
 *   or RUN_MAX_NODES nodes. Names and figures split across tags are found whole inside a piece; one
 *   split across a cut is not, hence cuts at sentence ends, which names and figures do not cross.
 * - A change is redone by its run region: from the nearest start (or nested block, or the owner's
 *   start) before it, found by walking back (run-regions.ts), to the next start after it. A region
 *   walk takes in the starts it meets until it holds RUN_SOFT_CHARS characters (so pieces that
 *   edits shrank merge again, and one cut short by a removed block joins its neighbour), then ends
 *   at the next one. A redo costs one piece or two, however long the run.
 *
 * The report and the annotations' page text walk without runs: blocks as the CLI makes them.
 */
/**
 * A piece is cut at the first sentence end after this many characters. The longest paragraph of
 * the labelled corpus (70 pages) has 728 characters, and a news paragraph a few hundred: no real
 * paragraph is cut, so its attribution (which reads a block as a paragraph) is as the CLI's. A
 * redo of 2,000 characters is cheap: the recognizers take about 10 ms per megabyte (README).
 */
export const RUN_SOFT_CHARS = 2_000;
/**
 * Without a sentence end, a piece is cut here anyway (at the next node: one node's text more):
 * 8,000 characters recognize in about 0.1 ms.
 */
export const RUN_HARD_CHARS = 8_000;
/**
 * And after this many nodes, whatever their text (empty or hidden elements): walking 2,048 nodes
 * takes well under a millisecond (page-walker.ts looks at the clock every 256).
 */
export const RUN_MAX_NODES = 2_048;

/** Where a region walk begins: before `next` in `parent` (null: at its end). */
export interface RunPosition {
  parent: Node;
  next: Node | null;
  /** Nothing of the owner's text comes before it. */
  ownerStart: boolean;
}

export interface RunOptions {
  /** Walk one run region from here (the walk's root is its owner), not the whole root. */
  from?: RunPosition;
  /** Whether a node is a start remembered from earlier walks (a region walk stops at one). */
  isStart?: (node: Node) => boolean;
  /** A remembered start was taken into this walk: its old unit is to be dropped. */
  onAbsorb?: (node: Node) => void;
  /** Every node a region walk visits (so that a change among them is not redone twice). */
  onVisit?: (node: Node) => void;
}

const ELEMENT = 1;
const TEXT = 3;
/** Document white space only (as visible-text.ts collapses it). */
const BLANK = /^[ \t\n\r\f]*$/;
/** A sentence's end: its punctuation, closing quotes or brackets, then white space. */
const SENTENCE_END = /[.!?…]["'”’)\]]*[ \t\n\r\f]+$/;
const SENTENCE_END_NO_SPACE = /[.!?…]["'”’)\]]*$/;

/** The run state of one walk: where the current run began, how long it is, where to cut it. */
export class RunCutter {
  /** The current run's first node that is an element or shows text; null before one. */
  start: Node | null = null;
  private nodes = 0;
  /** The last text node's data (its end tells a sentence end). */
  private lastData = '';
  /** Characters of the blocks this walk has ended, and nodes it has visited (region walks). */
  private ended = 0;
  private visited = 0;

  constructor(private readonly options: RunOptions) {}

  get region(): boolean {
    return this.options.from !== undefined;
  }

  isStart(node: Node): boolean {
    return this.options.isStart?.(node) ?? false;
  }

  absorb(node: Node): void {
    this.options.onAbsorb?.(node);
  }

  /**
   * A region walk has covered enough to end at a start met now (`chars`: the open run's). Never
   * at its first node, the start of the region itself.
   */
  regionFull(chars: number): boolean {
    return (
      this.region &&
      this.visited > 0 &&
      (this.ended + chars >= RUN_SOFT_CHARS || this.visited >= RUN_MAX_NODES)
    );
  }

  /** Whether the current run (`chars` long so far) is to be cut before `node`. */
  cutDue(node: Node, chars: number, owner: Element): boolean {
    if (this.nodes < RUN_MAX_NODES && chars < RUN_HARD_CHARS) {
      if (chars < RUN_SOFT_CHARS || !sentenceEndsBefore(this.lastData, node)) return false;
    }
    return canCutBefore(node, owner);
  }

  /** A node the walk meets, with its type and (a text node's) data, which the walk has read. */
  visit(node: Node, type: number, data: string): void {
    if (type === TEXT) this.lastData = data;
    if (this.start === null && (type === ELEMENT || (type === TEXT && !BLANK.test(data)))) {
      this.start = node;
    }
    this.nodes++;
    this.visited++;
    this.options.onVisit?.(node);
  }

  /** The current run ended with a block of `chars` characters (0: none); its start. */
  end(chars: number): Node | null {
    const start = this.start;
    this.ended += chars;
    this.start = null;
    this.nodes = 0;
    return start;
  }
}

/**
 * Whether the text so far ends a sentence where `node` begins: its punctuation, then white space
 * (at the end of the last text, or at the start of `node`). Only the last text's tail is read.
 */
function sentenceEndsBefore(lastData: string, node: Node): boolean {
  const tail = lastData.length > 16 ? lastData.slice(-16) : lastData;
  if (SENTENCE_END.test(tail)) return true;
  return (
    node.nodeType === TEXT &&
    /^[ \t\n\r\f]/.test((node as Text).data) &&
    SENTENCE_END_NO_SPACE.test(tail)
  );
}

/**
 * A region walk can start before `node` only if the walk reaches it through plain light-DOM
 * children: no shadow root or slot on the way from the owner (their order is not the DOM's).
 */
function canCutBefore(node: Node, owner: Element): boolean {
  if (owner.shadowRoot !== null) return false;
  for (let p = node.parentNode; p !== owner; p = p.parentNode) {
    if (p === null || p.nodeType !== ELEMENT || (p as Element).shadowRoot !== null) return false;
  }
  return true;
}
