/**
 * Feature: highlights on the live page, the hover card and the overview strip — kept up to date as
 * the page changes. `init(signal)` starts it; aborting the signal takes everything down again.
 *
 * First pass: the page walked in slices (page-walker.ts), each block analyzed and painted as it is
 * found. After that, a MutationObserver redoes only the blocks whose content changed: 100 appended
 * paragraphs cost 100 paragraphs, whatever the page's length.
 */
import type { FactIndex } from '../core/compare';
import type { PageContext } from '../core/report/analyze';
import type { Fact } from '../core/types';
import type { ContentStats } from '../shared/messages';
import type { HighlightCategory, Highlighter } from './highlighter';
import type { HoverCard } from './hover-card';
import { mergeMark, mergesAway, type OverviewStrip, type StripMark } from './overview-strip';
import { recognizeCached, recognizeNew, setPageLanguage } from './analysis-cache';
import { blockRole, LabelTracker, type Label } from '../core/text/labels';
import { PageContextTracker } from './page-context';
import { itemsOfBlock, rangeOfItem, staticRangeOfItem, type PageItem } from './page-items';
import { PageWalker, collectBlocks, nearestBlock, type PageBlock } from './page-walker';
import { safely } from './safe';
import { ownerTops } from './strip-positions';
import { nearViewport } from './viewport-blocks';
import { Aborted, afterNextFrame, checkpoint, sliceDeadline } from './schedule';
import { isOurs } from './ui-root';

export interface HighlightDeps {
  doc: Document;
  facts: FactIndex;
  factsById: ReadonlyMap<string, Fact>;
  highlighter: Highlighter;
  card: HoverCard;
  strip: OverviewStrip;
}

function categoryOf(item: PageItem): HighlightCategory {
  return item.type === 'mention' ? 'mention' : item.figure.verdict;
}

// The strip is redrawn at most this often while a page keeps changing (infinite scroll).
const STRIP_REDRAW_MS = 500;
// Blocks handled between two looks at the clock in the pass's later phases: a look costs about
// as much as handing a block to the observer, and 32 blocks' attribution takes well under 1 ms.
const ITEMS_PER_CLOCK_CHECK = 32;
// Blocks painted at the pass's end, at most: three screens of short paragraphs hold about 100;
// more means blocks stacked on one another (zero heights), left to the observer.
const MAX_PAINTED_AT_PASS_END = 300;
// The longest the rest of the per-figure work waits for the blocks near the viewport to be
// painted: a rendering page answers within a frame or two (16–33 ms); a tab in the background
// renders no frame and must not hold the work back for long.
const FIRST_PAINT_WAIT_MS = 200;
// Pointer moves are handled at most once per frame.
const HOVER_THROTTLE_MS = 16;

export class PageHighlights {
  /** Items by the block element that owns them, to redo or drop a block's items as one. */
  private readonly byOwner = new Map<Element, PageItem[]>();
  /**
   * Painting is paid for what the reader can see: a block's items get their ranges and highlights
   * when the block comes within a screen of the viewport (IntersectionObserver), not during the
   * first pass over a page of 50,000 paragraphs, whose frames would otherwise have to repaint ever
   * more highlights nobody is looking at.
   */
  private visibility: IntersectionObserver | null = null;
  private readonly paintedOwners = new Set<Element>();
  /**
   * Blocks the first pass found something in, by owner, whose items (attribution, comparison)
   * are not made yet. Per-figure work is paid first where the reader is: an owner's items are
   * made when it comes near the viewport, the rest right after the pass, in slices (`complete`).
   */
  private readonly pending = new Map<Element, PageBlock[]>();
  /** When the pass started (for the time to its first paint). */
  private passStart = 0;
  /** Waiting for the observer's first answer (see `firstPaint`). */
  private afterFirstPaint: (() => void) | null = null;
  private readonly painted = new Map<PageItem, AbstractRange>();
  /** Captions of the page's lone figures (fact boxes), found as the page is walked. */
  private readonly labels = new WeakMap<PageBlock, Label>();
  /** The same captions by the lone figure's text: a block redone after a mutation is a new object. */
  private readonly labelsByText = new Map<string, Label>();
  /** What the page names, for attribution; grows as blocks are walked. */
  private context = new PageContextTracker('', null);
  /** The context grew after figures were painted: their attributes may change. */
  private contextStale = false;
  private stripTimer: ReturnType<typeof setTimeout> | undefined;
  readonly stats: ContentStats = {
    passStartMs: null,
    passMs: null,
    passWorkMs: null,
    phaseWorkMs: [],
    firstPaintMs: null,
    firstPaintWorkMs: null,
    completeMs: null,
    completeWorkMs: null,
    slices: 0,
    longestSliceMs: 0,
    blocks: 0,
    items: 0,
    mutationBatches: 0,
    mutationMs: 0,
  };

  constructor(private readonly deps: HighlightDeps) {}

  /** What the page names, as far as it has been walked (for attributing a selected figure). */
  get pageContext(): PageContext {
    return this.context.current.page;
  }

  async init(signal: AbortSignal): Promise<void> {
    const { doc } = this.deps;
    signal.addEventListener('abort', () => this.teardown(), { once: true });
    const body = doc.body;
    if (!body) return;
    const lang = doc.documentElement?.lang ?? '';
    setPageLanguage(lang);
    this.context = new PageContextTracker(doc.title, this.deps.facts.matcher, lang);
    const view = doc.defaultView;
    // The page renders its frame first (a page that just loaded has one due).
    await afterNextFrame(view, FIRST_PAINT_WAIT_MS);
    if (signal.aborted) return;
    if (view && 'IntersectionObserver' in view) {
      this.visibility = new view.IntersectionObserver(
        safely((entries: IntersectionObserverEntry[]) => {
          for (const entry of entries) {
            if (!entry.isIntersecting) continue;
            this.visibility?.unobserve(entry.target);
            this.paintOwner(entry.target);
          }
          this.afterFirstPaint?.();
        }),
        // One screen above and below: scrolling reveals blocks already painted.
        { rootMargin: '100% 0px 100% 0px' },
      );
    }

    // The first pass, in sliced phases. 1: walk the page and recognize each block, keeping only
    // blocks that name or count something (most do not), while the page's context (what it names
    // anywhere) is learned. 2: hand the owners of those blocks to the IntersectionObserver. Then
    // the blocks within a screen of the viewport are attributed against the whole page's context
    // (as the CLI does), compared and painted (`paintNearViewport`); the pass ends there. The
    // per-figure work for the rest of the page follows in slices, and the observer paints blocks
    // as they come near. Nothing the reader sees changes before that paint, so the page renders
    // no frame for us while we walk.
    this.passStart = performance.now();
    this.stats.passStartMs = this.passStart;
    const found: PageBlock[] = [];
    const labels = new LabelTracker<PageBlock>();
    const walker = new PageWalker(
      body,
      (block) => {
        this.stats.blocks++;
        const recognized = recognizeNew(block.text);
        // Every block's length counts: how often the page names its story is per length of text.
        this.context.add(recognized.mentions, block.text.length, false);
        // Every block may be a fact box's caption (src/core/text/labels.ts).
        const role = blockRole(block.text, recognized.figures);
        labels.push(block, block.text, role, (b, l) => {
          this.labels.set(b, l);
          this.labelsByText.set(b.text, l);
        });
        // A number alone is kept too: its caption may make it a count.
        const bare = role === 'figure' && recognized.figures.length === 0;
        if (recognized.mentions.length === 0 && recognized.figures.length === 0 && !bare) return;
        found.push(block);
      },
      { wholeLeafBlocks: true },
    );
    let next = 0;
    const phases: ((stop: () => boolean) => boolean)[] = [
      (stop) => walker.step(stop),
      (stop) => {
        while (next < found.length) {
          const block = found[next++] as PageBlock;
          const blocks = this.pending.get(block.owner);
          if (blocks) blocks.push(block);
          else {
            this.pending.set(block.owner, [block]);
            this.visibility?.observe(block.owner);
          }
          if (next % ITEMS_PER_CLOCK_CHECK === 0 && stop()) break;
        }
        return next === found.length;
      },
    ];
    this.stats.passWorkMs = await this.runSliced(phases, signal);
    this.stats.passMs = performance.now() - this.passStart;
    const paintStart = performance.now();
    this.paintNearViewport();
    this.stats.firstPaintMs = performance.now() - this.passStart;
    this.stats.firstPaintWorkMs = performance.now() - paintStart;

    const observer = new MutationObserver(
      safely((records: MutationRecord[]) => {
        const t0 = performance.now();
        this.onMutations(records);
        this.stats.mutationBatches++;
        this.stats.mutationMs += performance.now() - t0;
      }),
    );
    observer.observe(body, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });

    let lastMove = 0;
    const onMove = safely((e: PointerEvent) => {
      if (e.timeStamp - lastMove < HOVER_THROTTLE_MS) return;
      lastMove = e.timeStamp;
      this.hover(e.clientX, e.clientY);
    });
    doc.addEventListener('pointermove', onMove, { passive: true, signal });
    doc.defaultView?.addEventListener('scroll', () => this.deps.card.hide(), {
      passive: true,
      signal,
    });
    doc.defaultView?.addEventListener('resize', () => this.scheduleStrip(), {
      passive: true,
      signal,
    });

    // Let the page render what was just painted before more work: the observer answers at that
    // rendering frame, which our next slices would otherwise push back. A tab that is not
    // rendering (in the background) sends no answer; FIRST_PAINT_WAIT_MS bounds the wait.
    if (this.pending.size > 0) await this.firstPaint(signal);

    // The per-figure work for the rest of the page, in slices: every owner's items, for the
    // overview strip (which shows every figure's verdict) and for hovering anywhere.
    const owners = this.pending.keys();
    this.stats.completeWorkMs = await this.runSliced(
      [
        (stop) => {
          let n = 0;
          for (let o = owners.next(); !o.done; o = owners.next()) {
            this.materialize(o.value);
            if (++n % ITEMS_PER_CLOCK_CHECK === 0 && stop()) return false;
          }
          return true;
        },
      ],
      signal,
    );
    this.stats.completeMs = performance.now() - this.passStart;
    this.scheduleStrip();
  }

  /**
   * Paint now the blocks within a screen of the viewport (the IntersectionObserver's margin),
   * found by a binary search over their positions: the pass ends with what the reader sees
   * painted, rather than a frame later at the observer's first answer. Our pass changed nothing
   * in the page's layout, so these reads cost a few milliseconds unless the page itself left its
   * layout dirty — which its next frame would then redo anyway. The observer still watches every
   * block, so any the search misses (a page out of normal flow) is painted at its answer.
   */
  private paintNearViewport(): void {
    const view = this.deps.doc.defaultView;
    if (!view || !this.visibility || this.pending.size === 0) return;
    const screen = view.innerHeight;
    const owners = [...this.pending.keys()];
    const near = nearViewport(
      owners,
      (el) => el.getBoundingClientRect(),
      -screen,
      2 * screen,
      MAX_PAINTED_AT_PASS_END,
    );
    for (const owner of near) {
      this.visibility.unobserve(owner);
      this.paintOwner(owner);
    }
  }

  /** Resolves at the observer's first answer (or after FIRST_PAINT_WAIT_MS); throws Aborted. */
  private firstPaint(signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.afterFirstPaint = null;
        if (signal.aborted) reject(new Aborted());
        else resolve();
      };
      const timer = setTimeout(done, FIRST_PAINT_WAIT_MS);
      this.afterFirstPaint = done;
      signal.addEventListener('abort', done, { once: true });
    });
  }

  /** Run phases in slices of SLICE_MS, yielding to the page between them; returns the work time. */
  private async runSliced(
    phases: readonly ((stop: () => boolean) => boolean)[],
    signal: AbortSignal,
  ): Promise<number> {
    let work = 0;
    for (const phase of phases) {
      let phaseWork = 0;
      for (;;) {
        const sliceStart = performance.now();
        const done = phase(sliceDeadline());
        const slice = performance.now() - sliceStart;
        phaseWork += slice;
        this.stats.slices++;
        this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, slice);
        if (done) break;
        await checkpoint(signal);
      }
      this.stats.phaseWorkMs.push(phaseWork);
      work += phaseWork;
    }
    return work;
  }

  /** Make the items of an owner's pending blocks (attribution against the page's context, comparison). */
  private materialize(owner: Element): void {
    const blocks = this.pending.get(owner);
    if (!blocks) return;
    this.pending.delete(owner);
    const context = this.context.current;
    for (const block of blocks) {
      const items = itemsOfBlock(block, this.deps.facts, context, this.labels.get(block));
      if (items.length > 0) this.register(owner, items);
    }
  }

  private addBlock(block: PageBlock): void {
    if (
      this.context.add(recognizeCached(block.text).mentions, block.text.length) &&
      this.byOwner.size > 0
    ) {
      this.contextStale = true;
    }
    const label = this.labels.get(block) ?? this.labelsByText.get(block.text);
    this.addItems(block.owner, itemsOfBlock(block, this.deps.facts, this.context.current, label));
  }

  /**
   * The page named an entity for the first time after figures were painted (a story's subject is
   * usually named in its first lines, so this is rare and early): redo the blocks with figures.
   */
  private refreshIfStale(): void {
    if (!this.contextStale) return;
    this.contextStale = false;
    const owners = [...this.byOwner].filter(([, items]) => items.some((i) => i.type === 'figure'));
    for (const [owner] of owners) this.redo(owner);
  }

  private addItems(owner: Element, items: PageItem[]): void {
    if (items.length === 0) return;
    if (this.register(owner, items)) this.visibility?.observe(owner);
    else if (this.paintedOwners.has(owner)) this.paint(items);
  }

  /** Keep a block's items with their owner; true when the owner is new (not yet observed). */
  private register(owner: Element, items: PageItem[]): boolean {
    this.stats.items += items.length;
    const list = this.byOwner.get(owner);
    if (list) {
      list.push(...items);
      return false;
    }
    this.byOwner.set(owner, items);
    return true;
  }

  /** Paint a block's items: called when the block comes near the viewport. */
  private paintOwner(owner: Element): void {
    this.materialize(owner);
    const items = this.byOwner.get(owner);
    if (!items) return;
    this.paintedOwners.add(owner);
    this.paint(items);
  }

  private paint(items: readonly PageItem[]): void {
    for (const item of items) {
      if (this.painted.has(item)) continue;
      const range = staticRangeOfItem(item);
      if (!range) continue;
      this.painted.set(item, range);
      this.deps.highlighter.add(categoryOf(item), range);
    }
  }

  private dropOwner(owner: Element): void {
    if (this.pending.delete(owner)) this.visibility?.unobserve(owner);
    const items = this.byOwner.get(owner);
    if (!items) return;
    for (const item of items) {
      const range = this.painted.get(item);
      if (range) this.deps.highlighter.delete(categoryOf(item), range);
      this.painted.delete(item);
    }
    this.byOwner.delete(owner);
    this.paintedOwners.delete(owner);
    this.visibility?.unobserve(owner);
  }

  private onMutations(records: MutationRecord[]): void {
    const redo = new Set<Element>();
    let removed = false;
    for (const r of records) {
      const target =
        r.target.nodeType === Node.ELEMENT_NODE ? (r.target as Element) : r.target.parentElement;
      if (!target || insideOurUi(target)) continue;
      if (r.type === 'characterData') {
        redo.add(nearestBlock(target));
        continue;
      }
      for (const node of r.removedNodes) {
        removed = true;
        // A removed block takes its own items with it (the sweep below); removed inline content
        // (text, an <em>) changes the text of the block it was in, which is redone.
        if (
          !(node.nodeType === Node.ELEMENT_NODE && isBlockRoot(node as Element)) &&
          !isBlank(node)
        ) {
          redo.add(nearestBlock(target));
        }
      }
      for (const node of r.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && isOurs(node)) continue;
        // White space between blocks (the newlines of appended HTML) adds no visible text: redoing
        // its parent would redo a whole article for nothing.
        if (isBlank(node)) continue;
        // An added block element is a block of its own; added inline content changes its block.
        const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : target;
        redo.add(this.byOwner.has(el) || !isBlockRoot(el) ? nearestBlock(el) : el);
      }
    }
    if (removed) {
      for (const owner of [...this.byOwner.keys(), ...this.pending.keys()])
        if (!owner.isConnected) this.dropOwner(owner);
    }
    for (const owner of outermost(redo)) this.redo(owner);
    this.refreshIfStale();
    this.scheduleStrip();
  }

  /** Redo one block element: drop what it and the blocks inside it had, walk it again. */
  private redo(owner: Element): void {
    if (!owner.isConnected) return;
    this.dropOwner(owner);
    for (const inner of owner.querySelectorAll('*'))
      if (this.byOwner.has(inner) || this.pending.has(inner)) this.dropOwner(inner);
    for (const block of collectBlocks(owner)) this.addBlock(block);
  }

  private hover(x: number, y: number): void {
    const { doc, card } = this.deps;
    const caret = caretAt(doc, x, y);
    const hit = caret ? this.itemAt(caret.node, caret.offset) : undefined;
    // The caret API answers with the nearest caret even beside the text: check the pointer is on it.
    if (!hit || !pointOnRange(hit.range, x, y)) {
      card.hide();
      return;
    }
    const { item } = hit;
    const anchor = hit.range.getBoundingClientRect();
    if (item.type === 'mention') card.show({ type: 'mention', mention: item.mention }, anchor);
    else {
      const facts = item.figure.facts
        .map((id) => this.deps.factsById.get(id))
        .filter((f): f is Fact => f !== undefined);
      card.show({ type: 'figure', figure: item.figure, facts }, anchor);
    }
  }

  private itemAt(node: Node, offset: number): { item: PageItem; range: Range } | undefined {
    const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    if (!el) return undefined;
    const items = this.byOwner.get(nearestBlock(el)) ?? [];
    // Ranges are made for this one block's items only, as the pointer needs them.
    const hits = items
      .map((item) => ({ item, range: rangeOfItem(item) }))
      .filter(
        (h): h is { item: PageItem; range: Range } =>
          h.range !== null && pointIn(h.range, node, offset),
      );
    // Figures first: where a figure and a mention overlap, the figure's card says more.
    return hits.find((h) => h.item.type === 'figure') ?? hits[0];
  }

  private scheduleStrip(): void {
    if (this.stripTimer !== undefined) return;
    this.stripTimer = setTimeout(
      safely(() => {
        this.stripTimer = undefined;
        this.renderStrip();
      }),
      STRIP_REDRAW_MS,
    );
  }

  private renderStrip(): void {
    const { doc, strip, highlighter } = this.deps;
    const height = Math.max(doc.documentElement.scrollHeight, 1);
    const scrollY = doc.defaultView?.scrollY ?? 0;
    const owners: [Element, PageItem[]][] = [];
    for (const entry of this.byOwner)
      if (entry[1].some((i) => i.type === 'figure')) owners.push(entry);
    const tops = ownerTops(
      owners.map(([owner]) => owner),
      (owner) => owner.getBoundingClientRect().top + scrollY,
    );
    // Marks merged as they are made (they come in page order): a page of 50,000 paragraphs has
    // 12,000 figures for at most a few hundred marks, and a closure for each figure made its
    // task long.
    const marks: StripMark[] = [];
    owners.forEach(([, items], index) => {
      const position = Math.min(1, Math.max(0, (tops[index] ?? 0) / height));
      for (const item of items) {
        if (item.type !== 'figure') continue;
        const verdict = item.figure.verdict;
        if (mergesAway(marks, position, verdict)) continue;
        mergeMark(marks, {
          position,
          verdict,
          label: item.figure.text,
          reveal: () => {
            const range = rangeOfItem(item);
            if (range) revealRange(doc, range, highlighter);
          },
        });
      }
    });
    strip.render(marks);
  }

  private teardown(): void {
    if (this.stripTimer !== undefined) clearTimeout(this.stripTimer);
    this.visibility?.disconnect();
    for (const owner of [...this.byOwner.keys()]) this.dropOwner(owner);
    this.pending.clear();
    this.deps.card.hide();
    this.deps.strip.hide();
  }
}

export function revealRange(doc: Document, range: Range, highlighter: Highlighter): void {
  const rect = range.getBoundingClientRect();
  const view = doc.defaultView;
  if (view) {
    view.scrollTo({ top: view.scrollY + rect.top - view.innerHeight / 3, behavior: 'smooth' });
  }
  highlighter.flash(range);
}

function pointIn(range: Range, node: Node, offset: number): boolean {
  try {
    return (
      range.isPointInRange(node, offset) &&
      !(range.endContainer === node && range.endOffset === offset)
    );
  } catch {
    return false;
  }
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const withPosition = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (withPosition.caretPositionFromPoint) {
    const p = withPosition.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = withPosition.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

function insideOurUi(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (isOurs(e)) return true;
  return false;
}

function isBlockRoot(el: Element): boolean {
  return nearestBlock(el) === el;
}

/** Drop elements contained in another element of the set: redoing the outer one redoes them. */
function outermost(elements: Set<Element>): Element[] {
  return [...elements].filter((e) => {
    for (let p = e.parentElement; p; p = p.parentElement) if (elements.has(p)) return false;
    return true;
  });
}

function pointOnRange(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  }
  return false;
}

/** A text node of white space only (or an empty one). */
function isBlank(node: Node): boolean {
  return node.nodeType === Node.TEXT_NODE && !/\S/.test((node as Text).data);
}
