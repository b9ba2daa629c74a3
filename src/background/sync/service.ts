/**
 * Desk sync in the background: the one object the router and the background's start talk to
 * (docs/contracts.md, "Desk sync"). It owns the local mirror and runs each sync:
 *
 *   stores ──to-mirror──▶ mirror ──push──▶ desk's CouchDB ──pull──▶ mirror ──from-mirror──▶ stores
 *
 * One sync = compare the shared items with the mirror, read the desk's rules (`_design/factmark`),
 * pull (PouchDB replication, one-shot), apply what came, push (one-shot). Pull comes first so that
 * the push's checkpoint covers everything the mirror holds: what is pending is then exactly what
 * the mirror's changes feed has after that checkpoint.
 *
 * Offline first: every change is written to the mirror at once (pending), whatever the server
 * does; a sync that cannot reach it says `offline`, and automatic syncs wait with back-off
 * (backoff.ts). Syncs run when asked (factmark/sync-now), shortly after a shared change while the
 * background is awake, when an extension page asks the status (the Library and popup ask while
 * open), and on an alarm every few minutes — never as a live stream, which MV3 would cut off.
 * No sync runs without the host permission for the desk's server; turning sync off stops any
 * replication, forgets the password and removes that permission.
 */
import type { BackgroundRequest, Failure, OkAnswer } from '../../shared/messages';
import {
  checkDeskUrl,
  deskOriginPattern,
  type DeskItemsAnswer,
  type ShareAnswer,
  type ShareRequest,
  type SyncConflictsAnswer,
  type SyncNowAnswer,
  type SyncResolveRequest,
  type SyncSetAnswer,
  type SyncSetRequest,
  type SyncState,
  type SyncStatusAnswer,
  type SyncTestAnswer,
  type SyncTestRequest,
} from '../../shared/sync-protocol';
import { messageOf } from '../../shared/answers';
import { latestImport, type FactmarkDb } from '../db';
import { isDue, retryDelay } from './backoff';
import type { SyncBrowserApi } from './browser';
import { conflictedDoc, listConflicts, resolveConflict, ResolveError } from './conflicts';
import { testConnection, type Fetch } from './connection';
import { fromMirror } from './from-mirror';
import { guardRequest, touchedBy } from './guard';
import type { Pouch, PouchFactory, Replication } from './pouch';
import type { SyncSettings, SyncStateRecord } from './records';
import { deskKeyOf, readSettings, readState, updateState, writeSettings } from './settings';
import { share, ShareError } from './share';
import { everyDocId, toMirror } from './to-mirror';

/** The alarm that syncs every few minutes while sync is on. */
export const SYNC_ALARM = 'factmark-desk-sync';
export const SYNC_PERIOD_MINUTES = 5;
/** An extension page's status request starts a sync when the last try is older than this. */
export const STATUS_SYNC_INTERVAL_MS = 60_000;
/** A shared change is sent this long after it, so that a burst of changes goes in one sync. */
export const CHANGE_SYNC_DELAY_MS = 2_000;
/**
 * Documents a replication sends or fetches per request: a first sync of 10,000 documents takes
 * 20 round trips each way rather than PouchDB's default 100.
 */
const BATCH_SIZE = 500;
/** Pending changes are counted up to this. */
const MAX_COUNTED = 100_000;

export interface SyncDeps {
  db(): Promise<FactmarkDb>;
  browser: SyncBrowserApi;
  pouch: PouchFactory;
  /** For the connection test (the global fetch in the extension). */
  fetch: Fetch;
  now?: () => number;
  /** The mirror's database name (tests give each profile its own). */
  mirrorName?: string;
  /** Sync by itself (after changes, on status requests); tests turn it off to stay in control. */
  autoSync?: boolean;
}

/** The requests guard.ts looks at (the others go on without a read). */
const GUARDED: ReadonlySet<string> = new Set([
  'factmark/annotation-save',
  'factmark/annotations-delete',
  'factmark/fact-save',
  'factmark/fact-delete',
  'factmark/source-remove',
  'factmark/entity-save',
  'factmark/entity-remove',
]);

/** The design document a desk's admin writes to set the desk's rules. */
export const DESK_RULES_DOC = '_design/factmark';

export interface SyncService {
  set(request: SyncSetRequest): Promise<SyncSetAnswer>;
  now(): Promise<SyncNowAnswer>;
  status(): Promise<SyncStatusAnswer>;
  test(request: SyncTestRequest): Promise<SyncTestAnswer>;
  conflicts(): Promise<SyncConflictsAnswer>;
  resolve(request: SyncResolveRequest): Promise<OkAnswer>;
  share(request: ShareRequest): Promise<ShareAnswer>;
  items(): Promise<DeskItemsAnswer>;
  /** The router's check before a handler: the request as it may go on, or the refusal. */
  before(request: BackgroundRequest): Promise<BackgroundRequest | Failure>;
  /** The router's call after a handler answered ok: shared items changed go to the mirror. */
  after(request: BackgroundRequest, answer: unknown): Promise<void>;
  /** The alarm fired (alarms.onAlarm). */
  onAlarm(name: string): void;
  /** On every start of the background: the alarm, and a full comparison at the next sync. */
  start(): Promise<void>;
  /** Resolves when no sync runs (tests). */
  idle(): Promise<void>;
}

type SyncOutcome = Extract<SyncNowAnswer, { ok: true }>;

/**
 * What tells that annotations were written past the router's checks (the import port writes in
 * bulk without passing through it, and records an undo under a new id; a backup's restore clears
 * those records): the latest import's id. When it moved since the last sync, every shared item is
 * compared again.
 */
async function scanMark(db: FactmarkDb): Promise<string> {
  return JSON.stringify([await latestImport(db)]);
}

function failure(error: string): Failure {
  return { ok: false, error };
}

interface Classified {
  kind: 'offline' | 'error';
  error: string;
}

/** A failed sync's reason, in the journalist's words, and whether the server was reached at all. */
function classify(error: unknown, settings: SyncSettings): Classified {
  const e = error as { status?: unknown; reason?: unknown; message?: unknown; name?: unknown };
  const status = typeof e.status === 'number' ? e.status : 0;
  const origin = new URL(settings.url).origin;
  const reason = typeof e.reason === 'string' ? e.reason : messageOf(error);
  if (status === 0) {
    return {
      kind: 'offline',
      error: `The server at ${origin} did not answer (${messageOf(error)}); Factmark will try again.`,
    };
  }
  if (status === 401 && /name or password/i.test(reason)) {
    return {
      kind: 'error',
      error: `The server refused the user "${settings.user}": wrong user name or password.`,
    };
  }
  if (status === 401 || status === 403) {
    return {
      kind: 'error',
      error: `"${settings.user}" is not a member of the desk's database "${settings.db}" (${reason}).`,
    };
  }
  if (status === 404) {
    return {
      kind: 'error',
      error: `There is no database "${settings.db}" on ${origin}.`,
    };
  }
  return { kind: 'error', error: `The server answered HTTP ${status}: ${reason}` };
}

export function createSyncService(deps: SyncDeps): SyncService {
  const now = deps.now ?? Date.now;
  const autoSync = deps.autoSync ?? true;
  const mirrorName = deps.mirrorName ?? 'factmark-desk';
  let mirrorDb: Pouch | null = null;
  const mirror = (): Pouch => (mirrorDb ??= deps.pouch.local(mirrorName));
  /** Mirror writes and applying to the stores, one at a time. */
  let lane: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = lane.then(work, work);
    lane = run.catch(() => undefined);
    return run;
  };
  let running: Promise<SyncOutcome> | null = null;
  const replications = new Set<Replication>();
  let changeTimer: ReturnType<typeof setTimeout> | null = null;

  const context = async () => {
    const db = await deps.db();
    const [settings, state] = await Promise.all([readSettings(db), readState(db)]);
    return { db, settings, state };
  };

  const isOn = (s: SyncSettings | null): s is SyncSettings & { password: string } =>
    s !== null && s.enabled && s.password !== null;

  async function countPending(state: SyncStateRecord): Promise<number> {
    const changes = await mirror().changes({
      since: state.pushedSeq,
      limit: MAX_COUNTED,
      return_docs: true,
    });
    return changes.results.filter((c) => !c.id.startsWith('_design/')).length;
  }

  function track(replication: Replication): Replication {
    replications.add(replication);
    const forget = () => replications.delete(replication);
    replication.then(forget, forget);
    return replication;
  }

  async function readRules(remote: Pouch): Promise<boolean> {
    try {
      const rules = await remote.get(DESK_RULES_DOC);
      return rules.teamEditing === true;
    } catch (error) {
      if ((error as { status?: number }).status === 404) return false;
      throw error;
    }
  }

  async function syncOnce(): Promise<SyncOutcome> {
    const { db, settings, state } = await context();
    if (!isOn(settings)) {
      return {
        ok: true,
        state: 'error',
        pushed: 0,
        pulled: 0,
        error: 'Sync is off: set a desk in the Library first.',
      };
    }
    const me = settings.user;
    const started = now();
    const fail = async (c: Classified, pushed = 0, pulled = 0): Promise<SyncOutcome> => {
      await updateState(db, (s) => {
        const failures = s.failures + 1;
        return {
          lastAttempt: started,
          failure: c,
          failures,
          retryAt: now() + retryDelay(failures),
        };
      });
      return { ok: true, state: c.kind, pushed, pulled, error: c.error };
    };
    const pattern = deskOriginPattern(settings.url);
    if (!(await deps.browser.mayReach(pattern))) {
      return fail({
        kind: 'error',
        error: `Factmark may not reach ${new URL(settings.url).origin}: turn sync on again in the Library and allow it.`,
      });
    }
    const local = mirror();
    let pulled = 0;
    let pushed = 0;
    try {
      const mark = await scanMark(db);
      if (state.needsScan || state.scanMark !== mark) {
        await exclusive(async () => {
          const ids = await everyDocId(db, local);
          await toMirror(
            { db, mirror: local, me, teamEditing: state.teamEditing, now: now() },
            ids,
          );
        });
        await updateState(db, () => ({ needsScan: false, scanMark: mark }));
      }
      const remote = deps.pouch.remote(settings.url, settings.db, settings.user, settings.password);
      const teamEditing = await readRules(remote);
      const pull = await track(local.replicate.from(remote, { batch_size: BATCH_SIZE }));
      pulled = pull.docs_written;
      await exclusive(async () => {
        const current = await readState(db);
        const applied = await fromMirror(db, local, me, current.appliedSeq);
        await updateState(db, () => ({ appliedSeq: applied.lastSeq, teamEditing }));
      });
      const push = await track(local.replicate.to(remote, { batch_size: BATCH_SIZE }));
      pushed = push.docs_written;
      if (push.doc_write_failures > 0) {
        const first = push.errors[0] as { message?: string; reason?: string } | undefined;
        return await fail(
          {
            kind: 'error',
            error: `The server refused ${push.doc_write_failures} change(s)${first ? `: ${first.reason ?? first.message ?? ''}` : ''}.`,
          },
          pushed,
          pulled,
        );
      }
      if ((push as { status?: string }).status === 'cancelled') {
        return { ok: true, state: 'error', pushed, pulled, error: 'Sync was turned off.' };
      }
      await updateState(db, () => ({
        pushedSeq: push.last_seq,
        lastSync: now(),
        lastAttempt: started,
        failure: null,
        failures: 0,
        retryAt: null,
      }));
      return { ok: true, state: 'synced', pushed, pulled };
    } catch (error) {
      return fail(classify(error, settings), pushed, pulled);
    }
  }

  /** Run a sync after any running one (a sync asked for now includes the latest changes). */
  function queueSync(): Promise<SyncOutcome> {
    const previous = running ?? Promise.resolve(null);
    const next = previous
      .catch(() => null)
      .then(() => syncOnce())
      .catch((error: unknown): SyncOutcome => ({
        ok: true,
        state: 'error',
        pushed: 0,
        pulled: 0,
        error: messageOf(error),
      }));
    running = next;
    void next.finally(() => {
      if (running === next) running = null;
    });
    return next;
  }

  /** Automatic syncs on their way (idle() waits for them too). */
  const automatic = new Set<Promise<void>>();

  /** Start an automatic sync (not awaited by the caller), its failure logged. */
  function autoSyncNow(minInterval = 0): void {
    const run = maybeSync(minInterval).catch((error: unknown) =>
      console.warn('[factmark] desk sync failed', error),
    );
    automatic.add(run);
    void run.finally(() => automatic.delete(run));
  }

  /** An automatic sync: only when on, none is running, and back-off allows. */
  async function maybeSync(minInterval = 0): Promise<void> {
    if (running !== null) return;
    const { settings, state } = await context();
    if (!isOn(settings)) return;
    const t = now();
    if (!isDue(state.retryAt, t)) return;
    if (minInterval > 0 && state.lastAttempt !== null && t - state.lastAttempt < minInterval)
      return;
    await queueSync();
  }

  function syncSoon(): void {
    if (!autoSync) return;
    if (changeTimer !== null) clearTimeout(changeTimer);
    changeTimer = setTimeout(() => {
      changeTimer = null;
      autoSyncNow();
    }, CHANGE_SYNC_DELAY_MS);
  }

  async function compare(docIds: string[] | 'all'): Promise<void> {
    const { db, settings, state } = await context();
    if (settings === null) return; // No desk yet: sync-set compares everything.
    if (docIds === 'all') {
      await updateState(db, () => ({ needsScan: true }));
    } else if (docIds.length > 0) {
      await exclusive(() =>
        toMirror(
          { db, mirror: mirror(), me: settings.user, teamEditing: state.teamEditing, now: now() },
          docIds,
        ),
      );
    } else {
      return;
    }
    if (settings.enabled) syncSoon();
  }

  async function turnOff(): Promise<SyncSetAnswer> {
    const db = await deps.db();
    for (const replication of replications) replication.cancel();
    await running?.catch(() => undefined);
    const settings = await readSettings(db);
    if (settings !== null) {
      await writeSettings(db, { ...settings, enabled: false, password: null });
      await updateState(db, () => ({ failure: null, failures: 0, retryAt: null }));
      try {
        await deps.browser.dropAccess(deskOriginPattern(settings.url));
      } catch (error) {
        console.warn('[factmark] host permission not removed', error);
      }
    }
    try {
      await deps.browser.clearAlarm(SYNC_ALARM);
    } catch (error) {
      console.warn('[factmark] sync alarm not cleared', error);
    }
    return { ok: true, state: 'off' };
  }

  async function turnOn(request: Extract<SyncSetRequest, { url: string }>): Promise<SyncSetAnswer> {
    const db = await deps.db();
    const url = checkDeskUrl(request.url);
    if (!url.ok) return failure(url.error);
    const input = { ...request, url: url.url };
    const origin = new URL(input.url).origin;
    if (!(await deps.browser.mayReach(deskOriginPattern(input.url)))) {
      return failure(
        `Factmark may not reach ${origin} yet: allow it when the browser asks (the permission for that server only).`,
      );
    }
    const tested = await testConnection(input, deps.fetch, (p) => deps.browser.mayReach(p));
    if (!tested.ok && tested.reason !== 'unreachable') return failure(tested.error);
    // A server that does not answer now is fine: the settings are kept, and sync waits for it.
    for (const replication of replications) replication.cancel();
    await running?.catch(() => undefined);
    const state = await readState(db);
    const deskKey = deskKeyOf(input);
    if (state.deskKey !== deskKey) {
      await exclusive(async () => {
        // Another desk: a mirror of its own (one desk's documents never go to another).
        if (state.deskKey !== null) {
          await mirror().destroy();
          mirrorDb = null;
          const tx = db.transaction('desk', 'readwrite');
          let cursor = await tx.store.openCursor();
          while (cursor !== null) {
            await cursor.update({ ...cursor.value, rev: null });
            cursor = await cursor.continue();
          }
          await tx.done;
        }
        await updateState(db, () => ({
          deskKey,
          pushedSeq: 0,
          appliedSeq: 0,
          lastSync: null,
          teamEditing: false,
        }));
      });
    }
    await writeSettings(db, {
      key: 'settings',
      url: input.url,
      db: input.db,
      user: input.user,
      password: input.password,
      enabled: true,
    });
    await updateState(db, () => ({ needsScan: true, failure: null, failures: 0, retryAt: null }));
    try {
      await deps.browser.ensureAlarm(SYNC_ALARM, SYNC_PERIOD_MINUTES);
    } catch (error) {
      console.warn('[factmark] sync alarm not set', error);
    }
    const outcome = await queueSync();
    return { ok: true, state: outcome.state };
  }

  const service: SyncService = {
    set(request) {
      return 'off' in request ? turnOff() : turnOn(request);
    },
    async now() {
      const { settings } = await context();
      if (!isOn(settings)) return failure('Sync is off: set a desk in the Library first.');
      return queueSync();
    },
    async status() {
      const { settings, state } = await context();
      // No desk was ever set: no mirror either (none is made just to say so).
      const pending = settings === null ? 0 : await countPending(state);
      const answer: Extract<SyncStatusAnswer, { ok: true }> = {
        ok: true,
        state: 'off',
        pending,
        teamEditing: state.teamEditing,
      };
      if (settings !== null) {
        answer.url = settings.url;
        answer.db = settings.db;
        answer.user = settings.user;
      }
      if (state.lastSync !== null) answer.lastSync = new Date(state.lastSync).toISOString();
      if (isOn(settings)) {
        let s: SyncState = pending > 0 ? 'pending' : 'synced';
        if (state.failure !== null) {
          s = state.failure.kind;
          answer.error = state.failure.error;
        }
        answer.state = s;
        if (state.retryAt !== null) answer.retryAt = new Date(state.retryAt).toISOString();
        // An extension page is open and asking: sync when one is due (not awaited).
        if (autoSync) autoSyncNow(STATUS_SYNC_INTERVAL_MS);
      }
      return answer;
    },
    test(request) {
      return testConnection(request, deps.fetch, (p) => deps.browser.mayReach(p));
    },
    async conflicts() {
      return { ok: true, conflicts: await listConflicts(mirror()) };
    },
    async resolve(request) {
      const { db, settings, state } = await context();
      if (settings === null) return failure('sync-resolve: no desk is set');
      try {
        await exclusive(async () => {
          const doc = await conflictedDoc(mirror(), request.id, request.kind);
          const author = typeof doc.author === 'string' ? doc.author : '';
          if (author !== settings.user && !state.teamEditing) {
            throw new ResolveError(
              `sync-resolve: this item is ${author}'s; only its author can resolve its conflict (the desk does not allow editing teammates' items)`,
            );
          }
          const resolution =
            'keep' in request ? { keep: request.keep } : { merged: request.merged };
          await resolveConflict(mirror(), doc, resolution, { me: settings.user, now: now() });
          const current = await readState(db);
          const applied = await fromMirror(db, mirror(), settings.user, current.appliedSeq);
          await updateState(db, () => ({ appliedSeq: applied.lastSeq }));
        });
      } catch (error) {
        if (error instanceof ResolveError) return failure(error.message);
        throw error;
      }
      if (settings.enabled) syncSoon();
      return { ok: true };
    },
    async share(request) {
      const { db, settings } = await context();
      try {
        const outcome = await share(db, request, settings?.user ?? null);
        await compare(outcome.docIds);
        return { ok: true, changed: outcome.changed };
      } catch (error) {
        if (error instanceof ShareError) return failure(error.message);
        throw error;
      }
    },
    async items() {
      const { db, settings, state } = await context();
      const me = settings?.user ?? null;
      const records = await db.getAll('desk');
      return {
        ok: true,
        items: records
          .filter((r) => r.unshared !== true)
          .map((r) => {
            const own = r.author === '' || r.author === me;
            return {
              kind: r.kind,
              id: r.id,
              author: r.author,
              own,
              editable: own || state.teamEditing,
            };
          }),
      };
    },
    async before(request) {
      if (!GUARDED.has(request.type)) return request;
      const { db, settings, state } = await context();
      return guardRequest(db, request, {
        me: settings?.user ?? null,
        teamEditing: state.teamEditing,
      });
    },
    async after(request, answer) {
      const touched = touchedBy(request, answer);
      if (touched !== 'all' && touched.length === 0) return;
      try {
        await compare(touched);
      } catch (error) {
        // The change is made; the mirror missed it: the next sync compares everything.
        const db = await deps.db();
        await updateState(db, () => ({ needsScan: true })).catch(() => undefined);
        throw error;
      }
    },
    onAlarm(name) {
      if (name === SYNC_ALARM) autoSyncNow();
    },
    async start() {
      const { settings } = await context();
      if (isOn(settings)) await deps.browser.ensureAlarm(SYNC_ALARM, SYNC_PERIOD_MINUTES);
    },
    async idle() {
      while (automatic.size > 0 || running !== null) {
        await Promise.all([...automatic]);
        await running?.catch(() => undefined);
      }
      await lane;
    },
  };
  return service;
}
