/**
 * Block analyses remembered by block text. Pages repeat blocks (navigation, bylines) and a report
 * re-walks a page whose blocks were analyzed when they were highlighted: the same text never needs
 * the recognizers twice. Attribution depends on the page's context as well (what the page names
 * anywhere), so the attributed analysis is kept with the context it was made for.
 */
import {
  attributeBlock,
  recognizeBlock,
  type Analysis,
  type PageContext,
  type Recognition,
} from '../core/report/analyze';

// Bound on remembered blocks: above the paragraph count of the largest pages we target (50,000),
// so a report after a full pass hits the cache; when exceeded the cache starts over (cheap, rare).
const MAX_ENTRIES = 60_000;

interface Entry {
  found: Recognition;
  /** The attributed analysis, and the context key it was made for. */
  analysis: Analysis | null;
  contextKey: string;
}

const cache = new Map<string, Entry>();

function entryFor(text: string): Entry {
  let entry = cache.get(text);
  if (entry === undefined) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    entry = { found: recognizeBlock(text), analysis: null, contextKey: '' };
    cache.set(text, entry);
  }
  return entry;
}

export function recognizeCached(text: string): Recognition {
  return entryFor(text).found;
}

/** A page context with a key that changes exactly when the context does. */
export interface KeyedContext {
  page: PageContext;
  key: string;
}

export function analyzeCached(text: string, context: KeyedContext): Analysis {
  const entry = entryFor(text);
  if (entry.analysis === null || entry.contextKey !== context.key) {
    entry.analysis = attributeBlock(text, entry.found, context.page);
    entry.contextKey = context.key;
  }
  return entry.analysis;
}
