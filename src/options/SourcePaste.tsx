import { useId, useState } from 'preact/hooks';
import { fileSizeProblem } from './source-file';

/** What pasted text makes: a source, less its origin. */
export interface PastedSource {
  title: string;
  text: string;
  date?: string;
}

interface Props {
  disabled: boolean;
  /** Resolves to what went wrong, or null once added. */
  onSubmit(source: PastedSource): Promise<string | null>;
}

// A title taken from the text's first line is cut here, as a report's title is.
const TITLE_MAX = 200;

// A seed's opening `date YYYY-MM-DD` marker (src/core/facts/build.ts): metadata, not headline.
const DATE_MARKER = /^\s*date\s+\d{4}-\d{2}-\d{2}\b/;

/**
 * The first non-empty line, white space collapsed, without a date marker: a pasted article's
 * headline.
 */
export function firstLine(text: string): string {
  const line =
    text
      .replace(DATE_MARKER, '')
      .split('\n')
      .find((l) => l.trim() !== '') ?? '';
  return line.replace(/\s+/g, ' ').trim().slice(0, TITLE_MAX);
}

/** What is wrong with pasted text before it is sent, or null. */
export function pastedProblem(text: string): string | null {
  if (text.trim() === '') return 'Paste the article’s text first: it is empty.';
  // The background's limit is on the text's bytes (UTF-8), as a file's is.
  const size = fileSizeProblem(new Blob([text]).size);
  return size ? `The text ${size}.` : null;
}

/** An article pasted in: its title (else its first line), its date, its text. */
export function SourcePaste({ disabled, onSubmit }: Props) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const problem = pastedProblem(text);
    setError(problem);
    if (problem) return;
    // One line, as a title is stored: a tab pasted into the field is a space.
    const typed = title.replace(/\s+/g, ' ').trim();
    const source: PastedSource = { title: typed || firstLine(text), text };
    if (date !== '') source.date = date;
    const failure = await onSubmit(source);
    if (failure === null) {
      setTitle('');
      setDate('');
      setText('');
    }
  };

  return (
    <form
      class="fact-form paste-form"
      aria-label="Paste an article"
      onSubmit={(e) => void submit(e)}
    >
      <div class="field field-wide">
        <label for={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          type="text"
          maxLength={2000}
          value={title}
          aria-describedby={`${id}-title-hint`}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
        <span id={`${id}-title-hint`} class="muted field-hint">
          Left empty, the text’s first line is its title.
        </span>
      </div>
      <div class="field">
        <label for={`${id}-date`}>Published on</label>
        <input
          id={`${id}-date`}
          type="date"
          value={date}
          onInput={(e) => setDate(e.currentTarget.value)}
        />
      </div>
      <div class="field field-wide">
        <label for={`${id}-text`}>Text</label>
        <textarea
          id={`${id}-text`}
          rows={8}
          aria-required="true"
          value={text}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </div>
      {error ? (
        <p id={`${id}-error`} class="error field-wide" role="alert">
          {error}
        </p>
      ) : null}
      <div class="form-actions field-wide">
        <button type="submit" class="button button-primary" disabled={disabled}>
          Add the source
        </button>
      </div>
    </form>
  );
}
