import { useState } from 'preact/hooks';
import { failureOf, messageOf } from '../shared/answers';
import type { NewSource, SourceSummary } from '../shared/sources-protocol';
import type { SourcesApi } from './browser-api';
import { SourceFilePicker } from './SourceFilePicker';
import { SourcePaste } from './SourcePaste';

type AddState =
  | { status: 'idle' }
  | { status: 'reading'; name: string }
  | { status: 'extracting'; title: string }
  | { status: 'added'; title: string; facts: number }
  | { status: 'failed'; error: string };

interface Props {
  api: SourcesApi;
  onAdded(source: SourceSummary): void;
}

/**
 * Adding a source: from a file or from pasted text. The page only reads the file (in a worker);
 * the background extracts the facts, and this says so while it works, then what came of it.
 */
export function SourceForm({ api, onAdded }: Props) {
  const [state, setState] = useState<AddState>({ status: 'idle' });

  /** Sends the source; resolves to what went wrong, or null once added. */
  const add = async (source: NewSource): Promise<string | null> => {
    setState({ status: 'extracting', title: source.title });
    let failure: string;
    try {
      const answer = await api.addSource(source);
      if (answer?.ok) {
        setState({ status: 'added', title: answer.source.title, facts: answer.source.facts });
        onAdded(answer.source);
        return null;
      }
      failure = `Not added: ${failureOf(answer)}`;
    } catch (thrown) {
      failure = `Not added: ${messageOf(thrown)}`;
    }
    setState({ status: 'failed', error: failure });
    return failure;
  };

  const busy = state.status === 'reading' || state.status === 'extracting';
  return (
    <div class="add-source">
      <SourceFilePicker
        disabled={busy}
        onReading={(name) => setState({ status: 'reading', name })}
        onRead={(result) =>
          result.ok
            ? void add({ ...result.source, origin: 'file' })
            : setState({ status: 'failed', error: result.error })
        }
      />
      <details class="add-paste">
        <summary>Paste an article</summary>
        <SourcePaste disabled={busy} onSubmit={(source) => add({ ...source, origin: 'paste' })} />
      </details>
      {state.status === 'reading' ? (
        <p class="import-progress" role="status">
          <progress aria-label="Reading the file" /> Reading {state.name}…
        </p>
      ) : null}
      {state.status === 'extracting' ? (
        <p class="import-progress" role="status">
          <progress aria-label="Extracting the facts" /> Extracting the facts of “{state.title}”…
        </p>
      ) : null}
      {/* The outcome, success or failure, in one live region present from the start. */}
      <div role="alert" class={state.status === 'failed' ? 'import-result error' : 'import-result'}>
        {state.status === 'added'
          ? `Added “${state.title}”: ${state.facts} ${state.facts === 1 ? 'fact' : 'facts'}.`
          : null}
        {state.status === 'failed' ? state.error : null}
      </div>
    </div>
  );
}
