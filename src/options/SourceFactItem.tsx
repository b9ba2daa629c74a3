import { useState } from 'preact/hooks';
import type { Fact } from '../core/types';
import { shorten } from '../shared/AnnotationText';
import { Confirmation } from './Confirmation';
import { factReading, figureInQuote } from './source-fact';
import { SourceFactForm } from './SourceFactForm';

interface Props {
  fact: Fact;
  /** Its value can be corrected and it can be dropped (the journalist's own sources). */
  editable: boolean;
  /** Saves the corrected fact; resolves to what went wrong, or null once saved. */
  onSave(fact: Fact): Promise<string | null>;
  /** Drops the fact; resolves to what went wrong, or null once dropped. */
  onDrop(fact: Fact): Promise<string | null>;
}

/** One fact of a source: the figure, what it was read as, and the quote that states it. */
export function SourceFactItem({ fact, editable, onSave, onDrop }: Props) {
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-drop'>('view');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (editable && mode === 'edit') {
    return (
      <li class="fact source-fact" data-fact-id={fact.id}>
        <SourceFactForm
          fact={fact}
          onSubmit={async (edited) => {
            const failure = await onSave(edited);
            if (failure === null) setMode('view');
            return failure;
          }}
          onCancel={() => setMode('view')}
        />
      </li>
    );
  }

  const drop = async () => {
    setBusy(true);
    setError(null);
    const failure = await onDrop(fact);
    // Once dropped, the item is gone.
    if (failure !== null) {
      setBusy(false);
      setError(failure);
      setMode('view');
    }
  };

  const name = `${fact.text}: “${shorten(fact.quote)}”`;
  return (
    <li class="fact source-fact" data-fact-id={fact.id}>
      <span>
        <strong class="fact-value">
          {fact.qualifier ? `${fact.qualifier.text} ` : ''}
          {fact.text}
        </strong>{' '}
        <span class="muted fact-reading">read as {factReading(fact)}</span>
      </span>
      <QuoteWithFigure fact={fact} />
      {editable ? (
        <div class="fact-actions">
          {mode === 'confirm-drop' ? (
            <Confirmation
              question="Drop this fact? Pages are no longer checked against it."
              action="Drop"
              busy={busy}
              onConfirm={() => void drop()}
              onKeep={() => setMode('view')}
            />
          ) : (
            <>
              <button
                type="button"
                class="button"
                aria-label={`Edit ${name}`}
                onClick={() => setMode('edit')}
              >
                Edit
              </button>
              <button
                type="button"
                class="button"
                aria-label={`Drop ${name}`}
                onClick={() => setMode('confirm-drop')}
              >
                Drop
              </button>
            </>
          )}
        </div>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

/** The quote, its figure marked: text nodes only, whatever the source wrote. */
function QuoteWithFigure({ fact }: { fact: Fact }) {
  const at = figureInQuote(fact);
  if (!at) return <q class="fact-quote">{fact.quote}</q>;
  return (
    <q class="fact-quote">
      {fact.quote.slice(0, at.start)}
      <mark class="fact-figure">{fact.quote.slice(at.start, at.end)}</mark>
      {fact.quote.slice(at.end)}
    </q>
  );
}
