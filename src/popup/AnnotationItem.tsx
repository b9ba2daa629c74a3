import { useEffect, useRef } from 'preact/hooks';
import type { Annotation } from '../core/annotations/types';
import { AnnotationText, shorten } from '../shared/AnnotationText';
import { AnnotationEditor } from './AnnotationEditor';

interface Props {
  annotation: Annotation;
  editing: boolean;
  busy: boolean;
  onReveal(id: string): void;
  onEdit(id: string): void;
  onCancelEdit(): void;
  onSave(edited: Annotation): Promise<string | null>;
  onDelete(annotation: Annotation): void;
  /** The teammate who wrote it (desk sync): shown as theirs, read-only. Null for the journalist's own. */
  teammate?: string | null;
  /** The desk lets its members edit each other's annotations (desk sync): theirs are editable. */
  teamEditing?: boolean;
}

/** One annotation of the page: select it to show it on the page; edit or delete it. */
export function AnnotationItem(props: Props) {
  const { annotation, editing, busy } = props;
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing);

  // Back from the form (saved or cancelled): the keyboard user continues where they were.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  if (editing) {
    return (
      <li class="annotation" data-annotation-id={annotation.id}>
        <AnnotationEditor
          annotation={annotation}
          onSave={props.onSave}
          onCancel={props.onCancelEdit}
        />
      </li>
    );
  }
  const short = shorten(annotation.quote.exact);
  const teammate = props.teammate ?? null;
  const readOnly = teammate !== null && props.teamEditing !== true;
  return (
    <li
      class={teammate === null ? 'annotation' : 'annotation teammates'}
      data-annotation-id={annotation.id}
      data-author={teammate ?? undefined}
    >
      <button type="button" class="annotation-main" onClick={() => props.onReveal(annotation.id)}>
        <AnnotationText annotation={annotation} />
        {teammate !== null ? (
          <span class="muted author-badge">
            by {teammate}
            {readOnly ? ' · read-only' : ''}
          </span>
        ) : annotation.shared === true ? (
          <span class="muted author-badge">shared with the desk</span>
        ) : null}
      </button>
      <div class="annotation-actions" hidden={readOnly}>
        <button
          type="button"
          class="button"
          ref={editButton}
          aria-label={`Edit “${short}”`}
          disabled={busy}
          onClick={() => props.onEdit(annotation.id)}
        >
          Edit
        </button>
        <button
          type="button"
          class="button"
          aria-label={`Delete “${short}”`}
          disabled={busy}
          onClick={() => props.onDelete(annotation)}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
