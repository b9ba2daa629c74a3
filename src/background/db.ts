/**
 * The one owner of Factmark's IndexedDB database ("factmark", in the extension's origin): its
 * schema, its migrations, and every read and write. Content scripts never open IndexedDB (it
 * would be the page's); they ask the background by message.
 */
import {
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  type StoreNames,
} from 'idb';
import type { Fact } from '../core/types';

export const DB_NAME = 'factmark';

/** Seed facts' ids start with this; users' facts start with "user:" (src/core/types.ts). */
export const SEED_PREFIX = 'seed:';
// Every string that starts with SEED_PREFIX sorts between these two keys.
const SEED_RANGE: [string, string] = [SEED_PREFIX, SEED_PREFIX + '\uffff'];

/** The per-site switch. A site without a record is on. */
export interface SiteSetting {
  host: string;
  enabled: boolean;
  /** When the user last flipped the switch (ms since the epoch). */
  updated: number;
}

/** The fields the annotation store indexes; the annotation feature defines the rest. */
export interface AnnotationRecord {
  id: string;
  url: string;
  /** Creation time (ms since the epoch). */
  created: number;
}

export interface FactmarkSchema extends DBSchema {
  facts: { key: string; value: Fact; indexes: { attribute: string } };
  annotations: { key: string; value: AnnotationRecord; indexes: { url: string; created: number } };
  sites: { key: string; value: SiteSetting };
}

export type FactmarkDb = IDBPDatabase<FactmarkSchema>;
export type UpgradeTransaction = IDBPTransaction<
  FactmarkSchema,
  StoreNames<FactmarkSchema>[],
  'versionchange'
>;

/**
 * MIGRATIONS[n] takes the database from version n to n + 1; the database's version is the length
 * of the list. Append a migration for every schema change and never edit a shipped one: a user
 * may upgrade from any earlier version, and runs exactly the migrations past it, in order.
 * A migration may be async, but may only await requests of the upgrade transaction.
 */
export type Migration = (db: FactmarkDb, tx: UpgradeTransaction) => void | Promise<void>;

export const MIGRATIONS: readonly Migration[] = [
  function v1CreateStores(db) {
    db.createObjectStore('facts', { keyPath: 'id' }).createIndex('attribute', 'attribute');
    const annotations = db.createObjectStore('annotations', { keyPath: 'id' });
    annotations.createIndex('url', 'url');
    annotations.createIndex('created', 'created');
    db.createObjectStore('sites', { keyPath: 'host' });
  },
];

export interface OpenOptions {
  name?: string;
  /** Tests pass their own list to exercise an upgrade; the extension uses MIGRATIONS. */
  migrations?: readonly Migration[];
}

export function openFactmarkDb(options: OpenOptions = {}): Promise<FactmarkDb> {
  const migrations = options.migrations ?? MIGRATIONS;
  return openDB<FactmarkSchema>(options.name ?? DB_NAME, migrations.length, {
    upgrade(db, oldVersion, _newVersion, tx) {
      // A migration that fails aborts the whole upgrade: the database stays at its old version
      // with its data intact, rather than half migrated. The failure reaches the caller through
      // openDB's promise; the transaction's own is not needed.
      tx.done.catch(() => undefined);
      runMigrations(migrations.slice(oldVersion), db, tx).catch((error: unknown) => {
        console.error('[factmark] database upgrade failed', error);
        tx.abort();
      });
    },
    blocking(_current, _blocked, event) {
      // A newer version wants to open (an updated extension): let it, rather than block it.
      (event.target as IDBDatabase | null)?.close();
    },
  });
}

async function runMigrations(
  migrations: readonly Migration[],
  db: FactmarkDb,
  tx: UpgradeTransaction,
): Promise<void> {
  for (const migrate of migrations) await migrate(db, tx);
}

// ---- Facts ----------------------------------------------------------------------------------

export function allFacts(db: FactmarkDb): Promise<Fact[]> {
  return db.getAll('facts');
}

/** The facts with these ids that exist, in one read transaction; unknown ids are skipped. */
export async function factsByIds(db: FactmarkDb, ids: readonly string[]): Promise<Fact[]> {
  const tx = db.transaction('facts', 'readonly');
  const [found] = await Promise.all([Promise.all(ids.map((id) => tx.store.get(id))), tx.done]);
  return found.filter((f): f is Fact => f !== undefined);
}

export function countSeedFacts(db: FactmarkDb): Promise<number> {
  return db.count('facts', IDBKeyRange.bound(...SEED_RANGE));
}

/**
 * Replace every seed fact with `facts`, in one transaction: readers see the old seed or the new,
 * never a mix or none. Users' facts are outside the seed key range and are not touched.
 */
export async function replaceSeedFacts(db: FactmarkDb, facts: readonly Fact[]): Promise<void> {
  const stray = facts.find((f) => !f.id.startsWith(SEED_PREFIX));
  if (stray) throw new Error(`not a seed fact: ${stray.id}`);
  const tx = db.transaction('facts', 'readwrite');
  const done = tx.done;
  const writes: Promise<unknown>[] = [];
  try {
    writes.push(tx.store.delete(IDBKeyRange.bound(...SEED_RANGE)));
    for (const fact of facts) writes.push(tx.store.put(fact));
  } catch (error) {
    // A put that throws (a fact that cannot be cloned) would otherwise let the transaction
    // commit the deletion alone: abort, and wait for the requests to settle before reporting.
    tx.abort();
    await Promise.allSettled([...writes, done]);
    throw error;
  }
  await Promise.all([...writes, done]);
}

// ---- Sites ----------------------------------------------------------------------------------

export async function isSiteEnabled(db: FactmarkDb, host: string): Promise<boolean> {
  return (await db.get('sites', host))?.enabled ?? true;
}

export async function setSiteEnabled(
  db: FactmarkDb,
  host: string,
  enabled: boolean,
  now = Date.now(),
): Promise<void> {
  await db.put('sites', { host, enabled, updated: now });
}
