/**
 * Factmark's stores → the local mirror (a PouchDB database in the extension's IndexedDB, which
 * replication then sends to the desk). For each item it is asked about, the mirror is made to
 * hold what the stores hold now:
 * - a shared item whose fields differ from the mirror's document gets a new revision (on top of
 *   the current winner: a conflict stays a conflict until the journalist resolves it);
 * - an item the journalist deleted, or stopped sharing, that the mirror holds gets a tombstone
 *   saying which (`removal`);
 * - a teammate's item is written only when the desk allows editing (`teamEditing`); otherwise it
 *   is left as the desk has it.
 * A private item never enters the mirror, so it never reaches the server.
 */
import { saveAnnotation, type FactmarkDb } from '../db';
import type { DeskKind } from '../../shared/sync-protocol';
import { docIdOf, parseDocId, readLocal, sameItem, type DeskDocBody } from './items';
import type { Pouch, PouchDoc } from './pouch';

export interface MirrorContext {
  db: FactmarkDb;
  mirror: Pouch;
  /** This profile's CouchDB user. */
  me: string;
  teamEditing: boolean;
  now: number;
}

/** The live document, or null when the mirror has none (or only a tombstone). */
export async function liveDoc(mirror: Pouch, docId: string): Promise<PouchDoc | null> {
  try {
    return await mirror.get(docId);
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

function iso(ms: number | undefined, fallback: number): string {
  return new Date(ms ?? fallback).toISOString();
}

/** Bring the mirror in line with the stores for these documents; answers how many were written. */
export async function toMirror(ctx: MirrorContext, docIds: Iterable<string>): Promise<number> {
  let written = 0;
  for (const docId of new Set(docIds)) {
    const parsed = parseDocId(docId);
    if (parsed === null) continue;
    if (await reconcileOne(ctx, docId, parsed.kind, parsed.id)) written += 1;
  }
  return written;
}

async function reconcileOne(
  ctx: MirrorContext,
  docId: string,
  kind: DeskKind,
  id: string,
): Promise<boolean> {
  const { db, mirror, me, teamEditing, now } = ctx;
  const [local, rec, doc] = await Promise.all([
    readLocal(db, kind, id),
    db.get('desk', docId),
    liveDoc(mirror, docId),
  ]);
  const shared =
    local !== null &&
    (kind === 'annotation' ? local.shared : rec !== undefined && rec.unshared !== true);
  if (local !== null && shared) {
    const docAuthor = typeof doc?.author === 'string' ? doc.author : '';
    const author =
      (kind === 'annotation' ? local.creator : undefined) || rec?.author || docAuthor || me;
    const own = author === me;
    if (kind === 'annotation' && local.creator !== author && own) {
      // Shared before a desk was set: it is the journalist's, under their user name now.
      const stored = await db.get('annotations', id);
      if (stored !== undefined)
        await saveAnnotation(db, { ...stored, shared: true, creator: author });
    }
    if (!own && !teamEditing) {
      if (rec === undefined && doc !== null) {
        await db.put('desk', { docId, kind, id, author, rev: doc._rev });
      }
      return false;
    }
    if (doc !== null && sameItem(doc.item, local.item)) {
      if (rec?.rev !== doc._rev || rec.author !== author) {
        await db.put('desk', { docId, kind, id, author, rev: doc._rev });
      }
      return false;
    }
    const body: DeskDocBody = {
      kind,
      author,
      created: typeof doc?.created === 'string' ? doc.created : iso(local.created, now),
      modified: iso(now, now),
      item: local.item,
    };
    if (!own) body.editor = me;
    const written = await mirror.put({
      ...body,
      _id: docId,
      ...(doc !== null ? { _rev: doc._rev } : {}),
    });
    await db.put('desk', { docId, kind, id, author, rev: written.rev });
    return true;
  }
  // Not shared here (any more), or gone. Only an item this profile had on the desk (it has its
  // record) is taken off it: a document never applied here is not this profile's to remove.
  if (rec === undefined) return false;
  if (doc === null) {
    await db.delete('desk', docId);
    return false;
  }
  const author = typeof doc.author === 'string' ? doc.author : rec.author;
  const own = author === me;
  if (!own && !teamEditing) return false;
  const tombstone: DeskDocBody & { _id: string; _rev: string; _deleted: true } = {
    _id: docId,
    _rev: doc._rev,
    _deleted: true,
    kind,
    author,
    created: typeof doc.created === 'string' ? doc.created : iso(undefined, now),
    modified: iso(now, now),
    removal: local === null ? 'deleted' : 'unshared',
  };
  if (!own) tombstone.editor = me;
  await mirror.put({ ...tombstone });
  await db.delete('desk', docId);
  return true;
}

/**
 * Every document the mirror may need to hear about: each shared annotation (a walk over the
 * annotations), each item the desk store knows, and each document of the mirror. For a full
 * comparison (a new desk, an import, a start of the background).
 */
export async function everyDocId(db: FactmarkDb, mirror: Pouch): Promise<string[]> {
  const ids = new Set<string>();
  const tx = db.transaction('annotations', 'readonly');
  let cursor = await tx.store.openCursor();
  while (cursor !== null) {
    if (cursor.value.shared === true) ids.add(docIdOf('annotation', cursor.value.id));
    cursor = await cursor.continue();
  }
  await tx.done;
  for (const key of await db.getAllKeys('desk')) ids.add(key);
  const rows = (await mirror.allDocs({})).rows;
  for (const row of rows) if (!row.id.startsWith('_')) ids.add(row.id);
  return [...ids];
}
