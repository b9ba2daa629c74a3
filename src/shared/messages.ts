/**
 * Every message between the extension's parts, in one file: the types, and the validators each
 * receiver runs before acting. A message that fails validation is ignored (content script) or
 * answered with { ok: false, error } (background). Names marked "contract" are in design.md and
 * other tools send them: keep them exact.
 */
import type { Fact, Report } from '../core/types';

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
export type ContentRequest = ReportRequest | RevealRequest | SiteSwitchNotice | StatsRequest;

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
export type BackgroundRequest = FactsRequest | SiteGetRequest | SiteSetRequest;

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
      return typeof msg.enabled === 'boolean' ? { type: 'factmark/site-enabled', enabled: msg.enabled } : null;
    default:
      return null;
  }
}

export function parseBackgroundRequest(msg: unknown): BackgroundRequest | null {
  if (!isRecord(msg)) return null;
  switch (msg.type) {
    case 'factmark/facts':
      return { type: 'factmark/facts' };
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
