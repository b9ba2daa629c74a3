import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { failureOf, messageOf } from '../shared/answers';
import type { DeskItem, DeskKind } from '../shared/sync-protocol';
import type { DeskSyncApi } from './desk-sync-api';

/** What the Library's sections know of the desk: which items are on it, and who shared them. */
interface DeskShareState {
  /** Desk sync is on: the switches are offered. */
  on: boolean;
  /** The items on the desk this profile knows, by `kind:id`. */
  items: ReadonlyMap<string, DeskItem>;
  /** Share an item of the journalist's own, or stop sharing it; a failure's sentence, or null. */
  share(kind: DeskKind, id: string, shared: boolean): Promise<string | null>;
}

const DeskShareContext = createContext<DeskShareState | null>(null);

const keyOf = (kind: DeskKind, id: string) => `${kind}:${id}`;

/**
 * Gives the Library's sections what the desk holds (factmark/desk-items), read again whenever
 * `refresh` changes (a sync ran, sync was turned on or off) and after each switch.
 */
export function DeskShareProvider({
  api,
  refresh,
  children,
}: {
  api: DeskSyncApi;
  refresh: number;
  children: ComponentChildren;
}) {
  const [on, setOn] = useState(false);
  const [items, setItems] = useState<ReadonlyMap<string, DeskItem>>(new Map());
  const [reads, setReads] = useState(0);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const status = await api.status();
        const isOn = status?.ok === true && status.state !== 'off';
        if (!live) return;
        setOn(isOn);
        if (!isOn) return;
        const answer = await api.items();
        if (live && answer?.ok) {
          setItems(new Map(answer.items.map((item) => [keyOf(item.kind, item.id), item])));
        }
      } catch {
        // The switches stay hidden: the Desk sync section says what is wrong.
      }
    })();
    return () => {
      live = false;
    };
  }, [api, refresh, reads]);

  const share = useCallback(
    async (kind: DeskKind, id: string, shared: boolean): Promise<string | null> => {
      try {
        const answer = await api.share(kind, [id], shared);
        if (!answer?.ok) return failureOf(answer);
        setReads((n) => n + 1);
        return null;
      } catch (thrown) {
        return messageOf(thrown);
      }
    },
    [api],
  );

  const value = useMemo(() => ({ on, items, share }), [on, items, share]);
  return <DeskShareContext.Provider value={value}>{children}</DeskShareContext.Provider>;
}

/**
 * "Shared with the desk" for one of the journalist's facts, sources or watched names, while desk
 * sync is on; a teammate's item says whose it is instead. Nothing without desk sync.
 */
export function ShareToggle({ kind, id, label }: { kind: DeskKind; id: string; label: string }) {
  const desk = useContext(DeskShareContext);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (desk === null || !desk.on) return null;
  const item = desk.items.get(keyOf(kind, id));
  if (item !== undefined && !item.own) {
    return (
      <span class="author-badge" data-author={item.author}>
        by {item.author}
        {item.editable ? '' : ' · read-only'}
      </span>
    );
  }
  const shared = item !== undefined;
  return (
    <span class="share-toggle">
      <label class="switch">
        <input
          type="checkbox"
          checked={shared}
          disabled={busy}
          aria-label={`Share ${label} with the desk`}
          onChange={(e) => {
            const next = e.currentTarget.checked;
            setBusy(true);
            setError(null);
            void desk.share(kind, id, next).then((problem) => {
              setBusy(false);
              if (problem) setError(`Not changed: ${problem}`);
            });
          }}
        />
        Shared with the desk
      </label>
      {error ? (
        <span class="error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
