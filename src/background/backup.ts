/**
 * The backup of everything, in the background (docs/contracts.md, "Backup"; the format:
 * src/shared/backup-format.ts): writing one, a store at a time and the annotations a page at a
 * time, and restoring one in ONE transaction over every store it touches.
 *
 * A restore is all or nothing: the backup is read and checked whole first (a malformed file
 * changes nothing and is answered with what is wrong and where), then everything is written and
 * the journalist's sources' facts rebuilt (sources.ts) in the same readwrite transaction; any
 * failure aborts it. On an id that is stored with other content the newer is kept, as the
 * annotation import keeps it (db.ts importAnnotations): by `updated` for annotations and site
 * switches, the stored one when neither is newer; the journalist's own sources, names and facts
 * carry no time, so the stored one is kept (a restore never replaces work it cannot show is
 * older). The bundled sources' and names' switches are set as the backup has them: a bundled
 * record holds nothing of the journalist's but its switch.
 */
import type { Annotation } from '../core/annotations/types';
import { keepsStored, sameAnnotation } from '../core/annotations/query';
import {
  BACKUP_END,
  BACKUP_SECTIONS,
  backupAnnotationOf,
  backupEntityOf,
  backupFactOf,
  backupHead,
  backupSiteOf,
  backupSourceOf,
  parseBackup,
  recordText,
  sectionClosing,
  sectionOpening,
  type Backup,
  type BackupEntity,
  type BackupSection,
  type BackupSource,
} from '../shared/backup-format';
import type {
  BackupExportAnswer,
  BackupImportAnswer,
  RestoreOutcome,
  RestoreTally,
} from '../shared/backup-protocol';
import { messageOf } from '../shared/answers';
import { MAX_SOURCES, type WatchedName } from '../shared/sources-protocol';
import {
  annotationsAfter,
  countAnnotations,
  createdCursorOf,
  USER_FACT_PREFIX,
  writingAnnotations,
  type CreatedCursor,
  type FactmarkDb,
} from './db';
import {
  listEntities,
  listSources,
  rebuildStoryFacts,
  type StoredSource,
  type StoryTransaction,
} from './sources';
import type { ExportSink } from './transfer';

/** Annotations read per page of a backup (as transfer.ts EXPORT_PAGE, for the same reasons). */
export const BACKUP_PAGE = 1_000;

/** Every user's fact (`user:…`) sorts between these two keys. */
function userFactRange(): IDBKeyRange {
  return IDBKeyRange.bound(USER_FACT_PREFIX, USER_FACT_PREFIX + '\uffff');
}

// ---- Writing -----------------------------------------------------------------------------------

export interface BackupOptions {
  /** The time the backup is written (ms since the epoch); Date.now unless a test says otherwise. */
  now?: number;
  /** Annotations per read; BACKUP_PAGE unless a test says otherwise. */
  pageSize?: number;
}

/**
 * Write the backup of everything to `sink`: its head, then each section (backup-format.ts
 * BACKUP_SECTIONS). The small stores are read at once, a source at a time (a source's text may
 * be megabytes), and the annotations a page at a time (db.ts annotationsAfter, oldest first), so
 * that a backup of any size is never held whole. `progress` counts records written, of about
 * every record. Stores are read in short transactions of their own: what is saved while the
 * backup runs may or may not be in it, as with the annotation export.
 */
export async function writeBackup(
  db: FactmarkDb,
  sink: ExportSink,
  options: BackupOptions = {},
): Promise<void> {
  const pageSize = options.pageSize ?? BACKUP_PAGE;
  const [sites, entities, sources, facts, annotationCount] = await Promise.all([
    db.getAll('sites'),
    listEntities(db),
    listSources(db),
    db.getAll('facts', userFactRange()),
    countAnnotations(db),
  ]);
  const total = sites.length + entities.length + sources.length + facts.length + annotationCount;
  let written = 0;
  const counted = async (section: BackupSection, records: AsyncIterable<unknown[]>) => {
    await sink.write(sectionOpening(section));
    let first = true;
    for await (const page of records) {
      let text = '';
      for (const record of page) {
        text += recordText(record, first);
        first = false;
      }
      await sink.write(text);
      written += page.length;
      sink.progress(written, Math.max(total, written));
    }
    await sink.write(sectionClosing(section, first));
  };
  await sink.write(backupHead(new Date(options.now ?? Date.now()).toISOString()));
  for (const section of BACKUP_SECTIONS) {
    switch (section) {
      case 'sites':
        await counted(section, once(sites.sort(byKey((s) => s.host)).map(backupSiteOf)));
        break;
      case 'entities':
        await counted(section, once(entities.map(backupEntityOf)));
        break;
      case 'sources':
        // In the Library's order; each read whole (its text) only when its turn comes.
        await counted(
          section,
          sourcesOneByOne(
            db,
            sources.map((s) => s.id),
          ),
        );
        break;
      case 'facts':
        await counted(section, once(facts.map(backupFactOf)));
        break;
      case 'annotations':
        await counted(section, annotationPages(db, pageSize));
        break;
    }
  }
  await sink.write(BACKUP_END);
}

function byKey<T>(key: (x: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

async function* once<T>(list: T[]): AsyncGenerator<T[]> {
  if (list.length > 0) yield list;
}

async function* sourcesOneByOne(
  db: FactmarkDb,
  ids: readonly string[],
): AsyncGenerator<BackupSource[]> {
  for (const id of ids) {
    const source = await db.get('sources', id);
    // Removed since it was listed: not in the backup.
    if (source !== undefined) yield [backupSourceOf(source)];
  }
}

/** Every annotation, oldest first, a page at a time; the next page read while one is written. */
async function* annotationPages(db: FactmarkDb, pageSize: number): AsyncGenerator<Annotation[]> {
  const read = (after?: CreatedCursor) => {
    const page = annotationsAfter(db, pageSize, after);
    // Awaited below; a read left behind when the backup stops must not be an unhandled rejection.
    page.catch(() => undefined);
    return page;
  };
  let next = read();
  for (;;) {
    const page = await next;
    const full = page.length === pageSize;
    if (full) next = read(createdCursorOf(page[page.length - 1]!));
    if (page.length > 0) yield page.map(backupAnnotationOf);
    if (!full) return;
  }
}

/** The backup as one text (factmark/backup-export: backups that fit one message). */
export async function backupText(db: FactmarkDb, options: BackupOptions = {}): Promise<string> {
  const parts: string[] = [];
  await writeBackup(
    db,
    { write: async (text) => void parts.push(text), progress: () => undefined },
    options,
  );
  return parts.join('');
}

/** factmark/backup-export's answer. */
export async function exportBackupAnswer(db: FactmarkDb): Promise<BackupExportAnswer> {
  return { ok: true, text: await backupText(db) };
}

// ---- Restoring ---------------------------------------------------------------------------------

/** factmark/backup-import's answer: the text read, checked and restored, or why not. */
export async function importBackupAnswer(
  db: FactmarkDb,
  text: string,
): Promise<BackupImportAnswer> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return { ok: false, error: `backup-import: ${parsed.error}` };
  try {
    return { ok: true, ...(await restoreBackup(db, parsed.backup)) };
  } catch (error) {
    return { ok: false, error: `backup-import: ${messageOf(error)}` };
  }
}

const RESTORE_STORES = [
  'annotations',
  'facts',
  'sourceFacts',
  'sources',
  'entities',
  'sites',
  'imports',
] as const;

/**
 * Restore a checked backup (parseBackup) in ONE readwrite transaction over every store: its
 * records merged with what is stored (the rules at the top of this file), the latest annotation
 * import's undo forgotten (a restore is an import that cannot be undone, and after it that one
 * could no longer be undone exactly), and the journalist's sources' facts rebuilt. Everything is
 * written, or, on any failure, nothing.
 */
export function restoreBackup(db: FactmarkDb, backup: Backup): Promise<RestoreOutcome> {
  return writingAnnotations(db, () => restoreWritten(db, backup));
}

type RestoreTransaction = ReturnType<typeof restoreTransaction>;

function restoreTransaction(db: FactmarkDb) {
  return db.transaction([...RESTORE_STORES], 'readwrite');
}

function tally(): RestoreTally {
  return { imported: 0, conflicts: 0, keptLocal: 0 };
}

async function restoreWritten(db: FactmarkDb, backup: Backup): Promise<RestoreOutcome> {
  const tx = restoreTransaction(db);
  const done = tx.done;
  // Reported through the error thrown below, not here.
  done.catch(() => undefined);
  const outcome: RestoreOutcome = {
    restored: {
      sites: tally(),
      entities: tally(),
      sources: tally(),
      facts: tally(),
      annotations: tally(),
    },
    skipped: [],
  };
  try {
    await merge(tx, backup, outcome);
    // The journalist's sources' facts, from the texts and names now stored: the CLI's for them.
    // The transaction covers the story's stores (and more): the rebuild reads and writes only those.
    await rebuildStoryFacts(tx as unknown as StoryTransaction);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by a failed request: the error says why.
    }
    await done.catch(() => undefined);
    throw error;
  }
  await done;
  return outcome;
}

async function merge(
  tx: RestoreTransaction,
  backup: Backup,
  outcome: RestoreOutcome,
): Promise<void> {
  const sources = tx.objectStore('sources');
  const entities = tx.objectStore('entities');
  const sites = tx.objectStore('sites');
  const facts = tx.objectStore('facts');
  const annotations = tx.objectStore('annotations');
  const [storedSources, storedNames, storedSites, storedFacts] = await Promise.all([
    sources.getAll(),
    entities.getAll(),
    sites.getAll(),
    facts.getAll(userFactRange()),
  ]);
  const sourceById = new Map(storedSources.map((s) => [s.id, s]));
  const added = backup.sources.filter((s) => s.origin !== 'bundled' && !sourceById.has(s.id));
  if (storedSources.length + added.length > MAX_SOURCES) {
    throw new Error(
      `sources: ${(storedSources.length + added.length).toLocaleString('en-US')} sources with the backup's; at most ${MAX_SOURCES.toLocaleString('en-US')} are kept (remove some first)`,
    );
  }
  // Every request's promise is observed: after an abort, those still pending reject together.
  const requests: Promise<unknown>[] = [];
  const writes = {
    push(request: Promise<unknown>): void {
      request.catch(() => undefined);
      requests.push(request);
    },
  };
  const { restored } = outcome;

  const siteByHost = new Map(storedSites.map((s) => [s.host, s]));
  for (const site of backup.sites) {
    const had = siteByHost.get(site.host);
    if (had === undefined || same(backupSiteOf(had), site)) {
      if (had === undefined) writes.push(sites.put(site));
      restored.sites.imported += 1;
      continue;
    }
    restored.sites.conflicts += 1;
    if (site.updated > had.updated) {
      writes.push(sites.put(site));
      restored.sites.imported += 1;
    } else restored.sites.keptLocal += 1;
  }

  const nameById = new Map(storedNames.map((n) => [n.id, n]));
  let unknownNames = 0;
  for (const entity of backup.entities) {
    const had = nameById.get(entity.id);
    if (entity.bundled) {
      if (had === undefined || !had.bundled) {
        unknownNames += 1;
        continue;
      }
      switched(restored.entities, had.enabled, entity.enabled, () =>
        writes.push(entities.put({ ...had, aliases: [...had.aliases], enabled: entity.enabled })),
      );
      continue;
    }
    kept(restored.entities, had === undefined ? undefined : backupEntityOf(had), entity, () =>
      writes.push(entities.put(storedName(entity))),
    );
  }
  if (unknownNames > 0) {
    outcome.skipped.push(
      `${unknownNames} bundled watched name switch(es): this version has no such name`,
    );
  }

  let unknownSeeds = 0;
  for (const source of backup.sources) {
    const had = sourceById.get(source.id);
    if (source.origin === 'bundled') {
      if (had === undefined || had.origin !== 'bundled') {
        unknownSeeds += 1;
        continue;
      }
      switched(restored.sources, had.enabled, source.enabled, () =>
        writes.push(sources.put({ ...had, enabled: source.enabled })),
      );
      continue;
    }
    kept(restored.sources, had === undefined ? undefined : backupSourceOf(had), source, () =>
      writes.push(sources.put(storedSource(source))),
    );
  }
  if (unknownSeeds > 0) {
    outcome.skipped.push(
      `${unknownSeeds} bundled source switch(es): this version does not bundle that seed`,
    );
  }

  const factById = new Map(storedFacts.map((f) => [f.id, f]));
  for (const fact of backup.facts) {
    const had = factById.get(fact.id);
    kept(restored.facts, had === undefined ? undefined : backupFactOf(had), fact, () =>
      writes.push(facts.put(fact)),
    );
  }

  // Annotations: as db.ts importAnnotations (newer `updated` wins, the stored one on a tie).
  for (const incoming of backup.annotations) {
    writes.push(
      annotations.get(incoming.id).then((had) => {
        const t = restored.annotations;
        if (had === undefined || sameAnnotation(had, incoming)) {
          t.imported += 1;
          return had === undefined ? annotations.put(incoming) : undefined;
        }
        t.conflicts += 1;
        if (keepsStored(had, incoming)) {
          t.keptLocal += 1;
          return undefined;
        }
        t.imported += 1;
        return annotations.put(incoming);
      }),
    );
  }
  writes.push(tx.objectStore('imports').clear());
  await settleAll(requests);
}

/** Wait for every request; the first failure is thrown once all have settled. */
async function settleAll(writes: readonly Promise<unknown>[]): Promise<void> {
  const settled = await Promise.allSettled(writes);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** A record without a time: added when new; on a conflict the stored one is kept. */
function kept<T>(t: RestoreTally, stored: T | undefined, incoming: T, put: () => void): void {
  if (stored === undefined) {
    put();
    t.imported += 1;
  } else if (same(stored, incoming)) {
    t.imported += 1;
  } else {
    t.conflicts += 1;
    t.keptLocal += 1;
  }
}

/** A bundled record's switch: set as the backup has it. */
function switched(t: RestoreTally, stored: boolean, incoming: boolean, put: () => void): void {
  if (stored !== incoming) {
    t.conflicts += 1;
    put();
  }
  t.imported += 1;
}

function storedName(entity: Extract<BackupEntity, { bundled: false }>): WatchedName {
  return {
    id: entity.id,
    name: entity.name,
    aliases: [...entity.aliases],
    bundled: false,
    enabled: entity.enabled,
  };
}

function storedSource(source: Exclude<BackupSource, { origin: 'bundled' }>): StoredSource {
  const out: StoredSource = {
    id: source.id,
    title: source.title,
    origin: source.origin,
    date: source.date,
    text: source.text,
    addedAt: source.addedAt,
    enabled: source.enabled,
    dropped: [...source.dropped],
  };
  if (source.name !== undefined) out.name = source.name;
  if (source.url !== undefined) out.url = source.url;
  if (source.edits !== undefined) out.edits = { ...source.edits };
  return out;
}

/** Whether two records hold the same data, the order of their keys aside. */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (typeof x === 'object' && x !== null) {
    const entries = Object.entries(x as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(x) ?? 'undefined';
}
