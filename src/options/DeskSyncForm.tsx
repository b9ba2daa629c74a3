import { useId, useState } from 'preact/hooks';
import { messageOf } from '../shared/answers';
import {
  deskPermissionPattern,
  parseDeskUrl,
  testFailureText,
  type SyncSettings,
} from '../shared/desk-sync-client';
import type { DeskSyncApi } from './desk-sync-api';

interface Props {
  api: DeskSyncApi;
  /** Sync is on now: the form changes its settings rather than turning it on. */
  on: boolean;
  /** The settings sync runs with (never the password), to start the fields from. */
  initial: { url?: string; db?: string; user?: string };
  /**
   * Sync was turned on (or its settings changed): the section says so and reads the state again
   * (the form starts anew from the settings, its password field empty).
   */
  onTurnedOn(message: string): void;
}

type Outcome = { kind: 'ok' | 'error'; text: string } | null;

/**
 * The desk's server, database, user and password; "Test connection" and "Turn sync on". The
 * password field starts empty every time and is cleared once sent: the background keeps it, no
 * page shows it again.
 *
 * Both buttons first ask the browser for the host permission of that one server (the manifest's
 * `optional_host_permissions` say which may be asked): the request is the first thing the click
 * handler does, as the browser grants it only during the user's gesture.
 */
export function DeskSyncForm({ api, on, initial, onTurnedOn }: Props) {
  const id = useId();
  const [url, setUrl] = useState(initial.url ?? '');
  const [db, setDb] = useState(initial.db ?? '');
  const [user, setUser] = useState(initial.user ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState<'test' | 'on' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  /** The settings as typed, checked; or what is wrong with them. */
  const read = (): { settings: SyncSettings; pattern: string } | string => {
    const parsed = parseDeskUrl(url);
    if (typeof parsed === 'string') return parsed;
    if (db.trim() === '') return 'Give the desk’s database name.';
    if (user.trim() === '') return 'Give your user name on the desk’s server.';
    if (password === '') return 'Give your password on the desk’s server.';
    return {
      settings: {
        url: parsed.url,
        db: db.trim(),
        user: user.trim(),
        password,
      },
      pattern: deskPermissionPattern(parsed.url),
    };
  };

  /**
   * Ask for the permission (synchronously, in the gesture), then run `next` if it is given.
   * Returns the outcome to show.
   */
  const withPermission = async (
    pattern: string,
    permission: Promise<boolean>,
    next: () => Promise<Outcome>,
  ): Promise<Outcome> => {
    let granted: boolean;
    try {
      granted = await permission;
    } catch (thrown) {
      return {
        kind: 'error',
        text: `The browser did not ask for the permission: ${messageOf(thrown)}`,
      };
    }
    if (!granted) {
      return {
        kind: 'error',
        text: `Factmark may not reach ${pattern.replace(/\/\*$/, '')} without your permission: nothing was changed.`,
      };
    }
    return next();
  };

  const test = () => {
    const checked = read();
    if (typeof checked === 'string') {
      setOutcome({ kind: 'error', text: checked });
      return;
    }
    // The first call of the handler: the user's gesture is still on.
    const permission = api.requestHost(checked.pattern);
    setBusy('test');
    setOutcome(null);
    void withPermission(checked.pattern, permission, async () => {
      const answer = await api.test(checked.settings);
      // Nothing is kept unless sync is on: a test alone leaves no permission behind.
      if (!on) await api.removeHost(checked.pattern).catch(() => false);
      return answer?.ok
        ? {
            kind: 'ok',
            text: `Connected: ${checked.settings.user} can use “${checked.settings.db}”.`,
          }
        : {
            kind: 'error',
            text: answer ? testFailureText(answer) : 'The background did not answer.',
          };
    })
      .catch((thrown: unknown) => ({ kind: 'error' as const, text: messageOf(thrown) }))
      .then((result) => {
        setOutcome(result);
        setBusy(null);
      });
  };

  const turnOn = (event: Event) => {
    event.preventDefault();
    const checked = read();
    if (typeof checked === 'string') {
      setOutcome({ kind: 'error', text: checked });
      return;
    }
    const permission = api.requestHost(checked.pattern);
    setBusy('on');
    setOutcome(null);
    void withPermission(checked.pattern, permission, async () => {
      const answer = await api.turnOn(checked.settings);
      if (!answer?.ok) {
        if (!on) await api.removeHost(checked.pattern).catch(() => false);
        return {
          kind: 'error',
          text: `Sync was not turned on: ${answer?.error ?? 'the background did not answer.'}`,
        };
      }
      setPassword('');
      onTurnedOn(on ? 'Saved: sync goes on with these settings.' : 'Sync is on.');
      return null;
    })
      .catch((thrown: unknown) => ({ kind: 'error' as const, text: messageOf(thrown) }))
      .then((result) => {
        setOutcome(result);
        setBusy(null);
      });
  };

  return (
    <form class="desk-sync-form" onSubmit={turnOn} aria-label="Desk server">
      <div class="desk-sync-fields">
        <div class="field field-wide">
          <label for={`${id}-url`}>Server address</label>
          <input
            id={`${id}-url`}
            name="url"
            type="url"
            inputMode="url"
            autoComplete="url"
            spellcheck={false}
            placeholder="https://couch.newsroom.example"
            value={url}
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={`${id}-db`}>Database</label>
          <input
            id={`${id}-db`}
            name="db"
            type="text"
            autoComplete="off"
            spellcheck={false}
            placeholder="desk"
            value={db}
            onInput={(e) => setDb(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={`${id}-user`}>User name</label>
          <input
            id={`${id}-user`}
            name="user"
            type="text"
            autoComplete="username"
            spellcheck={false}
            value={user}
            onInput={(e) => setUser(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={`${id}-password`}>Password</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            placeholder={on ? 'kept by Factmark; type it to change' : ''}
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </div>
      </div>
      <div class="form-actions">
        <button type="button" class="button" name="test" disabled={busy !== null} onClick={test}>
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" class="button button-primary" name="on" disabled={busy !== null}>
          {busy === 'on' ? 'Connecting…' : on ? 'Save settings' : 'Turn sync on'}
        </button>
      </div>
      {outcome ? (
        <p
          class={outcome.kind === 'ok' ? 'desk-sync-outcome ok' : 'desk-sync-outcome error'}
          role={outcome.kind === 'ok' ? 'status' : 'alert'}
        >
          {outcome.text}
        </p>
      ) : null}
    </form>
  );
}
