/**
 * Desk sync's messages (docs/contracts.md, "Desk sync"): sharing annotations, facts, sources and
 * watched names with a desk through the newsroom's CouchDB. Types and validators live here;
 * ./messages.ts joins the requests into its unions, ./protocol.ts says which answer each gets and
 * who may send it (extension pages only; `factmark/annotation-share`, the annotation editor frame
 * only), and the background (src/background/sync/) does the work. The URL rule is here too, so that the Library asks the browser for the very host
 * permission the background checks (deskOriginPattern).
 *
 * The password goes one way only: from the Library to the background (sync-set, sync-test). No
 * answer carries it, no content script can ask for anything of sync, and it is never exported.
 */
import { ANNOTATION_LIMITS } from '../core/annotations/limits';
import { ANNOTATION_COLORS, type AnnotationColor } from '../core/annotations/types';

// ---- Records -----------------------------------------------------------------------------------

/** What a desk shares: annotations, the journalist's facts, sources and watched names. */
export type DeskKind = 'annotation' | 'fact' | 'source' | 'entity';
export const DESK_KINDS: readonly DeskKind[] = ['annotation', 'fact', 'source', 'entity'];

/**
 * - `off`: no desk set, or sync turned off;
 * - `synced`: the last sync went through and nothing waits to be sent;
 * - `pending`: changes wait to be sent (`pending` of them);
 * - `offline`: the last try could not reach the server (it is retried with back-off);
 * - `error`: the server refused (wrong password, not a member, no such database, no permission
 *   for its host), with the reason in `error`.
 */
export type SyncState = 'off' | 'synced' | 'pending' | 'offline' | 'error';

/** Why a connection test failed (factmark/sync-test). */
export type SyncTestReason =
  'unreachable' | 'unauthorized' | 'no-database' | 'forbidden' | 'insecure-url';

/** One version of a conflicted item (factmark/sync-conflicts). */
export interface ConflictVersion {
  rev: string;
  /** The CouchDB user who made the item. */
  author: string;
  /** Who wrote this version, when it is not the author (a desk that allows editing). */
  editor?: string;
  /** ISO 8601: when this version was written. */
  modified: string;
  /** The version CouchDB (and every profile) shows until the conflict is resolved. */
  winner: boolean;
  /** An annotation's note and tags, for the Library to show side by side. */
  note?: string;
  tags?: string[];
  /** The item as this version has it (an Annotation, Fact, Source or WatchedName, shared fields). */
  item: unknown;
}

export interface SyncConflict {
  /** The item's own id (the annotation's, the fact's…). */
  id: string;
  kind: DeskKind;
  versions: ConflictVersion[];
}

/** An item on the desk as this profile knows it (factmark/desk-items). */
export interface DeskItem {
  kind: DeskKind;
  id: string;
  /** The CouchDB user who shared it; empty while no desk is set (shared once one is). */
  author: string;
  /** The journalist's own (author is this profile's user, or none yet). */
  own: boolean;
  /** Whether this profile may change it: its own, or the desk allows editing teammates' items. */
  editable: boolean;
}

// ---- Requests ----------------------------------------------------------------------------------

/** Set the desk and turn sync on; or turn it off. Answer: SyncSetAnswer. */
export type SyncSetRequest =
  | { type: 'factmark/sync-set'; url: string; db: string; user: string; password: string }
  | { type: 'factmark/sync-set'; off: true };
/** Run one replication both ways now. Answer: SyncNowAnswer. */
export interface SyncNowRequest {
  type: 'factmark/sync-now';
}
/** The state and the number of changes waiting. Answer: SyncStatusAnswer. */
export interface SyncStatusRequest {
  type: 'factmark/sync-status';
}
/** Try a desk's settings without keeping them. Answer: SyncTestAnswer. */
export interface SyncTestRequest {
  type: 'factmark/sync-test';
  url: string;
  db: string;
  user: string;
  password: string;
}
/** Every conflicted item with its versions. Answer: SyncConflictsAnswer. */
export interface SyncConflictsRequest {
  type: 'factmark/sync-conflicts';
}
/**
 * Resolve a conflict: keep one version (`keep`: its rev), or save a merge of an annotation's
 * note and tags (`merged`). `kind` is needed only when two kinds have a conflict on the same id.
 * Answer: OkAnswer.
 */
export type SyncResolveRequest =
  | { type: 'factmark/sync-resolve'; id: string; kind?: DeskKind; keep: string }
  | {
      type: 'factmark/sync-resolve';
      id: string;
      kind?: DeskKind;
      merged: { note: string; tags: string[] };
    };
/**
 * Share or stop sharing items (`kind`: annotation by default), or share every annotation of one
 * page (`url`, canonical). Answer: ShareAnswer.
 */
export type ShareRequest =
  | { type: 'factmark/share'; ids: string[]; shared: boolean; kind?: DeskKind }
  | { type: 'factmark/share'; url: string; shared: true };
/** Every item on the desk this profile knows: its own shared ones and teammates'. Answer: DeskItemsAnswer. */
export interface DeskItemsRequest {
  type: 'factmark/desk-items';
}
/**
 * The annotation editor's "Shared with the desk" (src/editor/): share, or stop sharing, the
 * annotation the journalist has just saved in it — sent by the editor frame itself once the
 * content script has stored the annotation (the relay's `saved`, ./editor-protocol.ts). `saved`
 * is what the journalist saved in the editor: the background shares only a stored annotation that
 * holds exactly that, of the site of the tab the editor is framed into. The only request an
 * embedded extension page may send (./protocol.ts). Answer: AnnotationShareAnswer.
 */
export interface AnnotationShareRequest {
  type: 'factmark/annotation-share';
  id: string;
  shared: boolean;
  saved: { color: AnnotationColor; note: string; tags: string[] };
}

export type SyncBackgroundRequest =
  | SyncSetRequest
  | SyncNowRequest
  | SyncStatusRequest
  | SyncTestRequest
  | SyncConflictsRequest
  | SyncResolveRequest
  | ShareRequest
  | DeskItemsRequest
  | AnnotationShareRequest;

// ---- Answers -----------------------------------------------------------------------------------

type Failure = { ok: false; error: string };

export type SyncSetAnswer = { ok: true; state: SyncState } | Failure;
export type SyncNowAnswer =
  | {
      ok: true;
      state: 'synced' | 'offline' | 'error';
      /** Documents sent to the server. */
      pushed: number;
      /** Documents received from it. */
      pulled: number;
      error?: string;
    }
  | Failure;
export type SyncStatusAnswer =
  | {
      ok: true;
      state: SyncState;
      /** Changes of this profile not yet on the server. */
      pending: number;
      /** ISO 8601: the last sync that went through. */
      lastSync?: string;
      /** The reason of `error` (and of `offline`). */
      error?: string;
      url?: string;
      db?: string;
      user?: string;
      /** ISO 8601: the next automatic try after failures (back-off). */
      retryAt?: string;
      /** Whether the desk lets its members edit each other's items (`_design/factmark`). */
      teamEditing?: boolean;
    }
  | Failure;
export type SyncTestAnswer = { ok: true } | { ok: false; reason: SyncTestReason; error: string };
export type SyncConflictsAnswer = { ok: true; conflicts: SyncConflict[] } | Failure;
export type ShareAnswer = { ok: true; changed: number } | Failure;
export type DeskItemsAnswer = { ok: true; items: DeskItem[] } | Failure;
/** The annotation's desk switch as stored after the request (`creator` once shared, with a desk). */
export type AnnotationShareAnswer = { ok: true; shared: boolean; creator?: string } | Failure;

// ---- The URL rule ------------------------------------------------------------------------------

const MAX_URL = 2_000;
/** CouchDB's rule for database names. */
const DB_NAME = /^[a-z][a-z0-9_$()+/-]{0,237}$/;
const CONTROL = /\p{Cc}/u;
const MAX_USER = 200;
const MAX_PASSWORD = 1_000;
const MAX_IDS = 100_000;
const MAX_ID = 2_000;

/**
 * The server's URL as Factmark keeps it (no trailing slash), or why it is refused. `https://` is
 * required, except `http://127.0.0.1` and `http://localhost` on any port (a server on this
 * machine, or a tunnel to the newsroom's). No user name or password in the URL (they are fields
 * of their own), no query, no fragment.
 */
export function checkDeskUrl(
  x: unknown,
): { ok: true; url: string } | { ok: false; reason: 'insecure-url' | 'invalid'; error: string } {
  if (typeof x !== 'string' || x.length === 0 || x.length > MAX_URL) {
    return { ok: false, reason: 'invalid', error: 'url: not a URL' };
  }
  let url: URL;
  try {
    url = new URL(x.trim());
  } catch {
    return { ok: false, reason: 'invalid', error: `url: "${x.slice(0, 100)}" is not a URL` };
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol === 'http:' && !local) {
    return {
      ok: false,
      reason: 'insecure-url',
      error: `The server's address must start with https:// (only http://127.0.0.1 and http://localhost may use http): ${url.origin}`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      ok: false,
      reason: 'insecure-url',
      error: `The server's address must start with https://, not ${url.protocol}`,
    };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      reason: 'invalid',
      error: 'url: put the user name and password in their own fields, not in the address',
    };
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, reason: 'invalid', error: 'url: no query or fragment, please' };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}` };
}

/**
 * The host permission the desk's server needs (manifest `optional_host_permissions`): its
 * scheme and host, any port and path — `https://couch.news.example/*`, `http://127.0.0.1/*`. The
 * Library asks for it (permissions.request) before factmark/sync-set; the background checks it
 * before every sync (permissions.contains) and removes it when sync is turned off.
 */
export function deskOriginPattern(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** A CouchDB database name (lower-case letter first; a-z, 0-9 and _$()+-/). */
export function isDeskDbName(x: unknown): x is string {
  return typeof x === 'string' && DB_NAME.test(x);
}

// ---- Validation --------------------------------------------------------------------------------

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isKind(x: unknown): x is DeskKind {
  return typeof x === 'string' && (DESK_KINDS as readonly string[]).includes(x);
}

function isItemId(x: unknown): x is string {
  return typeof x === 'string' && x.length > 0 && x.length <= MAX_ID && !/[\s\p{Cc}]/u.test(x);
}

/** The desk fields of sync-set and sync-test, checked, or what is wrong. */
function checkDesk(
  msg: Record<string, unknown>,
): { url: string; db: string; user: string; password: string } | string {
  const url = checkDeskUrl(msg.url);
  if (!url.ok) return url.error;
  if (!isDeskDbName(msg.db)) {
    return 'db: not a CouchDB database name (a lower-case letter, then a-z, 0-9, _ $ ( ) + - /)';
  }
  const user = msg.user;
  if (
    typeof user !== 'string' ||
    user.length === 0 ||
    user.length > MAX_USER ||
    CONTROL.test(user) ||
    user.includes(':')
  ) {
    return `user: not a user name (1 to ${MAX_USER} characters, no ":")`;
  }
  const password = msg.password;
  if (typeof password !== 'string' || password.length === 0 || password.length > MAX_PASSWORD) {
    return `password: not a password (1 to ${MAX_PASSWORD} characters)`;
  }
  return { url: url.url, db: msg.db, user, password };
}

/**
 * A sync request, checked (a copy holding only its fields), the reason a sync request is
 * malformed, or null when the message is none of these types.
 */
export function checkSyncRequest(msg: unknown): SyncBackgroundRequest | string | null {
  if (!isRecord(msg)) return null;
  switch (msg.type) {
    case 'factmark/sync-set': {
      if (msg.off === true) return { type: 'factmark/sync-set', off: true };
      const desk = checkDesk(msg);
      return typeof desk === 'string' ? desk : { type: 'factmark/sync-set', ...desk };
    }
    case 'factmark/sync-now':
      return { type: 'factmark/sync-now' };
    case 'factmark/sync-status':
      return { type: 'factmark/sync-status' };
    case 'factmark/sync-test': {
      // The URL rule is the test's own answer (reason `insecure-url`): checked by the background.
      const desk = checkDesk({ ...msg, url: checkDeskUrl(msg.url).ok ? msg.url : 'https://x/' });
      if (typeof desk === 'string') return desk;
      if (typeof msg.url !== 'string' || msg.url.length > MAX_URL) return 'url: not a URL';
      return { type: 'factmark/sync-test', ...desk, url: msg.url };
    }
    case 'factmark/sync-conflicts':
      return { type: 'factmark/sync-conflicts' };
    case 'factmark/sync-resolve': {
      if (!isItemId(msg.id)) return 'id: not an id';
      if (msg.kind !== undefined && !isKind(msg.kind)) return 'kind: not a desk kind';
      const base = {
        type: 'factmark/sync-resolve' as const,
        id: msg.id,
        ...(msg.kind !== undefined ? { kind: msg.kind } : {}),
      };
      if (typeof msg.keep === 'string' && /^\d+-[0-9a-f]{1,64}$/.test(msg.keep)) {
        return { ...base, keep: msg.keep };
      }
      const merged = msg.merged;
      if (
        isRecord(merged) &&
        typeof merged.note === 'string' &&
        Array.isArray(merged.tags) &&
        merged.tags.every((t) => typeof t === 'string')
      ) {
        // Bounds and characters are checked as an annotation's when the merge is saved.
        return { ...base, merged: { note: merged.note, tags: [...(merged.tags as string[])] } };
      }
      return 'keep: not a revision, and merged: not { note, tags }';
    }
    case 'factmark/share': {
      if (msg.url !== undefined) {
        if (msg.shared !== true) return 'shared: sharing a whole page takes shared: true';
        if (
          typeof msg.url !== 'string' ||
          !/^https?:\/\//i.test(msg.url) ||
          msg.url.length > MAX_URL
        ) {
          return 'url: not an http(s) URL';
        }
        return { type: 'factmark/share', url: msg.url, shared: true };
      }
      if (!Array.isArray(msg.ids) || msg.ids.length > MAX_IDS || !msg.ids.every(isItemId)) {
        return `ids: not a list of at most ${MAX_IDS} ids`;
      }
      if (typeof msg.shared !== 'boolean') return 'shared: not true or false';
      if (msg.kind !== undefined && !isKind(msg.kind)) return 'kind: not a desk kind';
      return {
        type: 'factmark/share',
        ids: [...(msg.ids as string[])],
        shared: msg.shared,
        ...(msg.kind !== undefined ? { kind: msg.kind } : {}),
      };
    }
    case 'factmark/desk-items':
      return { type: 'factmark/desk-items' };
    case 'factmark/annotation-share': {
      if (!isItemId(msg.id)) return 'id: not an id';
      if (typeof msg.shared !== 'boolean') return 'shared: not true or false';
      const saved = msg.saved;
      if (
        !isRecord(saved) ||
        !(ANNOTATION_COLORS as readonly unknown[]).includes(saved.color) ||
        typeof saved.note !== 'string' ||
        saved.note.length > ANNOTATION_LIMITS.note ||
        !Array.isArray(saved.tags) ||
        saved.tags.length > ANNOTATION_LIMITS.tags ||
        !saved.tags.every((t) => typeof t === 'string' && t.length <= ANNOTATION_LIMITS.tag)
      ) {
        return 'saved: not { color, note, tags } of an annotation';
      }
      return {
        type: 'factmark/annotation-share',
        id: msg.id,
        shared: msg.shared,
        saved: {
          color: saved.color as AnnotationColor,
          note: saved.note,
          tags: [...(saved.tags as string[])],
        },
      };
    }
    default:
      return null;
  }
}
