import { useEffect, useState } from 'preact/hooks';
import { ATTRIBUTE_BY_ID, ATTRIBUTES } from '../core/attribution';
import type { Fact } from '../core/types';
import type { OptionsBrowserApi } from './browser-api';

type State =
  { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; facts: Fact[] };

/** Facts grouped by attribute, groups in the schema's order, facts in source order. */
export function groupByAttribute(facts: readonly Fact[]): [string, Fact[]][] {
  const groups = new Map<string, Fact[]>();
  for (const fact of facts) {
    const list = groups.get(fact.attribute);
    if (list) list.push(fact);
    else groups.set(fact.attribute, [fact]);
  }
  const rank = (id: string) => {
    const i = ATTRIBUTES.findIndex((a) => a.id === id);
    return i === -1 ? ATTRIBUTES.length : i;
  };
  return [...groups].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * The Factmark Library: for now, the fact base the figures are checked against. The user's
 * annotations will live here too.
 */
export function Library({ api }: { api: OptionsBrowserApi }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    api
      .getAllFacts()
      .then((answer) => {
        if (!live) return;
        setState(
          answer.ok
            ? { status: 'ready', facts: answer.facts }
            : { status: 'error', error: answer.error },
        );
      })
      .catch((error: unknown) => live && setState({ status: 'error', error: String(error) }));
    return () => {
      live = false;
    };
  }, [api]);

  return (
    <main class="library">
      <h1>Factmark Library</h1>
      {state.status === 'loading' ? <p role="status">Loading the fact base…</p> : null}
      {state.status === 'error' ? (
        <p role="alert" class="error">
          The fact base could not be read: {state.error}
        </p>
      ) : null}
      {state.status === 'ready' ? <FactBase facts={state.facts} /> : null}
    </main>
  );
}

function FactBase({ facts }: { facts: readonly Fact[] }) {
  const groups = groupByAttribute(facts);
  return (
    <section aria-labelledby="facts-heading">
      <h2 id="facts-heading">Fact base</h2>
      <p class="muted">
        {facts.length} facts from the source articles; every figure on a page is checked against
        these.
      </p>
      {groups.map(([attribute, list]) => (
        <section key={attribute} class="attribute-group" data-attribute={attribute}>
          <h3>{ATTRIBUTE_BY_ID.get(attribute)?.label ?? attribute}</h3>
          <ul class="facts">
            {list.map((fact) => (
              <li key={fact.id} class="fact">
                <strong class="fact-value">
                  {fact.qualifier ? `${fact.qualifier.text} ` : ''}
                  {fact.text}
                </strong>
                <q class="fact-quote">{fact.quote}</q>
                <span class="muted">
                  {fact.source.title}
                  {fact.source.date ? `, ${fact.source.date}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
