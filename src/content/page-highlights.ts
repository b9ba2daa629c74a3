/**
 * Feature: highlights on the live page, the hover card and the overview strip — kept up to date as
 * the page changes. `init(signal)` starts it; aborting the signal takes everything down again.
 *
 * First pass: the page walked in slices (page-walker.ts), each block analyzed and painted as it is
 * found. After that, a MutationObserver redoes only the blocks whose content changed: 100 appended
 * paragraphs cost 100 paragraphs, whatever the page's length. Text that no small block holds (a
 * long run of inline content, or a run beside nested blocks) is redone by bounded pieces of its
 * run instead of its huge container (inline-runs.ts): one span changed among 20,000 in `<body>`
 * redoes one piece, not the page.
 *
 * Units: a block whose text is its owner's whole text (a paragraph) is keyed by its owner element;
 * a piece of a run by its first node (`PageBlock.start`). Items, pending work and redos go by unit;
 * painting goes by owner element, which the IntersectionObserver watches.
 */
import type { FactIndex } from '../core/compare';
import type { Lexicon } from '../core/entities';
import type { PageContext } from '../core/report/analyze';
import type { Fact } from '../core/types';
import type { ContentStats } from '../shared/messages';
import type { HighlightCategory, Highlighter } from './highlighter';
import type { HoverCard } from './hover-card';
import { mergeMark, mergesAway, type OverviewStrip, type StripMark } from './overview-strip';
import { firstLook, recognizeCached, setPageLanguage, setPageLexicon } from './analysis-cache';
import { LabelTracker, type Label } from '../core/text/labels';
import { PageContextTracker } from './page-context';
import { itemsOfBlock, rangeOfItem, staticRangeOfItem, type PageItem } from './page-items';
import { PageWalker, nearestBlock, type PageBlock } from './page-walker';
import type { RunOptions, RunPosition } from './inline-runs';
import { changesOf } from './mutation-changes';
import { inLightRun, regionAt } from './run-regions';
import { report, safely } from './safe';
import { ownerTops } from './strip-positions';
import { WatchWindow } from './watch-window';
import { firstReaching, nearViewport } from './viewport-blocks';
import { Aborted, afterNextFrame, checkpoint, sliceDeadline, yieldToPage } from './schedule';
import { isOurs } from './ui-root';

export interface HighlightDeps {
  doc: Document;
  facts: FactIndex;
  factsById: ReadonlyMap<string, Fact>;
  /** The names watched (factmark/entities); the bundled ones when absent. */
  lexicon?: Lexicon;
  highlighter: Highlighter;
  card: HoverCard;
  strip: OverviewStrip;
}

function categoryOf(item: PageItem): HighlightCategory {
  return item.type === 'mention' ? 'mention' : item.figure.verdict;
}

/** A unit's key: its run's first node, or its owner when it is the owner's whole text. */
function unitKeyOf(block: PageBlock): Node {
  return block.start ?? block.owner;
}

interface Unit {
  owner: Element;
  items: PageItem[];
}

/** What the redos of one batch of changes have walked: a change there is redone already. */
interface Redone {
  /** Every node of the block elements redone whole. */
  whole: Set<Node>;
  /** Every node the run regions redone visited. */
  walked: Set<Node>;
}

// The strip is redrawn at most this often while a page keeps changing (infinite scroll).
const STRIP_REDRAW_MS = 500;
// Blocks handled between two looks at the clock in the pass's later phases: a look costs about
// as much as handing a block to the observer, and 32 blocks' attribution takes well under 1 ms.
const ITEMS_PER_CLOCK_CHECK = 32;
// Blocks painted at the pass's end, at most: three screens of short paragraphs or table rows
// (a long page's, LONG_PAGE_BLOCKS) hold about 100–120; more means blocks stacked on one
// another (zero heights), left to the observer.
const MAX_PAINTED_AT_PASS_END = 300;
// The longest the rest of the per-figure work waits for the blocks near the viewport to be
// painted: a rendering page answers within a frame or two (16–33 ms); a tab in the background
// renders no frame and must not hold the work back for long.
const FIRST_PAINT_WAIT_MS = 200;
// Blocks handed to the observer per rendered frame, at most. Its first answers for new targets
// are computed in one task at the next rendering update: 7,930 at once made a 53–87 ms task on a
// 50,000-paragraph page (Chromium 156, about 8 µs each with our callback); 1,500 keep that task
// near 15 ms, and the 25,000 blocks of such a page are all watched within some 17 frames.
export const WATCHED_PER_FRAME = 1_500;
// Blocks of a page above which the screens around the viewport are painted at the pass's end
// (paintNearViewport). A change to the page's highlights repaints the whole page: 75–180 ms of
// rendering for the 51,000 blocks of the bench's 50,000-paragraph page (1.5–3.5 µs a block),
// under 40 ms at 10,000 (Chromium 156). From about 20,000 blocks such a frame nears 50 ms, and
// the second one that painting the margins at the observer's answer makes is worth the 2 ms
// they add to the first paint (bench, 1,000 paragraphs: 5.1–5.9 → 6.7–8.4 ms).
export const LONG_PAGE_BLOCKS = 20_000;
// The longest a watching slice waits for a frame: a tab in the background renders none (and its
// observer computes nothing), so the watching goes on at this pace there.
const FRAME_WAIT_MS = 50;
// How often, at most, a scroll has the watch window looked at (a binary search: some 16 layout
// reads); a reader scrolling at a screen a frame crosses some 100 blocks in this time, a tenth of
// the WATCH_SPAN between the viewport and the window's edge.
const WINDOW_CHECK_MS = 100;
// Pointer moves are handled at most once per frame.
const HOVER_THROTTLE_MS = 16;

export class PageHighlights {
  /** Items by unit (see the top), to redo or drop a unit's items as one. */
  private readonly units = new Map<Node, Unit>();
  /** Keys of the units with items or pending blocks, by owner element (what is observed). */
  private readonly unitsByOwner = new Map<Element, Set<Node>>();
  /**
   * Every start of a piece of a run seen (PageBlock.start), findings or not: where run regions
   * begin and end (inline-runs.ts). Weak: the page drops its nodes as it likes.
   */
  private readonly starts = new WeakSet<Node>();
  /**
   * Painting is paid for what the reader can see: a block's items get their ranges and highlights
   * when the block comes within a screen of the viewport (IntersectionObserver), not during the
   * first pass over a page of 50,000 paragraphs, whose frames would otherwise have to repaint ever
   * more highlights nobody is looking at.
   */
  private visibility: IntersectionObserver | null = null;
  /** On a long page, the blocks watched (watch-window.ts); null on others. */
  private watchWindow: WatchWindow | null = null;
  private windowTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly paintedOwners = new Set<Element>();
  /**
   * Blocks the first pass found something in, by unit, whose items (attribution, comparison)
   * are not made yet. Per-figure work is paid first where the reader is: a unit's items are
   * made when its owner comes near the viewport, the rest right after the pass, in slices.
   */
  private readonly pending = new Map<Node, PageBlock[]>();
  /** When the pass started (for the time to its first paint). */
  private passStart = 0;
  /** Waiting for the observer's first answer (see `firstPaint`). */
  private afterFirstPaint: (() => void) | null = null;
  /**
   * Owners the observer found near the viewport, painted in slices from `nextToPaint` on: one
   * answer may hold a screen or three of blocks (its margin), and their attribution against
   * 2,000 facts made an 87 ms task on the bench's story case.
   */
  private toPaint: Element[] = [];
  private nextToPaint = 0;
  private paintingQueued = false;
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
  /** Counts the strip's drawings: a drawing in tasks stops when a newer one (or teardown) starts. */
  private stripDrawing = 0;
  readonly stats: ContentStats = {
    passStartMs: null,
    passMs: null,
    passWorkMs: null,
    observeWorkMs: null,
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
    if (this.deps.lexicon) setPageLexicon(this.deps.lexicon);
    this.context = new PageContextTracker(
      doc.title,
      this.deps.facts.matcher,
      lang,
      this.deps.lexicon,
    );
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
            this.toPaint.push(entry.target);
          }
          this.paintQueued();
          this.afterFirstPaint?.();
        }),
        // One screen above and below: scrolling reveals blocks already painted.
        { rootMargin: '100% 0px 100% 0px' },
      );
    }

    // The first pass, in sliced phases. 1: walk the page and take a first look at each block
    // (firstLook: its mentions; a paragraph's figures are only looked for), keeping only blocks
    // that name or may count something (most do not), while the page's context (what it names
    // anywhere) is learned. 2: file those blocks by their unit of redo. Then the blocks in the
    // viewport are recognized, attributed against the whole page's context (as the CLI does),
    // compared and painted (`paintNearViewport`); the pass ends there. The other blocks are
    // handed to the IntersectionObserver, which paints them as they come near, and the
    // per-figure work for the rest of the page follows in slices. Nothing the reader sees changes
    // before that paint, so the page renders no frame for us while we walk.
    this.passStart = performance.now();
    this.stats.passStartMs = this.passStart;
    const found: PageBlock[] = [];
    const toObserve: Element[] = [];
    const labels = new LabelTracker<PageBlock>();
    // One function for every block (not a closure per block: 50,000 of them on a long page).
    const setLabel = (b: PageBlock, l: Label): void => {
      this.labels.set(b, l);
      this.labelsByText.set(b.text, l);
    };
    const walker = new PageWalker(
      body,
      (block) => {
        this.stats.blocks++;
        if (block.start) this.starts.add(block.start);
        const look = firstLook(block.text);
        // Every block's length counts: how often the page names its story is per length of text.
        this.context.add(look.mentions, block.text.length, false);
        // Every block may be a fact box's caption (src/core/text/labels.ts).
        labels.push(block, block.text, look.role, setLabel);
        // A table row whose table states its unit may hold amounts only that unit makes figures.
        if (look.keep || this.labels.get(block)?.position === 'table') found.push(block);
      },
      { wholeLeafBlocks: true, runs: {} },
    );
    let next = 0;
    const phases: ((stop: () => boolean) => boolean)[] = [
      (stop) => walker.step(stop),
      (stop) => {
        while (next < found.length) {
          const block = found[next++] as PageBlock;
          const key = unitKeyOf(block);
          const blocks = this.pending.get(key);
          if (blocks) blocks.push(block);
          else {
            this.pending.set(key, [block]);
            if (this.track(key, block.owner)) toObserve.push(block.owner);
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
      // A page's synthetic move (dispatchEvent) opens no card (trusted-events.ts); checked before
      // the throttle, so a stream of synthetic moves cannot hold back the user's either.
      if (!e.isTrusted) return;
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
    // rendering (in the background) sends no answer; FIRST_PAINT_WAIT_MS bounds the wait. Asked
    // for now, as the observer may answer while the blocks below are handed to it.
    const painted = this.pending.size > 0 ? this.firstPaint(signal) : null;
    painted?.catch(() => undefined);

    // The other blocks with findings are watched from now on, in slices (after the page's
    // changes are, so that none is missed): watching costs (some 40 ms for 12,000 blocks in
    // Chromium 156) that a reader at the top of the page need not wait for. A block painted
    // above needs no watching. The observer computes a new target's first answer in the next
    // rendering update, all of them in one task: at most WATCHED_PER_FRAME are handed to it
    // before the page renders a frame.
    // On a long page, only the blocks near the viewport's in document order (watch-window.ts).
    const toWatch =
      this.stats.blocks > LONG_PAGE_BLOCKS ? this.watchNear(toObserve, view, signal) : toObserve;
    let watched = 0;
    this.stats.observeWorkMs = await this.runSliced(
      [
        (stop) => {
          let handed = 0;
          while (watched < toWatch.length) {
            const owner = toWatch[watched++] as Element;
            if (this.needsWatching(owner)) {
              this.visibility?.observe(owner);
              if (++handed === WATCHED_PER_FRAME) return watched === toWatch.length;
            }
            if (watched % ITEMS_PER_CLOCK_CHECK === 0 && stop()) return false;
          }
          return true;
        },
      ],
      signal,
      () => afterNextFrame(view, FRAME_WAIT_MS),
    );

    await painted;

    // The per-figure work for the rest of the page, in slices: every unit's items, for the
    // overview strip (which shows every figure's verdict) and for hovering anywhere. The clock is
    // read after every unit: a unit's attribution allocates, and V8's incremental marking steps
    // (5–9 ms each on a 50,000-paragraph page, whose DOM is traced with the heap) are charged to
    // whatever allocates — 32 units between two looks once held ten of them, a 78 ms task
    // (Chromium 156 trace). A look costs well under a microsecond; a unit, tens of them.
    const keys = this.pending.keys();
    this.stats.completeWorkMs = await this.runSliced(
      [
        (stop) => {
          for (let k = keys.next(); !k.done; k = keys.next()) {
            this.materialize(k.value);
            if (stop()) return false;
          }
          return true;
        },
      ],
      signal,
    );
    this.stats.completeMs = performance.now() - this.passStart;
    this.scheduleStrip();
  }

  /** Does this block still need the observer: not painted yet, and holding findings? */
  private needsWatching(owner: Element): boolean {
    return !this.paintedOwners.has(owner) && this.unitsByOwner.has(owner);
  }

  /**
   * Start the watch window over `owners` (a long page's blocks to watch, in document order) at the
   * viewport, and move it as the page scrolls; returns the blocks to watch now.
   */
  private watchNear(
    owners: readonly Element[],
    view: Window | null,
    signal: AbortSignal,
  ): Element[] {
    if (!view || !this.visibility) return [...owners];
    const watching = new WatchWindow(
      owners,
      (owner) => this.visibility?.unobserve(owner),
      (owner) => this.needsWatching(owner),
    );
    this.watchWindow = watching;
    view.addEventListener('scroll', () => this.scheduleWindowMove(), { passive: true, signal });
    return watching.moveTo(firstReaching(owners, rectOf, 0));
  }

  /**
   * After a scroll, at most every WINDOW_CHECK_MS: move the watch window if the viewport has left
   * its middle. The blocks it takes in are watched WATCHED_PER_FRAME at a time, a frame apart.
   */
  private scheduleWindowMove(): void {
    if (this.windowTimer !== undefined || this.watchWindow === null) return;
    this.windowTimer = setTimeout(
      safely(() => {
        this.windowTimer = undefined;
        const watching = this.watchWindow;
        const view = this.deps.doc.defaultView;
        if (!watching || !view) return;
        const at = firstReaching(watching.owners, rectOf, 0);
        if (!watching.shouldMove(at)) return;
        const added = watching.moveTo(at);
        const handOut = (from: number): void => {
          if (watching !== this.watchWindow) return;
          for (const owner of added.slice(from, from + WATCHED_PER_FRAME)) {
            this.visibility?.observe(owner);
          }
          if (from + WATCHED_PER_FRAME < added.length) {
            void afterNextFrame(view, FRAME_WAIT_MS).then(
              safely(() => handOut(from + WATCHED_PER_FRAME)),
            );
          }
        };
        handOut(0);
      }),
      WINDOW_CHECK_MS,
    );
  }

  /**
   * Paint now the blocks in the viewport, found by a binary search over their positions: the pass
   * ends with what the reader sees painted, rather than a frame later at the observer's first
   * answer. The screens above and below (the observer's margin) are painted at that answer,
   * before a reader can scroll there, except on a long page (LONG_PAGE_BLOCKS), where they are
   * painted here too: a change to the page's highlights has Chromium repaint the whole page, and
   * on the bench's 50,000-paragraph page the observer's answer made a second frame of 75–180 ms
   * of rendering 150–300 ms after the first (long-animation-frame entries, six loads; gone in all
   * six with the margins painted here). Our pass changed nothing in the page's layout, so these
   * reads cost a few milliseconds unless the page itself left its layout dirty — which its next
   * frame would then redo anyway. The observer watches every block not painted, so any the search
   * misses (a page out of normal flow) is painted at its answer.
   */
  private paintNearViewport(): void {
    const view = this.deps.doc.defaultView;
    if (!view || !this.visibility || this.pending.size === 0) return;
    const screen = view.innerHeight;
    const keys = [...this.pending.keys()];
    // On a long page, the observer's rootMargin too (100% above and below).
    const margin = this.stats.blocks > LONG_PAGE_BLOCKS ? screen : 0;
    const near = nearViewport(keys, rectOf, -margin, screen + margin, MAX_PAINTED_AT_PASS_END);
    for (const key of near) {
      // A paragraph is painted whole: its owner needs no watching. An owner of several pieces
      // stays watched for those not near (they are painted when it answers).
      if (key.nodeType === Node.ELEMENT_NODE && this.pending.get(key)?.[0]?.owner === key) {
        this.visibility.unobserve(key as Element);
        this.paintOwner(key as Element);
      } else {
        this.materialize(key);
        const unit = this.units.get(key);
        if (unit) this.paint(unit.items);
      }
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

  /**
   * Run phases in slices of SLICE_MS, yielding to the page between them (or awaiting `pause`);
   * returns the work time.
   */
  private async runSliced(
    phases: readonly ((stop: () => boolean) => boolean)[],
    signal: AbortSignal,
    pause?: () => Promise<void>,
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
        if (pause) await pause();
        await checkpoint(signal);
      }
      this.stats.phaseWorkMs.push(phaseWork);
      work += phaseWork;
    }
    return work;
  }

  /** Make the items of a unit's pending blocks (attribution against the page's context, comparison). */
  private materialize(key: Node): void {
    const blocks = this.pending.get(key);
    if (!blocks) return;
    this.pending.delete(key);
    const context = this.context.current;
    for (const block of blocks) {
      const items = itemsOfBlock(block, this.deps.facts, context, this.labels.get(block));
      if (items.length > 0) this.register(key, block.owner, items);
    }
    const owner = (blocks[0] as PageBlock).owner;
    if (!this.units.has(key)) this.untrack(key, owner);
  }

  private addBlock(block: PageBlock): void {
    const found = recognizeCached(block.text);
    if (this.context.add(found.mentions, block.text.length) && this.units.size > 0) {
      this.contextStale = true;
    }
    const label = this.labels.get(block) ?? this.labelsByText.get(block.text);
    // Nothing named or counted, and no caption to make a lone number a count: no items. (Not
    // asked of itemsOfBlock, which would recognize the text again: texts that hold nothing are
    // not remembered, analysis-cache.ts.)
    if (found.mentions.length === 0 && found.figures.length === 0 && label === undefined) return;
    const items = itemsOfBlock(block, this.deps.facts, this.context.current, label);
    if (items.length === 0) return;
    const key = unitKeyOf(block);
    this.register(key, block.owner, items);
    if (this.track(key, block.owner)) this.visibility?.observe(block.owner);
    else if (this.paintedOwners.has(block.owner)) this.paint(items);
  }

  /**
   * The page named an entity for the first time after figures were painted (a story's subject is
   * usually named in its first lines, so this is rare and early): redo the blocks with figures.
   */
  private refreshIfStale(): void {
    if (!this.contextStale) return;
    this.contextStale = false;
    const keys = [...this.units]
      .filter(([, unit]) => unit.items.some((i) => i.type === 'figure'))
      .map(([key]) => key);
    const done: Redone = { whole: new Set(), walked: new Set() };
    for (const key of keys) {
      const unit = this.units.get(key);
      // Gone, or taken into the region of a unit redone before it.
      if (!unit || !key.isConnected) continue;
      if (key === unit.owner || inLightRun(unit.owner, key.parentNode as Node) !== true) {
        this.redoWhole(unit.owner, done);
      } else {
        this.redoFrom(
          unit.owner,
          { parent: key.parentNode as Node, next: key, ownerStart: false },
          done,
        );
      }
    }
  }

  /** Keep a unit's items. */
  private register(key: Node, owner: Element, items: PageItem[]): void {
    this.stats.items += items.length;
    const unit = this.units.get(key);
    if (unit) unit.items.push(...items);
    else this.units.set(key, { owner, items });
  }

  /** Count a unit under its owner; true when the owner is new (to be observed). */
  private track(key: Node, owner: Element): boolean {
    const keys = this.unitsByOwner.get(owner);
    if (keys) {
      keys.add(key);
      return false;
    }
    this.unitsByOwner.set(owner, new Set([key]));
    return true;
  }

  private untrack(key: Node, owner: Element): void {
    const keys = this.unitsByOwner.get(owner);
    if (!keys?.delete(key) || keys.size > 0) return;
    this.unitsByOwner.delete(owner);
    this.paintedOwners.delete(owner);
    this.visibility?.unobserve(owner);
  }

  /** Paint the queued owners, a slice at a time (yielding between slices) until none is left. */
  private paintQueued(): void {
    if (this.paintingQueued) return;
    this.paintingQueued = true;
    const slice = safely(() => {
      let again = false;
      try {
        const stop = sliceDeadline();
        while (this.nextToPaint < this.toPaint.length) {
          this.paintOwner(this.toPaint[this.nextToPaint++] as Element);
          if (stop() && this.nextToPaint < this.toPaint.length) {
            again = true;
            void yieldToPage().then(slice);
            return;
          }
        }
        this.toPaint = [];
        this.nextToPaint = 0;
      } finally {
        // A block that failed to paint is reported (safely) and skipped: the next answer goes on.
        if (!again) this.paintingQueued = false;
      }
    });
    slice();
  }

  /** Paint an owner's units: called when the owner comes near the viewport. */
  private paintOwner(owner: Element): void {
    const keys = this.unitsByOwner.get(owner);
    if (!keys) return;
    for (const key of [...keys]) this.materialize(key);
    if (!this.unitsByOwner.has(owner)) return;
    this.paintedOwners.add(owner);
    for (const key of keys) {
      const unit = this.units.get(key);
      if (unit) this.paint(unit.items);
    }
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

  private dropUnit(key: Node): void {
    const blocks = this.pending.get(key);
    const unit = this.units.get(key);
    const owner = unit?.owner ?? blocks?.[0]?.owner;
    if (owner === undefined) return;
    this.pending.delete(key);
    this.units.delete(key);
    for (const item of unit?.items ?? []) {
      const range = this.painted.get(item);
      if (range) this.deps.highlighter.delete(categoryOf(item), range);
      this.painted.delete(item);
    }
    this.untrack(key, owner);
  }

  private onMutations(records: MutationRecord[]): void {
    const changes = changesOf(records, insideOurUi);
    // Moved content brings starts and units from where it was: forgotten, then redone here.
    // (Blocks are forgotten as they are redone whole.)
    for (const node of changes.added) if (!changes.blocks.has(node as Element)) this.forget(node);
    if (changes.removed) {
      for (const key of [...this.units.keys(), ...this.pending.keys()])
        if (!key.isConnected) this.dropUnit(key);
    }
    const done: Redone = { whole: new Set(), walked: new Set() };
    for (const el of outermost(new Set([...changes.blocks, ...changes.owners])))
      this.redoWhole(el, done);
    for (const { parent, next, node } of changes.positions) {
      if (done.whole.has(parent) || !parent.isConnected) continue;
      // A changed node a region walk went through: its region is redone (a walk goes through a
      // node's whole subtree unless it ends at a start inside, and moved or added content holds
      // none: it was forgotten above).
      if (node !== null && (done.whole.has(node) || done.walked.has(node))) continue;
      const at = parent.nodeType === Node.ELEMENT_NODE ? (parent as Element) : parent.parentElement;
      if (at) this.redoAt(nearestBlock(at), parent, next, done);
    }
    this.refreshIfStale();
    this.scheduleStrip();
  }

  /** Redo the run region of `owner` that the position (`next` in `parent`) is in. */
  private redoAt(owner: Element, parent: Node, next: Node | null, done: Redone): void {
    // The owner's text was one block: redo it whole (it is short: inline-runs.ts).
    if (this.units.has(owner) || this.pending.has(owner)) {
      this.redoWhole(owner, done);
      return;
    }
    const region = regionAt(owner, parent, next, (n) => this.starts.has(n));
    if (region === 'hidden') return;
    if (region === null) this.redoWhole(owner, done);
    else this.redoFrom(owner, region.from, done);
  }

  /** Redo one run region of `owner`, from `from` to the next start once it has enough text. */
  private redoFrom(owner: Element, from: RunPosition, done: Redone): void {
    this.walkAndAdd(owner, {
      from,
      isStart: (n) => this.starts.has(n),
      // The unit a start met began is redone by this walk.
      onAbsorb: (n) => {
        this.dropUnit(n);
        this.starts.delete(n);
      },
      onVisit: (n) => done.walked.add(n),
    });
  }

  /** Redo a block element whole: drop what it and everything inside had, walk it again. */
  private redoWhole(el: Element, done: Redone): void {
    if (!el.isConnected || done.whole.has(el)) return;
    this.forget(el, done.whole);
    this.walkAndAdd(el, {});
  }

  private walkAndAdd(root: Element, runs: RunOptions): void {
    const blocks: PageBlock[] = [];
    new PageWalker(root, (b) => blocks.push(b), { runs }).step();
    for (const block of blocks) {
      if (block.start) this.starts.add(block.start);
      this.addBlock(block);
    }
  }

  /** Drop the units of `root` and of every node inside, and forget their starts. */
  private forget(root: Node, seen?: Set<Node>): void {
    const doc = root.ownerDocument ?? this.deps.doc;
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n: Node | null = root; n !== null; n = walker.nextNode()) {
      seen?.add(n);
      if (this.units.has(n) || this.pending.has(n)) this.dropUnit(n);
      this.starts.delete(n);
    }
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
    const items = this.units.get(this.unitAt(node, offset, nearestBlock(el)))?.items ?? [];
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

  /** The key of the unit a caret position is in. */
  private unitAt(node: Node, offset: number, owner: Element): Node {
    if (this.units.has(owner)) return owner;
    const region =
      node.nodeType === Node.ELEMENT_NODE
        ? regionAt(owner, node, node.childNodes[offset] ?? null, (n) => this.starts.has(n))
        : node.parentNode
          ? regionAt(owner, node.parentNode, node.nextSibling, (n) => this.starts.has(n))
          : null;
    return region !== null && region !== 'hidden' ? (region.start ?? owner) : owner;
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

  /**
   * Draw the overview strip in three tasks — place the blocks (layout reads), merge their marks,
   * render — with the page's turn between them: on a page of 50,000 paragraphs (26,000 items) the
   * three in one task took 53–58 ms in Chromium 156, over design.md's 50 ms. A strip drawn again
   * meanwhile (the page changed) or taken down makes the rest of this one moot.
   */
  private renderStrip(): void {
    const drawing = ++this.stripDrawing;
    const { doc, strip } = this.deps;
    const height = Math.max(doc.documentElement.scrollHeight, 1);
    const scrollY = doc.defaultView?.scrollY ?? 0;
    const owners: [Element, PageItem[]][] = [];
    // A piece of a run is placed by its first element (by its text's parent when it starts with
    // text); a paragraph by its owner.
    for (const [key, unit] of this.units) {
      if (!unit.items.some((i) => i.type === 'figure')) continue;
      const at = key.nodeType === Node.ELEMENT_NODE ? (key as Element) : key.parentElement;
      owners.push([at ?? unit.owner, unit.items]);
    }
    const tops = ownerTops(
      owners.map(([owner]) => owner),
      (owner) => owner.getBoundingClientRect().top + scrollY,
    );
    const current = () => drawing === this.stripDrawing;
    void yieldToPage()
      .then(() => (current() ? this.stripMarks(owners, tops, height) : null))
      .then(async (marks) => {
        if (marks === null) return;
        await yieldToPage();
        if (current()) strip.render(marks);
      })
      .catch(report);
  }

  /** The strip's marks, merged as they are made (the owners come in page order). */
  private stripMarks(
    owners: readonly [Element, PageItem[]][],
    tops: readonly number[],
    height: number,
  ): StripMark[] {
    const { doc, highlighter } = this.deps;
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
    return marks;
  }

  private teardown(): void {
    if (this.stripTimer !== undefined) clearTimeout(this.stripTimer);
    if (this.windowTimer !== undefined) clearTimeout(this.windowTimer);
    this.windowTimer = undefined;
    this.watchWindow = null;
    this.stripDrawing++;
    this.visibility?.disconnect();
    // A paint slice still to come finds nothing to paint.
    this.toPaint = [];
    this.nextToPaint = 0;
    for (const key of [...this.units.keys()]) this.dropUnit(key);
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

/** Where a unit is: its owner's box, or its first node's (a range over a text node). */
function rectOf(key: Node): DOMRect {
  if (key.nodeType === Node.ELEMENT_NODE) return (key as Element).getBoundingClientRect();
  const range = (key.ownerDocument ?? document).createRange();
  range.selectNode(key);
  return range.getBoundingClientRect();
}
