/**
 * Desk sync as the extension's pages see it (the Library's "Desk sync" section, the popup's
 * state line, the editor's "Shared with the desk"): the shapes of the sync requests' answers
 * (docs/contracts.md, "Desk sync"), what the journalist is told about each state, and the rules
 * for a desk server's address that the UI checks before it asks the browser for a permission.
 *
 * The background (src/background/sync/) owns the replication, the settings and the password; the
 * pages never read the password back (`factmark/sync-status` does not carry it).
 */

import type {
  ConflictVersion,
  ShareAnswer,
  SyncConflict,
  SyncConflictsAnswer,
  SyncNowAnswer,
  SyncSetAnswer,
  SyncState,
  SyncStatusAnswer,
  SyncTestAnswer,
  SyncTestReason,
} from './sync-protocol';
import { checkDeskUrl, deskOriginPattern } from './sync-protocol';

export type {
  ConflictVersion,
  ShareAnswer,
  SyncConflict,
  SyncConflictsAnswer,
  SyncNowAnswer,
  SyncSetAnswer,
  SyncState,
  SyncStatusAnswer,
  SyncTestAnswer,
  SyncTestReason,
};

/** The settings `factmark/sync-set` and `factmark/sync-test` take. */
export interface SyncSettings {
  /** The server's root URL, e.g. `https://couch.newsroom.example` or `http://127.0.0.1:5984`. */
  url: string;
  /** The desk's database. */
  db: string;
  /** The CouchDB user. */
  user: string;
  password: string;
}

export type SyncFailure = { ok: false; error: string };

/** How a conflict is resolved: one version kept, or a merged note and tags. */
export type SyncResolution = { keep: string } | { merged: { note: string; tags: string[] } };

export type OkOrFailure = { ok: true } | SyncFailure;

/** Who wrote an annotation: its `creator` once shared by a teammate or by this journalist. */
export interface Authored {
  shared?: boolean;
  creator?: string;
}

/**
 * Whether an item is a teammate's: it names a creator who is not the journalist (`self`, the
 * CouchDB user sync runs as). Without sync settings, an item with a creator is someone else's
 * only if it came from the desk, so it counts as a teammate's.
 */
export function isTeammates(item: Authored, self: string | undefined): boolean {
  return typeof item.creator === 'string' && item.creator !== '' && item.creator !== self;
}

const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "5 minutes ago"-free: a plain local date and time, which a reader can check against a clock. */
export function formatTime(ms: number | string | undefined): string {
  if (ms === undefined) return '';
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? TIME.format(date) : String(ms);
}

/**
 * The one line that says how sync stands: "Synced · last 2 Dec 2026, 10:02", "3 changes waiting
 * to be sent", "Offline: the server could not be reached; 3 changes wait", "Sync error: …".
 */
export function syncStateLine(status: Extract<SyncStatusAnswer, { ok: true }>): string {
  const last = status.lastSync === undefined ? '' : ` · last sync ${formatTime(status.lastSync)}`;
  const waiting =
    status.pending === 0
      ? ''
      : status.pending === 1
        ? '1 change waits to be sent'
        : `${status.pending.toLocaleString()} changes wait to be sent`;
  switch (status.state) {
    case 'off':
      return 'Desk sync is off: nothing leaves this browser.';
    case 'synced':
      return `Synced with the desk${last}`;
    case 'pending':
      return `Pending: ${waiting || 'changes wait to be sent'}${last}`;
    case 'offline':
      return `Offline: the desk's server cannot be reached${waiting ? `; ${waiting}` : ''}${last}`;
    case 'error':
      return `Sync error: ${status.error ?? 'the desk refused the last sync'}${waiting ? `; ${waiting}` : ''}${last}`;
    default:
      return String(status.state);
  }
}

/** The explanation of a failed connection test, as the journalist reads it. */
export function testFailureText(answer: {
  ok: false;
  reason?: SyncTestReason;
  error: string;
}): string {
  const lead: Record<SyncTestReason, string> = {
    unreachable: 'The server could not be reached.',
    unauthorized: 'Wrong user name or password.',
    'no-database': 'There is no such database on the server.',
    forbidden: 'This user is not a member of that database.',
    'insecure-url':
      'The address must start with https:// (http:// only for 127.0.0.1 or localhost).',
  };
  const first = answer.reason ? lead[answer.reason] : '';
  if (!first) return answer.error;
  return answer.error && answer.error !== first ? `${first} ${answer.error}` : first;
}

// ---- The desk server's address ---------------------------------------------------------------

/**
 * The server's address as Factmark keeps it (the background's own rule, sync-protocol.ts
 * checkDeskUrl: https, or http for 127.0.0.1 and localhost), or why not, in a sentence.
 */
export function parseDeskUrl(input: string): string | { url: string } {
  if (input.trim() === '') return 'Give the server address, e.g. https://couch.newsroom.example.';
  const checked = checkDeskUrl(input.trim());
  if (checked.ok) return { url: checked.url };
  if (checked.reason === 'insecure-url') {
    return `${checked.error}. The password and the desk’s notes would cross the network in the clear.`;
  }
  return checked.error.replace(/^url: /, 'The server address: ');
}

/**
 * The host permission to ask for the server: its scheme and host, every port and path (Firefox's
 * match patterns cannot name a port; Chrome's port-less pattern matches every port). The very
 * pattern the background checks and drops (sync-protocol.ts deskOriginPattern).
 */
export function deskPermissionPattern(url: string): string {
  return deskOriginPattern(url);
}
