import { useEffect, useId, useState } from 'preact/hooks';
import { shorten } from '../shared/AnnotationText';
import { failureOf, messageOf } from '../shared/answers';
import {
  formatTime,
  type ConflictVersion,
  type SyncConflict,
  type SyncResolution,
} from '../shared/desk-sync-client';
import type { DeskSyncApi } from './desk-sync-api';

interface Props {
  api: DeskSyncApi;
  /** Changes whenever the conflicts may have changed (a sync ran): they are read again. */
  refresh: number;
  /** A conflict was resolved: the section reads the state again (pending changes). */
  onResolved(): void;
}

type State =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | { status: 'ready'; conflicts: SyncConflict[] };

/**
 * The items two people changed apart (offline, or at once): CouchDB keeps every version, and so
 * does Factmark until the journalist chooses — keep one version, or write the merged note. Nothing
 * is dropped without that choice.
 */
export function SyncConflicts({ api, refresh, onResolved }: Props) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .conflicts()
      .then((answer) => {
        if (!live) return;
        setState(
          answer?.ok
            ? { status: 'ready', conflicts: answer.conflicts }
            : { status: 'error', error: failureOf(answer) ?? '' },
        );
      })
      .catch((thrown: unknown) => live && setState({ status: 'error', error: messageOf(thrown) }));
    return () => {
      live = false;
    };
  }, [api, refresh, reloads]);

  const resolve = async (id: string, resolution: SyncResolution): Promise<string | null> => {
    try {
      const answer = await api.resolve(id, resolution);
      if (!answer?.ok) return `Not resolved: ${failureOf(answer)}`;
      setReloads((n) => n + 1);
      onResolved();
      return null;
    } catch (thrown) {
      return `Not resolved: ${messageOf(thrown)}`;
    }
  };

  if (state.status === 'loading') return null;
  if (state.status === 'error') {
    return (
      <p role="alert" class="error">
        The conflicts could not be read: {state.error}
      </p>
    );
  }
  if (state.conflicts.length === 0) {
    return <p class="muted sync-no-conflicts">No conflicts: every shared item has one version.</p>;
  }
  return (
    <section class="sync-conflicts" aria-labelledby="sync-conflicts-heading">
      <h3 id="sync-conflicts-heading">
        {state.conflicts.length === 1
          ? '1 conflict to resolve'
          : `${state.conflicts.length} conflicts to resolve`}
      </h3>
      <p class="muted">
        Changed in two places before they met. Every version is kept until you choose: keep one, or
        merge them into one note.
      </p>
      <ul class="sync-conflict-list">
        {state.conflicts.map((conflict) => (
          <ConflictItem key={conflict.id} conflict={conflict} onResolve={resolve} />
        ))}
      </ul>
    </section>
  );
}

interface ItemProps {
  conflict: SyncConflict;
  onResolve(id: string, resolution: SyncResolution): Promise<string | null>;
}

/** The notes of every version, one after the other, and every tag once: a merge to edit. */
function mergedDraft(versions: readonly ConflictVersion[]): { note: string; tags: string[] } {
  const notes: string[] = [];
  for (const v of versions) {
    const note = (v.note ?? '').trim();
    if (note !== '' && !notes.includes(note)) notes.push(note);
  }
  const tags = [...new Set(versions.flatMap((v) => v.tags ?? []))];
  return { note: notes.join('\n\n'), tags };
}

const KIND_LABELS: Record<string, string> = {
  annotation: 'Annotation',
  fact: 'Fact',
  source: 'Source',
  entity: 'Watched name',
};

/** Who wrote a version: its editor (a teammate who changed it), else its author. */
function writerOf(version: ConflictVersion): string {
  return version.editor || version.author || 'unknown author';
}

/** What the item is, from its versions: an annotation's passage and page title. */
function describeItem(versions: readonly ConflictVersion[]): { quote?: string; title?: string } {
  for (const v of versions) {
    const item = v.item as { quote?: { exact?: unknown }; title?: unknown } | null | undefined;
    const quote = item?.quote?.exact;
    if (typeof quote === 'string' && quote !== '') {
      return { quote, ...(typeof item?.title === 'string' ? { title: item.title } : {}) };
    }
  }
  return {};
}

function ConflictItem({ conflict, onResolve }: ItemProps) {
  const id = useId();
  const [merging, setMerging] = useState(false);
  const [draft, setDraft] = useState(() => mergedDraft(conflict.versions));
  const [tagText, setTagText] = useState(() => draft.tags.join(', '));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (resolution: SyncResolution) => {
    setBusy(true);
    setError(null);
    const problem = await onResolve(conflict.id, resolution);
    setBusy(false);
    if (problem) setError(problem);
  };

  const kind = KIND_LABELS[conflict.kind] ?? conflict.kind;
  const { quote, title } = describeItem(conflict.versions);
  return (
    <li class="sync-conflict" data-conflict-id={conflict.id}>
      <p class="sync-conflict-title">
        <strong>{kind}</strong>
        {quote ? <q class="annotation-quote">{shorten(quote)}</q> : null}{' '}
        <span class="muted">
          {title ? `on “${shorten(title)}” · ` : ''}changed in {conflict.versions.length} places
        </span>
      </p>
      <div class="sync-versions">
        {conflict.versions.map((version, index) => (
          <article
            key={version.rev}
            class="sync-version"
            aria-label={`Version ${index + 1}, by ${writerOf(version)}`}
            data-rev={version.rev}
          >
            <p class="sync-version-head">
              <strong>{writerOf(version)}</strong>{' '}
              <span class="muted">{formatTime(version.modified)}</span>
              {version.editor && version.editor !== version.author ? (
                <span class="muted"> · {version.author}’s annotation</span>
              ) : null}
              {version.winner ? <span class="muted"> · shown now</span> : null}
            </p>
            {version.note !== undefined ? (
              <p class="sync-version-note">
                {version.note === '' ? <em class="muted">(no note)</em> : version.note}
              </p>
            ) : null}
            {version.tags && version.tags.length > 0 ? (
              <p class="annotation-tags">
                {version.tags.map((tag) => (
                  <span key={tag} class="tag">
                    {tag}
                  </span>
                ))}
              </p>
            ) : null}
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() => void run({ keep: version.rev })}
            >
              Keep this version
            </button>
          </article>
        ))}
      </div>
      {merging ? (
        <form
          class="sync-merge"
          onSubmit={(e) => {
            e.preventDefault();
            const tags = [
              ...new Set(
                tagText
                  .split(',')
                  .map((t) => t.trim())
                  .filter(Boolean),
              ),
            ];
            void run({ merged: { note: draft.note, tags } });
          }}
        >
          <div class="field">
            <label for={`${id}-note`}>Merged note</label>
            <textarea
              id={`${id}-note`}
              rows={4}
              value={draft.note}
              onInput={(e) => setDraft({ ...draft, note: e.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for={`${id}-tags`}>Tags (comma-separated)</label>
            <input
              id={`${id}-tags`}
              type="text"
              value={tagText}
              onInput={(e) => setTagText(e.currentTarget.value)}
            />
          </div>
          <div class="form-actions">
            <button type="submit" class="button button-primary" disabled={busy}>
              Save the merged note
            </button>
            <button type="button" class="button" disabled={busy} onClick={() => setMerging(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          class="button button-quiet"
          disabled={busy}
          onClick={() => setMerging(true)}
        >
          Merge…
        </button>
      )}
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : null}
    </li>
  );
}
