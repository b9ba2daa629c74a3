import { useEffect, useState } from 'preact/hooks';
import type { Fact } from '../core/types';
import { failureOf, messageOf } from '../shared/answers';
import type { SourceSummary } from '../shared/sources-protocol';
import type { SourcesApi } from './browser-api';
import { SourceFactItem } from './SourceFactItem';

type State =
  { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; facts: Fact[] };

interface Props {
  api: SourcesApi;
  source: SourceSummary;
  /** The journalist's own source: its facts can be corrected and dropped. */
  editable: boolean;
  onDropped(factId: string): void;
}

/** The facts one source gave, read when the source is opened, each with its quote. */
export function SourceFacts({ api, source, editable, onDropped }: Props) {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    api
      .getSourceFacts(source.id)
      .then((answer) => {
        if (!live) return;
        setState(
          answer?.ok
            ? { status: 'ready', facts: answer.facts }
            : { status: 'error', error: failureOf(answer) ?? '' },
        );
      })
      .catch((error: unknown) => live && setState({ status: 'error', error: messageOf(error) }));
    return () => {
      live = false;
    };
    // A source's facts change here only, through the handlers below.
  }, [api, source.id]);

  const update = (change: (facts: Fact[]) => Fact[]) =>
    setState((s) => (s.status === 'ready' ? { status: 'ready', facts: change(s.facts) } : s));

  const save = async (fact: Fact): Promise<string | null> => {
    try {
      const answer = await api.saveFact(fact);
      if (!answer?.ok) return `Not saved: ${failureOf(answer)}`;
      const saved = answer.fact;
      update((facts) => facts.map((f) => (f.id === saved.id ? saved : f)));
      return null;
    } catch (thrown) {
      return `Not saved: ${messageOf(thrown)}`;
    }
  };

  const drop = async (fact: Fact): Promise<string | null> => {
    try {
      const answer = await api.deleteFact(fact.id);
      if (!answer?.ok) return `Not dropped: ${failureOf(answer)}`;
      update((facts) => facts.filter((f) => f.id !== fact.id));
      onDropped(fact.id);
      return null;
    } catch (thrown) {
      return `Not dropped: ${messageOf(thrown)}`;
    }
  };

  switch (state.status) {
    case 'loading':
      return <p role="status">Reading its facts…</p>;
    case 'error':
      return (
        <p role="alert" class="error">
          Its facts could not be read: {state.error}
        </p>
      );
    case 'ready':
      if (state.facts.length === 0) {
        return <p class="muted">No facts: no figure of this source is checked.</p>;
      }
      return (
        <ul class="facts source-facts" aria-label={`Facts of ${source.title}`}>
          {state.facts.map((fact) => (
            <SourceFactItem
              key={fact.id}
              fact={fact}
              editable={editable}
              onSave={save}
              onDrop={drop}
            />
          ))}
        </ul>
      );
  }
}
