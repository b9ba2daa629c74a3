import { useEffect, useState } from 'preact/hooks';
import { failureOf, messageOf } from '../shared/answers';
import type { SourceSummary } from '../shared/sources-protocol';
import type { SourcesApi } from './browser-api';
import { SourceForm } from './SourceForm';
import { SourceItem } from './SourceItem';

type State =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | { status: 'ready'; sources: SourceSummary[] };

/**
 * The Library's "Sources" section: the articles figures are checked against, the bundled ones
 * first (switchable, never removed), the journalist's own after; adding one from a file or
 * pasted text; each source's facts on demand.
 */
export function Sources({ api }: { api: SourcesApi }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    api
      .getSources()
      .then((answer) => {
        if (!live) return;
        setState(
          answer?.ok
            ? { status: 'ready', sources: answer.sources }
            : { status: 'error', error: failureOf(answer) ?? '' },
        );
      })
      .catch((error: unknown) => live && setState({ status: 'error', error: messageOf(error) }));
    return () => {
      live = false;
    };
  }, [api]);

  const update = (change: (sources: SourceSummary[]) => SourceSummary[]) =>
    setState((s) => (s.status === 'ready' ? { status: 'ready', sources: change(s.sources) } : s));

  /** The source as the background now has it: replaced in place, or added at the end. */
  const put = (source: SourceSummary) =>
    update((sources) =>
      sources.some((s) => s.id === source.id)
        ? sources.map((s) => (s.id === source.id ? source : s))
        : [...sources, source],
    );

  const setEnabled = async (source: SourceSummary, enabled: boolean): Promise<string | null> => {
    try {
      const answer = await api.enableSource(source.id, enabled);
      if (!answer?.ok) return `Not changed: ${failureOf(answer)}`;
      put(answer.source);
      return null;
    } catch (thrown) {
      return `Not changed: ${messageOf(thrown)}`;
    }
  };

  const remove = async (source: SourceSummary): Promise<string | null> => {
    try {
      const answer = await api.removeSource(source.id);
      if (!answer?.ok) return `Not removed: ${failureOf(answer)}`;
      update((sources) => sources.filter((s) => s.id !== source.id));
      return null;
    } catch (thrown) {
      return `Not removed: ${messageOf(thrown)}`;
    }
  };

  const own = state.status === 'ready' ? state.sources.filter((s) => s.origin !== 'bundled') : [];
  return (
    <section id="sources" class="library-section" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      <p class="muted">
        The articles every figure on a page is checked against: each figure they state is a fact.
        The bundled sources can be switched off, not removed; your own can be removed with their
        facts.
      </p>
      <SourceForm api={api} onAdded={put} />
      {state.status === 'loading' ? <p role="status">Loading the sources…</p> : null}
      {state.status === 'error' ? (
        <p role="alert" class="error">
          The sources could not be read: {state.error}
        </p>
      ) : null}
      {state.status === 'ready' ? (
        <>
          <p class="muted list-count">
            {state.sources.length} {state.sources.length === 1 ? 'source' : 'sources'}, {own.length}{' '}
            of them yours.
          </p>
          <ul class="sources">
            {state.sources.map((source) => (
              <SourceItem
                key={source.id}
                api={api}
                source={source}
                onEnable={setEnabled}
                onRemove={remove}
                onChanged={put}
              />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
