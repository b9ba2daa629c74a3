import { useEffect, useState } from 'preact/hooks';
import { claimLabel } from '../core/claims/label';
import type { Fact } from '../core/types';
import { isoDate } from '../shared/download';
import { failureOf, messageOf } from '../shared/answers';
import type { OptionsBrowserApi } from './browser-api';
import { claimChoices, groupByAttribute } from './fact-groups';
import { FactForm } from './FactForm';
import { FactItem } from './FactItem';
import { buildUserFact, emptyFields, isUserFact, type FactFields } from './user-fact';

type State =
  { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; facts: Fact[] };

/**
 * The Library's "Fact base" section: every fact the figures are checked against, seed facts
 * read-only, the user's own editable, and a form to add one.
 */
export function FactBase({ api }: { api: OptionsBrowserApi }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    api
      .getAllFacts()
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
  }, [api]);

  const claims = state.status === 'ready' ? claimChoices(state.facts) : [];
  const byId = new Map(state.status === 'ready' ? state.facts.map((f) => [f.id, f]) : []);

  const update = (change: (facts: Fact[]) => Fact[]) =>
    setState((s) => (s.status === 'ready' ? { status: 'ready', facts: change(s.facts) } : s));

  /** Sends a user's fact to the background; resolves to what went wrong, or null. */
  const save = async (
    fields: FactFields,
    keep: { id: string; date: string | null },
  ): Promise<string | null> => {
    const built = buildUserFact(fields, keep, claims);
    if ('error' in built) return built.error;
    try {
      const answer = await api.saveFact(built.fact);
      if (!answer?.ok) return `Not saved: ${failureOf(answer)}`;
      const saved = answer.fact;
      update((facts) =>
        facts.some((f) => f.id === saved.id)
          ? facts.map((f) => (f.id === saved.id ? saved : f))
          : [...facts, saved],
      );
      return null;
    } catch (thrown) {
      return `Not saved: ${messageOf(thrown)}`;
    }
  };

  const remove = async (fact: Fact): Promise<string | null> => {
    try {
      const answer = await api.deleteFact(fact.id);
      if (!answer?.ok) return `Not deleted: ${failureOf(answer)}`;
      update((facts) => facts.filter((f) => f.id !== fact.id));
      return null;
    } catch (thrown) {
      return `Not deleted: ${messageOf(thrown)}`;
    }
  };

  return (
    <section id="fact-base" class="library-section" aria-labelledby="facts-heading">
      <h2 id="facts-heading">Fact base</h2>
      {state.status === 'loading' ? <p role="status">Loading the fact base…</p> : null}
      {state.status === 'error' ? (
        <p role="alert" class="error">
          The fact base could not be read: {state.error}
        </p>
      ) : null}
      {state.status === 'ready' ? (
        <>
          <p class="muted">
            {state.facts.length} facts, {state.facts.filter(isUserFact).length} of them yours; every
            figure on a page is checked against these. Facts from the source articles are read-only.
          </p>
          <details class="add-fact">
            <summary>Add a fact</summary>
            <FactForm
              label="Add a fact"
              initial={emptyFields(claims)}
              claims={claims}
              submitLabel="Add the fact"
              clearOnSave
              onSubmit={(fields) =>
                save(fields, { id: `user:${crypto.randomUUID()}`, date: isoDate() })
              }
            />
          </details>
          {groupByAttribute(state.facts).map(([attribute, list]) => (
            <section key={attribute} class="attribute-group" data-attribute={attribute}>
              <h3>
                {claimLabel(
                  attribute,
                  list.map((f) => f.id),
                  byId,
                ) ?? attribute}
              </h3>
              <ul class="facts">
                {list.map((fact) => (
                  <FactItem
                    key={fact.id}
                    fact={fact}
                    claims={claims}
                    onSave={(f, fields) => save(fields, { id: f.id, date: f.source.date })}
                    onDelete={remove}
                  />
                ))}
              </ul>
            </section>
          ))}
        </>
      ) : null}
    </section>
  );
}
