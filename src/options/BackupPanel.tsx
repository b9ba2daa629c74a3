import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { failureOf, messageOf } from '../shared/answers';
import type { RestoreOutcome } from '../shared/backup-protocol';
import { downloadBlob, isoDate } from '../shared/download';
import type { BackupApi } from './browser-api';

type BackupState =
  | { status: 'idle' }
  | { status: 'writing'; written: number; total: number }
  | { status: 'failed'; error: string };

type RestoreState =
  | { status: 'idle' }
  | { status: 'reading' }
  | { status: 'sending'; received: number; total: number }
  | { status: 'restored'; outcome: RestoreOutcome }
  | { status: 'failed'; error: string };

interface Props {
  api: BackupApi;
  /** Called after a restore, to show every section as it now is. */
  onRestored(): void;
}

/** `factmark-backup-<local date>.json`. */
export function backupFileName(now?: Date): string {
  return `factmark-backup-${isoDate(now)}.json`;
}

const NOUNS: Record<keyof RestoreOutcome['restored'], [string, string]> = {
  annotations: ['annotation', 'annotations'],
  facts: ['fact of your own', 'facts of your own'],
  sources: ['source', 'sources'],
  entities: ['watched name', 'watched names'],
  sites: ['site switch', 'site switches'],
};

function counted(n: number, [one, many]: [string, string]): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** "Restored 12 annotations, 2 sources, …" — every section, in the order the Library shows them. */
export function restoredSummary(outcome: RestoreOutcome): string {
  const order = ['annotations', 'facts', 'sources', 'entities', 'sites'] as const;
  const parts = order.map((s) => counted(outcome.restored[s].imported, NOUNS[s]));
  return `Restored from the backup: ${parts.join(', ')}.`;
}

/**
 * The Library's "Backup" section: one file of everything — annotations, the journalist's own
 * facts, sources (with their edits and drops) and watched names, and what is switched off — and
 * restoring from one. The backup is written and restored by the background over ports (any
 * size); a restore is one transaction: a malformed file changes nothing and says what is wrong.
 */
export function BackupPanel({ api, onRestored }: Props) {
  const id = useId();
  const [backup, setBackup] = useState<BackupState>({ status: 'idle' });
  const [restore, setRestore] = useState<RestoreState>({ status: 'idle' });
  const running = useRef<AbortController | null>(null);
  // Leaving the page stops a backup under way.
  useEffect(() => () => running.current?.abort(), []);

  const backUp = async () => {
    const controller = new AbortController();
    running.current = controller;
    setBackup({ status: 'writing', written: 0, total: 0 });
    try {
      const answer = await api.exportBackup((written, total) => {
        if (!controller.signal.aborted) setBackup({ status: 'writing', written, total });
      }, controller.signal);
      if (controller.signal.aborted) return;
      if (!answer?.ok) {
        setBackup({ status: 'failed', error: `The backup failed: ${failureOf(answer)}` });
        return;
      }
      downloadBlob(answer.file, backupFileName(), 'application/json');
      setBackup({ status: 'idle' });
    } catch (thrown) {
      if (!controller.signal.aborted) {
        setBackup({ status: 'failed', error: `The backup failed: ${messageOf(thrown)}` });
      }
    } finally {
      if (running.current === controller) running.current = null;
    }
  };

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setRestore({ status: 'reading' });
    try {
      const answer = await api.restoreBackup(file, (received, total) =>
        setRestore({ status: 'sending', received, total }),
      );
      if (answer?.ok) {
        setRestore({
          status: 'restored',
          outcome: { restored: answer.restored, skipped: answer.skipped },
        });
        onRestored();
      } else {
        setRestore({ status: 'failed', error: `Nothing was restored: ${failureOf(answer)}` });
      }
    } catch (thrown) {
      setRestore({ status: 'failed', error: `Nothing was restored: ${messageOf(thrown)}` });
    } finally {
      // The same file can be chosen again (after fixing it, say).
      input.value = '';
    }
  };

  const restoring = restore.status === 'reading' || restore.status === 'sending';
  const conflicts =
    restore.status === 'restored'
      ? Object.values(restore.outcome.restored).reduce(
          (sum, t) => ({
            conflicts: sum.conflicts + t.conflicts,
            keptLocal: sum.keptLocal + t.keptLocal,
          }),
          { conflicts: 0, keptLocal: 0 },
        )
      : null;
  return (
    <section id="backup" class="library-section" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup</h2>
      <p class="muted">
        One file of everything: your annotations, your own facts, your sources with your edits and
        dropped facts, your watched names, and which sources, names and sites are switched off. The
        exports above hold annotations only. Restoring adds what the file has; where a record is
        here too, the newer is kept (for your facts, sources and names, the one here).
      </p>
      <div class="toolbar">
        <div class="export">
          <button
            type="button"
            class="button"
            disabled={backup.status === 'writing'}
            aria-busy={backup.status === 'writing'}
            onClick={() => void backUp()}
          >
            Back up everything
          </button>
          {backup.status === 'writing' ? (
            <p class="export-progress" role="status">
              <progress
                aria-label="Backing up"
                value={backup.written}
                max={Math.max(1, backup.total)}
              />{' '}
              Backing up… {backup.written.toLocaleString()} of {backup.total.toLocaleString()}{' '}
              records{' '}
              <button
                type="button"
                class="button button-quiet"
                onClick={() => running.current?.abort()}
              >
                Cancel
              </button>
            </p>
          ) : null}
          {backup.status === 'failed' ? (
            <p class="error" role="alert">
              {backup.error}
            </p>
          ) : null}
        </div>
        <div class="import">
          <label for={`${id}-file`}>Restore from backup</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".json,application/json"
            aria-describedby={`${id}-hint`}
            disabled={restoring}
            onChange={(e) => void onFile(e)}
          />
          <span id={`${id}-hint`} class="muted field-hint">
            A Factmark backup file (.json), as “Back up everything” writes it.
          </span>
          {restore.status === 'reading' ? (
            <p class="import-progress" role="status">
              <progress aria-label="Reading the backup" /> Reading the backup…
            </p>
          ) : null}
          {restore.status === 'sending' ? (
            <p class="import-progress" role="status">
              <progress
                aria-label="Restoring"
                value={restore.received}
                max={Math.max(1, restore.total)}
              />{' '}
              Restoring… {Math.floor((100 * restore.received) / Math.max(1, restore.total))}%
            </p>
          ) : null}
          {/* The outcome, success or failure, in one live region present from the start. */}
          <div
            role="alert"
            class={restore.status === 'failed' ? 'import-result error' : 'import-result'}
          >
            {restore.status === 'restored' ? restoredSummary(restore.outcome) : null}
            {conflicts !== null && conflicts.conflicts > 0 ? (
              <p class="import-conflicts">
                {conflicts.conflicts.toLocaleString()}{' '}
                {conflicts.conflicts === 1 ? 'record was' : 'records were'} already here with other
                content: {conflicts.keptLocal.toLocaleString()} kept as you had{' '}
                {conflicts.keptLocal === 1 ? 'it' : 'them'},{' '}
                {(conflicts.conflicts - conflicts.keptLocal).toLocaleString()} taken from the file.
              </p>
            ) : null}
            {restore.status === 'restored' && restore.outcome.skipped.length > 0 ? (
              <>
                Not restored:
                <ul class="import-skipped">
                  {restore.outcome.skipped.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {restore.status === 'failed' ? restore.error : null}
          </div>
        </div>
      </div>
    </section>
  );
}
