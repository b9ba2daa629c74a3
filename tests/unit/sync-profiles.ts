/**
 * Two (or more) Factmark profiles for the desk sync tests: each its own database and PouchDB
 * mirror (both in fake-indexeddb, as the extension's are in the browser's IndexedDB), its own
 * router with a real sync service, and a fake browser for host permissions and alarms. Messages
 * go through the router as the Library's (an extension page) or a page's content script.
 */
import 'fake-indexeddb/auto';
import { createRouter } from '../../src/background/router';
import { openFactmarkDb, type FactmarkDb } from '../../src/background/db';
import type { SyncBrowserApi } from '../../src/background/sync/browser';
import { pouchFactory } from '../../src/background/sync/pouch';
import { createSyncService, type SyncService } from '../../src/background/sync/service';
import { EDITOR_PAGE } from '../../src/shared/editor-protocol';
import type { BackgroundRequest } from '../../src/shared/messages';
import type { AnswerOf } from '../../src/shared/protocol';
import { freshDbName } from './background-fixtures';

// PouchDB's IndexedDB adapter reads navigator.userAgent, which Node 20 does not have.
const g = globalThis as { navigator?: { userAgent?: string } };
if (g.navigator === undefined) g.navigator = { userAgent: 'node' };

export const OWN_ID = 'factmark-test-id';
export const ORIGIN = `chrome-extension://${OWN_ID}/`;
const LIBRARY = {
  id: OWN_ID,
  url: `${ORIGIN}src/options/index.html`,
  tab: { url: `${ORIGIN}src/options/index.html` },
  frameId: 0,
};

export interface FakeBrowser extends SyncBrowserApi {
  granted: Set<string>;
  alarms: Set<string>;
}

export function fakeBrowser(): FakeBrowser {
  const granted = new Set<string>();
  const alarms = new Set<string>();
  return {
    granted,
    alarms,
    mayReach: async (pattern) => granted.has(pattern),
    dropAccess: async (pattern) => granted.delete(pattern),
    ensureAlarm: async (name) => void alarms.add(name),
    clearAlarm: async (name) => void alarms.delete(name),
    onAlarm: () => undefined,
  };
}

export interface Profile {
  name: string;
  db: FactmarkDb;
  sync: SyncService;
  browser: FakeBrowser;
  clock: { now: number };
  /** A request as the Library sends it. */
  ask<R extends BackgroundRequest>(request: R): Promise<AnswerOf<R['type']>>;
  /** A request as a content script of `pageUrl`'s frame sends it. */
  askFromPage<R extends BackgroundRequest>(
    request: R,
    pageUrl: string,
  ): Promise<AnswerOf<R['type']>>;
  /** A request as the annotation editor framed into a tab showing `pageUrl` sends it. */
  askFromEditor<R extends BackgroundRequest>(
    request: R,
    pageUrl: string,
  ): Promise<AnswerOf<R['type']>>;
}

export async function profile(name: string): Promise<Profile> {
  const db = await openFactmarkDb({ name: freshDbName() });
  const browser = fakeBrowser();
  const clock = { now: Date.parse('2026-12-02T09:00:00.000Z') };
  const sync = createSyncService({
    db: async () => db,
    browser,
    pouch: pouchFactory,
    fetch: (url, init) => fetch(url, init),
    now: () => clock.now,
    mirrorName: `mirror-${name}-${freshDbName()}`,
    autoSync: false,
  });
  const route = createRouter({
    extensionId: OWN_ID,
    extensionOrigin: ORIGIN,
    db: async () => db,
    sync,
  });
  return {
    name,
    db,
    sync,
    browser,
    clock,
    ask: (request) => route(request, LIBRARY) as never,
    askFromPage: (request, pageUrl) =>
      route(request, { id: OWN_ID, url: pageUrl, tab: { url: pageUrl }, frameId: 0 }) as never,
    askFromEditor: (request, pageUrl) =>
      route(request, {
        id: OWN_ID,
        url: `${ORIGIN}${EDITOR_PAGE}#${'e'.repeat(32)}`,
        tab: { id: 9, url: pageUrl },
        frameId: 5,
      }) as never,
  };
}
