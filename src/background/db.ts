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
import {
  cursorAfter,
  isEmptyQuery,
  keepsStored,
  queryMatcher,
  sameAnnotation,
  type AnnotationQuery,
  type PageCursor,
} from '../core/annotations/query';
import type { Annotation } from '../core/annotations/types';
import type { Fact } from '../core/types';
import type { WatchedName } from '../shared/sources-protocol';
import type { StoredSource } from './sources';
import type { DeskRecord, SyncRecord } from './sync/records';

export const DB_NAME = 'factmark';

/** Seed facts' ids start with this; users' facts start with "user:" (src/core/types.ts). */
export const SEED_PREFIX = 'seed:';
export const USER_FACT_PREFIX = 'user:';
/** The facts of a journalist's own source: `source:<source id>:<offset>` (src/background/sources.ts). */
export const SOURCE_FACT_PREFIX = 'source:';
// Every string that starts with SEED_PREFIX sorts between these two keys.
const SEED_RANGE: [string, string] = [SEED_PREFIX, SEED_PREFIX + '\uffff'];

/** The source id of a `source:<id>:<offset>` fact id, or null. */
export function sourceIdOf(factId: string): string | null {
  if (!factId.startsWith(SOURCE_FACT_PREFIX)) return null;
  const rest = factId.slice(SOURCE_FACT_PREFIX.length);
  const colon = rest.lastIndexOf(':');
  return colon > 0 ? rest.slice(0, colon) : null;
}

/** Facts of the journalist's own sources by source id, in their order; other facts left out. */
export function factsBySource(facts: Iterable<Fact>): Map<string, Fact[]> {
  const bySource = new Map<string, Fact[]>();
  for (const fact of facts) {
    const id = sourceIdOf(fact.id);
    if (id === null) continue;
    const list = bySource.get(id);
    if (list) list.push(fact);
    else bySource.set(id, [fact]);
  }
  return bySource;
}

/**
 * The facts of one of the journalist's own sources, all in one record (v6). They are derived
 * data: rebuilt from the source's text and the watched names (sources.ts), written whole when they
 * change. One record rather than one per fact because IndexedDB's cost is per record: 7,300 facts
 * of a megabyte of news took 590–660 ms to write one by one, 73–77 ms in records of 100 facts
 * (Chromium 156, this machine; .tmp/idbput.ts), and a source's facts are only ever read whole.
 */
export interface SourceFactsRecord {
  sourceId: string;
  /** `facts.length`, indexed: the Library lists every source's count without reading its facts. */
  count: number;
  facts: Fact[];
}

/** The per-site switch. A site without a record is on. */
export interface SiteSetting {
  host: string;
  enabled: boolean;
  /** When the user last flipped the switch (ms since the epoch). */
  updated: number;
}

export interface FactmarkSchema extends DBSchema {
  /** The bundled seeds' facts and the journalist's own (users' facts). */
  facts: { key: string; value: Fact; indexes: { attribute: string } };
  /** The facts of the journalist's own sources, one record per source (v6). */
  sourceFacts: { key: string; value: SourceFactsRecord; indexes: { count: number } };
  /** The full Annotation records of src/core/annotations/types.ts; `tags` is a multiEntry index. */
  annotations: {
    key: string;
    value: Annotation;
    indexes: { url: string; created: number; tags: string; updated: number };
  };
  sites: { key: string; value: SiteSetting };
  /** What the latest import changed, so that it can be undone (v3; at most one record). */
  imports: { key: string; value: ImportUndo };
  /** Sources of facts, the bundled seeds among them (v4; src/background/sources.ts). */
  sources: { key: string; value: StoredSource };
  /** Watched names, the bundled entities among them (v4; src/background/sources.ts). */
  entities: { key: string; value: WatchedName };
  /** Desk sync's settings and state, by key (v5; src/background/sync/settings.ts). */
  sync: { key: string; value: SyncRecord };
  /** What this profile knows of each item on the desk, by desk document id (v5; sync/desk.ts). */
  desk: { key: string; value: DeskRecord };
}

/**
 * What an import changed, to undo it in one transaction: the ids it added (deleted on undo) and
 * the records it replaced, as they were (put back on undo).
 */
export interface ImportUndo {
  /** `import:<uuid>`: the Library names it to undo (factmark/import-undo). */
  id: string;
  /** When the import was written (ms since the epoch). */
  at: number;
  added: string[];
  replaced: Annotation[];
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
  function v3ImportUndo(db) {
    // The latest import's undo record (importAnnotations, undoImport).
    db.createObjectStore('imports', { keyPath: 'id' });
  },
  function v4SourcesAndWatchedNames(db) {
    // A journalist's own story: sources (their facts stay in `facts`, ids `source:<id>:<offset>`)
    // and watched names. Nothing earlier changes; the bundled seeds and entities are listed in
    // them by the seeding step (src/background/sources.ts ensureBundledStory), which runs on
    // every start, so a database upgraded from any version gets them.
    db.createObjectStore('sources', { keyPath: 'id' });
    db.createObjectStore('entities', { keyPath: 'id' });
  },
  function v5DeskSync(db) {
    // Desk sync (src/background/sync/): its settings and state (the password among them: in the
    // extension's own database, never in storage.local, which content scripts can read), and
    // what is known of each item shared on the desk. Nothing earlier changes: an annotation
    // without `shared` is private, as every annotation made before sync existed.
    db.createObjectStore('sync', { keyPath: 'key' });
    db.createObjectStore('desk', { keyPath: 'docId' });
  },
  async function v6SourceFactsBySource(db, tx) {
    // A source's facts move from one record per fact in `facts` to one record per source
    // (SourceFactsRecord: written many times faster). Every fact moves as it is, edits and
    // claims included; none is rebuilt here.
    db.createObjectStore('sourceFacts', { keyPath: 'sourceId' }).createIndex('count', 'count');
    const facts = tx.objectStore('facts');
    const range = IDBKeyRange.bound(SOURCE_FACT_PREFIX, SOURCE_FACT_PREFIX + '\uffff');
    // An id no source owns could not be listed or checked either way: it stays where it is.
    const bySource = factsBySource(await facts.getAll(range));
    const store = tx.objectStore('sourceFacts');
    const writes: Promise<unknown>[] = [];
    for (const [sourceId, list] of bySource) {
      for (const fact of list) writes.push(facts.delete(fact.id));
      writes.push(store.put({ sourceId, count: list.length, facts: list }));
    }
    await Promise.all(writes);
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

/** Every fact stored: the seeds', the users' and those of the journalist's sources. */
export async function allFacts(db: FactmarkDb): Promise<Fact[]> {
  const tx = db.transaction(['facts', 'sourceFacts'], 'readonly');
  const [facts, records] = await Promise.all([
    tx.objectStore('facts').getAll(),
    tx.objectStore('sourceFacts').getAll(),
    tx.done,
  ]);
  return inKeyOrder(
    facts,
    records.flatMap((r) => r.facts),
  );
}

/**
 * The facts of `facts` (the store's, in key order: seeds' then users') and of sources' records,
 * in the one order of their ids that readers saw when every fact had its own record: seeds',
 * sources', users' ("seed:" < "source:" < "user:"). Claims keep the fact base's order.
 */
export function inKeyOrder(facts: readonly Fact[], own: readonly Fact[]): Fact[] {
  if (own.length === 0) return [...facts];
  const sorted = [...own].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let users = facts.findIndex((f) => f.id >= SOURCE_FACT_PREFIX);
  if (users < 0) users = facts.length;
  return [...facts.slice(0, users), ...sorted, ...facts.slice(users)];
}

/**
 * The facts with these ids that exist, in one read transaction, in the order asked; unknown ids
 * are skipped. A source's facts are read from its record once, however many of them are asked.
 */
export async function factsByIds(db: FactmarkDb, ids: readonly string[]): Promise<Fact[]> {
  const tx = db.transaction(['facts', 'sourceFacts'], 'readonly');
  const records = new Map<string, Promise<Map<string, Fact>>>();
  const factsOf = (sourceId: string) => {
    let byId = records.get(sourceId);
    if (byId === undefined) {
      byId = tx
        .objectStore('sourceFacts')
        .get(sourceId)
        .then((r) => new Map((r?.facts ?? []).map((f) => [f.id, f])));
      records.set(sourceId, byId);
    }
    return byId;
  };
  // Every request is made in this first turn: the transaction is still active.
  const lookUp = async (id: string): Promise<Fact | undefined> => {
    const sourceId = sourceIdOf(id);
    if (sourceId === null) return tx.objectStore('facts').get(id);
    return (await factsOf(sourceId)).get(id);
  };
  const [found] = await Promise.all([Promise.all(ids.map(lookUp)), tx.done]);
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
  checkUserFactRecord(fact);
  await db.put('facts', fact);
  return fact;
}

/**
 * Add a user's fact that is not stored yet (saveUserFact's checks); false, writing nothing, when a
 * fact with its id exists. For callers that may add facts but not replace them (content scripts).
 */
export async function addUserFact(db: FactmarkDb, fact: Fact): Promise<boolean> {
  checkUserFactRecord(fact);
  const tx = db.transaction('facts', 'readwrite');
  const [added] = await Promise.all([
    (async () => {
      if ((await tx.store.getKey(fact.id)) !== undefined) return false;
      await tx.store.add(fact);
      return true;
    })(),
    tx.done,
  ]);
  return added;
}

function checkUserFactRecord(fact: Fact): void {
  if (!fact.id.startsWith(USER_FACT_PREFIX) || fact.id.length === USER_FACT_PREFIX.length) {
    throw new Error(`not a user fact id: ${fact.id}`);
  }
  const source = fact.source;
  if (source.type !== 'user') throw new Error(`fact ${fact.id}: source must be of type "user"`);
  if (source.url === '' || source.title === '' || fact.quote === '' || source.date === '') {
    throw new Error(`fact ${fact.id}: source url, title, date and quote must not be empty`);
  }
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

/**
 * How many annotations are stored. IndexedDB counts by walking the store (about 1 s for a million
 * in Chromium 156), and the Library asks with every page of its list — a search over a million
 * is some 200 requests — so the count is kept until an annotation is written. Every write of
 * annotations is in this file and calls annotationsChanged, before it starts and after it ends:
 * a count that overlapped a write is never kept.
 */
export async function countAnnotations(db: FactmarkDb): Promise<number> {
  const kept = annotationCounts.get(db);
  if (kept !== undefined) return kept;
  const generation = writeGenerations.get(db) ?? 0;
  const count = await db.count('annotations');
  if ((writeGenerations.get(db) ?? 0) === generation) annotationCounts.set(db, count);
  return count;
}

const annotationCounts = new WeakMap<FactmarkDb, number>();
const writeGenerations = new WeakMap<FactmarkDb, number>();

/** Forget the kept count (countAnnotations): annotations are being, or have been, written. */
function annotationsChanged(db: FactmarkDb): void {
  annotationCounts.delete(db);
  writeGenerations.set(db, (writeGenerations.get(db) ?? 0) + 1);
}

/**
 * Run a write of annotations, the kept count forgotten before and after it. The exported writers
 * below are this around their `…Written` bodies.
 */
async function writing<T>(db: FactmarkDb, write: () => Promise<T>): Promise<T> {
  annotationsChanged(db);
  try {
    return await write();
  } finally {
    annotationsChanged(db);
  }
}

/**
 * Run a write of annotations made outside this file, in a transaction of the caller's that
 * covers other stores too (the backup's restore, backup.ts: every store at once), the kept count
 * forgotten before and after it as for the writers here.
 */
export function writingAnnotations<T>(db: FactmarkDb, write: () => Promise<T>): Promise<T> {
  return writing(db, write);
}

/** Where a read in creation order stopped: the last annotation read (createdCursorOf). */
export interface CreatedCursor {
  created: number;
  id: string;
}

export function createdCursorOf(a: Annotation): CreatedCursor {
  return { created: a.created, id: a.id };
}

/**
 * The next `limit` annotations oldest first, just after `after` (absent: from the first): the
 * order of allAnnotations (`created`, then `id`) read a page at a time, each page in a short
 * transaction of its own, so that an export of a million never holds them all nor keeps writers
 * waiting. The `created` index is ordered exactly so (its key, then the primary key).
 *
 * Annotations made at the same millisecond as `after` come first, through a cursor positioned
 * at `after` (continuePrimaryKey); the rest in one getAll past `after.created`, which is many
 * times faster than a cursor's steps. An annotation saved between two pages is read once if it
 * sorts after where the reading is, and not at all if before; none is ever read twice.
 */
export async function annotationsAfter(
  db: FactmarkDb,
  limit: number,
  after?: CreatedCursor,
): Promise<Annotation[]> {
  const tx = db.transaction('annotations', 'readonly');
  const index = tx.store.index('created');
  const found: Annotation[] = [];
  if (after === undefined) {
    found.push(...(await index.getAll(null, limit)));
  } else {
    let cursor = await index.openCursor(IDBKeyRange.only(after.created));
    if (cursor !== null && cursor.primaryKey < after.id) {
      cursor = await cursor.continuePrimaryKey(after.created, after.id);
    }
    if (cursor !== null && cursor.primaryKey === after.id) cursor = await cursor.continue();
    while (cursor !== null && found.length < limit) {
      found.push(cursor.value);
      if (found.length < limit) cursor = await cursor.continue();
    }
    if (found.length < limit) {
      found.push(
        ...(await index.getAll(IDBKeyRange.lowerBound(after.created, true), limit - found.length)),
      );
    }
  }
  await tx.done;
  return found;
}

/**
 * The annotations of each of these pages (canonical URLs), oldest first within each, in one
 * transaction: one getAll per page, all in flight together.
 */
export async function annotationsForUrls(
  db: FactmarkDb,
  urls: readonly string[],
): Promise<Annotation[][]> {
  const tx = db.transaction('annotations', 'readonly');
  const index = tx.store.index('url');
  const [groups] = await Promise.all([Promise.all(urls.map((url) => index.getAll(url))), tx.done]);
  return groups.map(byCreated);
}

function byCreated(list: Annotation[]): Annotation[] {
  return list.sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Add or replace one annotation. */
export async function saveAnnotation(db: FactmarkDb, annotation: Annotation): Promise<Annotation> {
  await writing(db, () => db.put('annotations', annotation));
  return annotation;
}

/**
 * Add or replace one annotation, unless a stored record with its id fails `mayReplace` (one of
 * another site, for a content script): then nothing is written and the answer is false. The check
 * and the write are one transaction.
 */
export async function saveAnnotationIf(
  db: FactmarkDb,
  annotation: Annotation,
  mayReplace: (stored: Annotation) => boolean,
): Promise<boolean> {
  const written = await writing(db, () =>
    saveAnnotationIfWritten(db, annotation.id, mayReplace, () => annotation),
  );
  return written !== null;
}

/**
 * A content script's save (router.ts): as saveAnnotationIf, but the desk switch is never the
 * sender's. A new annotation is stored private (no `shared`, no `creator`); one stored already
 * keeps its stored `shared` and `creator`, whatever `annotation` says — its other fields are
 * saved. Sharing is the journalist's decision, made in the extension's own pages (factmark/share,
 * factmark/annotation-share). The read and the write are one transaction. Answers the annotation
 * as written, or null when `mayReplace` refused (nothing written).
 */
export function saveAnnotationKeepingDesk(
  db: FactmarkDb,
  annotation: Annotation,
  mayReplace: (stored: Annotation) => boolean,
): Promise<Annotation | null> {
  return writing(db, () =>
    saveAnnotationIfWritten(db, annotation.id, mayReplace, (stored) => {
      const { shared: _shared, creator: _creator, ...rest } = annotation;
      const written: Annotation = { ...rest };
      if (stored?.shared !== undefined) written.shared = stored.shared;
      if (stored?.creator !== undefined) written.creator = stored.creator;
      return written;
    }),
  );
}

async function saveAnnotationIfWritten(
  db: FactmarkDb,
  id: string,
  mayReplace: (stored: Annotation) => boolean,
  compose: (stored: Annotation | undefined) => Annotation,
): Promise<Annotation | null> {
  const tx = db.transaction('annotations', 'readwrite');
  const [saved] = await Promise.all([
    (async () => {
      const stored = await tx.store.get(id);
      if (stored !== undefined && !mayReplace(stored)) return null;
      const annotation = compose(stored);
      await tx.store.put(annotation);
      return annotation;
    })(),
    tx.done,
  ]);
  return saved;
}

/**
 * Delete these annotations in one transaction and return the records that existed, as they were,
 * so that the UI can undo with restoreAnnotations. Unknown ids are skipped, and so are records
 * that fail `only` (another site's, for a content script): to the caller they do not exist.
 */
export function deleteAnnotations(
  db: FactmarkDb,
  ids: readonly string[],
  only: (stored: Annotation) => boolean = () => true,
): Promise<Annotation[]> {
  return writing(db, () => deleteAnnotationsWritten(db, ids, only));
}

async function deleteAnnotationsWritten(
  db: FactmarkDb,
  ids: readonly string[],
  only: (stored: Annotation) => boolean,
): Promise<Annotation[]> {
  const tx = db.transaction('annotations', 'readwrite');
  const unique = [...new Set(ids)];
  const [found] = await Promise.all([
    Promise.all(
      unique.map(async (id) => {
        const record = await tx.store.get(id);
        if (record === undefined || !only(record)) return undefined;
        await tx.store.delete(id);
        return record;
      }),
    ),
    tx.done,
  ]);
  return found.filter((a): a is Annotation => a !== undefined);
}

/** Put back annotations deleted before (undo): all of them or, on any failure, none. */
export function restoreAnnotations(db: FactmarkDb, list: readonly Annotation[]): Promise<number> {
  return writing(db, () => putAllOrNone(db, list));
}

/** What an import did (importAnnotations). */
export interface ImportOutcome {
  /** Annotations of the import now stored as the import has them: added, replaced, or already so. */
  imported: number;
  /** Incoming annotations whose id was stored with other content. */
  conflicts: number;
  /** Of those, the ones where the stored annotation was kept: it is as new or newer. */
  keptLocal: number;
  /** The id to undo this import with (undoImport): the latest import only. */
  undo: string;
}

function newImportId(): string {
  return `import:${crypto.randomUUID()}`;
}

/**
 * Write imported annotations in ONE readwrite transaction: all are written or, on any failure
 * (a record that cannot be stored, quota), none is. An incoming annotation whose id is stored
 * with other content is a conflict: the newer of the two by `updated` is kept (the stored one
 * when neither is newer), so an old backup never overwrites newer work. The same transaction
 * stores what the import added and what it replaced (the `imports` store, only the latest
 * import), so that undoImport can put the database back as it was before.
 */
export function importAnnotations(
  db: FactmarkDb,
  list: readonly Annotation[],
  undoId: string = newImportId(),
  now = Date.now(),
): Promise<ImportOutcome> {
  return writing(db, () => importAnnotationsWritten(db, list, undoId, now));
}

async function importAnnotationsWritten(
  db: FactmarkDb,
  list: readonly Annotation[],
  undoId: string,
  now: number,
): Promise<ImportOutcome> {
  const tx = db.transaction(['annotations', 'imports'], 'readwrite');
  const store = tx.objectStore('annotations');
  const done = tx.done;
  const steps: Promise<unknown>[] = [];
  const added: string[] = [];
  const replaced: Annotation[] = [];
  let conflicts = 0;
  let keptLocal = 0;
  const abort = async (error: unknown): Promise<never> => {
    // A request that cannot be made (a record that cannot be cloned or keyed) throws at once;
    // what was issued before it would otherwise commit alone.
    try {
      tx.abort();
    } catch {
      // Already aborted by a failed request.
    }
    await Promise.allSettled([...steps, done]);
    throw error;
  };
  try {
    for (const incoming of list) {
      steps.push(
        store.get(incoming.id).then((stored) => {
          if (stored === undefined) {
            added.push(incoming.id);
            return store.put(incoming);
          }
          if (sameAnnotation(stored, incoming)) return undefined;
          conflicts += 1;
          if (keepsStored(stored, incoming)) {
            keptLocal += 1;
            return undefined;
          }
          replaced.push(stored);
          return store.put(incoming);
        }),
      );
    }
  } catch (error) {
    return abort(error);
  }
  const settled = await Promise.allSettled(steps);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) return abort(failed.reason);
  // Still within the transaction: every step settled in a request's own event.
  try {
    const imports = tx.objectStore('imports');
    steps.push(imports.clear());
    steps.push(imports.put({ id: undoId, at: now, added, replaced }));
  } catch (error) {
    return abort(error);
  }
  const written = await Promise.allSettled([...steps, done]);
  const broken = written.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (broken) throw broken.reason;
  return { imported: list.length - keptLocal, conflicts, keptLocal, undo: undoId };
}

/** What undoing an import did. */
export interface UndoOutcome {
  /** Annotations the import had added, deleted again. */
  removed: number;
  /** Annotations the import had replaced, put back as they were. */
  restored: number;
}

/**
 * Undo the import `id`, in one transaction: delete what it added, put back what it replaced, and
 * forget it. Null, changing nothing, when `id` is not the latest import (undone already, or
 * another import came after it).
 */
export function undoImport(db: FactmarkDb, id: string): Promise<UndoOutcome | null> {
  return writing(db, () => undoImportWritten(db, id));
}

async function undoImportWritten(db: FactmarkDb, id: string): Promise<UndoOutcome | null> {
  const tx = db.transaction(['annotations', 'imports'], 'readwrite');
  const done = tx.done;
  const imports = tx.objectStore('imports');
  const store = tx.objectStore('annotations');
  const record = await imports.get(id);
  if (record === undefined) {
    await done;
    return null;
  }
  const steps: Promise<unknown>[] = [];
  try {
    for (const key of record.added) steps.push(store.delete(key));
    for (const annotation of record.replaced) steps.push(store.put(annotation));
    steps.push(imports.delete(id));
  } catch (error) {
    tx.abort();
    await Promise.allSettled([...steps, done]);
    throw error;
  }
  const settled = await Promise.allSettled([...steps, done]);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return { removed: record.added.length, restored: record.replaced.length };
}

/** The latest import's undo record's id, or null when there is none (tests, the Library). */
export async function latestImport(db: FactmarkDb): Promise<string | null> {
  const keys = await db.getAllKeys('imports');
  return keys[0] ?? null;
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

// ---- The Library's pages ---------------------------------------------------------------------

/** Records one page request looks at, at most, for a query (a search over a million). */
export const PAGE_SCAN_BUDGET = 5_000;
/** Tags the first page's answer lists, at most (the Library's tag filter). */
export const MAX_LISTED_TAGS = 1_000;

export interface PageRequest {
  /** Annotations on the page, at most. */
  limit: number;
  /** Start just after this annotation (the last of the page before); absent: the first page. */
  after?: PageCursor;
  query?: AnnotationQuery;
}

export interface AnnotationPage {
  /** The page's annotations that match, newest first (`updated` descending, then `id`). */
  annotations: Annotation[];
  /** Every annotation stored, whatever the query. */
  total: number;
  /**
   * Where to ask from for more (`after`), or null when no annotation after these matches. With a
   * query a page may hold fewer than `limit` while `next` is not null: the background looked at
   * PAGE_SCAN_BUDGET records and stopped there; asking from `next` goes on where it stopped.
   */
  next: PageCursor | null;
  /** Records looked at for this page (at most PAGE_SCAN_BUDGET with a query): the search's progress. */
  scanned: number;
}

/**
 * One page of the Library's list, read with a cursor over the `updated` index from where the
 * page before ended: a page costs what it reads — `limit` + 1 records without a query, at most
 * PAGE_SCAN_BUDGET with one — never every annotation. `total` is the store's count.
 */
export async function annotationsPage(
  db: FactmarkDb,
  request: PageRequest,
  budget = PAGE_SCAN_BUDGET,
): Promise<AnnotationPage> {
  const { limit, after, query } = request;
  const total = await countAnnotations(db);
  const tx = db.transaction('annotations', 'readonly');
  const index = tx.store.index('updated');
  const match = queryMatcher(query);
  // Without a query every record matches: the budget never stops a page.
  const scanLimit = isEmptyQuery(query) ? Infinity : Math.max(budget, limit + 1);
  let cursor = await index.openCursor(
    after === undefined ? null : IDBKeyRange.upperBound(after.updated),
    'prev',
  );
  // Skip to just after `after`: same `updated` and an id not below it come first (descending).
  if (cursor !== null && after !== undefined && cursor.key === after.updated) {
    if (cursor.primaryKey > after.id) {
      cursor = await cursor.continuePrimaryKey(after.updated, after.id);
    }
    if (cursor !== null && cursor.key === after.updated && cursor.primaryKey === after.id) {
      cursor = await cursor.continue();
    }
  }
  const found: Annotation[] = [];
  let scanned = 0;
  let last: PageCursor | null = null;
  let more = false;
  while (cursor !== null) {
    if (scanned >= scanLimit) break;
    scanned += 1;
    const annotation = cursor.value;
    if (match(annotation)) {
      if (found.length === limit) {
        more = true;
        break;
      }
      found.push(annotation);
    }
    last = { updated: cursor.key, id: cursor.primaryKey };
    cursor = await cursor.continue();
  }
  let next: PageCursor | null = null;
  if (more) next = cursorAfter(found[found.length - 1]!);
  else if (cursor !== null) next = last;
  return { annotations: found, total, next, scanned };
}

/**
 * Every tag in use, once (at most `max`), sorted case-insensitively: one step per tag. Each step
 * jumps past every entry of the tag just read (continue to the smallest key after it) — Chromium
 * 156's 'nextunique' walks every index entry on the way, some 6–13 s over a million annotations
 * with a tag or two each, against a few milliseconds.
 */
export async function listTags(db: FactmarkDb, max = MAX_LISTED_TAGS): Promise<string[]> {
  const tags: string[] = [];
  const tx = db.transaction('annotations', 'readonly');
  let cursor = await tx.store.index('tags').openKeyCursor();
  while (cursor !== null && tags.length < max) {
    tags.push(cursor.key);
    // The smallest string after the tag: itself followed by U+0000.
    cursor = await cursor.continue(`${cursor.key}\u0000`);
  }
  return tags.sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}

/** Delete every annotation (tests; the options page's wipe). */
export function clearAnnotations(db: FactmarkDb): Promise<void> {
  return writing(db, () => db.clear('annotations'));
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
