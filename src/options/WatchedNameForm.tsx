import { useId, useState } from 'preact/hooks';
import type { WatchedNameInput } from '../shared/sources-protocol';
import {
  buildWatchedName,
  spellingsOf,
  suggestId,
  watchedNameProblems,
  type WatchedNameFields,
} from './watched-name';

interface Props {
  /** The form's accessible name: "Add a watched name", "Edit Tembo Hills". */
  label: string;
  initial: WatchedNameFields;
  /** The other watched names' ids, bundled ones included. */
  taken: ReadonlySet<string>;
  submitLabel: string;
  /** An edit keeps its id: annotations and reports name the entity by it. */
  idFixed?: boolean;
  /** Resolves to what went wrong, or null once saved. */
  onSubmit(entity: WatchedNameInput): Promise<string | null>;
  onCancel?: () => void;
  /** Start again from `initial` once saved (the "Add" form). */
  clearOnSave?: boolean;
}

type Field = keyof WatchedNameFields;

/**
 * A watched name: how pages write it, its id (suggested from the name until typed), and its
 * other spellings, one per line. Each field says what is wrong as soon as it is typed in, by the
 * engine's rules, and nothing is sent while anything is.
 */
export function WatchedNameForm({
  label,
  initial,
  taken,
  submitLabel,
  idFixed,
  onSubmit,
  onCancel,
  clearOnSave,
}: Props) {
  const id = useId();
  const [fields, setFields] = useState<WatchedNameFields>(initial);
  // The id follows the name until the journalist types one of their own.
  const [ownId, setOwnId] = useState(idFixed === true || initial.id !== '');
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const problems = watchedNameProblems(fields, taken);
  const shown = (field: Field) => (touched.has(field) ? problems[field] : undefined);
  const touch = (...more: Field[]) => setTouched((t) => new Set([...t, ...more]));

  const setName = (name: string) => {
    setFields((current) => ({ ...current, name, id: ownId ? current.id : suggestId(name) }));
    // A suggested id is checked as the name is typed: it may be taken already.
    touch(...(ownId ? (['name'] as const) : (['name', 'id'] as const)));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    touch('name', 'id', 'spellings');
    setError(null);
    const built = buildWatchedName(fields, taken);
    if ('error' in built) return;
    setSaving(true);
    const failure = await onSubmit(built.entity);
    setSaving(false);
    if (failure !== null) setError(failure);
    else if (clearOnSave) {
      setFields(initial);
      setOwnId(false);
      setTouched(new Set());
    }
  };

  const spellings = spellingsOf(fields.spellings);
  return (
    <form class="fact-form watched-form" aria-label={label} onSubmit={(e) => void submit(e)}>
      <div class="field">
        <label for={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          type="text"
          value={fields.name}
          aria-invalid={shown('name') !== undefined}
          aria-describedby={shown('name') ? `${id}-name-error` : undefined}
          onInput={(e) => setName(e.currentTarget.value)}
          onBlur={() => touch('name')}
        />
        <Problem id={`${id}-name-error`} text={shown('name')} />
      </div>
      <div class="field">
        <label for={`${id}-id`}>Id</label>
        <input
          id={`${id}-id`}
          type="text"
          spellcheck={false}
          autoCapitalize="none"
          value={fields.id}
          readOnly={idFixed}
          aria-invalid={shown('id') !== undefined}
          aria-describedby={`${id}-id-hint${shown('id') ? ` ${id}-id-error` : ''}`}
          onInput={(e) => {
            const value = e.currentTarget.value;
            setOwnId(true);
            setFields((current) => ({ ...current, id: value }));
            touch('id');
          }}
          onBlur={() => touch('id')}
        />
        <span id={`${id}-id-hint`} class="muted field-hint">
          {idFixed
            ? 'Kept: annotations and reports name it by its id.'
            : 'Lower-case words joined by hyphens, as reports name it: tembo-hills.'}
        </span>
        <Problem id={`${id}-id-error`} text={shown('id')} />
      </div>
      <div class="field field-wide">
        <label for={`${id}-spellings`}>Other spellings</label>
        <textarea
          id={`${id}-spellings`}
          rows={3}
          value={fields.spellings}
          aria-invalid={shown('spellings') !== undefined}
          aria-describedby={`${id}-spellings-hint${shown('spellings') ? ` ${id}-spellings-error` : ''}`}
          onInput={(e) => {
            const value = e.currentTarget.value;
            setFields((current) => ({ ...current, spellings: value }));
            touch('spellings');
          }}
        />
        <span id={`${id}-spellings-hint`} class="muted field-hint">
          One per line: short forms, other spellings (“AfDB”, “Tembo Hill project”). Case, spaces
          and hyphens are matched loosely.
        </span>
        {spellings.length > 0 ? (
          <ul class="annotation-tags spelling-chips" aria-label="Spellings watched">
            {spellings.map((s) => (
              <li key={s} class="tag">
                {s}
              </li>
            ))}
          </ul>
        ) : null}
        <Problem id={`${id}-spellings-error`} text={shown('spellings')} />
      </div>
      {error ? (
        <p class="error field-wide" role="alert">
          {error}
        </p>
      ) : null}
      <div class="form-actions field-wide">
        <button type="submit" class="button button-primary" disabled={saving}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" class="button" onClick={onCancel} disabled={saving}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** A field's problem, announced as it appears. */
function Problem({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <span id={id} class="error field-hint" role="alert">
      {text}
    </span>
  ) : null;
}
