/**
 * The backup's import port (`factmark/backup-import-stream`, docs/contracts.md "Ports"): a
 * backup's text arrives in chunks — a backup of 100,000 annotations is larger than one runtime
 * message may be (64 MiB in Chrome) — and is restored on commit, read and checked whole first
 * (src/shared/backup-format.ts parseBackup), then written in one transaction (backup.ts). Any
 * problem answers `{ type: "error", error }` and writes nothing; so does a port closed before
 * the commit. Only the extension's own pages reach it (transfer.ts createTransfer checks).
 */
import {
  checkBackupImportStreamMessage,
  type BackupImportStreamAnswer,
} from '../shared/backup-protocol';
import { parseBackup } from '../shared/backup-format';
import { messageOf } from '../shared/answers';
import { restoreBackup } from './backup';
import type { Port } from './browser-api';
import type { FactmarkDb } from './db';

export interface BackupImportDeps {
  /** The database, once it is open and seeded. */
  db(): Promise<FactmarkDb>;
}

type State = 'begin' | 'chunks' | 'writing' | 'over';

export function serveBackupImport(port: Port, deps: BackupImportDeps): void {
  let state: State = 'begin';
  let total = 0;
  let received = 0;
  let chunks: string[] = [];
  let closed = false;
  const post = (message: BackupImportStreamAnswer) => {
    if (closed) return;
    try {
      port.postMessage(message);
    } catch {
      // The page went away: its onDisconnect is on its way.
    }
  };
  const fail = (error: string) => {
    state = 'over';
    chunks = [];
    post({ type: 'error', error: `backup-import: ${error}` });
  };
  port.onDisconnect.addListener(() => {
    closed = true;
    // Before the commit: nothing is written. A restore under way finishes (one transaction).
    if (state !== 'writing') {
      state = 'over';
      chunks = [];
    }
  });
  port.onMessage.addListener((raw) => {
    if (state === 'over' || state === 'writing') return;
    const message = checkBackupImportStreamMessage(raw);
    if (typeof message === 'string') return fail(message);
    switch (message.type) {
      case 'begin':
        if (state !== 'begin') return fail('"begin" sent twice');
        total = message.chars;
        state = 'chunks';
        return;
      case 'chunk':
        if (state !== 'chunks') return fail('a chunk before "begin"');
        if (received + message.text.length > total) {
          return fail(`more than the ${total.toLocaleString('en-US')} characters announced`);
        }
        chunks.push(message.text);
        received += message.text.length;
        post({ type: 'progress', received, total });
        return;
      case 'commit': {
        if (state !== 'chunks') return fail('"commit" before "begin"');
        if (received !== total) {
          return fail(
            `commit after ${received.toLocaleString('en-US')} of the ${total.toLocaleString('en-US')} characters announced`,
          );
        }
        state = 'writing';
        const text = chunks.join('');
        chunks = [];
        void (async () => {
          const parsed = parseBackup(text);
          if (!parsed.ok) return fail(parsed.error);
          const outcome = await restoreBackup(await deps.db(), parsed.backup);
          state = 'over';
          post({ type: 'done', ...outcome });
        })().catch((error: unknown) => fail(messageOf(error)));
        return;
      }
    }
  });
}
