/**
 * The messages of a journalist's own story (docs/contracts.md, "Sources and watched names"):
 * sources — the articles whose figures are the fact base, the bundled seeds among them — and
 * watched names — the entities Factmark highlights and attributes figures to, the bundled three
 * among them. Types and validators live here; ./messages.ts joins the requests into its unions,
 * ./protocol.ts says which answer each gets and who may send it, and the background
 * (src/background/sources.ts) owns the stores.
 *
 * Everything the background receives is checked here before it acts: a field of the wrong type,
 * out of its bounds, or missing, is refused with what is wrong and where ("source.text: empty"),
 * and nothing is written.
 */
import { ANNOTATION_LIMITS } from '../core/annotations/limits';
import { isEntityId } from '../core/entities/id';
import {
  MAX_ALIASES,
  MAX_NAME_LENGTH,
  watchedNamesProblem,
  type WatchedName as WatchedNameSpec,
} from '../core/entities/watched';
import { MAX_SOURCE_BYTES, utf8Length } from '../core/facts/sources';
import type { Fact } from '../core/types';

export { MAX_SOURCE_BYTES } from '../core/facts/sources';

// ---- Records -----------------------------------------------------------------------------------

/**
 * Where a source came from: a bundled seed article, a text or HTML file, pasted text, or the page
 * the journalist was reading.
 */
export type SourceOrigin = 'bundled' | 'file' | 'paste' | 'page';

/** A source as stored (the `sources` store, schema version 4). */
export interface Source {
  /**
   * The seed's file name for a bundled source ("001_39814e93883a93bf.txt"; its facts are
   * `seed:<id>:<offset>`); a UUID for the journalist's own (its facts are `source:<id>:<offset>`).
   */
  id: string;
  title: string;
  origin: SourceOrigin;
  /** The file's name (origin `file`; a bundled seed's file). */
  name?: string;
  /** The page's URL (origin `page`). */
  url?: string;
  /** The date the source states (YYYY-MM-DD), or null. */
  date: string | null;
  /** The visible text the facts were extracted from; empty for a bundled seed (built in). */
  text: string;
  /** When it was added (ms since the epoch); 0 for the bundled seeds. */
  addedAt: number;
  /** Whether its facts are checked against: a switched-off source's facts stay, unused. */
  enabled: boolean;
  /** Ids of its facts the journalist dropped: never brought back, whatever is rebuilt. */
  dropped: string[];
}

/** A source as listed (factmark/sources): without its text, with the number of its facts. */
export type SourceSummary = Omit<Source, 'text'> & { facts: number };

/** What factmark/source-add takes: a new source of the journalist's own. */
export interface NewSource {
  /** One line, 1 to MAX_SOURCE_TITLE characters. */
  title: string;
  /** The visible text (a .txt file as it is; an HTML file's or a page's visible text). */
  text: string;
  origin: 'file' | 'paste' | 'page';
  /** The file's name (origin `file`). */
  name?: string;
  /** The page's http(s) URL (origin `page`). */
  url?: string;
  /** YYYY-MM-DD; absent: the text's own `date YYYY-MM-DD` marker, if it has one. */
  date?: string | null;
}

/**
 * A watched name as stored and listed (the `entities` store): the engine's `{ id, name,
 * aliases }` (src/core/entities/watched.ts), and whether it is bundled (one of the three built in,
 * matched by their own hand-written rules; it can be switched off, not edited or removed) and
 * whether it is watched now.
 */
export interface WatchedName extends WatchedNameSpec {
  aliases: string[];
  bundled: boolean;
  enabled: boolean;
}

/** A watched name as factmark/entities lists it (the same record). */
export type EntitySummary = WatchedName;

/** What factmark/entity-save takes: a watched name of the journalist's own, added or replaced. */
export interface WatchedNameInput {
  id: string;
  name: string;
  aliases: string[];
}

// ---- Requests to the background ----------------------------------------------------------------

/** Every source, bundled ones first, then the journalist's in the order added. Extension pages. */
export interface SourcesRequest {
  type: 'factmark/sources';
}
/**
 * Add a source: its facts are extracted in the background with the engine the CLI uses, and the
 * fact base is rebuilt. Empty text, a text over MAX_SOURCE_BYTES, or a text with no figure is
 * refused with the reason, having written nothing. Extension pages.
 */
export interface SourceAddRequest {
  type: 'factmark/source-add';
  source: NewSource;
}
/** Remove one of the journalist's sources and its facts (a bundled one is refused). Extension pages. */
export interface SourceRemoveRequest {
  type: 'factmark/source-remove';
  id: string;
}
/** Switch a source on or off (bundled ones too). Extension pages. */
export interface SourceEnableRequest {
  type: 'factmark/source-enable';
  id: string;
  enabled: boolean;
}
/** A source's facts, whole (quotes, provenance), in text order. Extension pages. */
export interface SourceFactsRequest {
  type: 'factmark/source-facts';
  id: string;
}
/**
 * The watched names: every one for an extension page; the enabled ones for a content script,
 * which highlights them (docs/contracts.md says why it may know them).
 */
export interface EntitiesRequest {
  type: 'factmark/entities';
}
/** Add or replace (by id) a watched name of the journalist's own. Extension pages. */
export interface EntitySaveRequest {
  type: 'factmark/entity-save';
  entity: WatchedNameInput;
}
/** Remove a watched name of the journalist's own (a bundled one is refused). Extension pages. */
export interface EntityRemoveRequest {
  type: 'factmark/entity-remove';
  id: string;
}
/** Watch a name or stop watching it (bundled ones too). Extension pages. */
export interface EntityEnableRequest {
  type: 'factmark/entity-enable';
  id: string;
  enabled: boolean;
}

export type SourcesBackgroundRequest =
  | SourcesRequest
  | SourceAddRequest
  | SourceRemoveRequest
  | SourceEnableRequest
  | SourceFactsRequest
  | EntitiesRequest
  | EntitySaveRequest
  | EntityRemoveRequest
  | EntityEnableRequest;

type Failure = { ok: false; error: string };
export type SourcesAnswer = { ok: true; sources: SourceSummary[] } | Failure;
export type SourceAnswer = { ok: true; source: SourceSummary } | Failure;
export type SourceFactsAnswer = { ok: true; facts: Fact[] } | Failure;
export type EntitiesAnswer = { ok: true; entities: WatchedName[] } | Failure;
export type EntityAnswer = { ok: true; entity: WatchedName } | Failure;

// ---- Request to the content script -------------------------------------------------------------

/**
 * The page's visible text, title, URL and language, for adding the page as a source (the context
 * menu, the popup). Answered only to the extension, in the top frame. Answer: PageTextAnswer.
 */
export interface PageTextRequest {
  type: 'factmark/page-text';
}
export interface PageText {
  /** The page's title (document.title, one line), or its URL when it has none. */
  title: string;
  /** The page's URL (http(s)). */
  url: string;
  /** The page's language (`<html lang>`), or "" when it states none. */
  lang: string;
  /** The page's visible text, as the content script reads it (docs/contracts.md, "Report"). */
  text: string;
}
export type PageTextAnswer = ({ ok: true } & PageText) | Failure;

/**
 * The source a page makes (the context menu's "Add this page as a Factmark source", the popup's
 * button): its title on the first line, then its visible text — as the CLI reads a saved page
 * given to `--sources` (src/cli/story.ts), so the page gives the same facts either way.
 */
export function pageSource(page: PageText): NewSource {
  const title = page.title.replace(/\s+/g, ' ').trim().slice(0, MAX_SOURCE_TITLE) || page.url;
  return { title, text: `${title}\n${page.text}`, origin: 'page', url: page.url };
}

// ---- Bounds ------------------------------------------------------------------------------------

/** A source's title: one line, as an annotation's title is bounded. */
export const MAX_SOURCE_TITLE = ANNOTATION_LIMITS.title;
/** A file name (most file systems allow 255 bytes). */
export const MAX_FILE_NAME = 255;
/** Sources stored: each is a source article; a thousand is a long investigation. */
export const MAX_SOURCES = 1_000;
/** Source ids: a seed's file name or a UUID, well under this. */
const MAX_SOURCE_ID = 200;
const SOURCE_ID = /^[A-Za-z0-9._-]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CONTROL_OR_BREAK = /\p{Cc}/u;
const MAX_URL = ANNOTATION_LIMITS.url;

// ---- Validators --------------------------------------------------------------------------------

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A source id: a seed file's name or a UUID (letters, digits, `.`, `_`, `-`). */
export function isSourceId(x: unknown): x is string {
  return typeof x === 'string' && x.length <= MAX_SOURCE_ID && SOURCE_ID.test(x);
}

function isLine(x: unknown, max: number): x is string {
  return typeof x === 'string' && x.trim() !== '' && x.length <= max && !CONTROL_OR_BREAK.test(x);
}

function isHttpUrl(x: unknown): x is string {
  if (typeof x !== 'string' || x.length > MAX_URL || !/^https?:\/\//i.test(x)) return false;
  try {
    const url = new URL(x);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A calendar date written YYYY-MM-DD that exists (2026-02-30 does not). */
export function isIsoDate(x: unknown): x is string {
  if (typeof x !== 'string' || !DATE.test(x)) return false;
  const d = new Date(`${x}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === x;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/**
 * What is wrong with a source's text, or null: empty (nothing but white space), or larger than
 * MAX_SOURCE_BYTES in UTF-8 (the CLI's `--sources` bound, src/cli/story.ts). A text with no
 * figure is refused by the background, which is the one to extract them.
 */
export function sourceTextProblem(text: string): string | null {
  if (text.trim() === '') return 'is empty (a source needs the text of an article)';
  // Cheap first: a string of at most MAX/3 UTF-16 units is at most MAX bytes of UTF-8.
  if (text.length > MAX_SOURCE_BYTES / 3) {
    const bytes = utf8Length(text);
    if (bytes > MAX_SOURCE_BYTES) {
      return `is ${megabytes(bytes)}; a source article is at most ${megabytes(MAX_SOURCE_BYTES)}`;
    }
  }
  return null;
}

/** factmark/source-add's `source`, or what is wrong with it. */
export function checkNewSource(x: unknown): NewSource | string {
  if (!isRecord(x)) return 'not an object';
  if (!isLine(x.title, MAX_SOURCE_TITLE)) {
    return `title: not one line of 1 to ${MAX_SOURCE_TITLE} characters`;
  }
  if (x.origin !== 'file' && x.origin !== 'paste' && x.origin !== 'page') {
    return 'origin: not "file", "paste" or "page"';
  }
  if (typeof x.text !== 'string') return 'text: not a string';
  const problem = sourceTextProblem(x.text);
  if (problem !== null) return `text: ${problem}`;
  const source: NewSource = { title: x.title.trim(), text: x.text, origin: x.origin };
  if (x.name !== undefined) {
    if (!isLine(x.name, MAX_FILE_NAME)) {
      return `name: not a file name of 1 to ${MAX_FILE_NAME} characters`;
    }
    source.name = x.name;
  }
  if (x.url !== undefined) {
    if (!isHttpUrl(x.url)) return 'url: not an http(s) URL';
    source.url = x.url;
  }
  if (x.origin === 'page' && source.url === undefined) return 'url: a page source needs its URL';
  if (x.date !== undefined && x.date !== null) {
    if (!isIsoDate(x.date)) return 'date: not a date written YYYY-MM-DD';
    source.date = x.date;
  } else if (x.date === null) {
    source.date = null;
  }
  return source;
}

/**
 * factmark/entity-save's `entity`, or what is wrong with it: the CLI's rules for one entry of an
 * `--entities` file (watchedNamesProblem: an id of lower-case words joined by hyphens, a name and
 * aliases of 1 to MAX_NAME_LENGTH characters, at most MAX_ALIASES aliases). Names and aliases are
 * kept trimmed; an alias equal to the name or to another alias (ignoring case) is kept once.
 */
export function checkWatchedNameInput(x: unknown): WatchedNameInput | string {
  if (!isRecord(x)) return 'not an object';
  const aliases = x.aliases === undefined ? [] : x.aliases;
  const problem = watchedNamesProblem([{ id: x.id, name: x.name, aliases }]);
  if (problem !== null) return problem.replace(/^entry 1(?: \("[^"]*"\))?: /, '');
  const name = (x.name as string).trim();
  const seen = new Set([name.toLowerCase()]);
  const kept: string[] = [];
  for (const alias of aliases as string[]) {
    const a = alias.trim();
    if (seen.has(a.toLowerCase())) continue;
    seen.add(a.toLowerCase());
    kept.push(a);
  }
  if (CONTROL_OR_BREAK.test(name) || kept.some((a) => CONTROL_OR_BREAK.test(a))) {
    return 'name and aliases: one line each';
  }
  return { id: x.id as string, name, aliases: kept };
}

/**
 * A sources request, null when `msg` is not one (another request type), or what is wrong with it.
 * Called by src/shared/messages.ts for every background request.
 */
export function checkSourcesRequest(
  msg: Record<string, unknown>,
): SourcesBackgroundRequest | string | null {
  switch (msg.type) {
    case 'factmark/sources':
      return { type: 'factmark/sources' };
    case 'factmark/source-add': {
      const source = checkNewSource(msg.source);
      if (typeof source !== 'string') return { type: 'factmark/source-add', source };
      return source === 'not an object' ? `source: ${source}` : `source.${source}`;
    }
    case 'factmark/source-remove':
      return isSourceId(msg.id)
        ? { type: 'factmark/source-remove', id: msg.id }
        : 'id: not a source id';
    case 'factmark/source-enable':
      if (!isSourceId(msg.id)) return 'id: not a source id';
      return typeof msg.enabled === 'boolean'
        ? { type: 'factmark/source-enable', id: msg.id, enabled: msg.enabled }
        : 'enabled: not true or false';
    case 'factmark/source-facts':
      return isSourceId(msg.id)
        ? { type: 'factmark/source-facts', id: msg.id }
        : 'id: not a source id';
    case 'factmark/entities':
      return { type: 'factmark/entities' };
    case 'factmark/entity-save': {
      const entity = checkWatchedNameInput(msg.entity);
      return typeof entity === 'string'
        ? `entity: ${entity}`
        : { type: 'factmark/entity-save', entity };
    }
    case 'factmark/entity-remove':
      return isEntityId(msg.id)
        ? { type: 'factmark/entity-remove', id: msg.id }
        : 'id: not an entity id';
    case 'factmark/entity-enable':
      if (!isEntityId(msg.id)) return 'id: not an entity id';
      return typeof msg.enabled === 'boolean'
        ? { type: 'factmark/entity-enable', id: msg.id, enabled: msg.enabled }
        : 'enabled: not true or false';
    default:
      return null;
  }
}

// ---- Answers the receivers check -------------------------------------------------------------

/**
 * The background's answer to factmark/entities as a content script reads it: the watched names,
 * or null when the shape is wrong (an older background; the content script then watches the
 * bundled names).
 */
export function parseWatchedNames(x: unknown): WatchedName[] | null {
  if (!isRecord(x) || x.ok !== true || !Array.isArray(x.entities)) return null;
  const out: WatchedName[] = [];
  for (const e of x.entities) {
    if (!isRecord(e) || typeof e.bundled !== 'boolean' || typeof e.enabled !== 'boolean') {
      return null;
    }
    const checked = checkWatchedNameInput(e);
    if (typeof checked === 'string') return null;
    out.push({ ...checked, bundled: e.bundled, enabled: e.enabled });
  }
  return out;
}

/**
 * A content script's answer to factmark/page-text, as the background (or the popup) reads it: a
 * content script runs in the page's renderer, so its answer is checked like any input. Returns the
 * page text, or what is wrong with it.
 */
export function checkPageTextAnswer(x: unknown): PageText | string {
  if (!isRecord(x)) return 'the page did not answer (reload it and try again)';
  if (x.ok === false) return typeof x.error === 'string' && x.error !== '' ? x.error : 'failed';
  if (x.ok !== true) return 'the page did not answer (reload it and try again)';
  if (!isHttpUrl(x.url)) return 'url: not an http(s) URL';
  if (typeof x.title !== 'string' || x.title.length > MAX_SOURCE_TITLE) return 'title: not a title';
  if (typeof x.lang !== 'string' || x.lang.length > 100) return 'lang: not a language tag';
  if (typeof x.text !== 'string') return 'text: not a string';
  return { title: x.title, url: x.url, lang: x.lang, text: x.text };
}

/** How many aliases a watched name may have, and how long a name may be (for the UI). */
export const WATCHED_NAME_LIMITS = { name: MAX_NAME_LENGTH, aliases: MAX_ALIASES } as const;
