import { useId, useState } from 'preact/hooks';
import { skipReasons } from '../core/annotations';
import { failureOf, messageOf } from '../shared/answers';
import type { OptionsBrowserApi } from './browser-api';
import { parseImportFile } from './import-file';

type ImportState =
  | { status: 'idle' }
  | { status: 'reading'; kilobytes: number }
  | { status: 'importing'; received: number; total: number }
  /** `skipped`: what the file held that Factmark cannot place, one line per reason. */
  | { status: 'imported'; count: number; skipped: number; reasons: string[] }
  | { status: 'failed'; error: string };

interface Props {
  api: OptionsBrowserApi;
  /** Called after a successful import, to show the new annotations. */
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
 * port in batches; the background
 * checks every annotation and writes all of them in one transaction, or nothing, so a failure here
 * changes nothing else on the page.
 */
export function ImportPanel({ api, onImported }: Props) {
  const id = useId();
  const [state, setState] = useState<ImportState>({ status: 'idle' });

  const run = async (file: File) => {
    setState({ status: 'reading', kilobytes: Math.max(1, Math.round(file.size / 1024)) });
    const parsed = await parseImportFile(file);
    if (!parsed.ok) {
      setState({ status: 'failed', error: `import: ${parsed.error}` });
      return;
    }
    // Page notes, replies, PDF annotations: not imported, but said (never silently dropped).
    const skipped = { skipped: parsed.skipped.length, reasons: skipReasons(parsed.skipped) };
    const total = parsed.annotations.length;
    if (total === 0) {
      setState({ status: 'imported', count: 0, ...skipped });
      return;
    }
    setState({ status: 'importing', received: 0, total });
    const answer = await api.importAll(parsed.annotations, (received, of) =>
      setState({ status: 'importing', received, total: of }),
    );
    if (answer?.ok) {
      setState({ status: 'imported', count: answer.imported, ...skipped });
      onImported();
    } else {
      setState({ status: 'failed', error: failureOf(answer) ?? '' });
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

  const busy = state.status === 'reading' || state.status === 'importing';
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
        {state.status === 'failed' ? state.error : null}
      </div>
    </div>
  );
}
