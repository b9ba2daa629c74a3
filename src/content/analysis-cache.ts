/**
 * Block analyses remembered by block text. Pages repeat blocks (navigation, bylines) and a report
 * re-walks a page whose blocks were analyzed when they were highlighted: the same text never needs
 * the engine twice.
 */
import { analyzeBlock, type Analysis } from '../core/report/analyze';

// Bound on remembered blocks: above the paragraph count of the largest pages we target (50,000),
// so a report after a full pass hits the cache; when exceeded the cache starts over (cheap, rare).
const MAX_ENTRIES = 60_000;

const cache = new Map<string, Analysis>();

export function analyzeCached(text: string): Analysis {
  let analysis = cache.get(text);
  if (analysis === undefined) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    analysis = analyzeBlock(text);
    cache.set(text, analysis);
  }
  return analysis;
}
