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
  return (
    <li class="annotation" data-annotation-id={annotation.id}>
      <button type="button" class="annotation-main" onClick={() => props.onReveal(annotation.id)}>
        <AnnotationText annotation={annotation} />
      </button>
      <div class="annotation-actions">
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
