import { useId, useState } from 'preact/hooks';
import type { WatchedName, WatchedNameInput } from '../shared/sources-protocol';
import { Confirmation } from './Confirmation';
import { ShareToggle } from './DeskShare';
import { WatchedNameForm } from './WatchedNameForm';
import { watchedNameFields } from './watched-name';

interface Props {
  entity: WatchedName;
  /** The other watched names' ids. */
  taken: ReadonlySet<string>;
  onSave(entity: WatchedNameInput): Promise<string | null>;
  onEnable(entity: WatchedName, enabled: boolean): Promise<string | null>;
  onRemove(entity: WatchedName): Promise<string | null>;
}

/**
 * One watched name: its display name, id and spellings; a switch to watch it or not; the
 * journalist's own ones edited or removed (confirmed), the bundled ones only switched.
 */
export function WatchedNameItem({ entity, taken, onSave, onEnable, onRemove }: Props) {
  const id = useId();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-remove'>('view');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!entity.bundled && mode === 'edit') {
    return (
      <li class="watched-name" data-entity-id={entity.id}>
        <WatchedNameForm
          label={`Edit ${entity.name}`}
          initial={watchedNameFields(entity)}
          taken={taken}
          submitLabel="Save"
          idFixed
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

  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    const failure = await action();
    setBusy(false);
    setMode('view');
    if (failure !== null) setError(failure);
  };

  return (
    <li
      class={entity.enabled ? 'watched-name' : 'watched-name source-off'}
      data-entity-id={entity.id}
      aria-labelledby={`${id}-name`}
    >
      <div class="source-head">
        <h3 id={`${id}-name`} class="source-title">
          {entity.name}
        </h3>
        <code class="entity-id">{entity.id}</code>
        {entity.bundled ? <span class="tag">Bundled</span> : null}
        {entity.enabled ? null : <span class="tag">Off</span>}
        {entity.bundled ? null : (
          <ShareToggle kind="entity" id={entity.id} label={`the name “${entity.name}”`} />
        )}
      </div>
      {entity.aliases.length > 0 ? (
        <ul class="annotation-tags" aria-label={`Spellings of ${entity.name}`}>
          {entity.aliases.map((alias) => (
            <li key={alias} class="tag">
              {alias}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted source-meta">No other spellings.</p>
      )}
      <div class="source-actions">
        <label class="switch">
          <input
            type="checkbox"
            checked={entity.enabled}
            disabled={busy}
            aria-describedby={`${id}-name`}
            onChange={(e) => void run(() => onEnable(entity, e.currentTarget.checked))}
          />
          Watch pages for it
        </label>
        {entity.bundled ? null : mode === 'confirm-remove' ? (
          <Confirmation
            question={`Stop watching ${entity.name} and remove it?`}
            action="Remove"
            busy={busy}
            onConfirm={() => void run(() => onRemove(entity))}
            onKeep={() => setMode('view')}
          />
        ) : (
          <>
            <button
              type="button"
              class="button"
              aria-describedby={`${id}-name`}
              onClick={() => setMode('edit')}
            >
              Edit
            </button>
            <button
              type="button"
              class="button"
              aria-describedby={`${id}-name`}
              onClick={() => setMode('confirm-remove')}
            >
              Remove…
            </button>
          </>
        )}
      </div>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}
