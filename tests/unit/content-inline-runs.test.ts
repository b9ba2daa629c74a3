// @vitest-environment happy-dom
/**
 * The page walker's runs (inline-runs.ts, run-regions.ts): long inline runs cut into bounded
 * pieces at sentence ends, each piece knowing its start, and a region walk that redoes one piece.
 */
import { describe, expect, it } from 'vitest';
import { RUN_HARD_CHARS, RUN_SOFT_CHARS, type RunOptions } from '../../src/content/inline-runs';
import { PageWalker, type PageBlock } from '../../src/content/page-walker';
import { regionAt } from '../../src/content/run-regions';
import { createUiRoot, revealHost } from '../../src/content/ui-root';

function walk(root: Element, runs?: RunOptions): PageBlock[] {
  const blocks: PageBlock[] = [];
  new PageWalker(root, (b) => blocks.push(b), { wholeLeafBlocks: true, runs }).step();
  return blocks;
}

/** `n` sentences of about 40 characters, each in a span, the spans separated by spaces. */
function sentences(n: number): string {
  return Array.from(
    { length: n },
    (_, i) => `<span>Sentence ${i} tells of the river and the hills.</span>`,
  ).join(' ');
}

describe('pieces of a long run', () => {
  it('cuts a run in <body> at sentence ends past RUN_SOFT_CHARS, and loses no text', () => {
    document.body.innerHTML = sentences(1_000);
    const whole = walk(document.body);
    expect(whole).toHaveLength(1);
    const pieces = walk(document.body, {});
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.map((p) => p.text).join(' ')).toBe(whole[0]?.text);
    for (const piece of pieces.slice(0, -1)) {
      expect(piece.text.length).toBeGreaterThanOrEqual(RUN_SOFT_CHARS);
      expect(piece.text.length).toBeLessThan(RUN_SOFT_CHARS + 100);
      expect(piece.text.endsWith('.')).toBe(true);
    }
    // Every piece starts at its first span: where a redo of it begins.
    for (const piece of pieces) {
      expect((piece.start as Element).localName).toBe('span');
      expect(piece.text.startsWith((piece.start as Element).textContent ?? '-')).toBe(true);
    }
  });

  it('cuts a run with no sentence end at RUN_HARD_CHARS', () => {
    // Long words, so that the character bound comes before the node bound (RUN_MAX_NODES).
    document.body.innerHTML = Array.from(
      { length: 1_000 },
      (_, i) => `<b>a-long-hyphenated-word-number-${i}</b>`,
    ).join(' ');
    const pieces = walk(document.body, {});
    expect(pieces.length).toBeGreaterThan(1);
    // Cut at the first node boundary past the bound: at most one word more.
    for (const piece of pieces) expect(piece.text.length).toBeLessThan(RUN_HARD_CHARS + 40);
    expect(pieces[0]?.text.length).toBeGreaterThanOrEqual(RUN_HARD_CHARS - 20);
  });

  it('cuts inside inline wrappers: a <pre><code> of many spans', () => {
    document.body.innerHTML = `<pre><code>${sentences(500)}</code></pre>`;
    const pieces = walk(document.body, {});
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.every((p) => p.owner.localName === 'pre')).toBe(true);
    expect(pieces.slice(1).every((p) => (p.start as Element).parentElement?.localName === 'code'));
  });

  it('leaves a paragraph whole (no start), and gives runs beside nested blocks their start', () => {
    document.body.innerHTML =
      '<p>A <em>short</em> paragraph.</p><div>Before <p>inner</p> after <b>bold</b></div>';
    const blocks = walk(document.body, {});
    expect(blocks.map((b) => [b.text, b.start ?? null])).toEqual([
      ['A short paragraph.', null],
      ['Before', document.querySelector('div')?.firstChild],
      ['inner', null],
      ['after bold', document.querySelector('div p')?.nextSibling],
    ]);
  });

  it('finds names split across tags inside a piece whole', () => {
    document.body.innerHTML = `${sentences(60)} <span>the Reko</span> <span>Diq mine</span>`;
    const pieces = walk(document.body, {});
    expect(pieces.filter((p) => p.text.includes('the Reko Diq mine'))).toHaveLength(1);
  });
});

describe('a region walk', () => {
  /** The first walk's pieces, with their starts remembered as the highlights remember them. */
  function firstWalk(): { pieces: PageBlock[]; starts: Set<Node> } {
    const pieces = walk(document.body, {});
    return { pieces, starts: new Set(pieces.map((p) => p.start).filter((s) => s != null)) };
  }

  it('redoes one piece: from its start to the next one', () => {
    document.body.innerHTML = sentences(1_000);
    const { pieces, starts } = firstWalk();
    const spans = document.querySelectorAll('span');
    const inside = spans[500] as Element;
    const k = pieces.findIndex((p) => p.text.includes('Sentence 500 '));
    const region = regionAt(document.body, inside, inside.firstChild, (n) => starts.has(n));
    expect(region).not.toBe('hidden');
    expect(region).not.toBeNull();
    if (region === null || region === 'hidden') return;
    expect(region.start).toBe(pieces[k]?.start);
    const absorbed: Node[] = [];
    const visited: Node[] = [];
    const again = walk(document.body, {
      from: region.from,
      isStart: (n) => starts.has(n),
      onAbsorb: (n) => absorbed.push(n),
      onVisit: (n) => visited.push(n),
    });
    expect(again.map((b) => [b.text, b.start])).toEqual([[pieces[k]?.text, pieces[k]?.start]]);
    expect(absorbed).toEqual([pieces[k]?.start]);
    // About one piece's nodes: its 50-odd spans, their text and the spaces between.
    expect(visited.length).toBeLessThan(4 * 60);
  });

  it('takes in the next piece when an edit left its own short, then ends', () => {
    document.body.innerHTML = sentences(1_000);
    const { pieces, starts } = firstWalk();
    const k = 3;
    const start = pieces[k]?.start as Element;
    // The page removes all but the first sentence of piece k: it no longer fills a piece.
    for (let n = start.nextElementSibling; n && !starts.has(n); n = start.nextElementSibling) {
      n.remove();
    }
    const region = regionAt(document.body, start, start.firstChild, (n) => starts.has(n));
    if (region === null || region === 'hidden') throw new Error('no region');
    const absorbed: Node[] = [];
    const again = walk(document.body, {
      from: region.from,
      isStart: (n) => starts.has(n),
      onAbsorb: (n) => absorbed.push(n),
    });
    expect(absorbed).toEqual([pieces[k]?.start, pieces[k + 1]?.start]);
    expect(again.map((b) => b.text).join(' ')).toBe(`${start.textContent} ${pieces[k + 1]?.text}`);
  });

  it('ends at a nested block, and the owner is whole again when nothing else is in it', () => {
    document.body.innerHTML = '<div id="d">one <b>two</b><p>para</p> three</div>';
    const d = document.getElementById('d') as Element;
    const region = regionAt(d, d.querySelector('b') as Element, null, () => false);
    if (region === null || region === 'hidden') throw new Error('no region');
    expect(region.from.ownerStart).toBe(true);
    const again = walk(d, { from: region.from });
    expect(again.map((b) => [b.text, b.start])).toEqual([['one two', d.firstChild]]);
    d.querySelector('p')?.remove();
    d.lastChild?.remove();
    const alone = walk(d, { from: region.from });
    expect(alone.map((b) => [b.text, b.start])).toEqual([['one two', null]]);
  });

  it('says a change inside hidden content shows nothing', () => {
    document.body.innerHTML = '<p>seen <span hidden><b id="x">unseen</b></span></p>';
    const x = document.getElementById('x') as Element;
    expect(regionAt(document.querySelector('p') as Element, x, null, () => false)).toBe('hidden');
  });
});

describe("Factmark's own UI host", () => {
  it('is skipped by identity; a page element named like its old tag is read', () => {
    const { shadow } = createUiRoot(document, '');
    revealHost(shadow);
    const host = shadow.host;
    host.append('our own text');
    document.body.innerHTML = '<p>page text</p><factmark-ui>page element</factmark-ui>';
    document.body.append(host);
    expect(walk(document.body).map((b) => b.text)).toEqual(['page text', 'page element']);
    host.remove();
  });
});
