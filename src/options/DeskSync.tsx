import { useCallback, useEffect, useState } from 'preact/hooks';
import { failureOf, messageOf } from '../shared/answers';
import { syncStateLine, type SyncStatusAnswer } from '../shared/desk-sync-client';
import type { DeskSyncApi } from './desk-sync-api';
import { DeskSyncForm } from './DeskSyncForm';
import { SyncConflicts } from './SyncConflicts';

type Status = Extract<SyncStatusAnswer, { ok: true }>;

type State =
  { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; sync: Status };

/** How often the state line is read again while the Library is open (a sync runs on a timer). */
export const STATUS_POLL_MS = 5_000;

/**
 * The Library's "Desk sync" section (issue 11): where the journalist points Factmark at the
 * desk's CouchDB, tests the connection, turns sync on and off, sees how it stands (synced,
 * pending N, offline, error and why; the last sync), syncs now, and resolves conflicts.
 *
 * Nothing leaves the browser unless sync is on, and then only what is marked shared.
 */
export function DeskSync({
  api,
  pollMs = STATUS_POLL_MS,
  onChanged,
}: {
  api: DeskSyncApi;
  pollMs?: number;
  /** Sync may have changed the annotations (a sync ran, sync was turned on, a conflict resolved). */
  onChanged?: () => void;
}) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [busy, setBusy] = useState<'now' | 'off' | null>(null);
  const [outcome, setOutcome] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  // Bumped after every sync and resolution: the conflicts are read again.
  const [synced, setSynced] = useState(0);
  // Bumped when sync is turned on or off: the form starts again from the settings.
  const [formKey, setFormKey] = useState(0);

  const read = useCallback(async () => {
    try {
      const answer = await api.status();
      setState(
        answer?.ok
          ? { status: 'ready', sync: answer }
          : { status: 'error', error: failureOf(answer) ?? '' },
      );
    } catch (thrown) {
      setState({ status: 'error', error: messageOf(thrown) });
    }
  }, [api]);

  useEffect(() => {
    void read();
    const timer = setInterval(() => void read(), pollMs);
    return () => clearInterval(timer);
  }, [read, pollMs]);

  const sync = state.status === 'ready' ? state.sync : null;
  const on = sync !== null && sync.state !== 'off';

  const syncNow = async () => {
    setBusy('now');
    setOutcome(null);
    try {
      const answer = await api.syncNow();
      if (!answer?.ok) setOutcome({ kind: 'error', text: `Not synced: ${failureOf(answer)}` });
      else if (answer.state === 'synced') {
        setOutcome({
          kind: 'ok',
          text: `Synced: ${answer.pushed.toLocaleString()} sent, ${answer.pulled.toLocaleString()} received.`,
        });
      } else {
        setOutcome({
          kind: 'error',
          text:
            answer.state === 'offline'
              ? `Offline: the desk's server cannot be reached. Your changes wait here and go when it is back.${answer.error ? ` (${answer.error})` : ''}`
              : `Sync error: ${answer.error ?? 'the desk refused the sync'}`,
        });
      }
    } catch (thrown) {
      setOutcome({ kind: 'error', text: `Not synced: ${messageOf(thrown)}` });
    } finally {
      setBusy(null);
      setSynced((n) => n + 1);
      onChanged?.();
      void read();
    }
  };

  const turnOff = async () => {
    setBusy('off');
    setOutcome(null);
    try {
      const answer = await api.turnOff();
      setOutcome(
        answer?.ok
          ? {
              kind: 'ok',
              text: 'Sync is off: nothing leaves this browser. Your annotations stay here, the desk’s too.',
            }
          : { kind: 'error', text: `Sync was not turned off: ${failureOf(answer)}` },
      );
    } catch (thrown) {
      setOutcome({ kind: 'error', text: `Sync was not turned off: ${messageOf(thrown)}` });
    } finally {
      setBusy(null);
      setFormKey((n) => n + 1);
      void read();
    }
  };

  const turnedOn = (message: string) => {
    setOutcome({ kind: 'ok', text: message });
    void read().then(() => {
      setFormKey((n) => n + 1);
      setSynced((n) => n + 1);
      onChanged?.();
    });
  };

  return (
    <section id="desk-sync" class="library-section" aria-labelledby="desk-sync-heading">
      <h2 id="desk-sync-heading">Desk sync</h2>
      <p class="muted">
        Share annotations with your desk through its CouchDB. Nothing leaves this browser unless
        sync is on, and then only what you mark “Shared with the desk”, only to the desk’s server.
        Your password stays in Factmark’s storage and is never shown again.
      </p>
      {state.status === 'loading' ? <p role="status">Reading the sync state…</p> : null}
      {state.status === 'error' ? (
        <p role="alert" class="error">
          The sync state could not be read: {state.error}
        </p>
      ) : null}
      {sync ? (
        <>
          <p class="sync-state" data-state={sync.state} role="status">
            <span class={`sync-dot sync-dot-${sync.state}`} aria-hidden="true" />
            {syncStateLine(sync)}
          </p>
          {on ? (
            <div class="sync-on">
              <p class="muted sync-settings">
                As <strong>{sync.user}</strong> on the database <strong>{sync.db}</strong> at{' '}
                <span class="sync-url">{sync.url}</span>
              </p>
              <div class="form-actions">
                <button
                  type="button"
                  class="button button-primary"
                  name="sync-now"
                  disabled={busy !== null}
                  onClick={() => void syncNow()}
                >
                  {busy === 'now' ? 'Syncing…' : 'Sync now'}
                </button>
                <button
                  type="button"
                  class="button"
                  name="sync-off"
                  disabled={busy !== null}
                  onClick={() => void turnOff()}
                >
                  Turn sync off
                </button>
              </div>
            </div>
          ) : null}
          {outcome ? (
            <p
              class={outcome.kind === 'ok' ? 'desk-sync-outcome ok' : 'desk-sync-outcome error'}
              role={outcome.kind === 'ok' ? 'status' : 'alert'}
            >
              {outcome.text}
            </p>
          ) : null}
          {on ? (
            <SyncConflicts
              api={api}
              refresh={synced}
              onResolved={() => {
                onChanged?.();
                void read();
              }}
            />
          ) : null}
          <details class="desk-sync-settings" open={!on}>
            <summary>{on ? 'Change the desk’s settings' : 'The desk’s server'}</summary>
            <DeskSyncForm
              key={formKey}
              api={api}
              on={on}
              initial={{ url: sync.url, db: sync.db, user: sync.user }}
              onTurnedOn={turnedOn}
            />
          </details>
        </>
      ) : null}
    </section>
  );
}
