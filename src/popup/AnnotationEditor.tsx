import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  ANNOTATION_COLORS,
  type Annotation,
  type AnnotationColor,
} from '../core/annotations/types';
import { COLOR_NAMES } from '../shared/AnnotationText';
import { MAX_NOTE_LENGTH, MAX_TAG_LENGTH, MAX_TAGS } from '../shared/messages';

/** What is wrong with a list of tags for the background, or null. */
export function tagsProblem(tags: readonly string[]): string | null {
  if (tags.length > MAX_TAGS) return `At most ${MAX_TAGS} tags.`;
  const long = tags.find((tag) => tag.length > MAX_TAG_LENGTH);
  return long === undefined ? null : `A tag can be at most ${MAX_TAG_LENGTH} characters long.`;
}

/** "a, b ,, c, a" → ["a", "b", "c"]: trimmed, no empty tags, each once, in the order written. */
export function parseTags(input: string): string[] {
  return [...new Set(input.split(',').map((tag) => tag.trim()))].filter((tag) => tag !== '');
}

interface Props {
  annotation: Annotation;
  /** Saves the edited annotation; resolves to an error message, or null once saved. */
  onSave(edited: Annotation): Promise<string | null>;
  onCancel(): void;
}

/** Inline form for an annotation's note, tags and colour. */
export function AnnotationEditor({ annotation, onSave, onCancel }: Props) {
  const id = useId();
  const [note, setNote] = useState(annotation.note);
  const [tags, setTags] = useState(annotation.tags.join(', '));
  const [color, setColor] = useState<AnnotationColor>(annotation.color);
  const [shared, setShared] = useState(annotation.shared === true);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);

  useEffect(() => noteField.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const tagList = parseTags(tags);
    const problem = tagsProblem(tagList);
    if (problem !== null) {
      setError(problem);
      return;
    }
    setSaving(true);
    setError(null);
    const failure = await onSave({
      ...annotation,
      note: note.trim(),
      tags: tagList,
      color,
      // Desk sync: sent only when the journalist changed it (absent means private).
      ...(shared !== (annotation.shared === true) ? { shared } : {}),
      updated: Date.now(),
    });
    // On success the form is gone; only a failure leaves something to update.
    if (failure !== null) {
      setError(failure);
      setSaving(false);
    }
  };

  return (
    <form class="annotation-editor" onSubmit={(e) => void submit(e)} aria-label="Edit annotation">
      <q class="annotation-quote">{annotation.quote.exact}</q>
      <label for={`${id}-note`}>Note</label>
      <textarea
        id={`${id}-note`}
        ref={noteField}
        rows={3}
        maxLength={MAX_NOTE_LENGTH}
        value={note}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      <label for={`${id}-tags`}>Tags</label>
      <input
        id={`${id}-tags`}
        type="text"
        value={tags}
        aria-describedby={`${id}-tags-hint`}
        onInput={(e) => setTags(e.currentTarget.value)}
      />
      <span id={`${id}-tags-hint`} class="muted field-hint">
        Separate tags with commas.
      </span>
      <fieldset class="color-choice">
        <legend>Colour</legend>
        {ANNOTATION_COLORS.map((c) => (
          <label key={c} class="color-option">
            <input
              type="radio"
              name={`${id}-color`}
              value={c}
              checked={color === c}
              onChange={() => setColor(c)}
            />
            <span class={`swatch swatch-${c}`} aria-hidden="true" />
            {COLOR_NAMES[c]}
          </label>
        ))}
      </fieldset>
      <label class="share-choice">
        <input
          type="checkbox"
          name="shared"
          checked={shared}
          onChange={(e) => setShared(e.currentTarget.checked)}
        />
        Shared with the desk
      </label>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={saving}>
          Save
        </button>
        <button type="button" class="button" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}
