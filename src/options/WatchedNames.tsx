import { useEffect, useState } from 'preact/hooks';
import { failureOf, messageOf } from '../shared/answers';
import type { WatchedName, WatchedNameInput } from '../shared/sources-protocol';
import type { WatchedNamesApi } from './browser-api';
import { WatchedNameForm } from './WatchedNameForm';
import { WatchedNameItem } from './WatchedNameItem';
import { emptyWatchedNameFields } from './watched-name';

type State =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | { status: 'ready'; entities: WatchedName[] };

/**
 * The Library's "Watched names" section: the entities whose mentions Factmark highlights and
 * whose story a figure is checked within — the bundled three (switchable) and the journalist's
 * own (added, edited, removed here).
 */
export function WatchedNames({ api }: { api: WatchedNamesApi }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    api
      .getEntities()
      .then((answer) => {
        if (!live) return;
        setState(
          answer?.ok
            ? { status: 'ready', entities: answer.entities }
            : { status: 'error', error: failureOf(answer) ?? '' },
        );
      })
      .catch((error: unknown) => live && setState({ status: 'error', error: messageOf(error) }));
    return () => {
      live = false;
    };
  }, [api]);

  const update = (change: (entities: WatchedName[]) => WatchedName[]) =>
    setState((s) => (s.status === 'ready' ? { status: 'ready', entities: change(s.entities) } : s));

  const put = (entity: WatchedName) =>
    update((entities) =>
      entities.some((e) => e.id === entity.id)
        ? entities.map((e) => (e.id === entity.id ? entity : e))
        : [...entities, entity],
    );

  const save = async (entity: WatchedNameInput): Promise<string | null> => {
    try {
      const answer = await api.saveEntity(entity);
      if (!answer?.ok) return `Not saved: ${failureOf(answer)}`;
      put(answer.entity);
      return null;
    } catch (thrown) {
      return `Not saved: ${messageOf(thrown)}`;
    }
  };

  const setEnabled = async (entity: WatchedName, enabled: boolean): Promise<string | null> => {
    try {
      const answer = await api.enableEntity(entity.id, enabled);
      if (!answer?.ok) return `Not changed: ${failureOf(answer)}`;
      put(answer.entity);
      return null;
    } catch (thrown) {
      return `Not changed: ${messageOf(thrown)}`;
    }
  };

  const remove = async (entity: WatchedName): Promise<string | null> => {
    try {
      const answer = await api.removeEntity(entity.id);
      if (!answer?.ok) return `Not removed: ${failureOf(answer)}`;
      update((entities) => entities.filter((e) => e.id !== entity.id));
      return null;
    } catch (thrown) {
      return `Not removed: ${messageOf(thrown)}`;
    }
  };

  const entities = state.status === 'ready' ? state.entities : [];
  /** Every id but `own`: an edit keeps its own id. */
  const takenBut = (own: string | null) =>
    new Set(entities.map((e) => e.id).filter((id) => id !== own));

  return (
    <section id="watched-names" class="library-section" aria-labelledby="watched-heading">
      <h2 id="watched-heading">Watched names</h2>
      <p class="muted">
        The names Factmark highlights on pages, in any of their spellings; a figure is checked only
        against the sources of the story its sentence names. The bundled names can be switched off,
        not removed.
      </p>
      {state.status === 'loading' ? <p role="status">Loading the watched names…</p> : null}
      {state.status === 'error' ? (
        <p role="alert" class="error">
          The watched names could not be read: {state.error}
        </p>
      ) : null}
      {state.status === 'ready' ? (
        <>
          <details class="add-fact">
            <summary>Add a watched name</summary>
            <WatchedNameForm
              label="Add a watched name"
              initial={emptyWatchedNameFields()}
              taken={takenBut(null)}
              submitLabel="Add the name"
              clearOnSave
              onSubmit={save}
            />
          </details>
          <ul class="watched-names">
            {entities.map((entity) => (
              <WatchedNameItem
                key={entity.id}
                entity={entity}
                taken={takenBut(entity.id)}
                onSave={save}
                onEnable={setEnabled}
                onRemove={remove}
              />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
