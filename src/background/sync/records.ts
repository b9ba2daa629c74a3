/**
 * Desk sync's records in the extension's own IndexedDB (schema v5, src/background/db.ts): the
 * `sync` store holds the settings and the state, one record each; the `desk` store what this
 * profile knows of each item shared on the desk.
 */
import type { DeskKind } from '../../shared/sync-protocol';

/** The desk this profile syncs with. The password stays here: never in an answer or an export. */
export interface SyncSettings {
  key: 'settings';
  url: string;
  db: string;
  user: string;
  /** Forgotten (null) when sync is turned off. */
  password: string | null;
  enabled: boolean;
}

export interface SyncStateRecord {
  key: 'state';
  /** The desk the local mirror holds (url, db, user): another desk starts a fresh mirror. */
  deskKey: string | null;
  /** ms since the epoch: the last sync that went through, and the last try. */
  lastSync: number | null;
  lastAttempt: number | null;
  /** The last try's failure: `offline` (the server did not answer) or `error` (it refused). */
  failure: { kind: 'offline' | 'error'; error: string } | null;
  /** Failures in a row (back-off). */
  failures: number;
  /** ms since the epoch: no automatic try before this (back-off); null: any time. */
  retryAt: number | null;
  /** The mirror's sequence up to which everything was sent (the last push's checkpoint). */
  pushedSeq: number | string;
  /** The mirror's sequence up to which changes were applied to Factmark's stores. */
  appliedSeq: number | string;
  /** Whether the desk lets members edit each other's items (its `_design/factmark`). */
  teamEditing: boolean;
  /** Every shared item must be compared with the mirror (after an import, a new desk). */
  needsScan: boolean;
  /** The annotations' import id and count at the last comparison (service.ts scanMark). */
  scanMark: string | null;
}

export type SyncRecord = SyncSettings | SyncStateRecord;

/** What this profile knows of one item on the desk. */
export interface DeskRecord {
  /** `<kind>:<item id>`: the CouchDB document's id. */
  docId: string;
  kind: DeskKind;
  id: string;
  /** Who shared it (the CouchDB user); '' when shared before a desk was set. */
  author: string;
  /** The document revision Factmark's stores reflect (written or applied here), or null. */
  rev: string | null;
  /**
   * A fact, source or watched name the journalist stopped sharing, until its tombstone is in the
   * mirror (to-mirror.ts then forgets the record).
   */
  unshared?: boolean;
}

export function initialState(): SyncStateRecord {
  return {
    key: 'state',
    deskKey: null,
    lastSync: null,
    lastAttempt: null,
    failure: null,
    failures: 0,
    retryAt: null,
    pushedSeq: 0,
    appliedSeq: 0,
    teamEditing: false,
    needsScan: true,
    scanMark: null,
  };
}
