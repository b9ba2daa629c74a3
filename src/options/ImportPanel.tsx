import { useId, useState } from 'preact/hooks';
import { failureOf, messageOf } from '../shared/answers';
import type { OptionsBrowserApi } from './browser-api';

type ImportState =
  | { status: 'idle' }
  | { status: 'importing'; kilobytes: number }
  | { status: 'imported'; count: number }
  | { status: 'failed'; error: string };

interface Props {
  api: OptionsBrowserApi;
  /** Called after a successful import, to show the new annotations. */
  onImported(): void;
}

/**
 * Import from a file (JSON-LD, as exported): the background checks the whole text and writes all
 * or nothing, so a failure here changes nothing else on the page.
 */
export function ImportPanel({ api, onImported }: Props) {
  const id = useId();
  const [state, setState] = useState<ImportState>({ status: 'idle' });

  const onChange = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setState({ status: 'importing', kilobytes: Math.max(1, Math.round(file.size / 1024)) });
    try {
      const text = await file.text();
      const answer = await api.importAnnotations(text);
      if (answer?.ok) {
        setState({ status: 'imported', count: answer.imported });
        onImported();
      } else {
        setState({ status: 'failed', error: failureOf(answer) ?? '' });
      }
    } catch (thrown) {
      setState({ status: 'failed', error: messageOf(thrown) });
    } finally {
      // The same file can be chosen again (after fixing it, say).
      input.value = '';
    }
  };

  return (
    <div class="import">
      <label for={`${id}-file`}>Import annotations</label>
      <input
        id={`${id}-file`}
        type="file"
        accept=".json,.jsonld,application/json,application/ld+json"
        aria-describedby={`${id}-hint`}
        disabled={state.status === 'importing'}
        onChange={(e) => void onChange(e)}
      />
      <span id={`${id}-hint`} class="muted field-hint">
        A Factmark JSON-LD export (.jsonld or .json).
      </span>
      {state.status === 'importing' ? (
        <p class="import-progress" role="status">
          <progress aria-label="Importing" /> Importing {state.kilobytes.toLocaleString()} KB…
        </p>
      ) : null}
      {/* The answer, success or failure, in one live region present from the start. */}
      <div role="alert" class={state.status === 'failed' ? 'import-result error' : 'import-result'}>
        {state.status === 'imported'
          ? `Imported ${state.count.toLocaleString()} ${state.count === 1 ? 'annotation' : 'annotations'}`
          : null}
        {state.status === 'failed' ? state.error : null}
      </div>
    </div>
  );
}
