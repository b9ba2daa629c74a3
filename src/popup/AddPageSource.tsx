import { useState } from 'preact/hooks';
import type { PopupBrowserApi } from './browser-api';

interface Props {
  api: PopupBrowserApi;
  tabId: number;
}

type State =
  | { status: 'idle' }
  | { status: 'reading' }
  | { status: 'extracting' }
  | { status: 'added'; title: string; facts: number }
  | { status: 'failed'; error: string };

/**
 * "Add this page as a source": its figures become facts that other pages are checked against
 * (listed, corrected and removed in the Library's Sources). Nothing is asked until it is pressed.
 */
export function AddPageSource({ api, tabId }: Props) {
  const [state, setState] = useState<State>({ status: 'idle' });

  const add = async () => {
    setState({ status: 'reading' });
    try {
      // Loaded on demand: the popup opens without it.
      const { addPageAsSource } = await import('./add-page-source');
      const result = await addPageAsSource(api, tabId, () => setState({ status: 'extracting' }));
      setState(
        result.ok
          ? { status: 'added', title: result.source.title, facts: result.source.facts }
          : { status: 'failed', error: result.error },
      );
    } catch {
      setState({ status: 'failed', error: 'Not added: the extension could not be reached.' });
    }
  };

  const busy = state.status === 'reading' || state.status === 'extracting';
  return (
    <section class="section add-page-source" aria-label="Add this page as a source">
      <button type="button" class="button" disabled={busy} onClick={() => void add()}>
        Add this page as a source
      </button>
      <p class="muted" role="status">
        {state.status === 'reading' ? 'Reading the page…' : null}
        {state.status === 'extracting' ? 'Extracting its facts…' : null}
        {state.status === 'added'
          ? `Added “${state.title}”: ${state.facts} ${state.facts === 1 ? 'fact' : 'facts'}. Other pages are now checked against ${state.facts === 1 ? 'it' : 'them'}.`
          : null}
      </p>
      {state.status === 'failed' ? (
        <p class="error" role="alert">
          {state.error}
        </p>
      ) : null}
    </section>
  );
}
