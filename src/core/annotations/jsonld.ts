/**
 * Annotations to and from W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/),
 * the format of the export and import messages of design.md.
 *
 * Export (`toJsonLd`) writes one AnnotationCollection with its one AnnotationPage embedded as
 * `first` (the model's form: a collection has no `items` of its own), one annotation per line:
 *
 * ```json
 * {
 *   "@context": ["http://www.w3.org/ns/anno.jsonld", { "factmark": "urn:factmark:" }],
 *   "id": "urn:factmark:export:…", "type": "AnnotationCollection", "label": "…", "total": 2,
 *   "first": { "id": "…#page1", "type": "AnnotationPage", "startIndex": 0, "items": [
 * {"id":"urn:uuid:…","type":"Annotation","created":"…","modified":"…","motivation":"commenting",
 *  "body":[{"type":"TextualBody","value":"note","format":"text/plain","purpose":"commenting"},
 *          {"type":"TextualBody","value":"tag","purpose":"tagging"}],
 *  "target":{"source":"https://…","selector":[{"type":"TextQuoteSelector",…},
 *                                              {"type":"TextPositionSelector",…}]},
 *  "factmark:title":"…","factmark:color":"yellow","factmark:entities":[…],"factmark:verdicts":[…]}
 * ] } }
 * ```
 *
 * - Factmark's own fields are terms of a `factmark:` prefix declared in the collection's context
 *   (the model allows further contexts after anno.jsonld, which must come first), so the document
 *   stays valid JSON-LD and other tools can ignore them. The prefix stands for `urn:factmark:`
 *   (Factmark has no web domain of its own; a URN names without pretending to be fetchable).
 * - Ids are IRIs, as the model wants: `anno:<uuid>` is written `urn:uuid:<uuid>` and read back;
 *   an id that is already an IRI (`https://hypothes.is/a/…`) is written as it is; any other id
 *   (one stored by an older import) is written `urn:factmark:id:<id, percent-encoded>` and read
 *   back as it was. An id from Hypothesis' own export format, which is not an IRI, is read as the
 *   annotation's address, `https://hypothes.is/a/<id>`: the same id its JSON-LD API gives.
 * - `motivation` is `commenting` when there is a note, else `highlighting`; an annotation without
 *   note or tags has no `body`. Dates are ISO 8601 in UTC with milliseconds (exact round trip).
 * - A position with end ≤ start means "unknown" (see parseJsonLd) and is not written.
 *
 * Import (`parseJsonLd`) checks everything before it returns anything: one bad field, and the
 * whole import is refused with a message saying what is wrong and where. What is well formed but
 * cannot be placed on a web page (a page note, a reply, a PDF annotation) is skipped and counted,
 * with the reason (skipReasons): real Hypothesis exports almost always hold some.
 */
import { isEntityId } from '../entities/id';
import type { EntityId, Verdict } from '../types';
import { ANNOTATION_LIMITS } from './limits';
import {
  ANNOTATION_COLORS,
  type Annotation,
  type AnnotationColor,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './types';
import { canonicalUrl } from './url';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** What the `factmark:` prefix of Factmark's own terms stands for. */
export const FACTMARK_NAMESPACE = 'urn:factmark:';

export interface JsonLdExportOptions {
  /** The collection's IRI; by default `urn:factmark:export:<hash of the annotations' ids>`. */
  id?: string;
  /** The collection's label; by default "Factmark annotations". */
  label?: string;
}

export interface JsonLdParseOptions {
  /** Makes an id (`anno:<uuid>`) for an annotation that has none; required if one has none. */
  newId?: () => string;
  /**
   * ms since the epoch, for an annotation with neither `created` nor `modified` (the model makes
   * both optional); by default 0, the epoch, meaning "unknown". Pass Date.now() to date them now.
   */
  now?: number;
  /** A lower size cap than IMPORT_LIMITS.chars, in characters (a caller's own message limit). */
  maxChars?: number;
}

/** Why a well-formed item was not imported: what Factmark cannot place on a web page. */
export type SkipKind = 'page-note' | 'reply' | 'pdf' | 'not-http';

export interface SkippedItem {
  /** Where the item is in the file: `annotations[3]`, `first.items[0]`. */
  path: string;
  kind: SkipKind;
  /** For `not-http`: the page's scheme (`file:`). */
  detail?: string;
}

export type JsonLdParseResult =
  { ok: true; annotations: Annotation[]; skipped: SkippedItem[] } | { ok: false; error: string };

/**
 * Import limits. The file: 256 Mi characters (UTF-16 code units, what a string's length counts).
 * An exported annotation takes about 0.9–1.1 K characters (a 100-character quote, a short note),
 * so design.md's 100,000 annotations make some 90–110 M: more than the background's message cap
 * (src/shared/messages.ts MAX_IMPORT_CHARS, 50 Mi) and Chrome's 64 MiB message limit, so an import
 * that large has to be parsed where the file is read (core is pure: any page can call this) and
 * sent on in batches. 256 Mi is half the longest string V8 can hold.
 *
 * Per annotation, the bounds of a stored annotation (limits.ts, which the background's checks use
 * too), so that an error here can say which item and which field: a quote of 10,000 characters,
 * a note of 10,000, 50 tags of 100 characters, a title of 2,000, a URL of 8,192, an id of 300 (no
 * white space or control characters). A context (prefix, suffix) may be up to 10,000 characters
 * in the file; the 1,000 nearest the quote are kept (Factmark and Hypothesis write 32). At most
 * 1,000,000 annotations.
 */
export const IMPORT_LIMITS = {
  ...ANNOTATION_LIMITS,
  chars: 256 * 1024 * 1024,
  annotations: 1_000_000,
  /** In the file; ANNOTATION_LIMITS.context are kept. */
  context: 10_000,
} as const;

const VERDICTS: readonly string[] = ['supported', 'contradicted', 'unverified'] satisfies Verdict[];
const COLORS: readonly string[] = ANNOTATION_COLORS;

const ANNO_ID = /^anno:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const URN_UUID = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
/** An IRI, as far as an id needs to be one: a scheme, then anything (RFC 3987). */
const IRI = /^[a-z][a-z0-9+.-]*:./i;
/** Where an id that is not an IRI goes in an export (see the top of this file). */
const OTHER_ID_PREFIX = `${FACTMARK_NAMESPACE}id:`;
/** Where Hypothesis serves an annotation: its id as an IRI. */
const HYPOTHESIS_ANNOTATION = 'https://hypothes.is/a/';

// ─── export ──────────────────────────────────────────────────────────────────────────────────────

function exportId(id: string): string {
  const m = ANNO_ID.exec(id);
  if (m) return `urn:uuid:${m[1] as string}`;
  return IRI.test(id) ? id : OTHER_ID_PREFIX + encodeURIComponent(id);
}

function importId(id: string): string {
  const m = URN_UUID.exec(id);
  if (m) return `anno:${m[1] as string}`;
  if (!id.startsWith(OTHER_ID_PREFIX)) return id;
  try {
    return decodeURIComponent(id.slice(OTHER_ID_PREFIX.length));
  } catch {
    return id;
  }
}

function iso(ms: number): string | undefined {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : undefined;
}

/** FNV-1a, twice with different offsets: a stable 16-hex-digit name for a set of annotations. */
function fingerprint(annotations: readonly Annotation[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (const anno of annotations) {
    const s = anno.id + '\u0000';
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
    }
  }
  const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}

function exportItem(a: Annotation): Record<string, unknown> {
  const body: Record<string, unknown>[] = [];
  if (a.note !== '') {
    body.push({ type: 'TextualBody', value: a.note, format: 'text/plain', purpose: 'commenting' });
  }
  for (const tag of a.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const selector: Record<string, unknown>[] = [
    {
      type: 'TextQuoteSelector',
      exact: a.quote.exact,
      prefix: a.quote.prefix,
      suffix: a.quote.suffix,
    },
  ];
  if (a.position.end > a.position.start) {
    selector.push({
      type: 'TextPositionSelector',
      start: a.position.start,
      end: a.position.end,
    });
  }
  return {
    id: exportId(a.id),
    type: 'Annotation',
    created: iso(a.created),
    modified: iso(a.updated),
    motivation: a.note !== '' ? 'commenting' : 'highlighting',
    body: body.length > 0 ? body : undefined,
    target: { source: a.url, selector },
    'factmark:title': a.title,
    'factmark:color': a.color,
    'factmark:entities': a.entities,
    'factmark:verdicts': a.verdicts,
    // Desk sync: who made a shared annotation (the W3C model's `creator`, an Agent), and that it
    // is shared. Absent for a private one, as before sync existed.
    ...(a.shared === true ? { 'factmark:shared': true } : {}),
    ...(a.shared === true && a.creator !== undefined
      ? { creator: { type: 'Person', nickname: a.creator } }
      : {}),
  };
}

/** The annotations as a W3C Web Annotation AnnotationCollection (see the top of this file). */
export function toJsonLd(
  annotations: readonly Annotation[],
  options: JsonLdExportOptions = {},
): string {
  const id = options.id ?? `urn:factmark:export:${fingerprint(annotations)}`;
  const head = {
    '@context': [ANNO_CONTEXT, { factmark: FACTMARK_NAMESPACE }],
    id,
    type: 'AnnotationCollection',
    label: options.label ?? 'Factmark annotations',
    total: annotations.length,
  };
  const page = { id: `${id}#page1`, type: 'AnnotationPage', startIndex: 0 };
  // Pretty-printed but for the items, one per line: readable, and a third smaller than fully
  // indented (100,000 annotations).
  const open = JSON.stringify(head, null, 2).slice(0, -2);
  const pageOpen = JSON.stringify(page, null, 2).slice(0, -2).replace(/\n/g, '\n  ');
  const items = annotations.map((a) => JSON.stringify(exportItem(a))).join(',\n');
  const list = items === '' ? '[]' : `[\n${items}\n    ]`;
  return `${open},\n  "first": ${pageOpen},\n    "items": ${list}\n  }\n}\n`;
}

// ─── import ──────────────────────────────────────────────────────────────────────────────────────

class ImportError extends Error {}

function fail(path: string, what: string): never {
  throw new ImportError(path === '' ? what : `${path}: ${what}`);
}

type JsonObject = { readonly [key: string]: unknown };

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own property (never one inherited from Object.prototype). */
function field(o: JsonObject, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return v.length > 40 ? `"${v.slice(0, 40)}…"` : JSON.stringify(v);
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

/** `type`, a string or an array of strings, names `name` (also as `oa:name`). */
function hasType(o: JsonObject, name: string): boolean {
  const t = field(o, 'type') ?? field(o, '@type');
  const names = Array.isArray(t) ? t : [t];
  return names.some((n) => n === name || n === `oa:${name}` || n === `as:${name}`);
}

/** Control characters except \n and \t removed; \r\n and lone \r become \n. */
function cleanMultiline(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

/** Control characters removed, line breaks and tabs turned into spaces. */
function cleanLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\t\n\r]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

function readString(v: unknown, path: string, max: number, required: boolean): string | undefined {
  if (v === undefined || (v === null && !required)) {
    if (required) fail(path, 'missing');
    return undefined;
  }
  if (typeof v !== 'string') fail(path, `expected a string, found ${describeValue(v)}`);
  if (v.length > max) fail(path, `too long (${v.length} characters; at most ${max})`);
  return v;
}

function readUrl(v: unknown, path: string): string {
  const source = isObject(v) ? field(v, 'id') : v;
  const where = isObject(v) ? join(path, 'id') : path;
  if (typeof source !== 'string')
    fail(where, `expected an http(s) URL, found ${describeValue(source)}`);
  if (source.length > IMPORT_LIMITS.url) fail(where, `URL too long (at most ${IMPORT_LIMITS.url})`);
  let parsed: URL;
  try {
    parsed = new URL(source);
  } catch {
    fail(where, `expected an http(s) URL, found ${describeValue(source)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    fail(where, `expected an http(s) URL, found a ${parsed.protocol} URL`);
  }
  return canonicalUrl(source);
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * An ISO 8601 date or date-time (xsd:dateTime) as ms since the epoch. Computed from its fields
 * rather than by Date.parse, whose reading of anything but its own format differs between
 * engines; a date-time without a zone is read as UTC, fractions past milliseconds are dropped.
 */
function readDate(v: unknown, path: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  const m = typeof v === 'string' ? ISO_DATE.exec(v.trim()) : null;
  if (m === null) fail(path, `expected an ISO 8601 date, found ${describeValue(v)}`);
  const num = (i: number): number => Number(m[i] ?? 0);
  const [year, month, day, hour, minute] = [num(1), num(2), num(3), num(4), num(5)];
  const second = Math.min(num(6), 59);
  const ms = Number(((m[7] ?? '') + '000').slice(0, 3));
  let offset = 0;
  const zone = m[8];
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    offset = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')) * 60_000;
    if (zone.startsWith('-')) offset = -offset;
  }
  const t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const d = new Date(t);
  if (
    month < 1 ||
    month > 12 ||
    hour > 23 ||
    minute > 59 ||
    d.getUTCDate() !== day ||
    d.getUTCMonth() !== month - 1
  ) {
    fail(path, `not a real date: ${describeValue(v)}`);
  }
  if (t - offset < 0) fail(path, `before 1970: ${describeValue(v)}`);
  return t - offset;
}

function readStringList(
  v: unknown,
  path: string,
  allowed: readonly string[],
  what: string,
): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) fail(path, `expected an array of ${what}, found ${describeValue(v)}`);
  return v.map((x: unknown, i) => {
    if (typeof x !== 'string' || !allowed.includes(x)) {
      fail(`${path}[${i}]`, `expected one of ${allowed.join(', ')}, found ${describeValue(x)}`);
    }
    return x;
  });
}

function readQuote(o: JsonObject, path: string): TextQuoteSelector {
  const exact = readString(field(o, 'exact'), join(path, 'exact'), IMPORT_LIMITS.quote, true);
  if (exact === undefined || exact === '') fail(join(path, 'exact'), 'empty quote');
  const context = IMPORT_LIMITS.context;
  const prefix = readString(field(o, 'prefix'), join(path, 'prefix'), context, false) ?? '';
  const suffix = readString(field(o, 'suffix'), join(path, 'suffix'), context, false) ?? '';
  return { type: 'TextQuoteSelector', exact, prefix: nearEnd(prefix), suffix: nearStart(suffix) };
}

/** The last ANNOTATION_LIMITS.context characters of a prefix, never half a surrogate pair. */
function nearEnd(prefix: string): string {
  if (prefix.length <= ANNOTATION_LIMITS.context) return prefix;
  let from = prefix.length - ANNOTATION_LIMITS.context;
  const code = prefix.charCodeAt(from);
  if (code >= 0xdc00 && code <= 0xdfff) from++;
  return prefix.slice(from);
}

/** The first ANNOTATION_LIMITS.context characters of a suffix, never half a surrogate pair. */
function nearStart(suffix: string): string {
  if (suffix.length <= ANNOTATION_LIMITS.context) return suffix;
  let to = ANNOTATION_LIMITS.context;
  const code = suffix.charCodeAt(to - 1);
  if (code >= 0xd800 && code <= 0xdbff) to--;
  return suffix.slice(0, to);
}

function readOffset(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    fail(path, `expected a whole number ≥ 0, found ${describeValue(v)}`);
  }
  return v;
}

function readPosition(o: JsonObject, path: string): TextPositionSelector {
  const start = readOffset(field(o, 'start'), join(path, 'start'));
  const end = readOffset(field(o, 'end'), join(path, 'end'));
  if (end < start) fail(join(path, 'end'), `before start (${end} < ${start})`);
  return { type: 'TextPositionSelector', start, end };
}

interface Located {
  source: string;
  quote: TextQuoteSelector;
  /** End ≤ start when the target has no TextPositionSelector. */
  position: TextPositionSelector;
}

/** What a target gives: a passage on a web page, or why it is none Factmark can place. */
type Placed = Located | { skip: SkipKind; detail?: string };

/** A target's selectors (quote null when it has none), and whether they are a PDF's. */
function readSelectors(
  target: JsonObject,
  path: string,
): { quote: TextQuoteSelector | null; position: TextPositionSelector | null; pdf: boolean } {
  const raw = field(target, 'selector');
  const none = { quote: null, position: null, pdf: false };
  if (raw === undefined || raw === null) return none;
  const list: unknown[] = Array.isArray(raw) ? raw : [raw];
  const listPath = join(path, 'selector');
  let quote: TextQuoteSelector | null = null;
  let position: TextPositionSelector | null = null;
  let pdf = false;
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    const sPath = Array.isArray(raw) ? `${listPath}[${i}]` : listPath;
    if (typeof s === 'string') continue; // a selector by IRI: nothing Factmark can use
    if (!isObject(s)) fail(sPath, `expected a selector object, found ${describeValue(s)}`);
    if (hasType(s, 'TextQuoteSelector') && quote === null) quote = readQuote(s, sPath);
    else if (hasType(s, 'TextPositionSelector') && position === null) {
      position = readPosition(s, sPath);
    } else if (hasType(s, 'PageSelector')) {
      // Hypothesis' page of a PDF.
      pdf = true;
    }
  }
  return { quote, position, pdf };
}

/** The scheme of an absolute URL (`file:`), or null when the string is not one. */
function schemeOf(source: string): string | null {
  try {
    return new URL(source).protocol;
  } catch {
    return null;
  }
}

/**
 * The first target (of one or several) with a TextQuoteSelector, and its page; or why there is
 * none to place: no quoted passage anywhere (a page note), a PDF's passage (Hypothesis names a
 * PDF `urn:x-pdf:…`, or gives its page), a page that is not http(s) (a local file). A target
 * that is not there or not a URL at all is malformed.
 */
function readTarget(item: JsonObject, path: string): Placed {
  const raw = field(item, 'target');
  const tPath = join(path, 'target');
  if (raw === undefined || raw === null) fail(tPath, 'missing');
  const list: unknown[] = Array.isArray(raw) ? raw : [raw];
  for (let i = 0; i < list.length; i++) {
    const t = list[i];
    const p = Array.isArray(raw) ? `${tPath}[${i}]` : tPath;
    if (typeof t === 'string') continue; // the page alone, no passage
    if (!isObject(t)) fail(p, `expected a target object, found ${describeValue(t)}`);
    const { quote, position, pdf } = readSelectors(t, p);
    if (quote === null) continue;
    // Hypothesis' own API format names the page in `uri` beside the target.
    const given = field(t, 'source') ?? field(item, 'uri');
    const source: unknown = isObject(given) ? field(given, 'id') : given;
    const scheme = typeof source === 'string' ? schemeOf(source) : null;
    if (pdf || (typeof source === 'string' && /^urn:x-pdf:/i.test(source))) return { skip: 'pdf' };
    if (scheme !== null && scheme !== 'http:' && scheme !== 'https:') {
      if (scheme === 'urn:') return { skip: 'pdf' };
      return { skip: 'not-http', detail: scheme };
    }
    const url = readUrl(given, join(p, 'source'));
    if (/\.pdf$/i.test(new URL(url).pathname)) return { skip: 'pdf' };
    return {
      source: url,
      quote,
      position: position ?? { type: 'TextPositionSelector', start: 0, end: 0 },
    };
  }
  return { skip: 'page-note' };
}

interface Bodies {
  notes: string[];
  tags: string[];
}

/**
 * One body: a TextualBody is a note, or a tag when its purpose is tagging. A Choice (the model's
 * "one of these", e.g. a note in two languages) gives its first textual item, the default; its
 * purpose applies to the item when the item has none. Anything else (an image, an IRI) is not
 * text Factmark can keep.
 */
function readBody(b: unknown, p: string, out: Bodies, inherited?: unknown): void {
  if (typeof b === 'string') return; // an external body (IRI): nothing to import
  if (!isObject(b)) fail(p, `expected a body object, found ${describeValue(b)}`);
  if (hasType(b, 'Choice')) {
    const items = field(b, 'items');
    if (!Array.isArray(items)) fail(join(p, 'items'), 'expected an array of bodies');
    const first = items.findIndex(
      (x) =>
        isObject(x) &&
        (hasType(x, 'TextualBody') || (!isTyped(x) && field(x, 'value') !== undefined)),
    );
    if (first !== -1)
      readBody(items[first], `${join(p, 'items')}[${first}]`, out, field(b, 'purpose'));
    return;
  }
  if (isTyped(b) ? !hasType(b, 'TextualBody') : field(b, 'value') === undefined) return;
  const value = readString(field(b, 'value'), join(p, 'value'), IMPORT_LIMITS.note, true);
  const purpose = field(b, 'purpose') ?? inherited;
  const purposes = Array.isArray(purpose) ? purpose : [purpose];
  if (purposes.some((x) => x !== undefined && typeof x !== 'string')) {
    fail(join(p, 'purpose'), 'expected a string or an array of strings');
  }
  if (purposes.includes('tagging') || purposes.includes('oa:tagging')) {
    out.tags.push(value ?? '');
  } else {
    out.notes.push(value ?? '');
  }
}

function isTyped(o: JsonObject): boolean {
  return field(o, 'type') !== undefined || field(o, '@type') !== undefined;
}

function readBodies(item: JsonObject, path: string): Bodies {
  const out: Bodies = { notes: [], tags: [] };
  const raw = field(item, 'body');
  const bPath = join(path, 'body');
  if (raw !== undefined && raw !== null) {
    const list: unknown[] = Array.isArray(raw) ? raw : [raw];
    list.forEach((b, i) => {
      readBody(b, Array.isArray(raw) ? `${bPath}[${i}]` : bPath, out);
    });
  }
  const bodyValue = readString(
    field(item, 'bodyValue'),
    join(path, 'bodyValue'),
    IMPORT_LIMITS.note,
    false,
  );
  if (bodyValue !== undefined) out.notes.push(bodyValue);
  // Hypothesis' own API format: `text` is the note, `tags` the tags.
  const text = readString(field(item, 'text'), join(path, 'text'), IMPORT_LIMITS.note, false);
  if (text !== undefined) out.notes.push(text);
  const tags = field(item, 'tags');
  if (tags !== undefined && tags !== null) {
    if (!Array.isArray(tags)) fail(join(path, 'tags'), 'expected an array of strings');
    tags.forEach((t: unknown, i) => {
      const tag = readString(t, `${join(path, 'tags')}[${i}]`, IMPORT_LIMITS.tag, true);
      out.tags.push(tag ?? '');
    });
  }
  return out;
}

function readTitle(item: JsonObject, path: string): string {
  const own = field(item, 'factmark:title');
  if (own !== undefined) {
    return cleanLine(
      readString(own, join(path, 'factmark:title'), IMPORT_LIMITS.title, false) ?? '',
    );
  }
  // Hypothesis: document.title, a string or an array of strings.
  const doc = field(item, 'document');
  const title = isObject(doc) ? field(doc, 'title') : undefined;
  const first: unknown = Array.isArray(title) ? title[0] : title;
  const where = join(path, Array.isArray(title) ? 'document.title[0]' : 'document.title');
  return cleanLine(readString(first, where, IMPORT_LIMITS.title, false) ?? '');
}

interface ReadContext {
  options: JsonLdParseOptions;
  /** The file is Hypothesis' own export (`{ "annotations": [...] }`). */
  hypothesis: boolean;
}

/**
 * An item's id as stored: `urn:uuid:` read as `anno:`, an export's `urn:factmark:id:` as the id
 * it stands for, and a Hypothesis id (its own format: not an IRI) as the annotation's address.
 */
function readId(v: JsonObject, path: string, ctx: ReadContext): string {
  const rawId = field(v, 'id') ?? field(v, '@id');
  if (rawId === undefined || rawId === null) {
    if (ctx.options.newId === undefined) {
      fail(join(path, 'id'), 'missing, and no options.newId to make one');
    }
    return ctx.options.newId();
  }
  // Room for an id written `urn:factmark:id:<percent-encoded>` (three characters a character).
  const max = OTHER_ID_PREFIX.length + 3 * IMPORT_LIMITS.id;
  const s = readString(rawId, join(path, 'id'), max, true) ?? '';
  // eslint-disable-next-line no-control-regex
  if (!/^[^\s\u0000-\u001f\u007f-\u009f]+$/.test(s)) {
    fail(
      join(path, 'id'),
      `expected an IRI (no spaces or control characters), found ${describeValue(s)}`,
    );
  }
  let id = importId(s);
  if (!IRI.test(id) && isHypothesisItem(v, ctx)) {
    const links = field(v, 'links');
    const html = isObject(links) ? field(links, 'html') : undefined;
    id =
      typeof html === 'string' && /^https?:\/\/[^\s]+$/.test(html) && html.endsWith(`/${id}`)
        ? html
        : HYPOTHESIS_ANNOTATION + id;
  }
  if (id.length > IMPORT_LIMITS.id) {
    fail(join(path, 'id'), `too long (${id.length} characters; at most ${IMPORT_LIMITS.id})`);
  }
  return id;
}

/** An item in Hypothesis' own API or export format (not its W3C JSON-LD). */
function isHypothesisItem(v: JsonObject, ctx: ReadContext): boolean {
  return (
    ctx.hypothesis ||
    field(v, 'user') !== undefined ||
    field(v, 'links') !== undefined ||
    field(v, 'group') !== undefined
  );
}

/** A reply to another annotation: Hypothesis' `references`, or the model's `replying`. */
function isReply(v: JsonObject): boolean {
  const references = field(v, 'references');
  if (Array.isArray(references) && references.length > 0) return true;
  const motivation = field(v, 'motivation');
  const motivations: unknown[] = Array.isArray(motivation) ? motivation : [motivation];
  return motivations.some((m) => m === 'replying' || m === 'oa:replying');
}

function readEntities(v: unknown, path: string): EntityId[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) fail(path, `expected an array of entity ids, found ${describeValue(v)}`);
  return v.map((x: unknown, i) => {
    if (!isEntityId(x)) {
      fail(
        `${path}[${i}]`,
        `expected an entity id (lower-case words joined by hyphens), found ${describeValue(x)}`,
      );
    }
    return x;
  });
}

/**
 * One item: the annotation, or, for a well-formed item Factmark cannot place, why it is skipped.
 * Every field is checked either way: a skipped item that is malformed still refuses the file.
 */
function readAnnotation(v: unknown, path: string, ctx: ReadContext): Annotation | SkippedItem {
  if (!isObject(v)) fail(path, `expected an annotation object, found ${describeValue(v)}`);
  const type = field(v, 'type') ?? field(v, '@type');
  if (type !== undefined && !hasType(v, 'Annotation')) {
    fail(join(path, 'type'), `expected "Annotation", found ${describeValue(type)}`);
  }

  const id = readId(v, path, ctx);
  const placed = readTarget(v, path);

  const bodies = readBodies(v, path);
  const note = cleanMultiline(bodies.notes.filter((n) => n !== '').join('\n\n'));
  if (note.length > IMPORT_LIMITS.note) {
    fail(
      join(path, 'body'),
      `note too long (${note.length} characters; at most ${IMPORT_LIMITS.note})`,
    );
  }
  const tags = bodies.tags.map((t) => cleanLine(t).trim()).filter((t) => t !== '');
  if (tags.length > IMPORT_LIMITS.tags) {
    fail(join(path, 'body'), `too many tags (${tags.length}; at most ${IMPORT_LIMITS.tags})`);
  }
  const longTag = tags.find((t) => t.length > IMPORT_LIMITS.tag);
  if (longTag !== undefined) {
    fail(join(path, 'body'), `tag too long (${longTag.length}; at most ${IMPORT_LIMITS.tag})`);
  }

  const created = readDate(field(v, 'created'), join(path, 'created'));
  const modifiedKey = field(v, 'modified') !== undefined ? 'modified' : 'updated';
  const modified = readDate(field(v, modifiedKey), join(path, modifiedKey));
  const fallback = created ?? modified ?? ctx.options.now ?? 0;

  const rawColor = field(v, 'factmark:color');
  let color: AnnotationColor = 'yellow';
  if (rawColor !== undefined) {
    if (typeof rawColor !== 'string' || !COLORS.includes(rawColor)) {
      fail(
        join(path, 'factmark:color'),
        `expected one of ${COLORS.join(', ')}, found ${describeValue(rawColor)}`,
      );
    }
    color = rawColor as AnnotationColor;
  }

  const title = readTitle(v, path);
  const entities = readEntities(field(v, 'factmark:entities'), join(path, 'factmark:entities'));
  if (isReply(v)) return { path, kind: 'reply' };
  if ('skip' in placed) {
    const skipped: SkippedItem = { path, kind: placed.skip };
    if (placed.detail !== undefined) skipped.detail = placed.detail;
    return skipped;
  }
  return {
    id,
    url: placed.source,
    title,
    quote: placed.quote,
    position: placed.position,
    color,
    note,
    tags,
    entities,
    verdicts: readStringList(
      field(v, 'factmark:verdicts'),
      join(path, 'factmark:verdicts'),
      VERDICTS,
      'verdicts',
    ) as Verdict[],
    created: created ?? fallback,
    updated: modified ?? fallback,
    ...readShared(v),
  };
}

/**
 * Desk sync's fields, read back from Factmark's own export only: `factmark:shared` true, and then
 * the `creator`'s nickname (a user name). Another tool's `creator` (Hypothesis' account) makes no
 * annotation shared or a teammate's.
 */
function readShared(v: JsonObject): { shared?: boolean; creator?: string } {
  if (field(v, 'factmark:shared') !== true) return {};
  const creator = field(v, 'creator');
  const nickname = isObject(creator) ? field(creator, 'nickname') : undefined;
  if (
    typeof nickname === 'string' &&
    nickname !== '' &&
    nickname.length <= 200 &&
    !/\p{Cc}/u.test(nickname)
  ) {
    return { shared: true, creator: nickname };
  }
  return { shared: true };
}

interface ItemList {
  items: readonly unknown[];
  /** The path of the list, e.g. `first.items`; '' for a bare array. */
  path: string;
}

/** The items of a page and of the embedded pages that follow it (`next`). */
function pageItems(page: JsonObject, path: string, lists: ItemList[]): void {
  let current: JsonObject = page;
  let p = path;
  for (;;) {
    const items = field(current, 'items');
    if (!Array.isArray(items)) fail(join(p, 'items'), 'expected an array of annotations');
    lists.push({ items, path: join(p, 'items') });
    const next = field(current, 'next');
    if (next === undefined || next === null) return;
    if (!isObject(next)) {
      fail(join(p, 'next'), 'the next page is not embedded in the file (only linked)');
    }
    current = next;
    p = join(p, 'next');
  }
}

/** Where the annotations are in the parsed document. */
function findItems(root: unknown): {
  lists: ItemList[];
  total: number | undefined;
  hypothesis?: boolean;
} {
  if (Array.isArray(root)) return { lists: [{ items: root, path: '' }], total: undefined };
  if (!isObject(root)) {
    fail('', `expected a W3C Web Annotation document, found ${describeValue(root)}`);
  }
  const lists: ItemList[] = [];
  const rawTotal = field(root, 'total');
  if (rawTotal !== undefined && (typeof rawTotal !== 'number' || !Number.isSafeInteger(rawTotal))) {
    fail('total', `expected a whole number, found ${describeValue(rawTotal)}`);
  }
  const total = typeof rawTotal === 'number' ? rawTotal : undefined;
  if (hasType(root, 'AnnotationCollection') || field(root, 'first') !== undefined) {
    const items = field(root, 'items');
    if (Array.isArray(items)) {
      lists.push({ items, path: 'items' });
      return { lists, total };
    }
    const first = field(root, 'first');
    if (first === undefined) {
      if (total === 0) return { lists, total };
      fail('first', 'missing: the collection has no annotations in it');
    }
    if (!isObject(first)) fail('first', 'the first page is not embedded in the file (only linked)');
    pageItems(first, 'first', lists);
    return { lists, total };
  }
  if (hasType(root, 'AnnotationPage')) {
    pageItems(root, '', lists);
    return { lists, total: undefined };
  }
  if (hasType(root, 'Annotation') || field(root, 'target') !== undefined) {
    return { lists: [{ items: [root], path: '' }], total: undefined };
  }
  // Hypothesis' export file: { "annotations": [...] }.
  const annotations = field(root, 'annotations');
  if (Array.isArray(annotations)) {
    return { lists: [{ items: annotations, path: 'annotations' }], total, hypothesis: true };
  }
  fail(
    '',
    'not a W3C Web Annotation document: expected an AnnotationCollection, an AnnotationPage, ' +
      'an Annotation or an array of Annotations',
  );
}

/** A JSON.parse error as "where: what", where the engine's message says where. */
function syntaxMessage(text: string, e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  // eslint-disable-next-line no-control-regex
  let what = raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/^JSON\.parse: /, '');
  let where = '';
  const lineColumn = /at line (\d+) column (\d+)/.exec(what);
  const position = /at position (\d+)/.exec(what);
  if (position !== null) {
    const at = Number(position[1]);
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    where = ` at line ${line}, column ${at - lineStart + 1} (character ${at + 1})`;
  } else if (lineColumn !== null) {
    where = ` at line ${lineColumn[1] as string}, column ${lineColumn[2] as string}`;
  } else if (/end of (JSON )?(input|data)/i.test(what)) {
    where = ' at the end (is the file cut short?)';
  }
  what = what
    .replace(/ (in JSON )?at position \d+( \(line \d+ column \d+\))?/, '')
    .replace(/ at line \d+ column \d+ of the JSON data/, '');
  if (what.length > 160) what = what.slice(0, 160) + '…';
  return `not valid JSON${where}: ${what}`;
}

/**
 * Annotations from a W3C Web Annotation document: an AnnotationCollection (its `items`, or its
 * embedded pages from `first` on), an AnnotationPage, an array of Annotations or one Annotation,
 * written by Factmark or by another tool following the model (Hypothesis included: a target given
 * as an array of {source, selector}, selectors as one object or an array, bodies as one object, an
 * array or absent, tags as TextualBody with purpose "tagging"; also its own export format, with
 * `text`, `tags`, `uri`, `document.title` and `updated`). All or nothing: the first malformed
 * field makes the whole result an error that says what is wrong and where (`items[3].created:
 * expected an ISO 8601 date, found number 5`).
 *
 * - Skipped, counted in `skipped` with the reason (skipReasons), never refusing the file: items
 *   Factmark cannot place on a web page. A page note (no TextQuoteSelector in any target), a reply
 *   (Hypothesis' `references`, or motivation `replying`), a PDF annotation (a `urn:x-pdf:` page,
 *   a PageSelector, a `.pdf` URL), an annotation of a page that is not http(s) (`file:`,
 *   `javascript:`…). Their other fields are checked all the same.
 * - Pages must be http(s) URLs (a source that is no URL at all is malformed); they are
 *   canonicalized (url.ts).
 * - A placed annotation needs a non-empty `exact`. One without a TextPositionSelector gets the
 *   position {start: 0, end: 0}: an empty span, which anchor.ts reads as "no position" and
 *   toJsonLd does not write.
 * - A Choice body gives its first textual item (the default).
 * - Entity ids are checked by shape (src/core/entities/id.ts), not against today's lexicon.
 * - Notes (all non-tag TextualBody values, `bodyValue`, joined by a blank line) are plain text:
 *   markup is kept as the characters it is, never interpreted. Control characters are removed
 *   but for \n and \t; \r\n becomes \n. Tags and titles lose control characters and line breaks;
 *   empty tags are dropped. Quotes are kept exactly: they must match the page's text.
 * - Missing: color → 'yellow', entities and verdicts → [], id → options.newId() (an error when
 *   it is not given), one date → the other, both → options.now (by default 0).
 * - Ids must be unique in the file (after `urn:uuid:` is read as `anno:`; see the top of the
 *   file for the other forms).
 * - Limits: IMPORT_LIMITS.
 */
export function parseJsonLd(text: string, options: JsonLdParseOptions = {}): JsonLdParseResult {
  const maxChars = Math.min(options.maxChars ?? Infinity, IMPORT_LIMITS.chars);
  if (text.length > maxChars) {
    return {
      ok: false,
      error: `the file is too large: ${text.length} characters, at most ${maxChars}`,
    };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch (e) {
    return { ok: false, error: syntaxMessage(body, e) };
  }
  try {
    const { lists, total, hypothesis = false } = findItems(root);
    const count = lists.reduce((n, l) => n + l.items.length, 0);
    if (count > IMPORT_LIMITS.annotations) {
      fail('', `too many annotations (${count}; at most ${IMPORT_LIMITS.annotations})`);
    }
    if (total !== undefined && total !== count) {
      fail('total', `says ${total} annotations, but the file holds ${count}`);
    }
    const ctx: ReadContext = { options, hypothesis };
    const annotations: Annotation[] = [];
    const skipped: SkippedItem[] = [];
    const seen = new Map<string, string>();
    for (const list of lists) {
      list.items.forEach((item, i) => {
        const path = `${list.path}[${i}]`;
        const a = readAnnotation(item, path, ctx);
        if ('kind' in a) {
          skipped.push(a);
          return;
        }
        const other = seen.get(a.id);
        if (other !== undefined)
          fail(join(path, 'id'), `${JSON.stringify(a.id)} is also the id of ${other}`);
        seen.set(a.id, path);
        annotations.push(a);
      });
    }
    return { ok: true, annotations, skipped };
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, error: e.message };
    throw e;
  }
}

/** What each kind of skipped item is called in an import's answer (plural: they are counted). */
const SKIP_LABELS: Record<SkipKind, string> = {
  'page-note': 'page notes (no quoted passage to place)',
  reply: 'replies to other annotations',
  pdf: 'PDF annotations (Factmark annotates web pages)',
  'not-http': 'annotations of pages that are not http(s)',
};
/** Places named per reason; the count says how many more. */
const PLACES_SHOWN = 5;

/**
 * The skipped items of an import as one line per reason, in the order first met, with the count
 * and the first places: "page notes (no quoted passage to place): 2 (annotations[0],
 * annotations[4])". Empty when nothing was skipped.
 */
export function skipReasons(skipped: readonly SkippedItem[]): string[] {
  const groups = new Map<SkipKind, { count: number; places: string[]; details: Set<string> }>();
  for (const s of skipped) {
    let group = groups.get(s.kind);
    if (group === undefined) {
      group = { count: 0, places: [], details: new Set() };
      groups.set(s.kind, group);
    }
    group.count++;
    if (group.places.length < PLACES_SHOWN)
      group.places.push(s.path === '' ? '(the file)' : s.path);
    if (s.detail !== undefined) group.details.add(s.detail);
  }
  return [...groups].map(([kind, g]) => {
    const details = g.details.size > 0 ? ` (${[...g.details].join(', ')})` : '';
    const more = g.count > g.places.length ? ', …' : '';
    return `${SKIP_LABELS[kind]}${details}: ${g.count.toLocaleString('en-US')} (${g.places.join(', ')}${more})`;
  });
}
