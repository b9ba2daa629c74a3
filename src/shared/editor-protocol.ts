/**
 * The annotation editor runs in an extension page framed into the web page (src/editor/), not in
 * the page's DOM: what the journalist types there — keys, input, paste, composition — is
 * dispatched in the extension's own document, which the page cannot script or listen to
 * (issue 12: a page's capture listeners on `window` reconstructed a note as it was typed).
 *
 * The content script (the "host", which knows the selection and saves the annotation) and the
 * editor frame talk over two runtime ports that the background joins (src/background/
 * editor-relay.ts): a web page cannot open a port, and a frame the page made itself cannot join,
 * not knowing the token. Nothing of it goes through `postMessage` or the page's DOM.
 *
 *   host  ──connect(EDITOR_HOST_PORT)──▶ background ◀──connect(EDITOR_FRAME_PORT)── frame
 *   both send { type: 'hello', token } first; the background pairs the two ports of one token
 *   in one tab and sends the host { type: 'paired' }; from then on it passes each message on.
 *   host → frame: draft, saved.   frame → host: ready, size, save, cancel, ping, done.
 *
 * Saving, in this order: the frame sends `save` (what the journalist chose); the host stores the
 * annotation (factmark/annotation-save, which never takes a content script's `shared`) and sends
 * `saved` with its id; the frame — when the journalist ticked or unticked "Shared with the desk" —
 * asks the background itself (factmark/annotation-share, ./sync-protocol.ts: a request the
 * content script cannot send), then sends `done` with the annotation's desk switch as the
 * background stored it (or null), and the host closes it. Sharing is thus decided in the
 * extension's own document, never by the page's renderer; it comes after the annotation is stored.
 *
 * The token is made by the host for each opening (128 random bits) and given to the frame in its
 * URL's fragment, which stays inside our closed shadow root.
 */
import { ANNOTATION_LIMITS } from '../core/annotations/limits';
import { ANNOTATION_COLORS, type AnnotationColor } from '../core/annotations/types';

/** The editor's page, relative to the extension's root (web-accessible: manifest.json). */
export const EDITOR_PAGE = 'src/editor/index.html';
/** Port names: the content script's end, and the editor frame's. */
export const EDITOR_HOST_PORT = 'factmark/editor-host';
export const EDITOR_FRAME_PORT = 'factmark/editor-frame';
/**
 * How often the frame says it is still there. A port that carries nothing for 30 s lets Chrome
 * stop the background's service worker, which would cut both ports while the journalist is
 * still writing.
 */
export const EDITOR_PING_MS = 20_000;

/** What the journalist chose in the editor. */
export interface EditorResult {
  color: AnnotationColor;
  note: string;
  tags: string[];
  /** Set when the user asked to add the selected figure to the fact base, under this attribute. */
  factAttribute: string | null;
  /** "Shared with the desk": the annotation goes to the desk when desk sync is on. */
  shared: boolean;
}

/** A figure in the selection that may be added to the fact base, and the attributes it may take. */
export interface FactOffer {
  figureText: string;
  attributes: { id: string; label: string }[];
  /** The attribute the engine reads for it, if any: preselected. */
  suggested: string | null;
}

/** What the editor shows when it opens. */
export interface EditorDraft {
  quote: string;
  color: AnnotationColor;
  note: string;
  tags: string[];
  fact: FactOffer | null;
  /** Whether "Shared with the desk" starts ticked (off for a new annotation). */
  shared?: boolean;
}

export type Hello = { type: 'hello'; token: string };
/** From the background to the host, once the frame of its token has joined. */
export type Paired = { type: 'paired' };
/** An annotation's desk switch as the background stored it. */
export interface DeskSwitch {
  shared: boolean;
  /** The CouchDB user who shared it (the journalist's), once a desk is set. */
  creator: string | null;
}

export type HostMessage =
  | { type: 'draft'; draft: EditorDraft }
  /** The annotation saved in the editor is stored, under this id. */
  | { type: 'saved'; id: string }
  /**
   * The host has shown the frame (after `ready`) and given it focus: the caret goes to the note
   * if nothing in the frame has it. A frame hidden while its form was made could not focus it.
   */
  | { type: 'shown' };
export type FrameMessage =
  /** The form is shown, the note field focused; `height` in CSS pixels. */
  | { type: 'ready'; height: number }
  | { type: 'size'; height: number }
  | { type: 'save'; result: EditorResult }
  | { type: 'cancel' }
  | { type: 'ping' }
  /**
   * After `saved`, before `done`: the frame has something to tell the journalist (the share did
   * not take): show it again, at this height, until `done` (the journalist closes it).
   */
  | { type: 'notice'; height: number }
  /**
   * After `saved`: the frame is done with the annotation. `desk`: its switch as the background
   * stored it when the frame asked it to share or stop sharing, else null.
   */
  | { type: 'done'; desk: DeskSwitch | null };

const TOKEN = /^[0-9a-f]{32}$/;
// A passage, shown in the editor and measured against the limit; far above any selection's length
// that an annotation could hold, so that "too long" is said with the real length.
const MAX_DRAFT_QUOTE = 16 * 1024 * 1024;
const MAX_OFFERED_ATTRIBUTES = 1_000;
const MAX_LABEL = 2_000;
const MAX_HEIGHT = 100_000;
const MAX_ID = 2_000;
const MAX_CREATOR = 200;

/** A new token (lower-case hex of 128 random bits). */
export function newEditorToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function isEditorToken(x: unknown): x is string {
  return typeof x === 'string' && TOKEN.test(x);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isString(x: unknown, max: number): x is string {
  return typeof x === 'string' && x.length <= max;
}

/** An annotation's id as the background takes one: no spaces or control characters. */
export function isAnnotationId(x: unknown): x is string {
  return typeof x === 'string' && x.length > 0 && x.length <= MAX_ID && !/[\s\p{Cc}]/u.test(x);
}

function isColor(x: unknown): x is AnnotationColor {
  return (ANNOTATION_COLORS as readonly unknown[]).includes(x);
}

function isHeight(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= MAX_HEIGHT;
}

function isTagList(x: unknown): x is string[] {
  return (
    Array.isArray(x) &&
    x.length <= ANNOTATION_LIMITS.tags &&
    x.every((t) => isString(t, ANNOTATION_LIMITS.tag))
  );
}

export function parseHello(msg: unknown): Hello | null {
  return isRecord(msg) && msg.type === 'hello' && isEditorToken(msg.token)
    ? { type: 'hello', token: msg.token }
    : null;
}

function parseFactOffer(x: unknown): FactOffer | null | undefined {
  if (x === null) return null;
  if (!isRecord(x) || !isString(x.figureText, MAX_LABEL)) return undefined;
  if (!Array.isArray(x.attributes) || x.attributes.length > MAX_OFFERED_ATTRIBUTES)
    return undefined;
  const attributes: FactOffer['attributes'] = [];
  for (const a of x.attributes) {
    if (!isRecord(a) || !isString(a.id, MAX_LABEL) || !isString(a.label, MAX_LABEL))
      return undefined;
    attributes.push({ id: a.id, label: a.label });
  }
  if (x.suggested !== null && !isString(x.suggested, MAX_LABEL)) return undefined;
  return { figureText: x.figureText, attributes, suggested: x.suggested };
}

/** A message to the frame, as the frame checks it. */
export function parseHostMessage(msg: unknown): HostMessage | null {
  if (isRecord(msg) && msg.type === 'saved') {
    return isAnnotationId(msg.id) ? { type: 'saved', id: msg.id } : null;
  }
  if (isRecord(msg) && msg.type === 'shown') return { type: 'shown' };
  if (!isRecord(msg) || msg.type !== 'draft' || !isRecord(msg.draft)) return null;
  const d = msg.draft;
  // The note and tags are what the editor opens with (an edit); the background's limits are
  // said by the editor, so they are not enforced here.
  if (!isString(d.quote, MAX_DRAFT_QUOTE) || !isColor(d.color)) return null;
  if (!isString(d.note, MAX_DRAFT_QUOTE) || !Array.isArray(d.tags)) return null;
  if (!d.tags.every((t) => typeof t === 'string')) return null;
  const fact = parseFactOffer(d.fact);
  if (fact === undefined) return null;
  return {
    type: 'draft',
    draft: {
      quote: d.quote,
      color: d.color,
      note: d.note,
      tags: [...d.tags],
      fact,
      shared: d.shared === true,
    },
  };
}

/**
 * A message from the frame, as the host checks it. A result within the annotation limits only
 * (the editor says what is over them before it sends); the background checks them again.
 */
export function parseFrameMessage(msg: unknown): FrameMessage | null {
  if (!isRecord(msg)) return null;
  switch (msg.type) {
    case 'ready':
    case 'size':
    case 'notice':
      return isHeight(msg.height) ? { type: msg.type, height: msg.height } : null;
    case 'cancel':
      return { type: 'cancel' };
    case 'ping':
      return { type: 'ping' };
    case 'done': {
      if (msg.desk === null) return { type: 'done', desk: null };
      const d = msg.desk;
      if (!isRecord(d) || typeof d.shared !== 'boolean') return null;
      if (d.creator !== null && !isString(d.creator, MAX_CREATOR)) return null;
      if (d.creator !== null && (d.creator === '' || /\p{Cc}/u.test(d.creator))) return null;
      return { type: 'done', desk: { shared: d.shared, creator: d.creator } };
    }
    case 'save': {
      const r = msg.result;
      if (!isRecord(r) || !isColor(r.color)) return null;
      if (!isString(r.note, ANNOTATION_LIMITS.note) || !isTagList(r.tags)) return null;
      if (r.factAttribute !== null && !isString(r.factAttribute, MAX_LABEL)) return null;
      if (r.shared !== undefined && typeof r.shared !== 'boolean') return null;
      return {
        type: 'save',
        result: {
          color: r.color,
          note: r.note,
          tags: [...r.tags],
          factAttribute: r.factAttribute,
          shared: r.shared === true,
        },
      };
    }
    default:
      return null;
  }
}
