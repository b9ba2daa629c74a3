/**
 * The local mirror → Factmark's stores: what replication brought from the desk (teammates'
 * items, this journalist's other profiles' changes, deletions, resolved conflicts) is applied,
 * in batches, from the mirror's changes feed since the last applied sequence. Each document's
 * winning revision is applied once (the desk store records it); a revision this profile wrote
 * itself is not applied again. Everything is checked as a page's message would be before it is
 * written (items.ts); a document that fails is skipped and counted, never written.
 *
 * - teammates' annotations are stored `shared` with `creator` their author (read-only here unless
 *   the desk allows editing: guard.ts);
 * - teammates' facts join the facts store, their sources and watched names the story's stores,
 *   and the fact base is rebuilt once per batch (sources.ts applyDeskStory): they take part in
 *   verdicts as the journalist's own do;
 * - a tombstone `deleted` removes the item; `unshared` removes a teammate's item, and makes this
 *   journalist's own (shared from another profile) private again, kept.
 */
import type { Annotation } from '../../core/annotations/types';
import type { Fact } from '../../core/types';
import type { WatchedName } from '../../shared/sources-protocol';
import {
  deleteAnnotations,
  deleteUserFact,
  restoreAnnotations,
  saveUserFact,
  type FactmarkDb,
} from '../db';
import { applyDeskStory, type StoredSource } from '../sources';
import {
  checkDeskAnnotation,
  checkDeskEntity,
  checkDeskFact,
  checkDeskSource,
  deskBody,
  parseDocId,
} from './items';
import type { Pouch } from './pouch';
import type { DeskRecord } from './records';

/** Documents read from the changes feed at a time. */
const BATCH = 500;

export interface Applied {
  lastSeq: number | string;
  applied: number;
  /** Documents refused by the checks (logged with the reason). */
  skipped: number;
}

export async function fromMirror(
  db: FactmarkDb,
  mirror: Pouch,
  me: string,
  since: number | string,
): Promise<Applied> {
  let seq = since;
  let applied = 0;
  let skipped = 0;
  for (;;) {
    const changes = await mirror.changes({
      since: seq,
      limit: BATCH,
      include_docs: true,
    });
    const batch = new Batch();
    const known = await deskRecords(
      db,
      changes.results.map((c) => c.id),
    );
    for (const change of changes.results) {
      const rec = known.get(change.id);
      const outcome = await plan(
        db,
        me,
        change.id,
        change.doc,
        change.deleted === true,
        batch,
        rec,
      );
      if (outcome === 'applied') applied += 1;
      if (outcome === 'skipped') skipped += 1;
    }
    await batch.write(db);
    seq = changes.last_seq;
    if (changes.results.length < BATCH) break;
  }
  return { lastSeq: seq, applied, skipped };
}

/** The desk store's records of these documents, read in one transaction. */
async function deskRecords(db: FactmarkDb, docIds: string[]): Promise<Map<string, DeskRecord>> {
  const tx = db.transaction('desk', 'readonly');
  const [records] = await Promise.all([Promise.all(docIds.map((id) => tx.store.get(id))), tx.done]);
  const byId = new Map<string, DeskRecord>();
  for (const record of records) if (record !== undefined) byId.set(record.docId, record);
  return byId;
}

class Batch {
  annotations: Annotation[] = [];
  removeAnnotations: string[] = [];
  facts: Fact[] = [];
  removeFacts: string[] = [];
  sources: StoredSource[] = [];
  removeSources: string[] = [];
  entities: WatchedName[] = [];
  removeEntities: string[] = [];
  records: DeskRecord[] = [];
  forget: string[] = [];

  async write(db: FactmarkDb): Promise<void> {
    if (this.removeAnnotations.length > 0) await deleteAnnotations(db, this.removeAnnotations);
    if (this.annotations.length > 0) await restoreAnnotations(db, this.annotations);
    for (const id of this.removeFacts) await deleteUserFact(db, id);
    for (const fact of this.facts) await saveUserFact(db, fact);
    await applyDeskStory(db, {
      sources: this.sources,
      removeSources: this.removeSources,
      entities: this.entities,
      removeEntities: this.removeEntities,
    });
    if (this.records.length > 0 || this.forget.length > 0) {
      const tx = db.transaction('desk', 'readwrite');
      await Promise.all([
        ...this.records.map((r) => tx.store.put(r)),
        ...this.forget.map((id) => tx.store.delete(id)),
        tx.done,
      ]);
    }
  }
}

async function plan(
  db: FactmarkDb,
  me: string,
  docId: string,
  doc: Record<string, unknown> | undefined,
  deleted: boolean,
  batch: Batch,
  rec: DeskRecord | undefined,
): Promise<'applied' | 'skipped' | 'none'> {
  const parsed = parseDocId(docId);
  if (parsed === null || doc === undefined) return 'none';
  const { kind, id } = parsed;
  const rev = typeof doc._rev === 'string' ? doc._rev : '';
  if (rec !== undefined && rec.rev === rev) return 'none';
  if (deleted || doc._deleted === true) {
    // Only what came from the desk, or was shared from here, is the desk's to remove.
    if (rec === undefined) return 'none';
    const removal = doc.removal === 'unshared' ? 'unshared' : 'deleted';
    const author = typeof doc.author === 'string' ? doc.author : (rec?.author ?? '');
    const local = kind === 'annotation' ? await db.get('annotations', id) : undefined;
    const ownHere = kind === 'annotation' ? local?.creator === me : author === me;
    batch.forget.push(docId);
    if (removal === 'unshared' && ownHere) {
      // This journalist stopped sharing it on another profile: kept here, private.
      if (local !== undefined) {
        const { creator: _creator, ...rest } = local;
        batch.annotations.push({ ...rest, shared: false });
      }
      return 'applied';
    }
    switch (kind) {
      case 'annotation':
        batch.removeAnnotations.push(id);
        break;
      case 'fact':
        batch.removeFacts.push(id);
        break;
      case 'source':
        batch.removeSources.push(id);
        break;
      case 'entity':
        batch.removeEntities.push(id);
        break;
    }
    return 'applied';
  }
  const body = deskBody(doc);
  if (body === null || body.kind !== kind) {
    console.warn(`[factmark] desk document ${docId} skipped: not one of Factmark's`);
    return 'skipped';
  }
  const record: DeskRecord = { docId, kind, id, author: body.author, rev };
  let problem: string | null = null;
  switch (kind) {
    case 'annotation': {
      const a = checkDeskAnnotation(id, body.author, body.item);
      if (typeof a === 'string') problem = a;
      else batch.annotations.push(a);
      break;
    }
    case 'fact': {
      const f = checkDeskFact(id, body.item);
      if (typeof f === 'string') problem = f;
      else batch.facts.push(f);
      break;
    }
    case 'source': {
      const s = checkDeskSource(id, body.item);
      if (typeof s === 'string') problem = s;
      else batch.sources.push(s);
      break;
    }
    case 'entity': {
      const e = checkDeskEntity(id, body.item);
      if (typeof e === 'string') problem = e;
      else batch.entities.push(e);
      break;
    }
  }
  if (problem !== null) {
    console.warn(`[factmark] desk document ${docId} skipped: ${problem}`);
    return 'skipped';
  }
  batch.records.push(record);
  return 'applied';
}
