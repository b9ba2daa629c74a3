import { useId, useState } from 'preact/hooks';
import type { SourceSummary } from '../shared/sources-protocol';
import { safeHref } from './annotation-query';
import type { SourcesApi } from './browser-api';
import { Confirmation } from './Confirmation';
import { ShareToggle } from './DeskShare';
import { SourceFacts } from './SourceFacts';

interface Props {
  api: SourcesApi;
  source: SourceSummary;
  /** Switches the source on or off; resolves to what went wrong, or null. */
  onEnable(source: SourceSummary, enabled: boolean): Promise<string | null>;
  /** Removes the source and its facts; resolves to what went wrong, or null once removed. */
  onRemove(source: SourceSummary): Promise<string | null>;
  /** The source's summary changed here (a fact dropped). */
  onChanged(source: SourceSummary): void;
}

/**
 * One source: its title, where it came from, its date and how many facts it gave; a switch to
 * check pages against it or not; its facts on demand; removal (own sources only, confirmed).
 */
export function SourceItem({ api, source, onEnable, onRemove, onChanged }: Props) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const bundled = source.origin === 'bundled';

  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    const failure = await action();
    // After a removal the item is gone, and these change nothing.
    setBusy(false);
    setConfirming(false);
    if (failure !== null) setError(failure);
  };

  const facts = `${source.facts} ${source.facts === 1 ? 'fact' : 'facts'}`;
  return (
    <li
      class={source.enabled ? 'source' : 'source source-off'}
      data-source-id={source.id}
      aria-labelledby={`${id}-title`}
    >
      <div class="source-head">
        <h3 id={`${id}-title`} class="source-title">
          {source.title}
        </h3>
        {bundled ? <span class="tag">Bundled</span> : null}
        {source.enabled ? null : <span class="tag">Off</span>}
        {bundled ? null : <ShareToggle kind="source" id={source.id} label={`“${source.title}”`} />}
      </div>
      <p class="muted source-meta">
        <Origin source={source} />
        {source.date ? ` · dated ${source.date}` : ''} · {facts}
        {source.dropped.length > 0 ? ` (${source.dropped.length} dropped)` : ''}
      </p>
      <div class="source-actions">
        <label class="switch">
          <input
            type="checkbox"
            checked={source.enabled}
            disabled={busy}
            aria-describedby={`${id}-title`}
            onChange={(e) => void run(() => onEnable(source, e.currentTarget.checked))}
          />
          Check pages against it
        </label>
        <button
          type="button"
          class="button"
          aria-expanded={open}
          aria-controls={`${id}-facts`}
          aria-describedby={`${id}-title`}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide its facts' : 'Show its facts'}
        </button>
        {bundled ? null : confirming ? (
          <Confirmation
            question={`Remove this source and its ${facts}? Pages are no longer checked against them.`}
            action="Remove"
            busy={busy}
            onConfirm={() => void run(() => onRemove(source))}
            onKeep={() => setConfirming(false)}
          />
        ) : (
          <button
            type="button"
            class="button"
            aria-describedby={`${id}-title`}
            onClick={() => setConfirming(true)}
          >
            Remove…
          </button>
        )}
      </div>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <div id={`${id}-facts`} hidden={!open}>
        {open ? (
          <SourceFacts
            api={api}
            source={source}
            editable={!bundled}
            onDropped={(factId) =>
              onChanged({
                ...source,
                facts: Math.max(0, source.facts - 1),
                dropped: [...source.dropped, factId],
              })
            }
          />
        ) : null}
      </div>
    </li>
  );
}

/** Where the source came from, as text: a page's address is a link that carries nothing back. */
function Origin({ source }: { source: SourceSummary }) {
  switch (source.origin) {
    case 'bundled':
      return <>Bundled with Factmark{source.name ? ` (${source.name})` : ''}</>;
    case 'file':
      return <>From the file {source.name ?? 'you chose'}</>;
    case 'paste':
      return <>Pasted text</>;
    case 'page': {
      const href = source.url ? safeHref(source.url) : null;
      if (!source.url) return <>From a page</>;
      return (
        <>
          From the page{' '}
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer" class="source-url">
              {source.url}
            </a>
          ) : (
            <span class="source-url">{source.url}</span>
          )}
        </>
      );
    }
  }
}
