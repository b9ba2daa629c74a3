import { useId, useState } from 'preact/hooks';
import { defaultUnit, type ClaimChoice, type FactFields } from './user-fact';
import { FigureFields } from './FigureFields';

interface Props {
  /** The form's accessible name: "Add a fact", "Edit fact". */
  label: string;
  initial: FactFields;
  /** The claims the fact may be filed under. */
  claims: readonly ClaimChoice[];
  submitLabel: string;
  /** Resolves to what is wrong, or null once saved. */
  onSubmit(fields: FactFields): Promise<string | null>;
  onCancel?: () => void;
  /** Start again from `initial` once saved (the "Add a fact" form). */
  clearOnSave?: boolean;
}

/** The fields of a user's fact: attribute, value, unit, quote, source page. */
export function FactForm({
  label,
  initial,
  claims,
  submitLabel,
  onSubmit,
  onCancel,
  clearOnSave,
}: Props) {
  const id = useId();
  const [fields, setFields] = useState<FactFields>(initial);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const set = (field: keyof FactFields) => (event: { currentTarget: { value: string } }) => {
    // Read now: the event's currentTarget is gone by the time the update runs.
    const value = event.currentTarget.value;
    setFields((current) => ({ ...current, [field]: value }));
  };

  const setAttribute = (attribute: string) =>
    setFields((current) => {
      // The unit follows the attribute unless the user typed one of their own.
      const ownUnit =
        current.unit !== '' && current.unit !== defaultUnit(current.attribute, claims);
      return {
        ...current,
        attribute,
        unit: ownUnit ? current.unit : defaultUnit(attribute, claims),
      };
    });

  const submit = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const failure = await onSubmit(fields);
    setSaving(false);
    if (failure !== null) setError(failure);
    else if (clearOnSave) setFields(initial);
  };

  const known = claims.some((c) => c.id === fields.attribute);
  return (
    <form class="fact-form" aria-label={label} onSubmit={(e) => void submit(e)}>
      <div class="field">
        <label for={`${id}-attribute`}>About</label>
        <select
          id={`${id}-attribute`}
          value={fields.attribute}
          onChange={(e) => setAttribute(e.currentTarget.value)}
        >
          {known ? null : <option value={fields.attribute}>{fields.attribute}</option>}
          {claims.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <FigureFields
        id={id}
        value={fields.value}
        unit={fields.unit}
        onValue={set('value')}
        onUnit={set('unit')}
        example="1250000000 for $1.25 billion"
      />
      <div class="field field-wide">
        <label for={`${id}-quote`}>Quote</label>
        <textarea
          id={`${id}-quote`}
          rows={2}
          required
          value={fields.quote}
          onInput={set('quote')}
        />
      </div>
      <div class="field field-wide">
        <label for={`${id}-url`}>Source page</label>
        <input id={`${id}-url`} type="url" required value={fields.url} onInput={set('url')} />
      </div>
      <div class="field field-wide">
        <label for={`${id}-title`}>Source title</label>
        <input id={`${id}-title`} type="text" value={fields.title} onInput={set('title')} />
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
