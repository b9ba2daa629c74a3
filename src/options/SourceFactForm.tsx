import { useId, useState } from 'preact/hooks';
import type { Fact, QualifierSense } from '../core/types';
import { FigureFields } from './FigureFields';
import {
  editedSourceFact,
  QUALIFIER_CHOICES,
  sourceFactFields,
  type SourceFactFields,
} from './source-fact';

interface Props {
  fact: Fact;
  /** Resolves to what went wrong, or null once saved. */
  onSubmit(fact: Fact): Promise<string | null>;
  onCancel(): void;
}

/**
 * Correcting what a source's fact was read as: the value, the unit, the qualifier. The quote and
 * the figure as written stay the source's.
 */
export function SourceFactForm({ fact, onSubmit, onCancel }: Props) {
  const id = useId();
  const [fields, setFields] = useState<SourceFactFields>(sourceFactFields(fact));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const set = (field: 'value' | 'unit') => (event: { currentTarget: { value: string } }) => {
    // Read now: the event's currentTarget is gone by the time the update runs.
    const value = event.currentTarget.value;
    setFields((current) => ({ ...current, [field]: value }));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    const edited = editedSourceFact(fact, fields);
    if ('error' in edited) {
      setError(edited.error);
      return;
    }
    setSaving(true);
    const failure = await onSubmit(edited.fact);
    setSaving(false);
    if (failure !== null) setError(failure);
  };

  return (
    <form class="fact-form" aria-label={`Edit fact ${fact.text}`} onSubmit={(e) => void submit(e)}>
      <p class="field-wide fact-quote">
        <strong>{fact.text}</strong> in “{fact.quote}”
      </p>
      <div class="field">
        <label for={`${id}-qualifier`}>Qualifier</label>
        <select
          id={`${id}-qualifier`}
          value={fields.qualifier}
          onChange={(e) => {
            const qualifier = e.currentTarget.value as QualifierSense | '';
            setFields((current) => ({ ...current, qualifier }));
          }}
        >
          <option value="">none (exact)</option>
          {QUALIFIER_CHOICES.map((q) => (
            <option key={q.sense} value={q.sense}>
              {fact.qualifier?.sense === q.sense ? fact.qualifier.text : q.text}
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
        example="640000000 for $640 million"
      />
      {error ? (
        <p class="error field-wide" role="alert">
          {error}
        </p>
      ) : null}
      <div class="form-actions field-wide">
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
