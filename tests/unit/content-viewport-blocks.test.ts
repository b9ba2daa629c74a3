import { describe, expect, it } from 'vitest';
import { nearViewport, type VerticalRect } from '../../src/content/viewport-blocks';

// Blocks 100 px tall, 20 px apart, as a page in normal flow; the viewport scrolled to `scroll`.
function page(
  n: number,
  scroll: number,
): { blocks: number[]; rectOf: (i: number) => VerticalRect; reads: () => number } {
  let reads = 0;
  return {
    blocks: Array.from({ length: n }, (_, i) => i),
    rectOf: (i) => {
      reads++;
      return { top: i * 120 - scroll, bottom: i * 120 + 100 - scroll };
    },
    reads: () => reads,
  };
}

describe('nearViewport', () => {
  it('finds the blocks meeting the range with a logarithmic number of reads before them', () => {
    const p = page(10_000, 600_000);
    const near = nearViewport(p.blocks, p.rectOf, -720, 1440, 1_000);
    // Block i meets [-720, 1440] when i*120 + 100 - 600000 >= -720 and i*120 - 600000 <= 1440.
    expect(near[0]).toBe(4994);
    expect(near.at(-1)).toBe(5012);
    expect(near).toHaveLength(19);
    expect(p.reads()).toBeLessThan(14 + 20 + 2);
  });

  it('stops at `max`, and finds nothing past the end of the page', () => {
    const p = page(100, 0);
    expect(nearViewport(p.blocks, p.rectOf, -720, 1440, 5)).toEqual([0, 1, 2, 3, 4]);
    const q = page(100, 50_000);
    expect(nearViewport(q.blocks, q.rectOf, -720, 1440, 100)).toEqual([]);
    expect(nearViewport([], q.rectOf, -720, 1440, 100)).toEqual([]);
  });
});
