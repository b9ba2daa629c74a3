/**
 * Every message between the extension's parts, in one file: the types, and the validators each
 * receiver runs before acting. A message that fails validation is ignored (content script) or
 * answered with { ok: false, error } (background). Names marked "contract" are in design.md and
 * other tools send them: keep them exact.
 */
import type {
  EntityId,
  Fact,
  Report,
  ReportAnnotation,
  ReportFigure,
  ReportMention,
} from '../core/types';

// ---- To the content script (from the popup or the background) ------------------------------

/** Contract: the report of the page as it is now (design.md). Answer: Report. */
export interface ReportRequest {
  type: 'factmark/report';
}
/** Scroll the page to the n-th figure or mention of the report and flash it. Answer: { ok }. */
export interface RevealRequest {
  type: 'factmark/reveal';
  target: 'figure' | 'mention';
  index: number;
}
/** The per-site switch changed for this page's site. Answer: { ok }. */
export interface SiteSwitchNotice {
  type: 'factmark/site-enabled';
  enabled: boolean;
}
/** The content script's own measurements, for the benchmark (bench/). Answer: ContentStats. */
export interface StatsRequest {
  type: 'factmark/stats';
}
export interface ContentStats {
  /** The first pass over the page: wall-clock from its start to its end, yields included. */
  passMs: number | null;
  /** The same pass's own work: the sum of its slices. */
  passWorkMs: number | null;
  slices: number;
  longestSliceMs: number;
  blocks: number;
  items: number;
  /** Work done for page changes after the first pass (MutationObserver batches). */
  mutationBatches: number;
  mutationMs: number;
}
/** Annotate the current selection: open the editor by it (context menu, keyboard command). Answer: { ok }. */
export interface AnnotateRequest {
  type: 'factmark/annotate';
}
/** Scroll the page to an annotation and flash it. Answer: { ok } ({ ok: false } for an orphan). */
export interface RevealAnnotationRequest {
  type: 'factmark/reveal-annotation';
  id: string;
}
/** The page's annotations changed elsewhere (popup, Library): load them again. Answer: { ok }. */
export interface AnnotationsChangedNotice {
  type: 'factmark/annotations-changed';
}
export type ContentRequest =
  | ReportRequest
  | RevealRequest
  | SiteSwitchNotice
  | StatsRequest
  | AnnotateRequest
  | RevealAnnotationRequest
  | AnnotationsChangedNotice;

// ---- To the background (from content scripts and extension pages) -------------------------

/** All facts, seed and users'. Answer: { ok: true, facts }. */
export interface FactsRequest {
  type: 'factmark/facts';
}
/** Is Factmark on for this site (host)? Answer: { ok: true, enabled }. */
export interface SiteGetRequest {
  type: 'factmark/site-get';
  host: string;
}
/** Turn Factmark on or off for a site (host). Answer: { ok: true, enabled }. */
export interface SiteSetRequest {
  type: 'factmark/site-set';
  host: string;
  enabled: boolean;
}
/**
 * Only the facts with these ids (those a report's figures name). The popup asks for these rather
 * than for all facts, so it opens fast however many facts are stored. Answer: { ok: true, facts }
 * with the facts found, in no particular order.
 */
export interface FactsGetRequest {
  type: 'factmark/facts-get';
  ids: string[];
}
export type BackgroundRequest = FactsRequest | FactsGetRequest | SiteGetRequest | SiteSetRequest;

export type Failure = { ok: false; error: string };
export type FactsAnswer = { ok: true; facts: Fact[] } | Failure;
export type SiteAnswer = { ok: true; enabled: boolean } | Failure;
export type ReportAnswer = Report;

// ---- Validation -----------------------------------------------------------------------------

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Host names as URL.hostname gives them; a bound on length keeps junk out of the database. */
function isHost(x: unknown): x is string {
  return typeof x === 'string' && x.length > 0 && x.length <= 253 && /^[a-z0-9.\-:[\]]+$/i.test(x);
}

export function parseContentRequest(msg: unknown): ContentRequest | null {
  if (!isRecord(msg)) return null;
  switch (msg.type) {
    case 'factmark/report':
      return { type: 'factmark/report' };
    case 'factmark/reveal':
      return (msg.target === 'figure' || msg.target === 'mention') &&
        Number.isInteger(msg.index) &&
        (msg.index as number) >= 0
        ? { type: 'factmark/reveal', target: msg.target, index: msg.index as number }
        : null;
    case 'factmark/stats':
      return { type: 'factmark/stats' };
    case 'factmark/site-enabled':
      return typeof msg.enabled === 'boolean'
        ? { type: 'factmark/site-enabled', enabled: msg.enabled }
        : null;
    case 'factmark/annotate':
      return { type: 'factmark/annotate' };
    case 'factmark/reveal-annotation':
      return typeof msg.id === 'string' && msg.id.length > 0 && msg.id.length <= 300
        ? { type: 'factmark/reveal-annotation', id: msg.id }
        : null;
    case 'factmark/annotations-changed':
      return { type: 'factmark/annotations-changed' };
    default:
      return null;
  }
}

// A report names at most a few facts per figure; 10,000 ids is far above any real page and bounds
// the work one message can ask for. Fact ids are short ("seed:<file>:<offset>", "user:<uuid>").
const MAX_FACT_IDS = 10_000;
const MAX_FACT_ID_LENGTH = 300;

function isFactIdList(x: unknown): x is string[] {
  return (
    Array.isArray(x) &&
    x.length <= MAX_FACT_IDS &&
    x.every((id) => typeof id === 'string' && id.length > 0 && id.length <= MAX_FACT_ID_LENGTH)
  );
}

export function parseBackgroundRequest(msg: unknown): BackgroundRequest | null {
  if (!isRecord(msg)) return null;
  switch (msg.type) {
    case 'factmark/facts':
      return { type: 'factmark/facts' };
    case 'factmark/facts-get':
      return isFactIdList(msg.ids) ? { type: 'factmark/facts-get', ids: [...msg.ids] } : null;
    case 'factmark/site-get':
      return isHost(msg.host) ? { type: 'factmark/site-get', host: msg.host.toLowerCase() } : null;
    case 'factmark/site-set':
      return isHost(msg.host) && typeof msg.enabled === 'boolean'
        ? { type: 'factmark/site-set', host: msg.host.toLowerCase(), enabled: msg.enabled }
        : null;
    default:
      return null;
  }
}

/**
 * Only the extension's own parts may talk to it: the sender must carry this extension's id, and a
 * sender with a tab must be one of our content scripts (top frame or a frame of a page), never a
 * web page (web pages cannot reach runtime.onMessage without externally_connectable, which the
 * manifest does not declare; the check is a second lock).
 */
export function isOwnSender(sender: { id?: string } | undefined, ownId: string): boolean {
  return sender !== undefined && sender.id === ownId;
}

// ---- Answers the extension's pages receive --------------------------------------------------

const VERDICTS: ReadonlySet<unknown> = new Set(['supported', 'contradicted', 'unverified']);
const FIGURE_KINDS: ReadonlySet<unknown> = new Set(['money', 'count', 'percent', 'year']);

function isSpan(x: Record<string, unknown>): boolean {
  return Number.isInteger(x.start) && Number.isInteger(x.end);
}

function parseMention(x: unknown): ReportMention | null {
  if (!isRecord(x) || !isSpan(x) || typeof x.text !== 'string') return null;
  // Entity ids are open-ended (design.md: more may be added); a reader shows an unknown id as is.
  if (typeof x.entity !== 'string' || x.entity === '') return null;
  return {
    entity: x.entity as EntityId,
    text: x.text,
    start: x.start as number,
    end: x.end as number,
  };
}

function parseFigure(x: unknown): ReportFigure | null {
  if (!isRecord(x) || !isSpan(x) || typeof x.text !== 'string') return null;
  if (!FIGURE_KINDS.has(x.kind) || !VERDICTS.has(x.verdict)) return null;
  if (typeof x.value !== 'number' || typeof x.unit !== 'string') return null;
  if (x.attribute !== null && typeof x.attribute !== 'string') return null;
  if (!Array.isArray(x.facts) || !x.facts.every((id) => typeof id === 'string')) return null;
  if (x.qualifier !== undefined && typeof x.qualifier !== 'string') return null;
  const figure: ReportFigure = {
    text: x.text,
    start: x.start as number,
    end: x.end as number,
    kind: x.kind as ReportFigure['kind'],
    value: x.value,
    unit: x.unit,
    attribute: x.attribute,
    verdict: x.verdict as ReportFigure['verdict'],
    facts: [...(x.facts as string[])],
  };
  if (x.qualifier !== undefined) figure.qualifier = x.qualifier;
  return figure;
}

function parseAnnotation(x: unknown): ReportAnnotation | null {
  return isRecord(x) &&
    typeof x.id === 'string' &&
    typeof x.quote === 'string' &&
    typeof x.anchored === 'boolean'
    ? { id: x.id, quote: x.quote, anchored: x.anchored }
    : null;
}

/**
 * The content script's answer to factmark/report, checked by the page that asked (the popup):
 * a content script of another version, or a page's frame gone wrong, must not crash the UI.
 * Returns a copy holding only the fields of the contract, or null when the shape is wrong.
 */
export function parseReport(x: unknown): Report | null {
  if (!isRecord(x) || x.version !== 1 || typeof x.url !== 'string' || typeof x.title !== 'string') {
    return null;
  }
  if (!Array.isArray(x.mentions) || !Array.isArray(x.figures)) return null;
  const mentions = x.mentions.map(parseMention);
  const figures = x.figures.map(parseFigure);
  if (mentions.includes(null) || figures.includes(null)) return null;
  const report: Report = {
    version: 1,
    url: x.url,
    title: x.title,
    mentions: mentions as ReportMention[],
    figures: figures as ReportFigure[],
  };
  if (x.annotations !== undefined) {
    const annotations = Array.isArray(x.annotations) ? x.annotations.map(parseAnnotation) : [null];
    if (annotations.includes(null)) return null;
    report.annotations = annotations as ReportAnnotation[];
  }
  return report;
}
