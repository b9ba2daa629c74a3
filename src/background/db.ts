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
import type { Annotation } from '../core/annotations/types';
import type { Fact } from '../core/types';

export const DB_NAME = 'factmark';

/** Seed facts' ids start with this; users' facts start with "user:" (src/core/types.ts). */
export const SEED_PREFIX = 'seed:';
export const USER_FACT_PREFIX = 'user:';
// Every string that starts with SEED_PREFIX sorts between these two keys.
const SEED_RANGE: [string, string] = [SEED_PREFIX, SEED_PREFIX + '\uffff'];

/** The per-site switch. A site without a record is on. */
export interface SiteSetting {
  host: string;
  enabled: boolean;
  /** When the user last flipped the switch (ms since the epoch). */
  updated: number;
}

export interface FactmarkSchema extends DBSchema {
  facts: { key: string; value: Fact; indexes: { attribute: string } };
  /** The full Annotation records of src/core/annotations/types.ts; `tags` is a multiEntry index. */
  annotations: {
    key: string;
    value: Annotation;
    indexes: { url: string; created: number; tags: string; updated: number };
  };
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
  async function v2AnnotationTagsAndUpdated(_db, tx) {
    const store = tx.objectStore('annotations');
    // One index entry per tag, so the Library finds every annotation with a tag in one lookup.
    store.createIndex('tags', 'tags', { multiEntry: true });
    store.createIndex('updated', 'updated');
    // Records written before v2 may lack the fields the annotation model added since: give them
    // the model's defaults. Fields a record has are kept as they are, unknown ones included.
    let cursor = await store.openCursor();
    while (cursor) {
      const filled = withAnnotationDefaults(cursor.value);
      if (filled !== cursor.value) await cursor.update(filled);
      cursor = await cursor.continue();
    }
  },
];

/**
 * The record with defaults for the fields an older record may lack (v2 migration), or the same
 * object when it lacks none. Only missing (undefined) fields are filled: nothing stored is lost.
 */
export function withAnnotationDefaults(record: Annotation): Annotation {
  // A v1 record is typed as today's Annotation, but may be missing any of these at run time.
  const old = record as Partial<Annotation> & Pick<Annotation, 'id'>;
  const defaults: Partial<Annotation> = {};
  if (old.title === undefined) defaults.title = '';
  if (old.color === undefined) defaults.color = 'yellow';
  if (old.note === undefined) defaults.note = '';
  if (old.tags === undefined) defaults.tags = [];
  if (old.entities === undefined) defaults.entities = [];
  if (old.verdicts === undefined) defaults.verdicts = [];
  if (old.updated === undefined)
    defaults.updated = typeof old.created === 'number' ? old.created : 0;
  return Object.keys(defaults).length === 0 ? record : { ...record, ...defaults };
}

export interface OpenOptions {
  name?: string;
  /** Tests pass their own list to exercise an upgrade; the extension uses MIGRATIONS. */
  migrations?: readonly Migration[];
}

/**
 * Open the database, migrating it to this version. `onGone` is called when the connection stops
 * being usable: closed for another connection's upgrade (versionchange), or closed by the browser
 * (the data cleared, the disk gone).
 */
export function openFactmarkDb(
  options: OpenOptions = {},
  onGone: () => void = () => undefined,
): Promise<FactmarkDb> {
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
      // A newer version wants to open (an updated extension), or the database is being deleted:
      // let it, rather than block it. This connection is useless from here on.
      (event.target as IDBDatabase | null)?.close();
      onGone();
    },
    terminated: onGone,
  });
}

/**
 * The background's connection: opened on the first request, kept while it stays open, and opened
 * again on the next request after it closed (another connection's upgrade, the browser closing it)
 * or after an open that failed. Without this, one upgrade elsewhere failed every request
 * ("InvalidStateError") until the worker restarted.
 *
 * When the database is now newer than this code's schema (upgraded by a newer Factmark still
 * running somewhere), it is opened at its own version: migrations only ever add to the schema
 * (see MIGRATIONS), so every store and index this code uses is still there.
 */
export function createDbConnection(options: OpenOptions = {}): () => Promise<FactmarkDb> {
  let current: Promise<FactmarkDb> | null = null;
  const open = async (gone: () => void): Promise<FactmarkDb> => {
    try {
      return await openFactmarkDb(options, gone);
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'VersionError')) throw error;
      console.warn('[factmark] database is newer than this version; opening it as it is');
      return await openDB<FactmarkSchema>(options.name ?? DB_NAME, undefined, {
        blocking(_current, _blocked, event) {
          (event.target as IDBDatabase | null)?.close();
          gone();
        },
        terminated: gone,
      });
    }
  };
  return () => {
    if (current === null) {
      // `gone` forgets this connection only: a late event of an older one must not drop a newer.
      let self: Promise<FactmarkDb> | null = null;
      const gone = (): void => {
        if (current === self) current = null;
      };
      self = open(gone);
      current = self;
      // A failed open is not kept either: the next request tries again.
      self.catch(gone);
    }
    return current;
  };
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

/**
 * Save a user's fact (add or replace). Only users' facts: the id must start with "user:" and the
 * source must be the page the user took it from, with a non-empty URL, title and quote. Seed
 * facts come from the bundled fact base alone (seed.ts).
 */
export async function saveUserFact(db: FactmarkDb, fact: Fact): Promise<Fact> {
  if (!fact.id.startsWith(USER_FACT_PREFIX) || fact.id.length === USER_FACT_PREFIX.length) {
    throw new Error(`not a user fact id: ${fact.id}`);
  }
  const source = fact.source;
  if (source.type !== 'user') throw new Error(`fact ${fact.id}: source must be of type "user"`);
  if (source.url === '' || source.title === '' || fact.quote === '' || source.date === '') {
    throw new Error(`fact ${fact.id}: source url, title, date and quote must not be empty`);
  }
  await db.put('facts', fact);
  return fact;
}

/** Delete a user's fact; a seed fact (any id not "user:…") is refused. Unknown ids are a no-op. */
export async function deleteUserFact(db: FactmarkDb, id: string): Promise<void> {
  if (!id.startsWith(USER_FACT_PREFIX)) throw new Error(`only user facts can be deleted: ${id}`);
  await db.delete('facts', id);
}

// ---- Annotations ----------------------------------------------------------------------------

/** One page's annotations (by its canonical URL), oldest first. */
export async function annotationsForUrl(db: FactmarkDb, url: string): Promise<Annotation[]> {
  return byCreated(await db.getAllFromIndex('annotations', 'url', url));
}

/** Every annotation, oldest first. */
export async function allAnnotations(db: FactmarkDb): Promise<Annotation[]> {
  return byCreated(await db.getAll('annotations'));
}

function byCreated(list: Annotation[]): Annotation[] {
  return list.sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Add or replace one annotation. */
export async function saveAnnotation(db: FactmarkDb, annotation: Annotation): Promise<Annotation> {
  await db.put('annotations', annotation);
  return annotation;
}

/**
 * Delete these annotations in one transaction and return the records that existed, as they were,
 * so that the UI can undo with restoreAnnotations. Unknown ids are skipped.
 */
export async function deleteAnnotations(
  db: FactmarkDb,
  ids: readonly string[],
): Promise<Annotation[]> {
  const tx = db.transaction('annotations', 'readwrite');
  const unique = [...new Set(ids)];
  const [found] = await Promise.all([
    Promise.all(
      unique.map(async (id) => {
        const record = await tx.store.get(id);
        if (record !== undefined) await tx.store.delete(id);
        return record;
      }),
    ),
    tx.done,
  ]);
  return found.filter((a): a is Annotation => a !== undefined);
}

/** Put back annotations deleted before (undo): all of them or, on any failure, none. */
export function restoreAnnotations(db: FactmarkDb, list: readonly Annotation[]): Promise<number> {
  return putAllOrNone(db, list);
}

/**
 * Write imported annotations in ONE readwrite transaction: all are written or, on any failure
 * (a record that cannot be stored, quota), none is. A record whose id is already stored replaces
 * it (re-importing an export restores it rather than duplicating it).
 */
export function importAnnotations(db: FactmarkDb, list: readonly Annotation[]): Promise<number> {
  return putAllOrNone(db, list);
}

async function putAllOrNone(db: FactmarkDb, list: readonly Annotation[]): Promise<number> {
  const tx = db.transaction('annotations', 'readwrite');
  const done = tx.done;
  const writes: Promise<unknown>[] = [];
  try {
    for (const annotation of list) writes.push(tx.store.put(annotation));
  } catch (error) {
    // put() throws at once for a record it cannot clone or key; the puts already issued would
    // otherwise commit alone. A request that fails later aborts the transaction by itself.
    tx.abort();
    await Promise.allSettled([...writes, done]);
    throw error;
  }
  const settled = await Promise.allSettled([...writes, done]);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return list.length;
}

/** Delete every annotation (tests; the options page's wipe). */
export function clearAnnotations(db: FactmarkDb): Promise<void> {
  return db.clear('annotations');
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
