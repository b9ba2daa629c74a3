// @vitest-environment happy-dom
/**
 * The live highlights (page-highlights.ts) as a page changes: the work a change costs is the
 * change's, not the page's, also for text that no small block holds (inline-runs.ts); and the
 * hover card answers only the user's pointer.
 *
 * Work is counted, never timed: the characters the recognizers are given (recognizeBlock).
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { indexFacts } from '../../src/core/compare';
import { Highlighter, type HighlightCategory } from '../../src/content/highlighter';
import { HoverCard } from '../../src/content/hover-card';
import { RUN_HARD_CHARS, RUN_SOFT_CHARS } from '../../src/content/inline-runs';
import { OverviewStrip } from '../../src/content/overview-strip';
import {
  PageHighlights,
  WATCHED_PER_FRAME,
  LONG_PAGE_BLOCKS,
} from '../../src/content/page-highlights';
import { createUiRoot } from '../../src/content/ui-root';
import { WATCH_SPAN } from '../../src/content/watch-window';
import { BUNDLED_FACT_BASE } from '../../src/shared/fact-base';

/** Characters given to the recognizers since the last reset. */
const work = vi.hoisted(() => ({ chars: 0 }));

vi.mock('../../src/core/report/analyze', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/core/report/analyze')>();
  return {
    ...actual,
    recognizeBlock: (...args: Parameters<typeof actual.recognizeBlock>) => {
      work.chars += args[0].length;
      return actual.recognizeBlock(...args);
    },
  };
});

/** happy-dom has no StaticRange; the highlights paint with them. */
class TestStaticRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  constructor(init: StaticRangeInit) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }
  get collapsed(): boolean {
    return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
  }
}

/** Keeps what is painted (happy-dom has no CSS Custom Highlight API). */
class RecordingHighlighter extends Highlighter {
  readonly ranges = new Map<AbstractRange, HighlightCategory>();
  override add(category: HighlightCategory, range: AbstractRange): void {
    this.ranges.set(range, category);
  }
  override delete(_category: HighlightCategory, range: AbstractRange): void {
    this.ranges.delete(range);
  }
  /** The painted texts, in no particular order. */
  texts(): string[] {
    return [...this.ranges.keys()].map(textOf);
  }
}

/**
 * An IntersectionObserver that finds every observed element in view (happy-dom's never answers):
 * the page as a browser shows it when everything is near the viewport.
 */
class InViewObserver {
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(target: Element): void {
    queueMicrotask(() =>
      this.callback(
        [{ target, isIntersecting: true } as unknown as IntersectionObserverEntry],
        this as unknown as IntersectionObserver,
      ),
    );
  }
  unobserve(): void {}
  disconnect(): void {}
}

/**
 * The text a range spans, from text node to text node (happy-dom's Range.toString reads the
 * whole document, seconds on a page of 20,000 spans).
 */
function textOf(r: AbstractRange): string {
  const { startContainer: a, endContainer: b } = r;
  if (a === b) return (a as Text).data.slice(r.startOffset, r.endOffset);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  walker.currentNode = a;
  let text = (a as Text).data.slice(r.startOffset);
  for (let n = walker.nextNode(); n !== null && n !== b; n = walker.nextNode()) {
    text += (n as Text).data;
  }
  return text + (b as Text).data.slice(0, r.endOffset);
}

const facts = indexFacts(BUNDLED_FACT_BASE.facts);
const factsById = new Map(BUNDLED_FACT_BASE.facts.map((f) => [f.id, f]));
const WORDS = ['copper', 'harbour', 'river', 'mountain', 'village', 'market', 'engineer'];

/** `n` spans of a few words each, straight in <body>; every seventh ends a sentence. */
function spans(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const words = `${WORDS[i % WORDS.length]} ${WORDS[(i * 3) % WORDS.length]}`;
    out.push(`<span>${words}${i % 7 === 6 ? '.' : ''}</span>`);
  }
  return out.join(' ');
}

let life: AbortController | null = null;

async function start(
  html: string,
  userIsPointing: () => boolean = () => true,
): Promise<{ highlights: PageHighlights; highlighter: RecordingHighlighter; card: HoverCard }> {
  document.body.innerHTML = html;
  const { shadow } = createUiRoot(document, '');
  const highlighter = new RecordingHighlighter();
  const card = new HoverCard(shadow, userIsPointing);
  const highlights = new PageHighlights({
    doc: document,
    facts,
    factsById,
    highlighter,
    card,
    strip: new OverviewStrip(shadow),
  });
  life = new AbortController();
  await highlights.init(life.signal);
  return { highlights, highlighter, card };
}

/** Resolves once the highlights have handled the page's changes made so far. */
async function handled(highlights: PageHighlights): Promise<void> {
  const before = highlights.stats.mutationBatches;
  // The observer answers in a task after the change: a few turns of the event loop.
  for (let turn = 0; turn < 100 && highlights.stats.mutationBatches === before; turn++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  expect(highlights.stats.mutationBatches).toBeGreaterThan(before);
}

beforeAll(() => {
  vi.stubGlobal('StaticRange', TestStaticRange);
  Object.defineProperty(document.defaultView, 'IntersectionObserver', {
    configurable: true,
    value: InViewObserver,
  });
});

afterEach(() => {
  life?.abort();
  life = null;
  document.body.innerHTML = '';
});

describe('20,000 spans straight in <body>', () => {
  const PAGE =
    `<span>The Reko</span> <span>Diq mine.</span> ` +
    spans(10_000) +
    ` <span id="target">old words here.</span> ` +
    spans(10_000);

  // One page for all the steps: happy-dom takes seconds to build it.
  it('are read in pieces, and a change redoes the piece it is in, not the page', async () => {
    const { highlights, highlighter } = await start(PAGE);
    const pageChars = document.body.textContent?.length ?? 0;
    expect(pageChars).toBeGreaterThan(300_000);
    // A name split across two spans is found whole.
    expect(highlighter.texts()).toContain('Reko Diq');

    // 1. One span's text replaced (childList in the span).
    work.chars = 0;
    (document.getElementById('target') as HTMLElement).textContent = 'Barrick said so.';
    await handled(highlights);
    // The piece holding the span, at most two pieces' worth — against the 300,000 characters of
    // the page that the whole <body> was before pieces.
    expect(work.chars).toBeGreaterThan(0);
    expect(work.chars).toBeLessThanOrEqual(2 * RUN_HARD_CHARS);
    expect(highlighter.texts()).toContain('Barrick');
    // What the rest of the page had is still there.
    expect(highlighter.texts()).toContain('Reko Diq');

    // 2. A span appended: the end of the run it joins.
    work.chars = 0;
    const added = document.createElement('span');
    added.textContent = 'The US Export-Import Bank agreed.';
    document.body.append(' ', added);
    await handled(highlights);
    expect(work.chars).toBeGreaterThan(0);
    expect(work.chars).toBeLessThanOrEqual(2 * RUN_HARD_CHARS);
    expect(highlighter.texts()).toContain('US Export-Import Bank');

    // 3. Text changed in place (characterData).
    work.chars = 0;
    (added.firstChild as Text).data = 'Barrick agreed.';
    await handled(highlights);
    expect(work.chars).toBeGreaterThan(0);
    expect(work.chars).toBeLessThanOrEqual(2 * RUN_HARD_CHARS);
    expect(highlighter.texts().filter((t) => t === 'Barrick')).toHaveLength(2);
    expect(highlighter.texts()).not.toContain('US Export-Import Bank');

    // The pass read pieces of RUN_SOFT_CHARS to RUN_HARD_CHARS characters (one block before).
    expect(highlights.stats.blocks).toBeGreaterThanOrEqual(Math.floor(pageChars / RUN_HARD_CHARS));
    expect(highlights.stats.blocks).toBeLessThanOrEqual(Math.ceil(pageChars / RUN_SOFT_CHARS) + 1);
  });
});

describe('pieces of a run as the page removes and moves their nodes', () => {
  // 3,000 spans: some 20 pieces.
  const PAGE =
    `<span id="first">The Reko</span> <span>Diq mine.</span> ` +
    spans(1_500) +
    ` <span id="moved">Barrick agreed.</span> ` +
    spans(1_500);

  it('a removed start: its piece is redone from the piece before it', async () => {
    const { highlights, highlighter } = await start(PAGE);
    expect(highlighter.texts()).toContain('Reko Diq');
    work.chars = 0;
    document.getElementById('first')?.remove();
    await handled(highlights);
    expect(highlighter.texts()).not.toContain('Reko Diq');
    expect(work.chars).toBeLessThanOrEqual(2 * RUN_HARD_CHARS);
  });

  it('moved content is painted where it went, once', async () => {
    const { highlights, highlighter } = await start(PAGE);
    expect(highlighter.texts().filter((t) => t === 'Barrick')).toHaveLength(1);
    work.chars = 0;
    document.body.append(' ', document.getElementById('moved') as HTMLElement);
    await handled(highlights);
    expect(highlighter.texts().filter((t) => t === 'Barrick')).toHaveLength(1);
    const [range] = [...highlighter.ranges.keys()].filter(
      (r) => r.startContainer.parentElement?.id === 'moved',
    );
    expect(range?.startContainer.parentElement?.nextSibling).toBeNull();
    // The piece it left and the piece it joined.
    expect(work.chars).toBeLessThanOrEqual(4 * RUN_HARD_CHARS);
  });
});

describe('a changed line beside the paragraphs of its container', () => {
  it('redoes the line, not the 2,000 paragraphs around it', async () => {
    const paragraphs = Array.from(
      { length: 2_000 },
      (_, i) => `<p>Paragraph ${WORDS[i % WORDS.length]} of the story.</p>`,
    ).join('');
    const { highlights, highlighter } = await start(
      `<article><span id="line">Updated earlier.</span>${paragraphs}</article>`,
    );
    work.chars = 0;
    (document.getElementById('line') as HTMLElement).textContent = 'Updated: Barrick replied.';
    await handled(highlights);
    expect(work.chars).toBeLessThanOrEqual('Updated: Barrick replied.'.length);
    expect(highlighter.texts()).toContain('Barrick');
  });
});

describe('the hover card', () => {
  it('does not open for a pointer move the page made (isTrusted false)', async () => {
    // The card's own gate says yes: only the pointermove handler's own check stands in the way.
    const { card } = await start('<p id="p">Barrick owns half of the mine.</p>');
    const text = (document.getElementById('p') as HTMLElement).firstChild as Text;
    // happy-dom has no layout: the caret is on "Barrick", and every range covers the pointer.
    Object.defineProperty(document, 'caretPositionFromPoint', {
      configurable: true,
      value: () => ({ offsetNode: text, offset: 2 }),
    });
    const box = { left: 0, top: 0, right: 100, bottom: 100, width: 100, height: 100 };
    vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([box] as unknown as DOMRectList);
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(box as DOMRect);
    const move = (trusted: boolean) => {
      const event = new PointerEvent('pointermove', { clientX: 10, clientY: 10, bubbles: true });
      // Far apart in time: the handler's throttle lets both through.
      Object.defineProperty(event, 'timeStamp', { value: trusted ? 2_000 : 1_000 });
      if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
      document.body.dispatchEvent(event);
    };

    move(false);
    expect(card.visible).toBe(false);
    move(true);
    expect(card.visible).toBe(true);
    vi.restoreAllMocks();
  });
});

describe('watching the blocks of a long page', () => {
  it('hands the observer at most WATCHED_PER_FRAME new blocks before each rendered frame', async () => {
    // The observer computes its first answer for every new target in one task at the next
    // rendering update: handing it thousands at once made a long task.
    const view = document.defaultView as Window & typeof globalThis;
    let sinceFrame = 0;
    let most = 0;
    let observed = 0;
    class CountingObserver {
      observe(): void {
        observed++;
        most = Math.max(most, ++sinceFrame);
      }
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(view, 'IntersectionObserver', {
      configurable: true,
      value: CountingObserver,
    });
    const raf = vi.spyOn(view, 'requestAnimationFrame').mockImplementation((callback) => {
      return setTimeout(() => {
        sinceFrame = 0;
        callback(performance.now());
      }, 1) as unknown as number;
    });
    try {
      const blocks = 2 * WATCHED_PER_FRAME + 500;
      const html = Array.from({ length: blocks }, (_, i) => `<p>Barrick said so, ${i}.</p>`);
      const { highlights } = await start(html.join(''));
      // Every block names Barrick; those painted at the pass's end need no watching.
      expect(observed).toBeGreaterThan(2 * WATCHED_PER_FRAME);
      expect(most).toBeLessThanOrEqual(WATCHED_PER_FRAME);
      expect(highlights.stats.completeMs).not.toBeNull();
    } finally {
      raf.mockRestore();
      Object.defineProperty(view, 'IntersectionObserver', {
        configurable: true,
        value: InViewObserver,
      });
    }
  });
});

describe('the paint at the pass end', () => {
  /**
   * The paragraphs painted when the pass ends, with the page scrolled to its fourth screen (ten
   * paragraphs a screen, 80 naming Barrick) and `filler` paragraphs naming nothing after them.
   */
  async function paintedAtPassEnd(filler: number): Promise<number[]> {
    const view = document.defaultView as Window & typeof globalThis;
    class SilentObserver {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(view, 'IntersectionObserver', {
      configurable: true,
      value: SilentObserver,
    });
    const line = view.innerHeight / 10;
    const rect = vi
      .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
      .mockImplementation(function (this: HTMLElement) {
        const top = (Number(this.dataset.i ?? 1_000_000) - 30 + 0.05) * line;
        return { top, bottom: top + line * 0.9 } as DOMRect;
      });
    try {
      const named = Array.from(
        { length: 80 },
        (_, i) => `<p data-i="${i}">Barrick said so, paragraph ${i}.</p>`,
      );
      const rest = '<p>Nothing here.</p>'.repeat(filler);
      const { highlighter } = await start(named.join('') + rest);
      const painted = new Set(
        [...highlighter.ranges.keys()].map((r) =>
          Number((r.startContainer.parentElement as HTMLElement).dataset.i),
        ),
      );
      return [...painted].sort((a, b) => a - b);
    } finally {
      rect.mockRestore();
      Object.defineProperty(view, 'IntersectionObserver', {
        configurable: true,
        value: InViewObserver,
      });
    }
  }

  it('paints the viewport, and leaves the screens around it to the observer', async () => {
    expect(await paintedAtPassEnd(0)).toEqual(Array.from({ length: 10 }, (_, k) => 30 + k));
  });

  it("paints a long page's screen above and below the viewport with it", async () => {
    // One repaint of the page for all three screens: painting the margins at the observer's
    // answer made a second full-page rendering frame on long pages.
    expect(await paintedAtPassEnd(LONG_PAGE_BLOCKS)).toEqual(
      Array.from({ length: 30 }, (_, k) => 20 + k),
    );
  });
});

describe("a long page's watching", () => {
  it('watches the blocks near the viewport, and moves with the reader', async () => {
    // 3,000 paragraphs naming Barrick, ten a screen, then filler up to a long page: the observer
    // is given those within WATCH_SPAN of the viewport's (watch-window.ts), not all; scrolled to
    // the 2,500th, it watches those around it and no longer the first ones.
    const view = document.defaultView as Window & typeof globalThis;
    const observed = new Set<Element>();
    class RecordingObserver {
      observe(target: Element): void {
        observed.add(target);
      }
      unobserve(target: Element): void {
        observed.delete(target);
      }
      disconnect(): void {
        observed.clear();
      }
    }
    Object.defineProperty(view, 'IntersectionObserver', {
      configurable: true,
      value: RecordingObserver,
    });
    const line = view.innerHeight / 10;
    let scrolledTo = 30;
    const rect = vi
      .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
      .mockImplementation(function (this: HTMLElement) {
        const top = (Number(this.dataset.i ?? 1_000_000) - scrolledTo + 0.05) * line;
        return { top, bottom: top + line * 0.9 } as DOMRect;
      });
    try {
      const named = Array.from(
        { length: 3_000 },
        (_, i) => `<p data-i="${i}">Barrick said so, paragraph ${i}.</p>`,
      );
      await start(named.join('') + '<p>Nothing here.</p>'.repeat(LONG_PAGE_BLOCKS));
      const watched = () =>
        [...observed].map((e) => Number((e as HTMLElement).dataset.i)).sort((a, b) => a - b);
      // Watched from the start while the first paint has painted the three screens around it.
      for (let turn = 0; turn < 200 && observed.size === 0; turn++) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      // The viewport's paragraph is the 30th: the window runs to WATCH_SPAN after it; the three
      // screens painted at the pass's end (the 20th to the 49th) are not watched.
      expect(watched().length).toBe(30 + WATCH_SPAN - 30);
      expect([watched()[0], watched()[19], watched()[20], watched().at(-1)]).toEqual([
        0,
        19,
        50,
        30 + WATCH_SPAN - 1,
      ]);
      scrolledTo = 2_500;
      view.dispatchEvent(new Event('scroll'));
      const target = document.querySelector('[data-i="2500"]') as Element;
      for (let turn = 0; turn < 100 && !observed.has(target); turn++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect([watched()[0], watched().at(-1), watched().length]).toEqual([
        2_500 - WATCH_SPAN,
        2_999,
        3_000 - (2_500 - WATCH_SPAN),
      ]);
    } finally {
      rect.mockRestore();
      Object.defineProperty(view, 'IntersectionObserver', {
        configurable: true,
        value: InViewObserver,
      });
    }
  });
});

describe('a table that states its unit once', () => {
  it('has the amounts of its cells painted, as the CLI reads them', async () => {
    // The cells hold numbers alone, which no look at a row finds: the caption's unit makes them
    // figures (src/core/figures/table-units.ts), and the walk keeps the rows for it.
    document.documentElement.lang = 'es-CO';
    try {
      const { highlighter } = await start(
        '<table><caption>Presupuesto (cifras en billones de pesos)</caption>' +
          '<tr><th>Sector</th><th>2025</th></tr><tr><td>Salud</td><td>56,4</td></tr></table>',
      );
      expect(highlighter.texts()).toEqual(expect.arrayContaining(['2025', '56,4']));
    } finally {
      document.documentElement.lang = '';
    }
  });
});

describe('an observer answer with many blocks near the viewport', () => {
  it('is painted in slices, every block in the end', async () => {
    // One answer may hold three screens of blocks (the observer's margin); painting them all in
    // its callback made one long task. A clock that moves 1 ms per look ends each slice after a
    // few blocks, whatever the machine.
    const view = document.defaultView as Window & typeof globalThis;
    let answer: IntersectionObserverCallback = () => undefined;
    const observed: Element[] = [];
    class ManualObserver {
      constructor(callback: IntersectionObserverCallback) {
        answer = callback;
      }
      observe(target: Element): void {
        observed.push(target);
      }
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(view, 'IntersectionObserver', {
      configurable: true,
      value: ManualObserver,
    });
    try {
      const blocks = 400;
      const html = Array.from({ length: blocks }, (_, i) => `<p>Barrick said so, ${i}.</p>`);
      const { highlighter } = await start(html.join(''));
      const before = highlighter.ranges.size;
      expect(observed.length).toBeGreaterThan(20);
      let clock = 0;
      const now = vi.spyOn(performance, 'now').mockImplementation(() => ++clock);
      answer(
        observed.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry),
        {} as IntersectionObserver,
      );
      const inFirstSlice = highlighter.ranges.size - before;
      expect(inFirstSlice).toBeGreaterThan(0);
      expect(inFirstSlice).toBeLessThan(observed.length);
      for (
        let turn = 0;
        turn < 1_000 && highlighter.ranges.size - before < observed.length;
        turn++
      ) {
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      now.mockRestore();
      expect(highlighter.ranges.size - before).toBe(observed.length);
    } finally {
      vi.restoreAllMocks();
      Object.defineProperty(view, 'IntersectionObserver', {
        configurable: true,
        value: InViewObserver,
      });
    }
  });
});
