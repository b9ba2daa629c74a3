/**
 * Every message between the extension's parts, in one file: the types, and the validators each
 * receiver runs before acting. A message that fails validation is ignored (content script) or
 * answered with { ok: false, error } (background). Which answer each request gets, and who may
 * send it, is the contract of ./protocol.ts. All of it is written down in docs/contracts.md
 * ("Runtime messages", "Ports"); names marked "contract" there are sent by other tools: keep them
 * exact.
 */
import { ANNOTATION_LIMITS } from '../core/annotations/limits';
import type { AnnotationQuery, PageCursor } from '../core/annotations/query';
import { ANNOTATION_COLORS, type Annotation } from '../core/annotations/types';
import { canonicalUrl } from '../core/annotations/url';
import { isEntityId } from '../core/entities/id';
import { checkBackupRequest, type BackupBackgroundRequest } from './backup-protocol';
import { checkSyncRequest, type SyncBackgroundRequest } from './sync-protocol';
import {
  checkSourcesRequest,
  type PageTextRequest,
  type SourcesBackgroundRequest,
} from './sources-protocol';
import type {
  EntityId,
  Fact,
  FactSource,
  Qualifier,
  Report,
  ReportAnnotation,
  ReportFigure,
  ReportMention,
} from '../core/types';

// ---- To the content script (from the popup or the background) ------------------------------

/** Contract: the report of the page as it is now (docs/contracts.md, "Report"). Answer: Report. */
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
  /**
   * When the content script started (its code loaded and run), on the page's clock: what comes
   * before the pass (asking the background for facts and the site's switch, the page's frame).
   */
  startMs?: number;
  /** When the first pass started, on the page's clock (performance.now()). */
  passStartMs: number | null;
  /** The first pass over the page: wall-clock from its start to its end, yields included. */
  passMs: number | null;
  /** The same pass's own work: the sum of its slices. */
  passWorkMs: number | null;
  /**
   * Work by phase: walk and recognize, hand to the painter (the pass); after the first paint,
   * watching the blocks not yet painted; then the rest of the per-figure work (recognize the
   * figures of paragraphs only scanned so far, attribute and compare every block not yet near
   * the viewport).
   */
  phaseWorkMs: number[];
  /** From the pass's start to the end of its first paint (blocks near the viewport attributed, compared, painted). */
  firstPaintMs: number | null;
  /** That first paint's own work. */
  firstPaintWorkMs: number | null;
  /** Then the work of watching the other blocks with findings (an IntersectionObserver), in slices. */
  observeWorkMs: number | null;
  /** From the pass's start until every block found has its items (verdicts for the strip). */
  completeMs: number | null;
  completeWorkMs: number | null;
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
  | AnnotationsChangedNotice
  | PageTextRequest;

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
/**
 * One page's annotations (`url`: its canonical URL, http(s)), or every annotation when `url` is
 * absent. Answer: AnnotationsAnswer, oldest first.
 */
export interface AnnotationsRequest {
  type: 'factmark/annotations';
  url?: string;
}
/**
 * One page of the Library's list of every annotation, newest first (`updated` descending, then
 * `id` descending), read by the background with a cursor: a page costs what it reads, never every
 * annotation (docs/contracts.md). `after`: the `next` of the page before (absent: the first page);
 * `query`: what to look for, evaluated by the background's cursor. Extension pages only.
 * Answer: AnnotationsPageAnswer.
 */
export interface AnnotationsPageRequest {
  type: 'factmark/annotations-page';
  /** 1 to MAX_PAGE_LIMIT. */
  limit: number;
  after?: PageCursor;
  query?: AnnotationQuery;
}
/**
 * Undo an import (the Library's "Undo this import"): `id` is the `undo` of the import's answer.
 * Only the latest import can be undone. Answer: ImportUndoAnswer.
 */
export interface ImportUndoRequest {
  type: 'factmark/import-undo';
  id: string;
}
/** Add or replace an annotation (by id), stored as sent. Answer: AnnotationSaveAnswer. */
export interface AnnotationSaveRequest {
  type: 'factmark/annotation-save';
  annotation: Annotation;
}
/**
 * Delete annotations; the answer holds the records deleted, as they were, for undo (send them
 * back with factmark/annotations-restore). Unknown ids are skipped. Answer: AnnotationsDeleteAnswer.
 */
export interface AnnotationsDeleteRequest {
  type: 'factmark/annotations-delete';
  ids: string[];
}
/** Put back deleted annotations (undo): all or none. Answer: AnnotationsRestoreAnswer. */
export interface AnnotationsRestoreRequest {
  type: 'factmark/annotations-restore';
  annotations: Annotation[];
}
export type ExportFormat = 'jsonld' | 'csv' | 'md';
/** Contract (docs/contracts.md): every annotation, or one page's, as text. Answer: ExportAnswer. */
export interface ExportRequest {
  type: 'factmark/export';
  format: ExportFormat;
  url?: string;
}
/**
 * Contract (docs/contracts.md): import a W3C Web Annotation JSON-LD text (at most MAX_IMPORT_CHARS).
 * All of it is written, in one transaction, or nothing is, and the answer says what is wrong and
 * where. Items without an id get `anno:<uuid>`; an item whose id is already stored with other
 * content replaces it only when it is newer (`updated`), else the stored one is kept, and the
 * answer counts these conflicts (re-importing an export never duplicates). Items Factmark
 * cannot place (page notes, replies, PDF annotations) are skipped, and the answer counts them
 * with the reasons; only a malformed file is refused. Answer: ImportAnswer.
 */
export interface ImportRequest {
  type: 'factmark/import';
  text: string;
}
/** Add or replace a user's fact (id "user:…", source of type "user"). Answer: FactSaveAnswer. */
export interface FactSaveRequest {
  type: 'factmark/fact-save';
  fact: Fact;
}
/** Delete a user's fact; seed facts cannot be deleted. Answer: OkAnswer. */
export interface FactDeleteRequest {
  type: 'factmark/fact-delete';
  id: string;
}
export type BackgroundRequest =
  | FactsRequest
  | FactsGetRequest
  | SiteGetRequest
  | SiteSetRequest
  | AnnotationsRequest
  | AnnotationsPageRequest
  | AnnotationSaveRequest
  | AnnotationsDeleteRequest
  | AnnotationsRestoreRequest
  | ExportRequest
  | ImportRequest
  | ImportUndoRequest
  | FactSaveRequest
  | FactDeleteRequest
  | SourcesBackgroundRequest
  // The backup of everything (./backup-protocol.ts).
  | BackupBackgroundRequest
  // Desk sync (./sync-protocol.ts).
  | SyncBackgroundRequest;

export type Failure = { ok: false; error: string };
export type FactsAnswer = { ok: true; facts: Fact[] } | Failure;
export type SiteAnswer = { ok: true; enabled: boolean } | Failure;
export type ReportAnswer = Report;
export type AnnotationsAnswer =
  | {
      ok: true;
      annotations: Annotation[];
      /**
       * Desk sync: the journalist's own CouchDB user while sync is set, so that a page's content
       * script paints teammates' annotations (another `creator`) as theirs. Pages learn nothing
       * new by it: the journalist's own shared annotations carry it as their `creator`.
       */
      deskUser?: string;
    }
  | Failure;
/**
 * `total`: every annotation stored, whatever the query; `next`: the `after` of the next request,
 * or null when no annotation after these matches (with a query, a page may hold fewer than
 * `limit` while `next` is not null: the background stopped after looking at a bounded number of
 * records — ask again from `next`); `scanned`: how many records the background looked at for this
 * answer (a search's progress); `tags`: on the first page only (no `after`), every tag in use
 * (at most 1,000), for the tag filter.
 */
export type AnnotationsPageAnswer =
  | {
      ok: true;
      annotations: Annotation[];
      total: number;
      next: PageCursor | null;
      scanned?: number;
      tags?: string[];
    }
  | Failure;
export type AnnotationSaveAnswer = { ok: true; annotation: Annotation } | Failure;
export type AnnotationsDeleteAnswer = { ok: true; deleted: Annotation[] } | Failure;
export type AnnotationsRestoreAnswer = { ok: true; restored: number } | Failure;
export type ExportAnswer = { ok: true; text: string } | Failure;
/**
 * `skipped`, `reasons` (only when something was skipped): the items of the file Factmark cannot
 * place (page notes, replies, PDF annotations), not imported, with one line per reason
 * (src/core/annotations/jsonld.ts skipReasons). `conflicts`, `keptLocal` (only when an incoming
 * annotation's id was stored with other content): how many such conflicts, and in how many the
 * stored annotation was kept because it was as new or newer; `imported` counts the others.
 * `undo` (the import port's answer): the id to undo this import with (factmark/import-undo).
 */
export type ImportAnswer =
  | {
      ok: true;
      imported: number;
      skipped?: number;
      reasons?: string[];
      conflicts?: number;
      keptLocal?: number;
      undo?: string;
    }
  | Failure;
/** `removed`: annotations the import had added; `restored`: those it had replaced, put back. */
export type ImportUndoAnswer = { ok: true; removed: number; restored: number } | Failure;
export type FactSaveAnswer = { ok: true; fact: Fact } | Failure;
export type OkAnswer = { ok: true } | Failure;

// ---- Ports (runtime.connect, from the extension's own pages only) ----------------------------
//
// A runtime message is limited to 64 MiB in Chrome, and 100,000 annotations make some 100 M
// characters of JSON-LD: the Library exports and imports everything over a port instead, in
// pieces. The messages factmark/export and factmark/import (contracts) stay as they are.

/** Port name: every annotation (or one page's) as text, in chunks. */
export const EXPORT_STREAM_PORT = 'factmark/export-stream';
/** Port name: annotations in batches, written in one transaction on commit. */
export const IMPORT_STREAM_PORT = 'factmark/import-stream';
/**
 * Characters per export chunk, at most: 8,000,000 (the background sends chunks of 512 Ki, sized
 * for the page's main thread: src/background/transfer.ts EXPORT_CHUNK_TARGET). Chrome serializes
 * a message as JSON in UTF-8; a character takes at most 6 bytes there (a control character or
 * lone surrogate escaped as \uXXXX), so a chunk stays under 48 MB, well inside the 64 MiB limit.
 * A chunk never ends between the two halves of a surrogate pair (a lone half would come out as
 * U+FFFD).
 */
export const EXPORT_CHUNK_CHARS = 8_000_000;
/** Annotations per import batch (a valid annotation is at most some 50 K characters). */
export const MAX_IMPORT_BATCH = 2_000;
/** Annotations in one import over the port (IMPORT_LIMITS.annotations of the JSON-LD parser). */
export const MAX_IMPORT_STREAM_ANNOTATIONS = 1_000_000;

/** The first (and only) message the page sends on an export port. */
export interface ExportStreamRequest {
  format: ExportFormat;
  url?: string;
}
/**
 * What the background sends on an export port: chunks and progress, then the head, then end; or
 * an error. The text is `head` followed by every chunk in order: the head (the JSON-LD
 * collection's opening, which states the count and a fingerprint of every id) is known only once
 * every annotation has been read, so it comes last; it is empty for CSV and Markdown.
 */
export type ExportStreamMessage =
  | { type: 'chunk'; text: string }
  /** Annotations written so far, of about `total` (a Markdown export counts each one twice). */
  | { type: 'progress'; sent: number; total: number }
  | { type: 'head'; text: string }
  /** `chars`: of the head and every chunk together. */
  | { type: 'end'; chars: number }
  | { type: 'error'; error: string };

/**
 * What the page sends on an export port after its request: one `ack` per chunk it has taken in.
 * The background keeps only a few chunks unacknowledged (src/background/transfer.ts), so an
 * export never piles up in the browser's message queues faster than the page takes it.
 */
export type ExportStreamAck = { type: 'ack' };

/** What the page sends on an import port: begin, batches, commit. */
export type ImportStreamMessage =
  | { type: 'begin'; total: number }
  | { type: 'batch'; annotations: Annotation[] }
  | { type: 'commit' };
/** What the background answers on an import port: progress after each batch, then done or error. */
export type ImportStreamAnswer =
  | { type: 'progress'; received: number; total: number }
  | { type: 'done'; imported: number; conflicts: number; keptLocal: number; undo: string }
  | { type: 'error'; error: string };

/** The export port's request, or what is wrong with it. */
export function checkExportStreamRequest(msg: unknown): ExportStreamRequest | string {
  if (!isRecord(msg)) return 'not an object';
  if (msg.format !== 'jsonld' && msg.format !== 'csv' && msg.format !== 'md') {
    return 'format: not "jsonld", "csv" or "md"';
  }
  if (msg.url === undefined) return { format: msg.format };
  return isHttpUrl(msg.url) ? { format: msg.format, url: msg.url } : 'url: not http(s)';
}

/**
 * An import port's message, or what is wrong with it. A batch's annotations get the strict
 * validator of a saved annotation; `received` (annotations before this batch) makes an error
 * name the annotation's place in the whole import: "annotation 2,417 (id anno:…): note: …",
 * counted from 1.
 */
export function checkImportStreamMessage(
  msg: unknown,
  received: number,
): ImportStreamMessage | string {
  if (!isRecord(msg)) return 'not an object';
  switch (msg.type) {
    case 'begin':
      return Number.isSafeInteger(msg.total) &&
        (msg.total as number) >= 0 &&
        (msg.total as number) <= MAX_IMPORT_STREAM_ANNOTATIONS
        ? { type: 'begin', total: msg.total as number }
        : `total: not a number of annotations from 0 to ${MAX_IMPORT_STREAM_ANNOTATIONS.toLocaleString('en-US')}`;
    case 'batch': {
      if (!Array.isArray(msg.annotations) || msg.annotations.length > MAX_IMPORT_BATCH) {
        return `batch: not a list of at most ${MAX_IMPORT_BATCH.toLocaleString('en-US')} annotations`;
      }
      const list: Annotation[] = [];
      for (const [i, item] of msg.annotations.entries()) {
        const checked = checkAnnotation(item);
        if (typeof checked === 'string') {
          const id =
            isRecord(item) && typeof item.id === 'string' ? ` (id ${item.id.slice(0, 80)})` : '';
          return `annotation ${(received + i + 1).toLocaleString('en-US')}${id}: ${checked}`;
        }
        list.push(checked);
      }
      return { type: 'batch', annotations: list };
    }
    case 'commit':
      return { type: 'commit' };
    default:
      return 'type: not "begin", "batch" or "commit"';
  }
}

/** An export port's message as the page receives it, or null when it is not one. */
export function parseExportStreamMessage(msg: unknown): ExportStreamMessage | null {
  if (!isRecord(msg)) return null;
  switch (msg.type) {
    case 'chunk':
      return typeof msg.text === 'string' ? { type: 'chunk', text: msg.text } : null;
    case 'progress':
      return isOffset(msg.sent) && isOffset(msg.total)
        ? { type: 'progress', sent: msg.sent, total: msg.total }
        : null;
    case 'head':
      return typeof msg.text === 'string' ? { type: 'head', text: msg.text } : null;
    case 'end':
      return isOffset(msg.chars) ? { type: 'end', chars: msg.chars } : null;
    case 'error':
      return typeof msg.error === 'string' ? { type: 'error', error: msg.error } : null;
    default:
      return null;
  }
}

/** An import port's answer as the page receives it, or null when it is not one. */
export function parseImportStreamAnswer(msg: unknown): ImportStreamAnswer | null {
  if (!isRecord(msg)) return null;
  switch (msg.type) {
    case 'progress':
      return isOffset(msg.received) && isOffset(msg.total)
        ? { type: 'progress', received: msg.received, total: msg.total }
        : null;
    case 'done':
      return isOffset(msg.imported) &&
        isOffset(msg.conflicts) &&
        isOffset(msg.keptLocal) &&
        isId(msg.undo)
        ? {
            type: 'done',
            imported: msg.imported,
            conflicts: msg.conflicts,
            keptLocal: msg.keptLocal,
            undo: msg.undo,
          }
        : null;
    case 'error':
      return typeof msg.error === 'string' ? { type: 'error', error: msg.error } : null;
    default:
      return null;
  }
}

// ---- Limits the background enforces (the UIs check them first, to say so sooner) ------------
// One source for the receiver, the importer and the editors: src/core/annotations/limits.ts.

export const MAX_NOTE_LENGTH = ANNOTATION_LIMITS.note;
export const MAX_TAGS = ANNOTATION_LIMITS.tags;
export const MAX_TAG_LENGTH = ANNOTATION_LIMITS.tag;
/** The quoted passage (TextQuoteSelector.exact). */
export const MAX_QUOTE_LENGTH = ANNOTATION_LIMITS.quote;
/** The quote's prefix and suffix (Factmark writes 32 characters; an import keeps at most these). */
export const MAX_CONTEXT_LENGTH = ANNOTATION_LIMITS.context;
/** Import text, in UTF-16 code units (what a JS string's length counts): 50 Mi. */
export const MAX_IMPORT_CHARS = 50 * 1024 * 1024;
/** Annotations in one page of factmark/annotations-page. */
export const MAX_PAGE_LIMIT = 1_000;
/** Characters of a page query's search text. */
const MAX_QUERY_TEXT = 1_000;
/** Annotations in one delete or restore message (the Library may act on a whole filter). */
export const MAX_ANNOTATIONS_PER_MESSAGE = 100_000;
const MAX_ID_LENGTH = ANNOTATION_LIMITS.id;
const MAX_URL_LENGTH = ANNOTATION_LIMITS.url;
const MAX_TITLE_LENGTH = ANNOTATION_LIMITS.title;
/** Entities and verdicts found in one annotated passage. */
const MAX_FINDINGS = ANNOTATION_LIMITS.findings;
/** A CouchDB user name (an annotation's `creator`, desk sync). */
const MAX_CREATOR_LENGTH = 200;

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
    case 'factmark/page-text':
      return { type: 'factmark/page-text' };
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

/** The error every malformed background request is answered with (a reason may follow). */
export const MALFORMED = 'unknown or malformed message';

export type CheckedRequest =
  { ok: true; request: BackgroundRequest } | { ok: false; error: string };

/**
 * parseBackgroundRequest with the reason for a refusal: `MALFORMED`, or `MALFORMED: <what and
 * where>` for the annotation, fact and import requests (whose content comes from the user).
 */
export function checkBackgroundRequest(msg: unknown): CheckedRequest {
  const checked = checkRequest(msg);
  if (typeof checked === 'string') return { ok: false, error: `${MALFORMED}: ${checked}` };
  return checked === null ? { ok: false, error: MALFORMED } : { ok: true, request: checked };
}

export function parseBackgroundRequest(msg: unknown): BackgroundRequest | null {
  const checked = checkRequest(msg);
  return typeof checked === 'string' ? null : checked;
}

/** The request, null when it is not one at all, or the reason a known request is malformed. */
function checkRequest(msg: unknown): BackgroundRequest | string | null {
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
    case 'factmark/annotations':
      if (msg.url === undefined) return { type: 'factmark/annotations' };
      return isHttpUrl(msg.url)
        ? { type: 'factmark/annotations', url: msg.url }
        : 'url: not http(s)';
    case 'factmark/annotations-page':
      return checkPageRequest(msg);
    case 'factmark/annotation-save': {
      const annotation = checkAnnotation(msg.annotation);
      return typeof annotation === 'string'
        ? `annotation: ${annotation}`
        : { type: 'factmark/annotation-save', annotation };
    }
    case 'factmark/annotations-delete':
      if (!Array.isArray(msg.ids) || msg.ids.length > MAX_ANNOTATIONS_PER_MESSAGE) {
        return `ids: not a list of at most ${MAX_ANNOTATIONS_PER_MESSAGE}`;
      }
      for (const [i, id] of msg.ids.entries()) {
        if (!isId(id)) return `ids[${i}]: not an id`;
      }
      return { type: 'factmark/annotations-delete', ids: [...(msg.ids as string[])] };
    case 'factmark/annotations-restore': {
      const annotations = checkAnnotationList(msg.annotations, 'annotations');
      return typeof annotations === 'string'
        ? annotations
        : { type: 'factmark/annotations-restore', annotations };
    }
    case 'factmark/export':
      if (msg.format !== 'jsonld' && msg.format !== 'csv' && msg.format !== 'md') {
        return 'format: not "jsonld", "csv" or "md"';
      }
      if (msg.url === undefined) return { type: 'factmark/export', format: msg.format };
      return isHttpUrl(msg.url)
        ? { type: 'factmark/export', format: msg.format, url: msg.url }
        : 'url: not http(s)';
    case 'factmark/import':
      if (typeof msg.text !== 'string') return 'text: not a string';
      if (msg.text.length > MAX_IMPORT_CHARS) return 'text: larger than 50 MB';
      return { type: 'factmark/import', text: msg.text };
    case 'factmark/import-undo':
      return isId(msg.id) ? { type: 'factmark/import-undo', id: msg.id } : 'id: not an id';
    case 'factmark/fact-save': {
      // A user's fact, or an edit of a fact of one of the journalist's sources (checkSourceFact).
      const fact = isSourceFactId(msg.fact) ? checkSourceFact(msg.fact) : checkUserFact(msg.fact);
      return typeof fact === 'string' ? `fact: ${fact}` : { type: 'factmark/fact-save', fact };
    }
    case 'factmark/fact-delete':
      return isId(msg.id) ? { type: 'factmark/fact-delete', id: msg.id } : 'id: not an id';
    default:
      // The sources and watched names (src/shared/sources-protocol.ts), the backup
      // (src/shared/backup-protocol.ts), or null.
      return checkSourcesRequest(msg) ?? checkBackupRequest(msg) ?? checkSyncRequest(msg);
  }
}

function checkPageRequest(msg: Record<string, unknown>): AnnotationsPageRequest | string {
  const { limit, after, query } = msg;
  if (!Number.isSafeInteger(limit) || (limit as number) < 1 || (limit as number) > MAX_PAGE_LIMIT) {
    return `limit: not a number from 1 to ${MAX_PAGE_LIMIT.toLocaleString('en-US')}`;
  }
  const request: AnnotationsPageRequest = {
    type: 'factmark/annotations-page',
    limit: limit as number,
  };
  if (after !== undefined) {
    if (!isRecord(after) || !isTime(after.updated) || !isId(after.id)) {
      return 'after: not { updated, id } of an annotation';
    }
    request.after = { updated: after.updated, id: after.id };
  }
  if (query !== undefined) {
    if (!isRecord(query)) return 'query: not an object';
    const checked: AnnotationQuery = {};
    for (const field of ['text', 'tag', 'entity', 'verdict', 'author'] as const) {
      const value = query[field];
      if (value === undefined) continue;
      if (!isString(value, MAX_QUERY_TEXT)) {
        return `query.${field}: not a string of at most ${MAX_QUERY_TEXT.toLocaleString('en-US')} characters`;
      }
      checked[field] = value;
    }
    for (const field of ['from', 'until'] as const) {
      const value = query[field];
      if (value === undefined) continue;
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return `query.${field}: not a time (ms since the epoch)`;
      }
      checked[field] = value;
    }
    if (query.mine !== undefined) {
      if (typeof query.mine !== 'boolean') return 'query.mine: not a boolean';
      checked.mine = query.mine;
    }
    request.query = checked;
  }
  return request;
}

// ---- Annotations and users' facts: strict validators ----------------------------------------

const FINDING_VERDICTS: ReadonlySet<unknown> = new Set(['supported', 'contradicted', 'unverified']);
const QUALIFIER_SENSES: ReadonlySet<unknown> = new Set(['approx', 'max', 'min']);
const COLORS: ReadonlySet<unknown> = new Set(ANNOTATION_COLORS);
const ATTRIBUTE_ID = /^[a-z0-9-]{1,100}(\.[a-z0-9-]{1,100}){1,5}$/;
// What the JSON-LD import (jsonld.ts) would strip, so refused here: a saved annotation must come
// back from export → import unchanged. Notes keep \n and \t; titles and tags have neither.
const CONTROL_IN_TEXT = /[^\P{Cc}\n\t]/u;
const CONTROL_OR_BREAK = /\p{Cc}/u;
// Ids: "anno:<uuid>", "user:<uuid>", or an imported annotation's own id (often an IRI).
const ID = /^[^\s\p{Cc}]+$/u;

function isId(x: unknown): x is string {
  return typeof x === 'string' && x.length <= MAX_ID_LENGTH && ID.test(x);
}

/** An absolute http: or https: URL, nothing else (no javascript:, data:, file:, about:…). */
export function isHttpUrl(x: unknown): x is string {
  if (typeof x !== 'string' || x.length > MAX_URL_LENGTH || !/^https?:\/\//i.test(x)) return false;
  try {
    const url = new URL(x);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isString(x: unknown, max: number, min = 0): x is string {
  return typeof x === 'string' && x.length >= min && x.length <= max;
}

function isOffset(x: unknown): x is number {
  return Number.isSafeInteger(x) && (x as number) >= 0;
}

/** ms since the epoch, as Date.now() gives it. */
function isTime(x: unknown): x is number {
  return Number.isSafeInteger(x) && (x as number) >= 0;
}

/**
 * A copy of the annotation holding exactly the fields of the model (src/core/annotations/types.ts),
 * or what is wrong with it ("note: longer than 10000 characters"). Every field is required and
 * checked: types, lengths, id format, http(s) URL, offsets, colour, tags, timestamps.
 */
export function checkAnnotation(x: unknown): Annotation | string {
  if (!isRecord(x)) return 'not an object';
  if (!isId(x.id)) return `id: not an id (1 to ${MAX_ID_LENGTH} characters, no spaces)`;
  if (!isHttpUrl(x.url)) return 'url: not an http(s) URL';
  // The page's canonical URL (url.ts) is the key pages are looked up by, and what an import
  // canonicalizes to: anything else would be stored under a URL no page asks for.
  if (canonicalUrl(x.url) !== x.url) return 'url: not canonical (src/core/annotations/url.ts)';
  if (!isString(x.title, MAX_TITLE_LENGTH) || CONTROL_OR_BREAK.test(x.title)) {
    return `title: not one line of at most ${MAX_TITLE_LENGTH} characters`;
  }
  const quote = x.quote;
  if (!isRecord(quote) || quote.type !== 'TextQuoteSelector')
    return 'quote: not a TextQuoteSelector';
  if (!isString(quote.exact, MAX_QUOTE_LENGTH, 1)) {
    return `quote.exact: not a string of 1 to ${MAX_QUOTE_LENGTH} characters`;
  }
  if (!isString(quote.prefix, MAX_CONTEXT_LENGTH) || !isString(quote.suffix, MAX_CONTEXT_LENGTH)) {
    return `quote.prefix, quote.suffix: not strings of at most ${MAX_CONTEXT_LENGTH} characters`;
  }
  const position = x.position;
  if (!isRecord(position) || position.type !== 'TextPositionSelector') {
    return 'position: not a TextPositionSelector';
  }
  if (!isOffset(position.start) || !isOffset(position.end) || position.start > position.end) {
    return 'position: start and end must be offsets, start <= end';
  }
  if (!COLORS.has(x.color)) return `color: not one of ${ANNOTATION_COLORS.join(', ')}`;
  if (!isString(x.note, MAX_NOTE_LENGTH)) {
    return `note: not a string of at most ${MAX_NOTE_LENGTH} characters`;
  }
  if (CONTROL_IN_TEXT.test(x.note)) return 'note: holds control characters (other than \\n, \\t)';
  if (!Array.isArray(x.tags) || x.tags.length > MAX_TAGS) {
    return `tags: not a list of at most ${MAX_TAGS}`;
  }
  for (const [i, tag] of x.tags.entries()) {
    if (!isString(tag, MAX_TAG_LENGTH, 1) || CONTROL_OR_BREAK.test(tag)) {
      return `tags[${i}]: not one line of 1 to ${MAX_TAG_LENGTH} characters`;
    }
  }
  if (
    !Array.isArray(x.entities) ||
    x.entities.length > MAX_FINDINGS ||
    // By shape (src/core/entities/id.ts), never against today's lexicon: any backup imports back.
    !x.entities.every(isEntityId)
  ) {
    return 'entities: not a list of entity ids';
  }
  if (
    !Array.isArray(x.verdicts) ||
    x.verdicts.length > MAX_FINDINGS ||
    !x.verdicts.every((v) => FINDING_VERDICTS.has(v))
  ) {
    return 'verdicts: not a list of verdicts';
  }
  if (!isTime(x.created)) return 'created: not a time (ms since the epoch)';
  if (!isTime(x.updated)) return 'updated: not a time (ms since the epoch)';
  // Desk sync (src/shared/sync-protocol.ts): both optional; an annotation without `shared` is
  // private. The background decides `creator` whoever sends it (src/background/sync/).
  if (x.shared !== undefined && typeof x.shared !== 'boolean') return 'shared: not true or false';
  if (
    x.creator !== undefined &&
    (!isString(x.creator, MAX_CREATOR_LENGTH, 1) || CONTROL_OR_BREAK.test(x.creator))
  ) {
    return `creator: not a user name of 1 to ${MAX_CREATOR_LENGTH} characters`;
  }
  const desk: Pick<Annotation, 'shared' | 'creator'> = {};
  if (x.shared !== undefined) desk.shared = x.shared;
  if (x.creator !== undefined) desk.creator = x.creator;
  return {
    ...desk,
    id: x.id,
    url: x.url,
    title: x.title,
    quote: {
      type: 'TextQuoteSelector',
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
    },
    position: { type: 'TextPositionSelector', start: position.start, end: position.end },
    color: x.color as Annotation['color'],
    note: x.note,
    tags: [...(x.tags as string[])],
    entities: [...(x.entities as EntityId[])],
    verdicts: [...(x.verdicts as Annotation['verdicts'])],
    created: x.created,
    updated: x.updated,
  };
}

/** The shared annotation validator: a clean copy of a valid annotation, or null. */
export function parseAnnotation(x: unknown): Annotation | null {
  const checked = checkAnnotation(x);
  return typeof checked === 'string' ? null : checked;
}

/**
 * A list of valid annotations with distinct ids (at most MAX_ANNOTATIONS_PER_MESSAGE), or what is
 * wrong and where: "annotations[3] (id anno:…): note: longer than …". `what` names the list.
 */
export function checkAnnotationList(x: unknown, what: string): Annotation[] | string {
  if (!Array.isArray(x)) return `${what}: not a list`;
  if (x.length > MAX_ANNOTATIONS_PER_MESSAGE) {
    return `${what}: more than ${MAX_ANNOTATIONS_PER_MESSAGE} annotations`;
  }
  const list: Annotation[] = [];
  const seen = new Map<string, number>();
  for (const [i, item] of x.entries()) {
    const checked = checkAnnotation(item);
    if (typeof checked === 'string') {
      const id =
        isRecord(item) && typeof item.id === 'string' ? ` (id ${item.id.slice(0, 80)})` : '';
      return `${what}[${i}]${id}: ${checked}`;
    }
    const first = seen.get(checked.id);
    if (first !== undefined) return `${what}[${i}]: same id as ${what}[${first}] (${checked.id})`;
    seen.set(checked.id, i);
    list.push(checked);
  }
  return list;
}

function checkQualifier(x: unknown): Qualifier | null | string {
  if (x === null) return null;
  if (!isRecord(x) || !isString(x.text, 100, 1) || !QUALIFIER_SENSES.has(x.sense)) {
    return 'qualifier: not null or { text, sense }';
  }
  return { text: x.text, sense: x.sense as Qualifier['sense'] };
}

/**
 * A copy of a user's fact holding exactly the fields of Fact, or what is wrong with it. Users'
 * facts only: the id is "user:…" and the source is { type: 'user', url (http(s)), title, date }
 * with a non-empty title and quote.
 */
export function checkUserFact(x: unknown): Fact | string {
  if (!isRecord(x)) return 'not an object';
  if (!isId(x.id) || !x.id.startsWith('user:') || x.id.length === 'user:'.length) {
    return 'id: not a user fact id ("user:…")';
  }
  if (typeof x.attribute !== 'string' || !ATTRIBUTE_ID.test(x.attribute)) {
    return 'attribute: not an attribute id';
  }
  if (!FIGURE_KINDS.has(x.kind)) return 'kind: not money, count, percent or year';
  if (typeof x.value !== 'number' || !Number.isFinite(x.value)) return 'value: not a number';
  if (!isString(x.unit, 50, 1)) return 'unit: not a string of 1 to 50 characters';
  if (typeof x.precision !== 'number' || !Number.isFinite(x.precision) || x.precision < 0) {
    return 'precision: not a number >= 0';
  }
  const qualifier = checkQualifier(x.qualifier);
  if (typeof qualifier === 'string') return qualifier;
  if (!isString(x.text, 1_000, 1)) return 'text: not a string of 1 to 1000 characters';
  if (!isString(x.quote, MAX_QUOTE_LENGTH, 1)) {
    return `quote: not a string of 1 to ${MAX_QUOTE_LENGTH} characters`;
  }
  if (!isOffset(x.quoteStart) || !isOffset(x.quoteEnd) || x.quoteStart > x.quoteEnd) {
    return 'quoteStart, quoteEnd: not offsets with quoteStart <= quoteEnd';
  }
  if (!isOffset(x.start) || !isOffset(x.end) || x.start > x.end) {
    return 'start, end: not offsets with start <= end';
  }
  const source = x.source;
  if (!isRecord(source) || source.type !== 'user') return 'source: not a user source';
  if (!isHttpUrl(source.url)) return 'source.url: not an http(s) URL';
  if (!isString(source.title, MAX_TITLE_LENGTH, 1)) {
    return `source.title: not a string of 1 to ${MAX_TITLE_LENGTH} characters`;
  }
  if (source.date !== null && !isString(source.date, 100, 1)) {
    return 'source.date: not null or a non-empty string';
  }
  const userSource: FactSource = {
    type: 'user',
    url: source.url,
    title: source.title,
    date: source.date,
  };
  return {
    id: x.id,
    attribute: x.attribute,
    kind: x.kind as Fact['kind'],
    value: x.value,
    unit: x.unit,
    precision: x.precision,
    qualifier,
    text: x.text,
    quote: x.quote,
    quoteStart: x.quoteStart,
    quoteEnd: x.quoteEnd,
    start: x.start,
    end: x.end,
    source: userSource,
  };
}

// ---- Answers the extension's pages receive --------------------------------------------------

const VERDICTS: ReadonlySet<unknown> = new Set(['supported', 'contradicted', 'unverified']);
const FIGURE_KINDS: ReadonlySet<unknown> = new Set(['money', 'count', 'percent', 'year']);

function isSpan(x: Record<string, unknown>): boolean {
  return Number.isInteger(x.start) && Number.isInteger(x.end);
}

function parseMention(x: unknown): ReportMention | null {
  if (!isRecord(x) || !isSpan(x) || typeof x.text !== 'string') return null;
  // Entity ids are open-ended (docs/contracts.md: more may be added); a reader shows an unknown id as is.
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
  if (
    x.matched !== undefined &&
    (!Array.isArray(x.matched) || !x.matched.every((w) => typeof w === 'string'))
  ) {
    return null;
  }
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
  if (x.matched !== undefined) figure.matched = [...(x.matched as string[])];
  return figure;
}

function parseReportAnnotation(x: unknown): ReportAnnotation | null {
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
    const annotations = Array.isArray(x.annotations)
      ? x.annotations.map(parseReportAnnotation)
      : [null];
    if (annotations.includes(null)) return null;
    report.annotations = annotations as ReportAnnotation[];
  }
  return report;
}

// ---- Facts of the journalist's own sources (src/shared/sources-protocol.ts) -----------------

/** `source:<source id>:<offset>`: a fact extracted from one of the journalist's own sources. */
export const SOURCE_FACT_ID = /^source:[A-Za-z0-9._-]{1,200}:\d{1,9}$/;

function isSourceFactId(x: unknown): boolean {
  return isRecord(x) && typeof x.id === 'string' && x.id.startsWith('source:');
}

/**
 * An edit of a source's fact (the Library's "edit"), or what is wrong with it. Its value fields
 * (attribute, kind, value, unit, precision, qualifier, text, quote, offsets) are checked as a
 * user's fact's are; its id must be a source fact's and its source of type `source`. The background
 * takes only the value fields: the id, quote, offsets and provenance stay the stored fact's.
 */
export function checkSourceFact(x: unknown): Fact | string {
  if (!isRecord(x)) return 'not an object';
  if (typeof x.id !== 'string' || !SOURCE_FACT_ID.test(x.id)) {
    return 'id: not a source fact id ("source:<source id>:<offset>")';
  }
  const source = x.source;
  if (!isRecord(source) || source.type !== 'source' || typeof source.sourceId !== 'string') {
    return 'source: not a source\'s provenance ({ type: "source", sourceId, … })';
  }
  // The checks of a user's fact, on the same fields with a user's id and provenance put in.
  const checked = checkUserFact({
    ...x,
    id: 'user:source-fact',
    source: { type: 'user', url: 'https://source.invalid/', title: 'source', date: null },
  });
  if (typeof checked === 'string') return checked;
  const title = typeof source.title === 'string' ? source.title : '';
  const date = typeof source.date === 'string' ? source.date : null;
  return {
    ...checked,
    id: x.id,
    source: { type: 'source', sourceId: source.sourceId, title, date },
  };
}
