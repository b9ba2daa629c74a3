import { describe, it, expect } from 'vitest';
import {
  VisibleTextBuilder,
  collapseWhitespace,
  rawOffset,
  type TextSegment,
} from '../../src/core/text/visible-text';

type Piece = string | null; // null: a <br>

function build(pieces: Piece[]): { text: string; segments: TextSegment<number>[] } {
  const b = new VisibleTextBuilder<number>();
  pieces.forEach((p, i) => (p === null ? b.addBreak() : b.addText(p, i)));
  return b.finish();
}

/** What the builder must give: a plain reference implementation. */
function reference(pieces: Piece[]): string {
  return pieces
    .map((p) => (p === null ? ' ' : p))
    .join('')
    .replace(/[ \t\n\r\f]+/g, ' ')
    .replace(/^ | $/g, '');
}

const collapse = (s: string): string => s.replace(/[ \t\n\r\f]+/g, ' ');

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ['a', 'b', 'Z', '1', '$', ' ', ' ', '  ', '\t', '\n', '\r\n', '\f', '\u00a0', '’'];

function randomPieces(next: () => number): Piece[] {
  const count = 1 + Math.floor(next() * 6);
  const pieces: Piece[] = [];
  for (let i = 0; i < count; i++) {
    if (next() < 0.1) {
      pieces.push(null);
      continue;
    }
    const len = Math.floor(next() * 12);
    let s = '';
    for (let j = 0; j < len; j++) s += ALPHABET[Math.floor(next() * ALPHABET.length)] as string;
    pieces.push(s);
  }
  return pieces;
}

describe('VisibleTextBuilder: whitespace', () => {
  it('collapses runs within and across text nodes, and trims the block', () => {
    expect(build(['  Hello \n\t ', '  world ', '\n', ' again\r\n']).text).toBe('Hello world again');
    expect(build(['Reko ', 'Diq']).text).toBe('Reko Diq');
    expect(build(['Reko', ' Diq']).text).toBe('Reko Diq');
    expect(build(['Re', 'ko', ' ', ' ', 'Diq']).text).toBe('Reko Diq');
    expect(build(['$1.25', ' billion']).text).toBe('$1.25 billion');
    expect(build(['   ', '\n']).text).toBe('');
    expect(build([]).text).toBe('');
  });

  it('keeps non-breaking spaces as they are', () => {
    expect(build(['Reko\u00a0Diq']).text).toBe('Reko\u00a0Diq');
    expect(build([' \u00a0 ', 'x']).text).toBe('\u00a0 x');
    expect(build(['a \u00a0\u00a0 b']).text).toBe('a \u00a0\u00a0 b');
  });

  it('treats a break as white space', () => {
    expect(build(['a', null, 'b']).text).toBe('a b');
    expect(build(['a ', null, ' b']).text).toBe('a b');
    expect(build([null, 'a', null, null]).text).toBe('a');
    expect(build([null, ' ', null]).text).toBe('');
  });

  it('reads a blank node as a separator only: between words a space, after a cell start its tab', () => {
    const b = new VisibleTextBuilder<number>();
    b.addText('\n  ', 0);
    b.addText('Financing', 1);
    b.addCellBreak();
    b.addText('\n\t ', 2);
    b.addText('$1.25 billion', 3);
    b.addText(' \r\n', 4);
    b.addText('\f', 5);
    b.addText('total', 6);
    const { text, segments } = b.finish();
    expect(text).toBe('Financing\t$1.25 billion total');
    expect(segments.map((s) => s.ref)).toEqual([1, 3, 6]);
  });

  it('matches the reference on random input', () => {
    const next = random(1);
    for (let n = 0; n < 2000; n++) {
      const pieces = randomPieces(next);
      expect(build(pieces).text).toBe(reference(pieces));
    }
  });
});

describe('VisibleTextBuilder: segments', () => {
  it('gives a pending space to the node that brings the next character', () => {
    const { text, segments } = build(['Reko ', 'Diq']);
    expect(text).toBe('Reko Diq');
    expect(segments.map((s) => [s.ref, s.start, s.end])).toEqual([
      [0, 0, 4],
      [1, 4, 8],
    ]);
    expect(rawOffset(segments[0] as TextSegment<number>, 4)).toBe(4);
    expect(rawOffset(segments[1] as TextSegment<number>, 4)).toBe(0); // the space
    expect(rawOffset(segments[1] as TextSegment<number>, 5)).toBe(0); // 'D'
    expect(rawOffset(segments[1] as TextSegment<number>, 8)).toBe(3);
  });

  it('gives no segment to a node that adds nothing', () => {
    const { segments } = build(['  ', 'a', '\n', null, 'b', ' ']);
    expect(segments.map((s) => [s.ref, s.start, s.end])).toEqual([
      [1, 0, 1],
      [4, 1, 3],
    ]);
  });

  it('maps collapsed runs back to raw offsets, for starts and ends alike', () => {
    const data = '  a   bc \n d ';
    const { text, segments } = build([data]);
    expect(text).toBe('a bc d');
    const seg = segments[0] as TextSegment<number>;
    const raw = [0, 1, 2, 3, 4, 5, 6].map((i) => rawOffset(seg, i));
    // a→2, ' '→3 (the run's first character, just after 'a'), b→6, c→7, ' '→8, d→11, end→12.
    expect(raw).toEqual([2, 3, 6, 7, 8, 11, 12]);
    expect(seg.jumps).not.toBeNull();
  });

  it('stores no map for a node that needs no collapsing', () => {
    const { segments } = build(['Officials called ', 'Reko', ' Diq a model.']);
    for (const s of segments) expect(s.jumps).toBeNull();
  });

  it('round-trips offsets on random input', () => {
    const next = random(7);
    for (let n = 0; n < 2000; n++) {
      const pieces = randomPieces(next);
      const { text, segments } = build(pieces);
      // The segments cover the text, in order, without gaps.
      let at = 0;
      for (const seg of segments) {
        expect(seg.start).toBe(at);
        expect(seg.end).toBeGreaterThan(seg.start);
        expect(text[seg.end - 1]).not.toBe(' ');
        at = seg.end;
      }
      expect(at).toBe(text.length);

      for (const seg of segments) {
        const data = pieces[seg.ref] as string;
        let previous = -1;
        for (let i = seg.start; i <= seg.end; i++) {
          const r = rawOffset(seg, i);
          expect(r).toBeGreaterThanOrEqual(Math.max(0, previous));
          expect(r).toBeLessThanOrEqual(data.length);
          previous = r;
          if (i < seg.end && text[i] !== ' ') expect(data[r]).toBe(text[i]);
          // As an end offset: just after the previous character.
          if (i > seg.start && text[i - 1] !== ' ') {
            expect(r).toBe(rawOffset(seg, i - 1) + 1);
          }
        }
        // Every slice of the raw data between two mapped offsets reads as the text between them
        // (a leading space that came from an earlier node is not in this node's data).
        for (let a = seg.start; a < seg.end; a++) {
          for (let b = a + 1; b <= seg.end; b++) {
            const got = collapse(data.slice(rawOffset(seg, a), rawOffset(seg, b)));
            const want = text.slice(a, b);
            if (got !== want) expect([a, got]).toEqual([seg.start, want.slice(1)]);
          }
        }
      }
    }
  });

  it('maps offsets in long nodes with many runs', () => {
    const words: string[] = [];
    for (let i = 0; i < 5000; i++) words.push(`w${i}`, i % 3 === 0 ? ' \n  ' : ' ');
    const data = words.join('');
    const { text, segments } = build([data]);
    const seg = segments[0] as TextSegment<number>;
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== ' ') expect(data[rawOffset(seg, i)]).toBe(text[i]);
    }
  });
});

describe('VisibleTextBuilder.take (one builder for many blocks)', () => {
  it('gives each block what a fresh builder gives, and null for a block without text', () => {
    const blocks: Piece[][] = [
      ['  Reko ', '\n Diq  '],
      [' \n\t '],
      [null, 'a', null, null, 'b '],
      ['$1.25', '\u00a0billion'],
      [],
    ];
    const shared = new VisibleTextBuilder<number>();
    for (const pieces of blocks) {
      pieces.forEach((p, i) => (p === null ? shared.addBreak() : shared.addText(p, i)));
      const taken = shared.take();
      const fresh = build(pieces);
      if (fresh.text === '') expect(taken).toBeNull();
      else expect(taken).toEqual(fresh);
    }
  });

  it('does not carry a pending space or a cell tab into the next block', () => {
    const b = new VisibleTextBuilder<number>();
    b.addText('x ', 0);
    b.addCellBreak();
    expect(b.take()?.text).toBe('x');
    b.addText('y', 1);
    expect(b.take()).toEqual({
      text: 'y',
      segments: [{ ref: 1, start: 0, end: 1, rawStart: 0, jumps: null }],
    });
  });
});

describe('collapseWhitespace (one raw text, as the builder would make it)', () => {
  it('gives what the builder gives for the same text split into any nodes', () => {
    const next = random(11);
    const alphabet = [' ', '  ', '\n', '\t', '\r\n', '\f', 'a', 'Reko', '\u00a0', '$1.25', 'é'];
    for (let n = 0; n < 2_000; n++) {
      const pieces = Array.from(
        { length: 1 + Math.floor(next() * 6) },
        () => alphabet[Math.floor(next() * alphabet.length)] as string,
      );
      expect(collapseWhitespace(pieces.join(''))).toBe(build(pieces).text);
    }
  });
});
