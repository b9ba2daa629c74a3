import { useState } from 'preact/hooks';
import type { Fact } from '../core/types';
import { shorten } from '../shared/AnnotationText';
import { safeHref } from './annotation-query';
import { ShareToggle } from './DeskShare';
import { FactForm } from './FactForm';
import { fieldsOf, isUserFact, type ClaimChoice, type FactFields } from './user-fact';

interface Props {
  fact: Fact;
  /** The claims the fact may be filed under. */
  claims: readonly ClaimChoice[];
  /** Saves the edited fields as this fact; resolves to what is wrong, or null once saved. */
  onSave(fact: Fact, fields: FactFields): Promise<string | null>;
  /** Deletes the fact; resolves to what went wrong, or null once deleted. */
  onDelete(fact: Fact): Promise<string | null>;
}

/** One fact: a seed fact as its source states it, read-only; a user's fact, editable. */
export function FactItem({ fact, claims, onSave, onDelete }: Props) {
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const [error, setError] = useState<string | null>(null);
  const user = isUserFact(fact);

  if (user && mode === 'edit') {
    return (
      <li class="fact fact-user" data-fact-id={fact.id}>
        <FactForm
          label={`Edit fact ${fact.text}`}
          initial={fieldsOf(fact)}
          claims={claims}
          submitLabel="Save"
          onSubmit={async (fields) => {
            const failure = await onSave(fact, fields);
            if (failure === null) setMode('view');
            return failure;
          }}
          onCancel={() => setMode('view')}
        />
      </li>
    );
  }

  const remove = async () => {
    setError(null);
    const failure = await onDelete(fact);
    if (failure !== null) {
      setError(failure);
      setMode('view');
    }
  };

  const name = `${fact.text}: “${shorten(fact.quote)}”`;
  return (
    <li class={user ? 'fact fact-user' : 'fact'} data-fact-id={fact.id}>
      <strong class="fact-value">
        {fact.qualifier ? `${fact.qualifier.text} ` : ''}
        {fact.text}
      </strong>
      <q class="fact-quote">{fact.quote}</q>
      <Source fact={fact} />
      {user ? <ShareToggle kind="fact" id={fact.id} label={name} /> : null}
      {user ? (
        <div class="fact-actions">
          {mode === 'confirm-delete' ? (
            <>
              <span>Delete this fact?</span>
              <button type="button" class="button button-danger" onClick={() => void remove()}>
                Delete
              </button>
              <button type="button" class="button" onClick={() => setMode('view')}>
                Keep
              </button>
            </>
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
                aria-label={`Delete ${name}`}
                onClick={() => setMode('confirm-delete')}
              >
                Delete
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

function Source({ fact }: { fact: Fact }) {
  const { source } = fact;
  const date = source.date ? `, ${source.date}` : '';
  if (source.type === 'seed') {
    return (
      <span class="muted fact-source">
        {source.title} <span class="fact-file">({source.file})</span>
        {date}
      </span>
    );
  }
  // A fact of one of the journalist's sources: edited and dropped in the Sources section.
  if (source.type === 'source') {
    const from = source.name ?? source.url;
    return (
      <span class="muted fact-source">
        Your source · {source.title}
        {from ? <span class="fact-file"> ({from})</span> : null}
        {date}
      </span>
    );
  }
  const href = safeHref(source.url);
  return (
    <span class="muted fact-source">
      Your fact ·{' '}
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {source.title}
        </a>
      ) : (
        source.title
      )}
      {date}
    </span>
  );
}
