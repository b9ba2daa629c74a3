/**
 * Where the overview strip's blocks sit on the page, without reading the layout of every one.
 */

// The strip reads the layout position of at most this many blocks; the rest are placed between
// their sampled neighbours. Its marks merge within 0.4 % of the page's height (overview-strip.ts),
// at most 250 of them, so 250 samples place marks about as finely as the strip shows them. Each
// read costs more the more siblings a block has (about 30 µs among 50,000 paragraphs): 1,000
// reads made the strip's task 50 ms long there, 250 take about 6 ms.
const STRIP_SAMPLES = 250;

/**
 * The page y of each element, `elements` being in document order: measured for every element of
 * a short list, else for STRIP_SAMPLES evenly spaced ones and interpolated by index in between
 * (blocks in document order stand in page order in normal flow).
 */
export function ownerTops(
  elements: readonly Element[],
  measure: (el: Element) => number,
  samples = STRIP_SAMPLES,
): number[] {
  const n = elements.length;
  if (n <= samples) return elements.map(measure);
  const step = (n - 1) / (samples - 1);
  const sampled: { index: number; top: number }[] = [];
  for (let k = 0; k < samples; k++) {
    const index = Math.round(k * step);
    sampled.push({ index, top: measure(elements[index] as Element) });
  }
  const tops = new Array<number>(n);
  for (let k = 0; k < sampled.length - 1; k++) {
    const a = sampled[k] as { index: number; top: number };
    const b = sampled[k + 1] as { index: number; top: number };
    for (let i = a.index; i <= b.index; i++) {
      tops[i] = a.top + ((b.top - a.top) * (i - a.index)) / Math.max(1, b.index - a.index);
    }
  }
  return tops;
}
