import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Fact } from '../core/types';
import { isoDate } from '../shared/download';
import { failureOf, messageOf } from '../shared/answers';
import type { OptionsBrowserApi } from './browser-api';
import { claimChoices, factPage, groupByAttribute } from './fact-groups';
import { FactForm } from './FactForm';
import { FactItem } from './FactItem';
import { buildUserFact, emptyFields, isUserFact, type FactFields } from './user-fact';

/**
 * Facts per page of the list. Enough for the bundled story and a few sources at a glance; the
 * layout of a page stays a few milliseconds (10,000 fact rows took 100 ms and more).
 */
export const FACT_PAGE_SIZE = 200;

type State =
  { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; facts: Fact[] };

/**
 * A fact as the Library lists and edits it: without what only the claim matcher reads (its
 * weighted terms, the names of its quote, its story), which are most of a fact's objects. The
 * Library keeps every fact while it is open, and each of the page's garbage collections traces
 * them: during an import of 100,000 annotations with 10,000 facts held whole, collector pauses
 * froze the page for up to 150 ms. Saving builds the fact anew from the form (user-fact.ts), so
 * nothing left out here is ever written back.
 */
function listed(fact: Fact): Fact {
  const { terms: _terms, names: _names, story: _story, ...rest } = fact;
  return rest;
}

/**
 * The Library's "Fact base" section: every fact the figures are checked against, seed facts
 * read-only, the user's own editable, and a form to add one.
 */
export function FactBase({ api }: { api: OptionsBrowserApi }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .getAllFacts()
      .then((answer) => {
        if (!live) return;
        setState(
          answer?.ok
            ? { status: 'ready', facts: answer.facts.map(listed) }
            : { status: 'error', error: failureOf(answer) ?? '' },
        );
      })
      .catch((error: unknown) => live && setState({ status: 'error', error: messageOf(error) }));
    return () => {
      live = false;
    };
  }, [api]);

  const facts = state.status === 'ready' ? state.facts : null;
  const groups = useMemo(() => (facts === null ? [] : groupByAttribute(facts)), [facts]);
  const claims = useMemo(() => claimChoices(groups), [groups]);
  const shown = useMemo(() => factPage(groups, query, page, FACT_PAGE_SIZE), [groups, query, page]);

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
          <form class="filters fact-filters" role="search" onSubmit={(e) => e.preventDefault()}>
            <label for="fact-search">Find facts</label>
            <input
              id="fact-search"
              type="search"
              value={query}
              placeholder="A figure, words of its quote, its source"
              onInput={(e) => {
                setQuery(e.currentTarget.value);
                setPage(0);
              }}
            />
          </form>
          <p class="muted" role="status">
            {factCount(shown.page, shown.matching, state.facts.length, query !== '')}
          </p>
          {shown.groups.map((group) => (
            <section key={group.id} class="attribute-group" data-attribute={group.id}>
              <h3>{group.label || group.id}</h3>
              <ul class="facts">
                {group.facts.map((fact) => (
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
          {shown.pages > 1 ? (
            <nav class="pager" aria-label="Pages of facts">
              <button
                type="button"
                class="button"
                disabled={shown.page === 0}
                onClick={() => setPage(shown.page - 1)}
              >
                Previous page
              </button>
              <button
                type="button"
                class="button"
                disabled={shown.page >= shown.pages - 1}
                onClick={() => setPage(shown.page + 1)}
              >
                Next page
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** "Showing 201–400 of 10,000 facts", of the matching ones when searching. */
function factCount(page: number, matching: number, total: number, searching: boolean): string {
  if (matching === 0) return searching ? 'No fact matches.' : '';
  const first = page * FACT_PAGE_SIZE + 1;
  const last = Math.min(matching, (page + 1) * FACT_PAGE_SIZE);
  const range = `${first.toLocaleString()}–${last.toLocaleString()}`;
  return searching
    ? `Showing ${range} of ${matching.toLocaleString()} matching ${matching === 1 ? 'fact' : 'facts'} (${total.toLocaleString()} in all)`
    : `Showing ${range} of ${total.toLocaleString()} ${total === 1 ? 'fact' : 'facts'}`;
}
