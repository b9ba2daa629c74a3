import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AnnotationQuery as PageQuery, PageCursor } from '../core/annotations/query';
import type { Annotation } from '../core/annotations/types';
import { ENTITIES } from '../core/entities';
import { exportFileName } from '../shared/download';
import { ExportButtons } from '../shared/ExportButtons';
import { failureOf, messageOf } from '../shared/answers';
import { UndoBanner } from '../shared/UndoBanner';
import { restoreDeleted } from '../shared/undo-delete';
import { isTeammates, type Authored } from '../shared/desk-sync-client';
import { AnnotationFilters } from './AnnotationFilters';
import { AnnotationGroups } from './AnnotationGroups';
import {
  ANY_ANNOTATION,
  groupAnnotations,
  toPageQuery,
  type AnnotationQuery,
  type Grouping,
} from './annotation-query';
import type { OptionsBrowserApi } from './browser-api';
import type { DeskSyncApi } from './desk-sync-api';
import { ImportPanel } from './ImportPanel';

/**
 * Annotations per page of the list. The list comes from the background a page at a time
 * (factmark/annotations-page): a million annotations are never all in one message or in this
 * page, and the DOM holds one page of rows whatever the total.
 */
export const PAGE_SIZE = 200;

type ListState =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | {
      status: 'ready';
      annotations: Annotation[];
      /** Every annotation stored. */
      total: number;
      /** Where the next page starts; null on the last page. */
      next: PageCursor | null;
      /** Still looking for the rest of this page's matches (a search over many annotations). */
      searching: boolean;
      /** Annotations the background has looked at for this page so far (a search's progress). */
      scanned: number;
      /** The query these rows answer (queryKey). */
      forQuery: string;
      /** Another page, or another query, has been asked for and has not answered yet. */
      stale: boolean;
    };

/** A query as a string, to tell whether the rows shown answer the query asked. */
function queryKey(q: PageQuery): string {
  return JSON.stringify(q);
}

/** The entity ids the filter offers: the lexicon's, and one chosen before (an imported id). */
function entityChoices(chosen: string): string[] {
  const ids = ENTITIES.map((e) => e.id as string);
  if (chosen !== '' && !ids.includes(chosen)) ids.push(chosen);
  return ids.sort();
}

/**
 * The Library's "Annotations" section: every annotation, a page at a time, searched, filtered,
 * exported, imported. With desk sync (`deskSync`), teammates' shared annotations are listed too,
 * marked as theirs and read-only, and the list can be filtered by author.
 */
export function AnnotationLibrary({
  api,
  deskSync,
  refresh = 0,
}: {
  api: OptionsBrowserApi;
  deskSync?: DeskSyncApi;
  /** Changes when desk sync may have brought or changed annotations: the page shown is read again. */
  refresh?: number;
}) {
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [query, setQuery] = useState<AnnotationQuery>(ANY_ANNOTATION);
  const [grouping, setGrouping] = useState<Grouping>('site');
  // Where each page visited starts (undefined: the first): Previous goes back one.
  const [starts, setStarts] = useState<(PageCursor | undefined)[]>([undefined]);
  const [tags, setTags] = useState<string[]>([]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [undo, setUndo] = useState<Annotation[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Bumped by every load: an answer for an older one is dropped, and its search stops.
  const generation = useRef(0);
  const [reloads, setReloads] = useState(0);
  // The journalist's own CouchDB user (desk sync), and the teammates seen in the list so far.
  const [self, setSelf] = useState<string | undefined>(undefined);
  // Whether the desk lets its members change each other's annotations (its `_design/factmark`).
  const [teamEditing, setTeamEditing] = useState(false);
  const [authors, setAuthors] = useState<string[]>([]);

  // Who the journalist is on the desk, read again with every load of the list: sync may have
  // been turned on (or set to another user) in the Desk sync section since.
  useEffect(() => {
    if (!deskSync) return;
    let live = true;
    deskSync
      .status()
      .then((answer) => {
        if (!live || !answer?.ok) return;
        setSelf(answer.user || undefined);
        setTeamEditing(answer.teamEditing === true);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [deskSync, reloads, starts, refresh]);

  const pageQuery = useMemo<PageQuery>(() => toPageQuery(query, self), [query, self]);
  const after = starts[starts.length - 1];

  /** Teammates named by these annotations join the author filter's choices. */
  const noteAuthors = useCallback((list: readonly Annotation[]) => {
    const named = list
      .map((a) => (a as Authored).creator)
      .filter((c): c is string => typeof c === 'string' && c !== '');
    if (named.length === 0) return;
    setAuthors((current) => {
      const next = [...new Set([...current, ...named])].sort();
      return next.length === current.length ? current : next;
    });
  }, []);

  const load = useCallback(
    (start: PageCursor | undefined, q: PageQuery) => {
      generation.current += 1;
      const mine = generation.current;
      const live = () => generation.current === mine;
      const key = queryKey(q);
      // Until the first answer: rows of another query are not shown as this one's matches (they
      // go); those of another page of the same query stay, marked as being replaced.
      setList((current) =>
        current.status !== 'ready'
          ? current
          : current.forQuery === key
            ? { ...current, stale: true }
            : {
                ...current,
                annotations: [],
                next: null,
                searching: true,
                scanned: 0,
                forQuery: key,
                stale: true,
              },
      );
      void (async () => {
        const found: Annotation[] = [];
        let scanned = 0;
        let from = start;
        try {
          // A search may come back short of a page: the background stopped after a bounded
          // number of records. Ask on from where it stopped until the page is full or the list ends.
          for (;;) {
            const answer = await api.getAnnotationsPage({
              limit: PAGE_SIZE - found.length,
              ...(from === undefined ? {} : { after: from }),
              ...(Object.keys(q).length === 0 ? {} : { query: q }),
            });
            if (!live()) return;
            if (!answer?.ok) {
              setList({ status: 'error', error: failureOf(answer) ?? '' });
              return;
            }
            if (answer.tags !== undefined) setTags(answer.tags);
            found.push(...answer.annotations);
            noteAuthors(answer.annotations);
            scanned += answer.scanned ?? answer.annotations.length;
            const more = answer.next !== null && found.length < PAGE_SIZE;
            setList({
              status: 'ready',
              annotations: [...found],
              total: answer.total,
              next: answer.next,
              searching: more,
              scanned,
              forQuery: key,
              stale: false,
            });
            if (!more) return;
            from = answer.next ?? undefined;
          }
        } catch (thrown) {
          if (live()) setList({ status: 'error', error: messageOf(thrown) });
        }
      })();
    },
    [api, noteAuthors],
  );

  useEffect(() => {
    load(after, pageQuery);
  }, [load, after, pageQuery, reloads, refresh]);
  // Leaving the page: no answer may land after.
  useEffect(
    () => () => {
      generation.current += 1;
    },
    [],
  );

  /** Load the page shown again (after a delete, an undo). */
  const reload = () => setReloads((n) => n + 1);
  /** Back to the first page (a new query, an import). */
  const toFirstPage = () => {
    setStarts([undefined]);
    setSelected(new Set());
    reload();
  };

  const ready = list.status === 'ready' ? list : null;
  const annotations = useMemo(() => ready?.annotations ?? [], [ready]);
  const total = ready?.total ?? 0;
  const groups = useMemo(
    () => groupAnnotations(annotations, grouping, Infinity),
    [annotations, grouping],
  );
  // A teammate's annotation is read-only here (unless the desk allows editing): it cannot be
  // selected for deletion.
  const shownIds = useMemo(
    () =>
      annotations.filter((a) => teamEditing || !isTeammates(a as Authored, self)).map((a) => a.id),
    [annotations, self, teamEditing],
  );
  const allShownSelected = shownIds.length > 0 && shownIds.every((id) => selected.has(id));
  const pageIndex = starts.length - 1;
  const firstShown = pageIndex * PAGE_SIZE + 1;
  const filtered = Object.keys(pageQuery).length > 0;

  const changeQuery = (change: (current: AnnotationQuery) => AnnotationQuery) => {
    setQuery(change);
    setStarts([undefined]);
    // What is selected is what is in view: a filter change never leaves hidden rows selected.
    setSelected(new Set());
  };

  const goTo = (next: (PageCursor | undefined)[]) => {
    setStarts(next);
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
      setSelected(new Set());
      // Only the latest deletion can be undone.
      setUndo(answer.deleted);
      reload();
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
    setUndo(null);
    reload();
  };

  const lastShown = firstShown + annotations.length - 1;
  const noun = (n: number) => (n === 1 ? 'annotation' : 'annotations');
  let count: string;
  if (ready === null) count = '';
  else if (ready.searching) {
    const looked = ready.scanned > 0 ? `, ${ready.scanned.toLocaleString()} looked at` : '';
    count = `Searching… ${annotations.length.toLocaleString()} found so far${looked}`;
  } else if (ready.stale) {
    count = 'Loading…';
  } else if (annotations.length === 0) {
    count = pageIndex === 0 ? 'No annotation matches.' : 'No more matches.';
  } else if (!filtered) {
    count = `Showing ${firstShown.toLocaleString()}–${lastShown.toLocaleString()} of ${total.toLocaleString()} ${noun(total)}`;
  } else if (ready.next === null) {
    // The last page: every match before it filled whole pages, so the count is known.
    count = `Showing ${firstShown.toLocaleString()}–${lastShown.toLocaleString()} of ${lastShown.toLocaleString()} matching ${noun(lastShown)}`;
  } else {
    count = `Showing ${firstShown.toLocaleString()}–${lastShown.toLocaleString()} of the matching annotations (${total.toLocaleString()} in all)`;
  }

  return (
    <section id="annotations" class="library-section" aria-labelledby="annotations-heading">
      <h2 id="annotations-heading">Annotations</h2>
      <div class="toolbar">
        <ExportButtons
          label="Export all annotations"
          request={(format, onProgress, signal) => api.exportAll(format, onProgress, signal)}
          fileName={(info) => exportFileName('all', info)}
          count={total}
          disabled={total === 0}
          cancellable
        />
        <ImportPanel api={api} onImported={toFirstPage} />
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
      {ready !== null && total === 0 ? (
        <p class="muted">
          No annotations yet. Select a passage on a page and annotate it; it will be listed here.
        </p>
      ) : null}
      {total > 0 ? (
        <>
          <AnnotationFilters
            query={query}
            onQuery={changeQuery}
            grouping={grouping}
            onGrouping={setGrouping}
            tags={query.tag !== '' && !tags.includes(query.tag) ? [...tags, query.tag] : tags}
            entities={entityChoices(query.entity)}
            authors={authors.filter((a) => a !== self)}
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
              {count}
            </p>
          </div>
          <AnnotationGroups
            groups={groups}
            grouping={grouping}
            selected={selected}
            onSelect={select}
            self={self}
            teamEditing={teamEditing}
          />
          {pageIndex > 0 || ready?.next ? (
            <nav class="pager" aria-label="Pages of annotations">
              <button
                type="button"
                class="button"
                disabled={pageIndex === 0}
                onClick={() => goTo(starts.slice(0, -1))}
              >
                Previous page
              </button>
              <button
                type="button"
                class="button"
                disabled={!ready?.next || ready.searching || ready.stale}
                onClick={() => ready?.next && goTo([...starts, ready.next])}
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
