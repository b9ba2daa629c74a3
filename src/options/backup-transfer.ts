/**
 * The Library's side of the backup's ports (src/background/transfer.ts, backup-import-port.ts):
 * the backup of everything received as a Blob made of its chunks, and a backup file sent in
 * chunks to be restored in one transaction. A backup of 100,000 annotations is larger than one
 * runtime message may be (Chrome: 64 MiB).
 */
import { messageOf } from '../shared/answers';
import {
  BACKUP_EXPORT_PORT,
  BACKUP_IMPORT_PORT,
  MAX_BACKUP_CHARS,
  parseBackupImportStreamAnswer,
  type BackupExportStreamRequest,
  type BackupImportAnswer,
  type BackupImportStreamMessage,
} from '../shared/backup-protocol';
import { looksLikeBackup } from '../shared/backup-format';
import type { ExportFileAnswer } from '../shared/download';
import { receiveOverPort, type Connect } from './transfer';

const CLOSED = 'the connection to the extension closed before the end';

/**
 * Characters per chunk of a restore: 1 Mi. Each is one message and one short task in this page
 * (its serialisation); the background answers each before the next is sent.
 */
export const RESTORE_CHUNK_CHARS = 1024 * 1024;

/**
 * The backup of everything as a Blob, received over the backup's export port as the annotation
 * export is (src/options/transfer.ts exportOverPort): each chunk a Blob as it comes, acknowledged
 * so that the background sends the next; `onProgress` in records written, of about all of them.
 * `signal` cancels: the port is closed, and the background stops.
 */
export function backupOverPort(
  connect: Connect,
  onProgress: (written: number, total: number) => void,
  signal?: AbortSignal,
): Promise<ExportFileAnswer> {
  const begin: BackupExportStreamRequest = { type: 'begin' };
  return receiveOverPort(connect, BACKUP_EXPORT_PORT, begin, 'backup', onProgress, signal);
}

/** `text` in pieces of at most `size` characters, never between a surrogate pair's halves. */
export function* textChunks(text: string, size: number): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && end - start > 1 && last >= 0xd800 && last <= 0xdbff) end -= 1;
    yield text.slice(start, end);
    start = end;
  }
}

/**
 * Restore a backup file: its text sent over the backup's import port a chunk at a time (the next
 * after the background's progress for the last), then committed; the background reads and checks
 * the whole backup, then writes all of it in one transaction, or nothing. A file that does not
 * start as a backup does is refused here, before anything is sent.
 */
export async function restoreOverPort(
  connect: Connect,
  file: Blob,
  onProgress: (received: number, total: number) => void,
): Promise<BackupImportAnswer> {
  const text = await file.text();
  if (!looksLikeBackup(text.slice(0, 1_000))) {
    return {
      ok: false,
      error:
        'backup-import: this file is not a Factmark backup (it does not start with "format": "factmark-backup")',
    };
  }
  if (text.length > MAX_BACKUP_CHARS) {
    return {
      ok: false,
      error: `backup-import: the file is larger than ${MAX_BACKUP_CHARS.toLocaleString('en-US')} characters`,
    };
  }
  return new Promise((resolve) => {
    const chunks = textChunks(text, RESTORE_CHUNK_CHARS);
    const port = connect(BACKUP_IMPORT_PORT);
    let over = false;
    const finish = (answer: BackupImportAnswer) => {
      if (over) return;
      over = true;
      port.disconnect();
      resolve(answer);
    };
    const post = (message: BackupImportStreamMessage) => {
      try {
        port.postMessage(message);
      } catch (error) {
        // A port closed under us (the background stopped): nothing was committed.
        finish({ ok: false, error: messageOf(error) });
      }
    };
    const sendNext = () => {
      const next = chunks.next();
      post(next.done ? { type: 'commit' } : { type: 'chunk', text: next.value });
    };
    port.onDisconnect.addListener(() => finish({ ok: false, error: CLOSED }));
    port.onMessage.addListener((raw) => {
      const message = parseBackupImportStreamAnswer(raw);
      if (over) return;
      if (message === null)
        return finish({ ok: false, error: 'backup-import: a malformed answer' });
      switch (message.type) {
        case 'progress':
          onProgress(message.received, message.total);
          return sendNext();
        case 'done': {
          const { type: _type, ...outcome } = message;
          return finish({ ok: true, ...outcome });
        }
        case 'error':
          return finish({ ok: false, error: message.error });
      }
    });
    post({ type: 'begin', chars: text.length });
    onProgress(0, text.length);
    sendNext();
  });
}
