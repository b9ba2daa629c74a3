import { useId, useState } from 'preact/hooks';
import { skipReasons } from '../core/annotations';
import { failureOf, messageOf } from '../shared/answers';
import { looksLikeBackup } from '../shared/backup-format';
import type { OptionsBrowserApi } from './browser-api';
import { openImportFile } from './import-file';

type ImportState =
  | { status: 'idle' }
  | { status: 'reading'; kilobytes: number }
  | { status: 'importing'; received: number; total: number }
  /**
   * `skipped`: what the file held that Factmark cannot place, one line per reason. `conflicts`:
   * annotations already stored with other content, of which `keptLocal` were kept as stored (as
   * new or newer). `undo`: the id to undo the import with, until it is undone or dismissed.
   */
  | {
      status: 'imported';
      count: number;
      skipped: number;
      reasons: string[];
      conflicts: number;
      keptLocal: number;
      undo: string | null;
    }
  | { status: 'undoing'; undo: string }
  | { status: 'undone'; removed: number; restored: number }
  | { status: 'failed'; error: string };

interface Props {
  api: OptionsBrowserApi;
  /** Called after a successful import, or its undo, to show the annotations as they are. */
  onImported(): void;
}

/** Let the browser paint what was just rendered before a long synchronous step. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Import from a file (JSON-LD, as exported). The file is read and parsed in a worker
 * (import-file.ts), with the same parser and messages as the background's factmark/import (a
 * file of 100,000 annotations is larger than one message may be), then sent over the import
 * port a batch at a time, each handed over by the worker when asked; the background
 * checks every annotation and writes all of them in one transaction, or nothing, so a failure here
 * changes nothing else on the page.
 */
export function ImportPanel({ api, onImported }: Props) {
  const id = useId();
  const [state, setState] = useState<ImportState>({ status: 'idle' });

  const run = async (file: File) => {
    setState({ status: 'reading', kilobytes: Math.max(1, Math.round(file.size / 1024)) });
    // A backup of everything (its `format` comes first) is restored by the Backup section, which
    // restores its sources, names and facts too; imported here, only its annotations would come.
    if (looksLikeBackup(await file.slice(0, 1_000).text())) {
      setState({
        status: 'failed',
        error:
          'This is a Factmark backup of everything: restore it with “Restore from backup” in the Backup section.',
      });
      return;
    }
    const opened = await openImportFile(file);
    if (!opened.ok) {
      setState({ status: 'failed', error: `import: ${opened.error}` });
      return;
    }
    const parsed = opened.file;
    try {
      // Page notes, replies, PDF annotations: not imported, but said (never silently dropped).
      const skipped = { skipped: parsed.skipped.length, reasons: skipReasons(parsed.skipped) };
      const total = parsed.total;
      if (total === 0) {
        setState({
          status: 'imported',
          count: 0,
          ...skipped,
          conflicts: 0,
          keptLocal: 0,
          undo: null,
        });
        return;
      }
      setState({ status: 'importing', received: 0, total });
      const answer = await api.importAll(parsed, (received, of) =>
        setState({ status: 'importing', received, total: of }),
      );
      if (answer?.ok) {
        setState({
          status: 'imported',
          count: answer.imported,
          ...skipped,
          conflicts: answer.conflicts ?? 0,
          keptLocal: answer.keptLocal ?? 0,
          undo: answer.undo ?? null,
        });
        onImported();
      } else {
        setState({ status: 'failed', error: failureOf(answer) ?? '' });
      }
    } finally {
      parsed.close();
    }
  };

  const onChange = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      // "Reading…" is on screen before the file is read and parsed.
      const running = run(file);
      await nextPaint();
      await running;
    } catch (thrown) {
      setState({ status: 'failed', error: messageOf(thrown) });
    } finally {
      // The same file can be chosen again (after fixing it, say).
      input.value = '';
    }
  };

  /** Put the database back as it was before the import (one transaction in the background). */
  const undoImport = async (undo: string) => {
    setState({ status: 'undoing', undo });
    try {
      const answer = await api.undoImport(undo);
      if (answer?.ok) {
        setState({ status: 'undone', removed: answer.removed, restored: answer.restored });
        onImported();
      } else {
        setState({ status: 'failed', error: `Not undone: ${failureOf(answer)}` });
      }
    } catch (thrown) {
      setState({ status: 'failed', error: `Not undone: ${messageOf(thrown)}` });
    }
  };

  const busy =
    state.status === 'reading' || state.status === 'importing' || state.status === 'undoing';
  return (
    <div class="import">
      <label for={`${id}-file`}>Import annotations</label>
      <input
        id={`${id}-file`}
        type="file"
        accept=".json,.jsonld,application/json,application/ld+json"
        aria-describedby={`${id}-hint`}
        disabled={busy}
        onChange={(e) => void onChange(e)}
      />
      <span id={`${id}-hint`} class="muted field-hint">
        A Factmark JSON-LD export (.jsonld or .json).
      </span>
      {state.status === 'reading' ? (
        <p class="import-progress" role="status">
          <progress aria-label="Reading the file" /> Reading {state.kilobytes.toLocaleString()} KB…
        </p>
      ) : null}
      {state.status === 'importing' ? (
        <p class="import-progress" role="status">
          <progress aria-label="Importing" value={state.received} max={Math.max(1, state.total)} />{' '}
          Importing {state.received.toLocaleString()} of {state.total.toLocaleString()}…
        </p>
      ) : null}
      {/* The answer, success or failure, in one live region present from the start. */}
      <div role="alert" class={state.status === 'failed' ? 'import-result error' : 'import-result'}>
        {state.status === 'imported'
          ? `Imported ${state.count.toLocaleString()} ${state.count === 1 ? 'annotation' : 'annotations'}`
          : null}
        {state.status === 'imported' && state.skipped > 0 ? (
          <>
            . Skipped {state.skipped.toLocaleString()} that Factmark cannot place:
            <ul class="import-skipped">
              {state.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </>
        ) : null}
        {state.status === 'imported' && state.conflicts > 0 ? (
          <p class="import-conflicts">
            {state.conflicts.toLocaleString()}{' '}
            {state.conflicts === 1 ? 'annotation was' : 'annotations were'} already here with other
            content: the newer of each was kept — {state.keptLocal.toLocaleString()} as you had{' '}
            {state.keptLocal === 1 ? 'it' : 'them'},{' '}
            {(state.conflicts - state.keptLocal).toLocaleString()} from the file.
          </p>
        ) : null}
        {state.status === 'undone'
          ? `Import undone: ${state.removed.toLocaleString()} added ${state.removed === 1 ? 'annotation' : 'annotations'} removed, ${state.restored.toLocaleString()} replaced ${state.restored === 1 ? 'annotation' : 'annotations'} restored.`
          : null}
        {state.status === 'failed' ? state.error : null}
      </div>
      {(state.status === 'imported' && state.undo !== null && state.count > 0) ||
      state.status === 'undoing' ? (
        <div class="import-undo">
          <button
            type="button"
            class="button"
            disabled={state.status === 'undoing'}
            onClick={() => state.status === 'imported' && state.undo && void undoImport(state.undo)}
          >
            Undo this import
          </button>
          {state.status === 'imported' ? (
            <button
              type="button"
              class="button button-quiet"
              onClick={() => setState({ ...state, undo: null })}
            >
              Dismiss
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
