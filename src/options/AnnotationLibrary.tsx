import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Annotation } from '../core/annotations/types';
import { exportFileName } from '../shared/download';
import { ExportButtons } from '../shared/ExportButtons';
import { failureOf, messageOf } from '../shared/answers';
import { UndoBanner } from '../shared/UndoBanner';
import { restoreDeleted, withoutDeleted, withRestored } from '../shared/undo-delete';
import { AnnotationFilters } from './AnnotationFilters';
import { AnnotationGroups } from './AnnotationGroups';
import {
  ANY_ANNOTATION,
  entitiesIn,
  filterAnnotations,
  groupAnnotations,
  searchable,
  tagsIn,
  type AnnotationQuery,
  type Grouping,
} from './annotation-query';
import type { OptionsBrowserApi } from './browser-api';
import { ImportPanel } from './ImportPanel';

/**
 * How many annotations the list shows at first, and adds per "Show more". Paginating rather than
 * windowing: rows vary in height (clamped quotes, notes, tags), find-in-page and screen readers see
 * every row that is shown, and 200 rows render in a few milliseconds whatever the total.
 */
export const PAGE_SIZE = 200;

type ListState =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | { status: 'ready'; annotations: Annotation[] };

/** The Library's "Annotations" section: every annotation, searched, filtered, exported, imported. */
export function AnnotationLibrary({ api }: { api: OptionsBrowserApi }) {
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [query, setQuery] = useState<AnnotationQuery>(ANY_ANNOTATION);
  const [grouping, setGrouping] = useState<Grouping>('site');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [undo, setUndo] = useState<Annotation[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    let live = true;
    api
      .getAllAnnotations()
      .then((answer) => {
        if (!live) return;
        setList(
          answer?.ok
            ? { status: 'ready', annotations: answer.annotations }
            : { status: 'error', error: failureOf(answer) ?? '' },
        );
      })
      .catch((thrown: unknown) => live && setList({ status: 'error', error: messageOf(thrown) }));
    return () => {
      live = false;
    };
  }, [api]);
  useEffect(load, [load]);

  const annotations = useMemo(() => (list.status === 'ready' ? list.annotations : []), [list]);
  const index = useMemo(() => annotations.map(searchable), [annotations]);
  const tags = useMemo(() => tagsIn(annotations), [annotations]);
  const entities = useMemo(() => entitiesIn(annotations), [annotations]);
  const matching = useMemo(() => filterAnnotations(index, query), [index, query]);
  const groups = useMemo(
    () => groupAnnotations(matching, grouping, limit),
    [matching, grouping, limit],
  );
  const shownIds = useMemo(() => groups.flatMap((g) => g.annotations.map((a) => a.id)), [groups]);
  const allShownSelected = shownIds.length > 0 && shownIds.every((id) => selected.has(id));

  const changeQuery = (change: (current: AnnotationQuery) => AnnotationQuery) => {
    setQuery(change);
    setLimit(PAGE_SIZE);
    // What is selected is what is in view: a filter change never leaves hidden rows selected.
    setSelected(new Set());
  };

  const select = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const selectAllShown = (on: boolean) => setSelected(on ? new Set(shownIds) : new Set());

  const update = (change: (current: Annotation[]) => Annotation[]) =>
    setList((state) =>
      state.status === 'ready'
        ? { status: 'ready', annotations: change(state.annotations) }
        : state,
    );

  const deleteSelected = async () => {
    const ids = [...selected];
    if (ids.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await api.deleteAnnotations(ids);
      if (!answer?.ok) {
        setError(`Nothing was deleted: ${failureOf(answer)}`);
        return;
      }
      update((current) => withoutDeleted(current, answer.deleted));
      setSelected(new Set());
      // Only the latest deletion can be undone.
      setUndo(answer.deleted);
    } catch (thrown) {
      setError(`Nothing was deleted: ${messageOf(thrown)}`);
    } finally {
      setBusy(false);
    }
  };

  const restore = async () => {
    if (!undo) return;
    setBusy(true);
    setError(null);
    const problem = await restoreDeleted((a) => api.restoreAnnotations(a), undo);
    setBusy(false);
    if (problem) {
      setError(problem);
      return;
    }
    update((current) => withRestored(current, undo));
    setUndo(null);
  };

  return (
    <section id="annotations" class="library-section" aria-labelledby="annotations-heading">
      <h2 id="annotations-heading">Annotations</h2>
      <div class="toolbar">
        <ExportButtons
          label="Export all annotations"
          request={(format, onProgress) => api.exportAll(format, onProgress)}
          fileName={(info) => exportFileName('all', info)}
          count={annotations.length}
          disabled={annotations.length === 0}
        />
        <ImportPanel api={api} onImported={load} />
      </div>
      {undo ? (
        <UndoBanner
          message={
            undo.length === 1 ? '1 annotation deleted.' : `${undo.length} annotations deleted.`
          }
          busy={busy}
          onUndo={() => void restore()}
          onDismiss={() => setUndo(null)}
        />
      ) : null}
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : null}
      {list.status === 'loading' ? <p role="status">Loading your annotations…</p> : null}
      {list.status === 'error' ? (
        <p role="alert" class="error">
          Your annotations could not be read: {list.error}
        </p>
      ) : null}
      {list.status === 'ready' && annotations.length === 0 ? (
        <p class="muted">
          No annotations yet. Select a passage on a page and annotate it; it will be listed here.
        </p>
      ) : null}
      {annotations.length > 0 ? (
        <>
          <AnnotationFilters
            query={query}
            onQuery={changeQuery}
            grouping={grouping}
            onGrouping={(next) => {
              setGrouping(next);
              setLimit(PAGE_SIZE);
            }}
            tags={tags}
            entities={entities}
          />
          <div class="bulk-actions">
            <label>
              <input
                type="checkbox"
                checked={allShownSelected}
                disabled={shownIds.length === 0}
                onChange={(e) => selectAllShown(e.currentTarget.checked)}
              />
              Select all shown
            </label>
            <button
              type="button"
              class="button"
              disabled={selected.size === 0 || busy}
              onClick={() => void deleteSelected()}
            >
              Delete selected{selected.size > 0 ? ` (${selected.size.toLocaleString()})` : ''}
            </button>
            <p class="muted list-count" role="status">
              {matching.length === 0
                ? 'No annotation matches.'
                : `Showing ${shownIds.length.toLocaleString()} of ${matching.length.toLocaleString()} ${
                    matching.length === 1 ? 'annotation' : 'annotations'
                  }`}
            </p>
          </div>
          <AnnotationGroups
            groups={groups}
            grouping={grouping}
            selected={selected}
            onSelect={select}
          />
          {shownIds.length < matching.length ? (
            <button
              type="button"
              class="button show-more"
              onClick={() => setLimit((n) => n + PAGE_SIZE)}
            >
              Show {Math.min(PAGE_SIZE, matching.length - shownIds.length).toLocaleString()} more
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
