/**
 * Block analyses remembered by block text. Pages repeat blocks (navigation, bylines) and a report
 * re-walks a page whose blocks were analyzed when they were highlighted: the same text never needs
 * the recognizers twice. Attribution depends on the page's context as well (what the page names
 * anywhere), so the attributed analysis is kept with the context it was made for.
 */
import {
  attributeBlock,
  recognizeBlock,
  scanBlock,
  type Analysis,
  type PageContext,
  type Recognition,
} from '../core/report/analyze';
import { blockRole, isProseBefore, type BlockRole, type Label } from '../core/text/labels';
import { FIGURE_START_REACH } from '../core/figures';
import type { Figure, Mention } from '../core/types';
import { BUNDLED_LEXICON, type Lexicon } from '../core/entities';

// Bound on remembered blocks: above the count of blocks with findings on the largest pages we
// target (50,000 paragraphs), so a report after a full pass hits the cache; when exceeded the
// cache starts over (cheap, rare).
const MAX_ENTRIES = 60_000;

interface Entry {
  found: Recognition;
  /** The attributed analysis, and the context key it was made for. */
  analysis: Analysis | null;
  contextKey: string;
}

const cache = new Map<string, Entry>();
/** The page's language (`<html lang>`): how its numbers are written. One page, one language. */
let language = '';

/** The names watched (the journalist's watched names, factmark/entities): what mentions are. */
let lexicon: Lexicon = BUNDLED_LEXICON;

/** Set the page's language; analyses made in another language are dropped. */
export function setPageLanguage(lang: string): void {
  if (lang === language) return;
  language = lang;
  cache.clear();
}

/** Set the names watched; analyses made with other names are dropped. */
export function setPageLexicon(next: Lexicon): void {
  if (next === lexicon) return;
  lexicon = next;
  cache.clear();
}

function entryFor(text: string): Entry {
  let entry = cache.get(text);
  if (entry === undefined) {
    entry = { found: recognizeBlock(text, language, lexicon), analysis: null, contextKey: '' };
    remember(text, entry);
  }
  return entry;
}

/**
 * Only blocks that name or count something are remembered. Most blocks of a page hold nothing;
 * keeping their text alive would make every one of them survive the young-generation garbage
 * collections of a long pass (copied, then kept), and recognizing them again costs little, as
 * the recognizers' pre-checks turn them away.
 */
function remember(text: string, entry: Entry): void {
  if (entry.found.mentions.length === 0 && entry.found.figures.length === 0) return;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(text, entry);
}

export function recognizeCached(text: string): Recognition {
  return entryFor(text).found;
}

/**
 * Recognize a block not seen before (the first pass over a page, where a look-up would mostly
 * miss after hashing the block's whole text), remembering it if it holds anything.
 */
export function recognizeNew(text: string): Recognition {
  const found = recognizeBlock(text, language, lexicon);
  remember(text, { found, analysis: null, contextKey: '' });
  return found;
}

/** What a page's first pass needs of a block (page-highlights.ts). */
export interface FirstLook {
  mentions: readonly Mention[];
  /** Its role among fact-box captions and lone figures (src/core/text/labels.ts). */
  role: BlockRole;
  /** Whether it may hold something to highlight: names, figures, or a lone number to caption. */
  keep: boolean;
}

/**
 * A first look at a block not seen before: its mentions (the page's context needs every one) and
 * whether it may count anything. A block that may not has no figures, so its role needs none read;
 * a block that may but is prose (isProseBefore: its role is 'text' whatever it holds) is only
 * scanned too — its figures are read when it comes near the viewport or in the pass's completion
 * (recognizeCached), which is most of what recognizing costs and what a reader at the top of a
 * long page does not wait for. Only the rest (a lone figure, a caption with a number, a table row,
 * a text fold would change) is recognized at once.
 */
export function firstLook(text: string): FirstLook {
  const scanned = scanBlock(text, language, lexicon);
  if (scanned !== null) {
    const { mentions, mayCount, figureAt } = scanned;
    if (!mayCount) {
      const role = blockRole(text, NO_FIGURES);
      // A number alone is kept: its caption may make it a count.
      return { mentions, role, keep: mentions.length > 0 || role === 'figure' };
    }
    if (isProseBefore(text, figureAt - FIGURE_START_REACH)) {
      return { mentions, role: 'text', keep: true };
    }
  }
  const found = recognizeNew(text);
  const role = blockRole(text, found.figures);
  const bare = role === 'figure' && found.figures.length === 0;
  return {
    mentions: found.mentions,
    role,
    keep: found.mentions.length > 0 || found.figures.length > 0 || bare,
  };
}

const NO_FIGURES: readonly Figure[] = [];

/** A page context with a key that changes exactly when the context does. */
export interface KeyedContext {
  page: PageContext;
  key: string;
}

/** A block's analysis in the page's context; a lone figure's `label` is its caption beside it. */
export function analyzeCached(text: string, context: KeyedContext, label?: Label): Analysis {
  const entry = entryFor(text);
  // The same text may be a lone figure in two fact boxes with two captions.
  const key = label ? `${context.key}\u0000${label.position}\u0000${label.text}` : context.key;
  if (entry.analysis === null || entry.contextKey !== key) {
    entry.analysis = attributeBlock(text, entry.found, context.page, label);
    entry.contextKey = key;
  }
  return entry.analysis;
}
