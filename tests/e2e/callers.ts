/**
 * What the caller tests (isolated-world.chromium.e2e.test.ts, embedded-editor.firefox.e2e.test.ts)
 * share: sending runtime messages and opening ports from a realm (an extension page or frame, a
 * content script's isolated world), the data the Library puts in place first, what is stored as
 * the Library reads it, and the sweep of every request type from an embedded extension page.
 */
import { expect } from 'vitest';
import type { Annotation } from '../../src/core/annotations/types';
import type { Fact } from '../../src/core/types';
import { EXPORT_STREAM_PORT, IMPORT_STREAM_PORT } from '../../src/shared/messages';
import { BACKUP_EXPORT_PORT, BACKUP_IMPORT_PORT } from '../../src/shared/backup-protocol';
import {
  BACKGROUND_CALLERS,
  mayCall,
  type BackgroundRequestType,
  type CallerKind,
} from '../../src/shared/protocol';
import { annotation, fact } from '../unit/background-fixtures';
import { WAIT_DEADLINE_MS } from './harness';
import { sampleRequests } from '../support/request-samples';

export const TYPES = Object.keys(BACKGROUND_CALLERS) as BackgroundRequestType[];

/** The answer to a request its caller's kind may not send. */
export const refused = (kind: CallerKind) => ({ ok: false, error: `not allowed from ${kind}` });

/** Poll `fn` (in Node) until it returns a value; the deadline only turns a hang into a failure. */
export async function until<R>(what: string, fn: () => Promise<R | null | undefined>): Promise<R> {
  const deadline = Date.now() + WAIT_DEADLINE_MS;
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await fn();
      if (value !== null && value !== undefined) return value;
    } catch (error) {
      // A frame not yet loaded, a context not yet created: try again until the deadline.
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Where a test's code runs. `fn` is sent as source: it may use only its argument and the realm's
 * globals, nothing of this module's scope (types aside, which are erased).
 */
export interface Realm {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** The extension API calls these tests make, as `browser` (Firefox) or `chrome` (Chromium) has them. */
export type ExtensionApi = {
  runtime: {
    id: string;
    sendMessage(message: unknown): Promise<unknown>;
    connect(info: { name: string }): {
      postMessage(message: unknown): void;
      onMessage: { addListener(listener: (message: unknown) => void): void };
      onDisconnect: { addListener(listener: () => void): void };
    };
  };
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
};
export type ApiGlobals = { browser?: ExtensionApi; chrome?: ExtensionApi };

/** runtime.sendMessage from `realm`, and its answer. */
export function ask(realm: Realm, message: unknown): Promise<unknown> {
  return realm.evaluate((m) => {
    const g = globalThis as unknown as ApiGlobals;
    return ((g.browser ?? g.chrome) as ExtensionApi).runtime.sendMessage(m);
  }, message);
}

export interface PortOutcome {
  received: { type?: string; undo?: string }[];
  /** Whether the background closed the port (rather than the awaited message arriving). */
  closed: boolean;
}

/**
 * Open a port from `realm`, post `messages`, and collect what comes back until the background
 * closes it (or, with `untilType`, until a message of that type arrives).
 */
export function overPort(
  realm: Realm,
  name: string,
  messages: unknown[],
  untilType?: string,
): Promise<PortOutcome> {
  return realm.evaluate(
    ([portName, toSend, last]) =>
      new Promise<PortOutcome>((resolve) => {
        const g = globalThis as unknown as ApiGlobals;
        const api = (g.browser ?? g.chrome) as ExtensionApi;
        const received: PortOutcome['received'] = [];
        const port = api.runtime.connect({ name: portName });
        port.onMessage.addListener((m) => {
          received.push(m as { type?: string });
          if (last !== null && (m as { type?: string }).type === last) {
            resolve({ received, closed: false });
          }
        });
        port.onDisconnect.addListener(() => resolve({ received, closed: true }));
        try {
          for (const m of toSend) port.postMessage(m);
        } catch {
          // Closed already: onDisconnect says so.
        }
      }),
    [name, messages, untilType ?? null] as [string, unknown[], string | null],
  );
}

/** The tab showing `url`, found from an extension page as the popup finds it (its content script's report). */
export function tabIdOf(library: Realm, url: string): Promise<number> {
  return until(`a tab whose content script reports ${url}`, () =>
    library.evaluate(async (wanted) => {
      const g = globalThis as unknown as ApiGlobals;
      const api = (g.browser ?? g.chrome) as ExtensionApi;
      for (const tab of await api.tabs.query({})) {
        if (tab.id === undefined) continue;
        try {
          const report = (await api.tabs.sendMessage(tab.id, { type: 'factmark/report' })) as {
            url?: string;
          } | null;
          if (report?.url === wanted) return tab.id;
        } catch {
          // No content script in that tab.
        }
      }
      return null;
    }, url),
  );
}

/** Open the annotation editor on `tabId`'s selection, as the context menu does (not awaited). */
export async function openEditor(library: Realm, tabId: number): Promise<void> {
  await library.evaluate((id) => {
    const g = globalThis as unknown as ApiGlobals & { pending?: Promise<unknown> };
    g.pending = ((g.browser ?? g.chrome) as ExtensionApi).tabs.sendMessage(id, {
      type: 'factmark/annotate',
    });
  }, tabId);
}

/** Another site, whose data no caller on the test server's pages may reach. */
export const OTHER_URL = 'https://victim.example/secret-story';
export const OTHER_HOST = 'victim.example';
export const SECRET_NOTE = 'Source: J.D., phone 555-0100';
export const SECRET_QUOTE = 'J.D. said at the board meeting that Barrick holds 50 per cent.';
export const SECRET_SOURCE = 'https://victim.example/private-memo';

/** What the Library put in place (seed). */
export interface Seeded {
  /** The page the callers under test are on, and its host. */
  ownUrl: string;
  ownHost: string;
  /** That page's annotation. */
  own: Annotation;
  /** Another site's annotations. */
  others: Annotation[];
  /** A journalist's fact, with a source and a quote of another site. */
  userFact: Fact;
  /** The undo id of an import of another site's annotation. */
  undoId: string;
}

/**
 * From the Library (full rights): `ownUrl`'s annotation, another site's two, a journalist's fact,
 * the other site switched off, and an import it could undo.
 */
export async function seed(library: Realm, ownUrl: string): Promise<Seeded> {
  const own = annotation('anno:e2e-own', { url: ownUrl, title: 'The story', note: 'my own note' });
  const others = [
    annotation('anno:e2e-victim-1', { url: OTHER_URL, note: SECRET_NOTE }),
    annotation('anno:e2e-victim-2', { url: 'https://victim.example/other', note: 'second' }),
  ];
  const userFact = fact('user:e2e-secret', {
    attribute: 'barrick.stake',
    kind: 'percent',
    value: 50,
    unit: '%',
    precision: 0.5,
    text: '50 per cent',
    quote: SECRET_QUOTE,
    quoteStart: 0,
    quoteEnd: SECRET_QUOTE.length,
    start: 52,
    end: 63,
    source: { type: 'user', url: SECRET_SOURCE, title: 'Private memo', date: '2026-01-02' },
  });
  for (const a of [own, ...others]) {
    expect(await ask(library, { type: 'factmark/annotation-save', annotation: a })).toEqual({
      ok: true,
      annotation: a,
    });
  }
  expect(await ask(library, { type: 'factmark/fact-save', fact: userFact })).toEqual({
    ok: true,
    fact: userFact,
  });
  expect(
    await ask(library, { type: 'factmark/site-set', host: OTHER_HOST, enabled: false }),
  ).toEqual({ ok: true, enabled: false });
  const imported = annotation('anno:e2e-imported', { url: 'https://victim.example/imported' });
  const done = await overPort(
    library,
    IMPORT_STREAM_PORT,
    [{ type: 'begin', total: 1 }, { type: 'batch', annotations: [imported] }, { type: 'commit' }],
    'done',
  );
  const last = done.received.at(-1);
  expect(last?.type).toBe('done');
  const undoId = last?.undo ?? '';
  expect(undoId).not.toBe('');
  return { ownUrl, ownHost: new URL(ownUrl).hostname, own, others, userFact, undoId };
}

/** Everything stored, as the Library reads it. */
export async function stored(library: Realm, seeded: Seeded) {
  const all = (await ask(library, { type: 'factmark/annotations' })) as {
    annotations: Annotation[];
  };
  const facts = (await ask(library, { type: 'factmark/facts' })) as { facts: Fact[] };
  const site = async (host: string) =>
    ((await ask(library, { type: 'factmark/site-get', host })) as { enabled: boolean }).enabled;
  const sources = (await ask(library, { type: 'factmark/sources' })) as { sources: unknown[] };
  const entities = (await ask(library, { type: 'factmark/entities' })) as { entities: unknown[] };
  return {
    sources: sources.sources,
    entities: entities.entities,
    annotations: [...all.annotations].sort((a, b) => a.id.localeCompare(b.id)),
    facts: [...facts.facts].sort((a, b) => a.id.localeCompare(b.id)),
    sites: {
      [seeded.ownHost]: await site(seeded.ownHost),
      [OTHER_HOST]: await site(OTHER_HOST),
    },
  };
}

/**
 * Every request type from `realm`, an embedded extension page: each refused — all but the editor's
 * share by the contract, that one as out of its scope (an annotation that is not stored, another
 * site's) — and so is a malformed one; the export and import ports closed unanswered; nothing
 * stored changed.
 */
export async function expectEveryTypeRefused(
  realm: Realm,
  library: Realm,
  seeded: Seeded,
): Promise<void> {
  const samples = sampleRequests({
    ownUrl: seeded.ownUrl,
    undoId: seeded.undoId,
    factId: seeded.userFact.id,
    otherHost: OTHER_HOST,
  });
  expect(Object.keys(samples).sort()).toEqual([...TYPES].sort());
  const before = await stored(library, seeded);
  const no = refused('embedded extension page');
  for (const type of TYPES) {
    // The contract lists the kind for one type only (protocol.ts): the editor's share.
    expect(mayCall('embedded extension page', type), type).toBe(
      type === 'factmark/annotation-share',
    );
    expect(samples[type].type).toBe(type);
    expect(await ask(realm, samples[type]), type).toEqual(no);
  }
  // The share, of another site's annotation (named by its id, with what it holds): refused.
  const other = seeded.others[0]!;
  expect(
    await ask(realm, {
      type: 'factmark/annotation-share',
      id: other.id,
      shared: true,
      saved: { color: other.color, note: other.note, tags: other.tags },
    }),
  ).toEqual(no);
  // A malformed message of a known type is refused before it is read, like any other.
  expect(await ask(realm, { type: 'factmark/import', text: 42 })).toEqual(no);
  for (const [name, first] of [
    [EXPORT_STREAM_PORT, { format: 'jsonld' }],
    [IMPORT_STREAM_PORT, { type: 'begin', total: 1 }],
    [BACKUP_EXPORT_PORT, { type: 'begin' }],
    [BACKUP_IMPORT_PORT, { type: 'begin', chars: 1 }],
  ] as const) {
    expect(await overPort(realm, name, [first]), name).toEqual({ received: [], closed: true });
  }
  expect(await stored(library, seeded)).toEqual(before);
}

/**
 * The Library or the popup page (both in a tab of their own) keeps every right: every
 * annotation, a fact by id with its source, the export.
 */
export async function expectFullRights(realm: Realm, seeded: Seeded): Promise<void> {
  const all = (await ask(realm, { type: 'factmark/annotations' })) as {
    ok: boolean;
    annotations: Annotation[];
  };
  expect(all.ok).toBe(true);
  expect(all.annotations.map((a) => a.id)).toEqual(
    expect.arrayContaining([seeded.own.id, ...seeded.others.map((a) => a.id)]),
  );
  expect(await ask(realm, { type: 'factmark/facts-get', ids: [seeded.userFact.id] })).toEqual({
    ok: true,
    facts: [seeded.userFact],
  });
  const exported = (await ask(realm, { type: 'factmark/export', format: 'jsonld' })) as {
    ok: boolean;
    text: string;
  };
  expect(exported.ok).toBe(true);
  expect(exported.text).toContain(SECRET_NOTE);
  expect(await ask(realm, { type: 'factmark/site-get', host: OTHER_HOST })).toEqual({
    ok: true,
    enabled: false,
  });
}
