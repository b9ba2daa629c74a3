/**
 * Analysis of visible text into mentions, figures and attributes, and the report of design.md.
 *
 * The visible text is a sequence of blocks separated by '\n' (src/core/text/visible-text.ts).
 * Everything is decided within one block — a figure's sentence and its neighbours never cross a
 * block boundary — so a block's analysis does not depend on the rest of the page: the content
 * script analyzes blocks as they appear and gets what the CLI gets for the whole page.
 */
import { aboutEntities, attributeFigures, type PageContext } from '../attribution';
import type { ClaimMatcher } from '../claims/matcher';
import { yearBound } from '../claims/year-bounds';
import { blockRole, isBareNumber, LabelTracker, type Label } from '../text/labels';
import { compareFigure, type FactIndex } from '../compare';
import { BUNDLED_LEXICON, type Lexicon } from '../entities';
import { findFigures, firstFigurePlace } from '../figures';
import { tableCellFigures, tableUnitOf } from '../figures/table-units';
import { displayText, fold, needsFolding } from '../text/fold';
import type {
  AttributedFigure,
  EntityId,
  Figure,
  Mention,
  Report,
  ReportFigure,
  ReportMention,
  Span,
} from '../types';

export type { PageContext } from '../attribution';

/** What the recognizers find in a block, before attribution (which needs the page's context). */
export interface Recognition {
  /** Offsets into the block's text. */
  mentions: Mention[];
  figures: Figure[];
  /** For a block with invisible characters: the same, found in the block without them. */
  folded?: { text: string; mentions: Mention[]; figures: Figure[]; toOriginal(i: number): number };
}

export interface Analysis {
  mentions: Mention[];
  figures: AttributedFigure[];
}

/** A page that names nothing, checked against no claims. */
export const EMPTY_CONTEXT: PageContext = {
  entities: new Set(),
  claims: null,
  aboutEntities: new Set(),
};

// Invisible characters (soft hyphens from a CMS's hyphenator, zero-width spaces) can sit inside
// any word: "Bar\u00adrick", "Pak\u00adistan". Blocks holding them are analyzed without them, and
// offsets mapped back, so that no pattern of any recognizer or of the schema has to allow for them.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;

function shift<T extends Span>(x: T, map: (i: number) => number): T {
  return { ...x, start: map(x.start), end: map(x.end) };
}

/** Mentions and figures of one block (no '\n' inside is assumed); offsets are into `text`. */
export function recognizeBlock(
  text: string,
  lang = '',
  lexicon: Lexicon = BUNDLED_LEXICON,
): Recognition {
  const options = { lang };
  // Most blocks hold nothing folding would change: one test says so for both recognizers.
  if (!needsFolding(text)) {
    return { mentions: lexicon.find(text, true), figures: findFigures(text, true, options) };
  }
  if (!INVISIBLE.test(text)) {
    return { mentions: lexicon.find(text), figures: findFigures(text, false, options) };
  }
  const { text: plain, toOriginal } = fold(text);
  const mentions = lexicon.find(plain);
  const figures = findFigures(plain, false, options);
  // Texts are taken again from the original: "as the reader sees it" (a no-break hyphen stays one).
  const back = <T extends Span & { text: string }>(x: T): T => {
    const moved = shift(x, toOriginal);
    return { ...moved, text: displayText(text, moved.start, moved.end) };
  };
  return {
    mentions: mentions.map(back),
    figures: figures.map(back),
    folded: { text: plain, mentions, figures, toOriginal },
  };
}

/**
 * A block's mentions, and whether it may hold figures, without reading them (mayHaveFigures; and
 * where the first one might be read, firstFigurePlace): what a first look at a long paragraph
 * needs. Null for a block fold would change: the caller recognizes it whole (recognizeBlock),
 * which is rare and keeps this one path simple.
 */
export function scanBlock(
  text: string,
  lang = '',
  lexicon: Lexicon = BUNDLED_LEXICON,
): { mentions: Mention[]; mayCount: boolean; figureAt: number } | null {
  if (needsFolding(text)) return null;
  const figureAt = firstFigurePlace(text, { lang });
  return { mentions: lexicon.find(text, true), mayCount: figureAt >= 0, figureAt };
}

/** Attribute a block's figures, given what the whole page names. */
export function attributeBlock(
  text: string,
  found: Recognition,
  page: PageContext,
  label?: Label,
): Analysis {
  if (label?.position === 'table') {
    // A table row: its numbers in the unit the table states once; the row is attributed as the
    // text it is (the statement is no caption of any one figure).
    // (A row with invisible characters is attributed from its folded copy: left as it is.)
    const lang = page.lang ?? '';
    const phrase = found.folded ? null : tableUnitOf(label.text, lang);
    const more = phrase === null ? [] : tableCellFigures(text, found.figures, phrase, lang);
    if (more.length > 0) {
      found = { ...found, figures: [...found.figures, ...more].sort((a, b) => a.start - b.start) };
    }
    label = undefined;
  }
  if (label && found.figures.length === 0 && isBareNumber(text)) {
    found = { ...found, figures: countedByCaption(text, label, page.lang ?? '') };
  }
  if (found.figures.length === 0) return { mentions: found.mentions, figures: [] };
  const inner = found.folded;
  const figures = withYearBounds(text, found.figures);
  const attributes = inner
    ? attributeFigures(
        inner.text,
        withYearBounds(inner.text, inner.figures),
        inner.mentions,
        page,
        label,
      )
    : attributeFigures(text, figures, found.mentions, page, label);
  return {
    mentions: found.mentions,
    figures: figures.map((f, i) => {
      const a = attributes[i];
      const out: AttributedFigure = { ...f, attribute: a?.attribute ?? null };
      if (a?.matched) out.matched = a.matched;
      return out;
    }),
  };
}

/**
 * A number alone whose caption says what it counts ("6,000" over "American jobs"): recognized as
 * if written together, the figure kept within the block ("6,000", counting jobs).
 */
function countedByCaption(text: string, label: Label, lang: string): Figure[] {
  const caption = label.text.replace(/\s+/g, ' ').trim();
  const joined =
    label.position === 'after' ? `${text.trimEnd()} ${caption}` : `${caption}: ${text}`;
  const shift = label.position === 'after' ? 0 : caption.length + 2;
  const end = shift + text.trimEnd().length;
  return findFigures(joined, false, { lang })
    .filter((f) => f.start >= shift && f.start < end && f.kind === 'count')
    .map((f) => {
      const start = f.start - shift;
      const stop = Math.min(f.end, end) - shift;
      return { ...f, start, end: stop, text: displayText(text, start, stop) };
    });
}

/** Years written as bounds ("by 2030 at the latest") carry the bound as their qualifier. */
function withYearBounds(text: string, figures: readonly Figure[]): Figure[] {
  return figures.map((f) => {
    const bound = f.qualifier ? null : yearBound(text, f);
    return bound ? { ...f, qualifier: bound } : f;
  });
}

/**
 * Analyze one block on its own, in the page's context when given (its watched names, when it
 * has them: `page.lexicon`); offsets are into `text`.
 */
export function analyzeBlock(text: string, page: PageContext = EMPTY_CONTEXT): Analysis {
  return attributeBlock(text, recognizeBlock(text, '', page.lexicon), page);
}

/** The page's context: the entities it names anywhere, in its title or its text. */
export function pageContextOf(
  titleMentions: readonly Mention[],
  mentionLists: Iterable<readonly Mention[]>,
  chars: number,
  claims: ClaimMatcher | null,
  lang = '',
  lexicon: Lexicon = BUNDLED_LEXICON,
): PageContext {
  const entities = new Set<EntityId>();
  const inTitle = new Map<string, number>();
  const inText = new Map<string, number>();
  for (const m of titleMentions) {
    entities.add(m.entity);
    inTitle.set(m.entity, (inTitle.get(m.entity) ?? 0) + 1);
  }
  for (const list of mentionLists) {
    for (const m of list) {
      entities.add(m.entity);
      inText.set(m.entity, (inText.get(m.entity) ?? 0) + 1);
    }
  }
  return {
    entities,
    claims,
    aboutEntities: aboutEntities(inTitle, inText, chars, claims?.stories() ?? []),
    lang,
    lexicon,
  };
}

/**
 * Analyze a whole visible text, block by block; offsets are into `text`. Two passes: the
 * recognizers over every block, then attribution with the page's context (title included).
 */
export function analyzeText(
  text: string,
  title: string,
  facts: FactIndex | null,
  lang = '',
  lexicon: Lexicon = BUNDLED_LEXICON,
): Analysis {
  const blocks: { start: number; text: string; found: Recognition }[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end > start) {
      const block = text.slice(start, end);
      blocks.push({ start, text: block, found: recognizeBlock(block, lang, lexicon) });
    }
    start = end + 1;
  }
  const page = pageContextOf(
    lexicon.find(title),
    blocks.map((b) => b.found.mentions),
    blocks.reduce((n, b) => n + b.text.length, 0),
    facts?.matcher ?? null,
    lang,
    lexicon,
  );
  // Lone figures in fact boxes take their captions from the blocks beside them.
  const labels = new Map<(typeof blocks)[number], Label>();
  const tracker = new LabelTracker<(typeof blocks)[number]>();
  for (const b of blocks) {
    tracker.push(b, b.text, blockRole(b.text, b.found.figures), (block, label) =>
      labels.set(block, label),
    );
  }
  const result: Analysis = { mentions: [], figures: [] };
  for (const b of blocks) {
    appendShifted(result, attributeBlock(b.text, b.found, page, labels.get(b)), b.start);
  }
  return result;
}

/** Append a block's analysis to a page's, moving its offsets by the block's start. */
export function appendShifted(into: Analysis, block: Analysis, offset: number): void {
  for (const m of block.mentions)
    into.mentions.push({ ...m, start: m.start + offset, end: m.end + offset });
  for (const f of block.figures)
    into.figures.push({ ...f, start: f.start + offset, end: f.end + offset });
}

export function reportMention(m: Mention): ReportMention {
  return { entity: m.entity, text: m.text, start: m.start, end: m.end };
}

export function reportFigure(f: AttributedFigure, facts: FactIndex): ReportFigure {
  const { verdict, facts: factIds } = compareFigure(f, facts);
  const out: ReportFigure = {
    text: f.text,
    start: f.start,
    end: f.end,
    kind: f.kind,
    value: f.value,
    unit: f.unit,
    attribute: f.attribute,
    verdict,
    facts: factIds,
  };
  if (f.qualifier) out.qualifier = f.qualifier.text;
  if (f.attribute !== null && f.matched) out.matched = f.matched;
  return out;
}

export function buildReport(
  page: { url: string; title: string },
  analysis: Analysis,
  facts: FactIndex,
): Report {
  return {
    version: 1,
    url: page.url,
    title: page.title,
    mentions: analysis.mentions.map(reportMention),
    figures: analysis.figures.map((f) => reportFigure(f, facts)),
  };
}
