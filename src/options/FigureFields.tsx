type Input = (event: { currentTarget: { value: string } }) => void;

interface Props {
  /** The form's id prefix: the fields are `${id}-value` and `${id}-unit`. */
  id: string;
  value: string;
  unit: string;
  onValue: Input;
  onUnit: Input;
  /** How the full number is written, as an example: "1250000000 for $1.25 billion". */
  example: string;
}

/** A fact's value, written in full, and its unit: the fields every fact form has. */
export function FigureFields({ id, value, unit, onValue, onUnit, example }: Props) {
  return (
    <>
      <div class="field">
        <label for={`${id}-value`}>Value</label>
        <input
          id={`${id}-value`}
          type="text"
          inputMode="decimal"
          required
          value={value}
          aria-describedby={`${id}-value-hint`}
          onInput={onValue}
        />
        <span id={`${id}-value-hint`} class="muted field-hint">
          The full number: {example}.
        </span>
      </div>
      <div class="field">
        <label for={`${id}-unit`}>Unit</label>
        <input
          id={`${id}-unit`}
          type="text"
          required
          maxLength={50}
          value={unit}
          onInput={onUnit}
        />
      </div>
    </>
  );
}
