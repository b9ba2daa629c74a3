/**
 * The background's wiring: open the database, seed it, listen (messages, and the context menu and
 * keyboard command of menus.ts). Listeners are registered synchronously, on the first turn of the
 * script, so an event that woke the service worker (Chrome) or event page (Firefox) is not missed.
 */
import type { FactBase } from '../core/facts/build';
import type { BackgroundBrowserApi } from './browser-api';
import { createDbConnection, type FactmarkDb, type OpenOptions } from './db';
import { EDITOR_PAGE } from '../shared/editor-protocol';
import { createEditorRelay } from './editor-relay';
import { createMenusOn, registerAnnotateTriggers, type AddPageSource } from './menus';
import { createRouter } from './router';
import { ensureSeeded, refreshSeedFacts } from './seed';
import { addSource, ensureBundledStory } from './sources';
import { checkNewSource, pageSource } from '../shared/sources-protocol';
import { createTransfer } from './transfer';
import { pouchFactory } from './sync/pouch';
import { createSyncService, type SyncService } from './sync/service';

export interface Background {
  /** Resolves when every seeding queued so far is done (tests wait on it). */
  settled(): Promise<void>;
}

export function startBackground(
  api: BackgroundBrowserApi,
  base: FactBase,
  dbOptions: OpenOptions = {},
): Background {
  // Opened on first use, and again after another connection's upgrade closed it (db.ts).
  const db = createDbConnection(dbOptions);
  // Seeding steps run one after another; a failed step is logged and does not stop later ones.
  let seeding: Promise<void> = Promise.resolve();
  const queue = (step: (db: FactmarkDb) => Promise<unknown>): void => {
    seeding = seeding
      .then(async () => {
        await step(await db());
      })
      .catch((error: unknown) => console.error('[factmark] seeding failed', error));
  };

  // Every start of the background (browser start-up, a worker woken by an event): seed if the
  // store holds no seed facts. Cheap: one count.
  queue((d) => ensureSeeded(d, base));
  // The bundled seeds and entities listed as sources and watched names (sources.ts): cheap, and
  // how a database upgraded from before they were listed gets them.
  queue((d) => ensureBundledStory(d, base));
  api.onInstalled((reason) => {
    if (reason === 'install' || reason === 'update') {
      queue((d) => refreshSeedFacts(d, base));
      // A new version's engine: the journalist's sources' facts are built again with it.
      queue((d) => ensureBundledStory(d, base, true));
    }
    createMenusOn(reason, api).catch((error: unknown) =>
      console.error('[factmark] context menu setup failed', error),
    );
  });
  // "Add this page as a Factmark source": the page's text, checked as factmark/source-add's is.
  const addPage: AddPageSource = async (page) => {
    const source = checkNewSource(pageSource(page));
    if (typeof source === 'string') throw new Error(`source.${source}`);
    await seeding;
    return addSource(await db(), source, { now: Date.now(), newId: () => crypto.randomUUID() });
  };
  registerAnnotateTriggers(api, addPage);
  // Once per start (an install is a start): the browser may otherwise evict the annotations
  // under storage pressure. Never awaited: Firefox may leave it unanswered.
  askForPersistence(api);
  // Answers wait for the seeding queued before them, so the first page after an install gets
  // the facts rather than an empty list.
  const seeded = async () => {
    await seeding;
    return db();
  };
  const sync = startSync(api, seeded);
  api.onMessage(
    createRouter({
      extensionId: api.extensionId,
      extensionOrigin: api.extensionOrigin,
      db: seeded,
      ...(sync !== undefined ? { sync } : {}),
    }),
  );
  // Export and import of any size, over ports (transfer.ts).
  api.onConnect(
    createTransfer({
      extensionId: api.extensionId,
      extensionOrigin: api.extensionOrigin,
      db: seeded,
    }),
  );
  // The annotation editor's two ends (content script, editor frame), joined (editor-relay.ts).
  api.onConnect(
    createEditorRelay({
      extensionId: api.extensionId,
      editorPage: EDITOR_PAGE,
    }),
  );
  return { settled: () => seeding };
}

/**
 * Desk sync (sync/service.ts), when the browser API offers it: its alarm listener registered now,
 * on the first turn (an alarm may be what woke the background), its alarm made sure of after.
 */
function startSync(
  api: BackgroundBrowserApi,
  db: () => Promise<FactmarkDb>,
): SyncService | undefined {
  if (api.sync === undefined) return undefined;
  const sync = createSyncService({
    db,
    browser: api.sync,
    pouch: pouchFactory,
    fetch: (url, init) => globalThis.fetch(url, init),
  });
  api.sync.onAlarm((name) => sync.onAlarm(name));
  sync.start().catch((error: unknown) => console.warn('[factmark] desk sync not started', error));
  return sync;
}

function askForPersistence(api: BackgroundBrowserApi): void {
  try {
    api
      .persistStorage()
      .then((persistent) => {
        if (!persistent) console.info('[factmark] storage is not persistent (the browser said no)');
      })
      .catch((error: unknown) => console.warn('[factmark] persistent storage not asked', error));
  } catch (error) {
    console.warn('[factmark] persistent storage not asked', error);
  }
}
