import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Annotation } from '../core/annotations/types';
import type { ReportAnnotation } from '../core/types';
import { exportFileName } from '../shared/download';
import { ExportButtons } from '../shared/ExportButtons';
import { failureOf, messageOf } from '../shared/answers';
import type { AnnotationsAnswer } from '../shared/messages';
import { UndoBanner } from '../shared/UndoBanner';
import { restoreDeleted, withoutDeleted, withRestored } from '../shared/undo-delete';
import { AnnotationItem } from './AnnotationItem';
import type { PopupBrowserApi } from './browser-api';
import { splitByPlacement } from './page-annotations';

interface Props {
  api: PopupBrowserApi;
  tabId: number;
  /** The report's URL: what the annotations are asked for and exported by. */
  pageUrl: string;
  host: string;
  /** The annotations of the page, asked for when the report came in. */
  request: Promise<AnnotationsAnswer>;
  /** The report's word on which annotations are on the page now; undefined when it says nothing. */
  placed: readonly ReportAnnotation[] | undefined;
}

type ListState =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  /** `deskUser`: the journalist's CouchDB user (desk sync), to tell teammates' annotations. */
  | { status: 'ready'; annotations: Annotation[]; deskUser?: string };

/** "Your annotations": this page's annotations, those on the page and the orphans, with actions. */
export function AnnotationSection({ api, tabId, pageUrl, host, request, placed }: Props) {
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [editingId, setEditingId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [undo, setUndo] = useState<Annotation[] | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Desk sync: whether the desk lets its members edit each other's annotations.
  const [teamEditing, setTeamEditing] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .syncStatus?.()
      .then((answer) => live && answer?.ok && setTeamEditing(answer.teamEditing === true))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    let live = true;
    void request.then((answer) => {
      if (!live) return;
      setList(
        answer.ok
          ? {
              status: 'ready',
              annotations: answer.annotations,
              ...(answer.deskUser ? { deskUser: answer.deskUser } : {}),
            }
          : { status: 'error', error: answer.error },
      );
    });
    return () => {
      live = false;
    };
  }, [request]);

  const annotations = list.status === 'ready' ? list.annotations : [];
  const { onPage, orphans } = useMemo(
    () => splitByPlacement(annotations, placed),
    [annotations, placed],
  );

  const update = (change: (current: Annotation[]) => Annotation[]) =>
    setList((state) =>
      state.status === 'ready' ? { ...state, annotations: change(state.annotations) } : state,
    );

  /** The content script repaints the page's annotations from the background when told. */
  const tellPage = () =>
    api
      .sendToTab(tabId, { type: 'factmark/annotations-changed' })
      .catch(() => setError('Saved. Reload the page to see the change there.'));

  const reveal = (id: string) => {
    setError(null);
    api
      .sendToTab(tabId, { type: 'factmark/reveal-annotation', id })
      .then((answer) => {
        const ok = typeof answer === 'object' && answer !== null && 'ok' in answer && answer.ok;
        if (!ok) setError('That passage is not on the page now.');
      })
      .catch(() => setError('The page did not answer. Reload it and try again.'));
  };

  const save = async (edited: Annotation): Promise<string | null> => {
    setError(null);
    try {
      const answer = await api.saveAnnotation(edited);
      if (!answer?.ok) return `Not saved: ${failureOf(answer)}`;
      update((current) =>
        current.map((a) => (a.id === answer.annotation.id ? answer.annotation : a)),
      );
      setEditingId(null);
      void tellPage();
      return null;
    } catch (thrown) {
      return `Not saved: ${messageOf(thrown)}`;
    }
  };

  const remove = async (annotation: Annotation) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await api.deleteAnnotations([annotation.id]);
      if (!answer?.ok) {
        setError(`Not deleted: ${failureOf(answer)}`);
        return;
      }
      const deleted = answer.deleted.length > 0 ? answer.deleted : [annotation];
      update((current) => withoutDeleted(current, deleted));
      setUndo(deleted);
      heading.current?.focus();
      void tellPage();
    } catch (thrown) {
      setError(`Not deleted: ${messageOf(thrown)}`);
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
    void tellPage();
  };

  const deskUser = list.status === 'ready' ? list.deskUser : undefined;
  /** A teammate's annotation (desk sync) names a creator who is not the journalist. */
  const teammateOf = (a: Annotation): string | null =>
    a.creator !== undefined && a.creator !== '' && a.creator !== deskUser ? a.creator : null;

  const renderList = (items: readonly Annotation[]) => (
    <ul class="annotations">
      {items.map((annotation) => (
        <AnnotationItem
          key={annotation.id}
          annotation={annotation}
          editing={editingId === annotation.id}
          busy={busy}
          onReveal={reveal}
          onEdit={setEditingId}
          onCancelEdit={() => setEditingId(null)}
          onSave={save}
          onDelete={(a) => void remove(a)}
          teammate={teammateOf(annotation)}
          teamEditing={teamEditing}
        />
      ))}
    </ul>
  );

  return (
    <section class="section annotations-section" aria-labelledby="annotations-heading">
      <h2 id="annotations-heading" ref={heading} tabIndex={-1}>
        Your annotations
      </h2>
      {undo ? (
        <UndoBanner
          message={
            undo.length === 1 ? 'Annotation deleted.' : `${undo.length} annotations deleted.`
          }
          busy={busy}
          onUndo={() => void restore()}
          onDismiss={() => setUndo(null)}
        />
      ) : null}
      {list.status === 'loading' ? <p class="muted">Loading your annotations…</p> : null}
      {list.status === 'error' ? (
        <p class="error" role="alert">
          Your annotations could not be read: {list.error}
        </p>
      ) : null}
      {list.status === 'ready' && annotations.length === 0 ? (
        <p class="muted">No annotations on this page yet.</p>
      ) : null}
      {onPage.length > 0 ? (
        <>
          <p class="muted hint">Select an annotation to show it on the page.</p>
          {renderList(onPage)}
        </>
      ) : null}
      {orphans.length > 0 ? (
        <section class="orphans" aria-labelledby="orphans-heading">
          <h3 id="orphans-heading">Not found on the page now</h3>
          <p class="muted hint">Their passages changed or are gone; the annotations are kept.</p>
          {renderList(orphans)}
        </section>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {annotations.length > 0 ? (
        <ExportButtons
          label="Export this page's annotations"
          // The annotations' own key (the page's canonical URL, which the content script reads
          // from <link rel=canonical>) rather than the report's URL, which may differ.
          request={(format) => api.exportAnnotations(format, annotations[0]?.url ?? pageUrl)}
          fileName={(info) => exportFileName(host || 'page', info)}
        />
      ) : null}
    </section>
  );
}
