import { useEffect, useState } from 'preact/hooks';
import { syncStateLine, type SyncStatusAnswer } from '../shared/desk-sync-client';
import type { PopupBrowserApi } from './browser-api';

type Status = Extract<SyncStatusAnswer, { ok: true }>;

/**
 * One line under the header while desk sync is on: synced (and when), pending N, offline, or the
 * error and its reason. Nothing while sync is off, or when the state cannot be read (the popup is
 * about the page; the Library says more).
 */
export function DeskSyncLine({ api }: { api: Pick<PopupBrowserApi, 'syncStatus'> }) {
  const [status, setStatus] = useState<Status | null>(null);
  useEffect(() => {
    let live = true;
    api
      .syncStatus?.()
      .then((answer) => {
        if (live && answer?.ok) setStatus(answer);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api]);
  if (status === null || status.state === 'off') return null;
  return (
    <p class={`sync-line sync-line-${status.state}`} data-state={status.state} role="status">
      {syncStateLine(status)}
    </p>
  );
}
