/**
 * The messages and ports of the backup (docs/contracts.md, "Backup"): ONE versioned JSON file of
 * everything (./backup-format.ts). Types and validators of the requests live here; ./messages.ts
 * joins them into its unions, ./protocol.ts says who may send them (the extension's own pages
 * only), and the background (src/background/backup.ts) writes and restores.
 *
 * This file must not import ./backup-format.ts or anything that imports ./messages.ts at run time:
 * ./messages.ts imports it, and the format imports ./messages.ts (its validators).
 */

/** The sections of a backup, in the order they are written (annotations, the largest, last). */
export const BACKUP_SECTIONS = ['sites', 'entities', 'sources', 'facts', 'annotations'] as const;
export type BackupSection = (typeof BACKUP_SECTIONS)[number];

/** Characters of a backup in one factmark/backup-import message: as factmark/import (50 Mi). */
export const MAX_BACKUP_MESSAGE_CHARS = 50 * 1024 * 1024;
/**
 * Characters of a backup over the import port: 500 M, under the longest string V8 holds (some
 * 536 M): the background joins the chunks into one text to parse it.
 */
export const MAX_BACKUP_CHARS = 500_000_000;
/** Characters per chunk the page sends on the import port (as the export's chunks, at most). */
export const MAX_BACKUP_CHUNK_CHARS = 8_000_000;

// ---- Requests (runtime.sendMessage) ------------------------------------------------------------

/** The whole backup as one text, for backups small enough for a message. Extension pages. */
export interface BackupExportRequest {
  type: 'factmark/backup-export';
}
/**
 * Restore a backup's text (at most MAX_BACKUP_MESSAGE_CHARS): all of it in one transaction, or
 * nothing, and the answer says what is wrong and where. Extension pages.
 */
export interface BackupImportRequest {
  type: 'factmark/backup-import';
  text: string;
}
export type BackupBackgroundRequest = BackupExportRequest | BackupImportRequest;

/**
 * How one section's records came out of a restore, in the vocabulary of the annotation import:
 * `imported` — now stored as the backup has them (added, replaced, or already so); `conflicts` —
 * stored with other content under the same id; `keptLocal` — of those, kept as stored.
 */
export interface RestoreTally {
  imported: number;
  conflicts: number;
  keptLocal: number;
}

/** What a restore did. */
export interface RestoreOutcome {
  restored: { [S in BackupSection]: RestoreTally };
  /** Records not restored, one line per reason (a bundled seed this version no longer has). */
  skipped: string[];
}

type Failure = { ok: false; error: string };
export type BackupExportAnswer = { ok: true; text: string } | Failure;
export type BackupImportAnswer = ({ ok: true } & RestoreOutcome) | Failure;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * A backup request, null when `msg` is not one (another request type), or what is wrong with it.
 * Called by src/shared/messages.ts for every background request. The text itself is read and
 * checked by the background's handler (parseBackup), as factmark/import's JSON-LD is.
 */
export function checkBackupRequest(
  msg: Record<string, unknown>,
): BackupBackgroundRequest | string | null {
  switch (msg.type) {
    case 'factmark/backup-export':
      return { type: 'factmark/backup-export' };
    case 'factmark/backup-import':
      if (typeof msg.text !== 'string') return 'text: not a string';
      if (msg.text.length > MAX_BACKUP_MESSAGE_CHARS) {
        return 'text: larger than 50 MB (the Library restores larger backups over a port)';
      }
      return { type: 'factmark/backup-import', text: msg.text };
    default:
      return null;
  }
}

// ---- Ports (runtime.connect, from the extension's own pages only) -------------------------------

/**
 * Port name: the backup as text, in chunks. The page sends `{ type: "begin" }`, then one
 * `{ type: "ack" }` per chunk taken in; the background answers as the export port does
 * (ExportStreamMessage of ./messages.ts: chunks, progress, an empty head, end — or an error).
 */
export const BACKUP_EXPORT_PORT = 'factmark/backup-export-stream';
/**
 * Port name: a backup's text, in chunks, restored on commit in one transaction. The page sends
 * `begin` (the text's length), its chunks in order, then `commit`; the background answers each
 * chunk with `progress` and the commit with `done` (what was restored) — or `error`, having
 * written nothing.
 */
export const BACKUP_IMPORT_PORT = 'factmark/backup-import-stream';

export type BackupExportStreamRequest = { type: 'begin' };

export type BackupImportStreamMessage =
  { type: 'begin'; chars: number } | { type: 'chunk'; text: string } | { type: 'commit' };

export type BackupImportStreamAnswer =
  | { type: 'progress'; received: number; total: number }
  | ({ type: 'done' } & RestoreOutcome)
  | { type: 'error'; error: string };

/** The export port's first message, or what is wrong with it. */
export function checkBackupExportStreamRequest(msg: unknown): BackupExportStreamRequest | string {
  return isRecord(msg) && msg.type === 'begin' ? { type: 'begin' } : 'not { type: "begin" }';
}

/** An import port's message, or what is wrong with it. */
export function checkBackupImportStreamMessage(msg: unknown): BackupImportStreamMessage | string {
  if (!isRecord(msg)) return 'not an object';
  switch (msg.type) {
    case 'begin':
      return Number.isSafeInteger(msg.chars) &&
        (msg.chars as number) >= 0 &&
        (msg.chars as number) <= MAX_BACKUP_CHARS
        ? { type: 'begin', chars: msg.chars as number }
        : `chars: not a length from 0 to ${MAX_BACKUP_CHARS.toLocaleString('en-US')}`;
    case 'chunk':
      return typeof msg.text === 'string' && msg.text.length <= MAX_BACKUP_CHUNK_CHARS
        ? { type: 'chunk', text: msg.text }
        : `chunk: not a text of at most ${MAX_BACKUP_CHUNK_CHARS.toLocaleString('en-US')} characters`;
    case 'commit':
      return { type: 'commit' };
    default:
      return 'type: not "begin", "chunk" or "commit"';
  }
}

function isCount(x: unknown): x is number {
  return Number.isSafeInteger(x) && (x as number) >= 0;
}

/** A restore's outcome as the page reads it (from the port or the message), or null. */
export function parseRestoreOutcome(x: unknown): RestoreOutcome | null {
  if (!isRecord(x) || !isRecord(x.restored) || !Array.isArray(x.skipped)) return null;
  if (!x.skipped.every((s) => typeof s === 'string')) return null;
  const restored = {} as RestoreOutcome['restored'];
  for (const section of BACKUP_SECTIONS) {
    const t = x.restored[section];
    if (!isRecord(t) || !isCount(t.imported) || !isCount(t.conflicts) || !isCount(t.keptLocal)) {
      return null;
    }
    restored[section] = { imported: t.imported, conflicts: t.conflicts, keptLocal: t.keptLocal };
  }
  return { restored, skipped: [...(x.skipped as string[])] };
}

/** An import port's answer as the page reads it, or null when it is not one. */
export function parseBackupImportStreamAnswer(msg: unknown): BackupImportStreamAnswer | null {
  if (!isRecord(msg)) return null;
  switch (msg.type) {
    case 'progress':
      return isCount(msg.received) && isCount(msg.total)
        ? { type: 'progress', received: msg.received, total: msg.total }
        : null;
    case 'done': {
      const outcome = parseRestoreOutcome(msg);
      return outcome === null ? null : { type: 'done', ...outcome };
    }
    case 'error':
      return typeof msg.error === 'string' ? { type: 'error', error: msg.error } : null;
    default:
      return null;
  }
}
