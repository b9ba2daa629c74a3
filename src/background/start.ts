/**
 * The background's wiring: open the database, seed it, listen (messages, and the context menu and
 * keyboard command of menus.ts). Listeners are registered synchronously, on the first turn of the
 * script, so an event that woke the service worker (Chrome) or event page (Firefox) is not missed.
 */
import type { FactBase } from '../core/facts/build';
import type { BackgroundBrowserApi } from './browser-api';
import { openFactmarkDb, type FactmarkDb, type OpenOptions } from './db';
import { createMenusOn, registerAnnotateTriggers } from './menus';
import { createRouter } from './router';
import { ensureSeeded, refreshSeedFacts } from './seed';
import { createTransfer } from './transfer';

export interface Background {
  /** Resolves when every seeding queued so far is done (tests wait on it). */
  settled(): Promise<void>;
}

export function startBackground(
  api: BackgroundBrowserApi,
  base: FactBase,
  dbOptions: OpenOptions = {},
): Background {
  const db = openFactmarkDb(dbOptions);
  // Seeding steps run one after another; a failed step is logged and does not stop later ones.
  let seeding: Promise<void> = Promise.resolve();
  const queue = (step: (db: FactmarkDb) => Promise<unknown>): void => {
    seeding = seeding
      .then(async () => {
        await step(await db);
      })
      .catch((error: unknown) => console.error('[factmark] seeding failed', error));
  };

  // Every start of the background (browser start-up, a worker woken by an event): seed if the
  // store holds no seed facts. Cheap: one count.
  queue((d) => ensureSeeded(d, base));
  api.onInstalled((reason) => {
    if (reason === 'install' || reason === 'update') queue((d) => refreshSeedFacts(d, base));
    createMenusOn(reason, api).catch((error: unknown) =>
      console.error('[factmark] context menu setup failed', error),
    );
  });
  registerAnnotateTriggers(api);
  // Answers wait for the seeding queued before them, so the first page after an install gets
  // the facts rather than an empty list.
  const seeded = async () => {
    await seeding;
    return db;
  };
  api.onMessage(createRouter({ extensionId: api.extensionId, db: seeded }));
  // Export and import of any size, over ports (transfer.ts).
  api.onConnect(
    createTransfer({
      extensionId: api.extensionId,
      extensionOrigin: api.extensionOrigin,
      db: seeded,
    }),
  );
  return { settled: () => seeding };
}
