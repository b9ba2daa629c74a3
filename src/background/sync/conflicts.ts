/**
 * Conflicts, kept: when two profiles change the same item while apart, CouchDB (and PouchDB)
 * keeps both revisions, picks the same winner everywhere, and lists the other in `_conflicts`.
 * Factmark shows the winner on pages and lists every conflicted item with all its versions; the
 * journalist keeps one, or (an annotation) saves a merge of the notes and tags. Resolving writes
 * the chosen content on top of the winner and deletes the other branches, as CouchDB's guide
 * does; nothing is dropped before the journalist chooses.
 */
import type { ConflictVersion, DeskKind, SyncConflict } from '../../shared/sync-protocol';
import { DESK_KINDS } from '../../shared/sync-protocol';
import { checkDeskAnnotation, deskBody, docIdOf, parseDocId } from './items';
import type { Pouch, PouchDoc } from './pouch';

function versionOf(doc: PouchDoc, winner: boolean): ConflictVersion {
  const body = deskBody(doc);
  const version: ConflictVersion = {
    rev: doc._rev,
    author: body?.author ?? '',
    modified: body?.modified ?? '',
    winner,
    item: body?.item ?? null,
  };
  if (body?.editor !== undefined) version.editor = body.editor;
  if (body?.kind === 'annotation' && typeof body.item === 'object' && body.item !== null) {
    const item = body.item as { note?: unknown; tags?: unknown };
    if (typeof item.note === 'string') version.note = item.note;
    if (Array.isArray(item.tags)) version.tags = item.tags.filter((t) => typeof t === 'string');
  }
  return version;
}

/** Every conflicted item of the mirror, with its versions (the winner first). */
export async function listConflicts(mirror: Pouch): Promise<SyncConflict[]> {
  const rows = (await mirror.allDocs({ include_docs: true, conflicts: true })).rows;
  const out: SyncConflict[] = [];
  for (const row of rows) {
    const doc = row.doc;
    if (doc === undefined || (doc._conflicts ?? []).length === 0) continue;
    const parsed = parseDocId(doc._id);
    if (parsed === null) continue;
    const others = await Promise.all(
      (doc._conflicts ?? []).map((rev) => mirror.get(doc._id, { rev })),
    );
    out.push({
      id: parsed.id,
      kind: parsed.kind,
      versions: [versionOf(doc, true), ...others.map((o) => versionOf(o, false))],
    });
  }
  return out;
}

export type Resolution = { keep: string } | { merged: { note: string; tags: string[] } };

export class ResolveError extends Error {}

/** The conflicted document for an item id (of `kind`, or of the one kind that has a conflict). */
export async function conflictedDoc(
  mirror: Pouch,
  id: string,
  kind: DeskKind | undefined,
): Promise<PouchDoc> {
  const kinds = kind !== undefined ? [kind] : DESK_KINDS;
  const found: PouchDoc[] = [];
  for (const k of kinds) {
    try {
      const doc = await mirror.get(docIdOf(k, id), { conflicts: true });
      if ((doc._conflicts ?? []).length > 0) found.push(doc);
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
    }
  }
  if (found.length === 0) throw new ResolveError(`sync-resolve: ${id} has no conflict`);
  if (found.length > 1) {
    throw new ResolveError(
      `sync-resolve: ${id} has conflicts as more than one kind: say which (kind)`,
    );
  }
  return found[0]!;
}

/**
 * Resolve: the new winner's content on top of the current winner, the other leaves deleted, in
 * one bulk write. Answers the document's id.
 */
export async function resolveConflict(
  mirror: Pouch,
  doc: PouchDoc,
  resolution: Resolution,
  who: { me: string; now: number },
): Promise<void> {
  const leaves = [doc._rev, ...(doc._conflicts ?? [])];
  const body = deskBody(doc);
  if (body === null) throw new ResolveError(`sync-resolve: ${doc._id} is not one of Factmark's`);
  let content: Record<string, unknown> | null = null;
  if ('keep' in resolution) {
    if (!leaves.includes(resolution.keep)) {
      throw new ResolveError(`sync-resolve: ${resolution.keep} is not a version of this item`);
    }
    if (resolution.keep !== doc._rev) {
      const kept = deskBody(await mirror.get(doc._id, { rev: resolution.keep }));
      if (kept === null) throw new ResolveError('sync-resolve: that version is not readable');
      content = { ...kept };
    }
  } else {
    if (body.kind !== 'annotation') {
      throw new ResolveError("sync-resolve: only an annotation's note and tags can be merged");
    }
    const parsed = parseDocId(doc._id);
    const item = {
      ...(body.item as Record<string, unknown>),
      ...resolution.merged,
      updated: who.now,
    };
    const checked = checkDeskAnnotation(parsed?.id ?? '', body.author, item);
    if (typeof checked === 'string') throw new ResolveError(`sync-resolve: merged: ${checked}`);
    content = { ...body, item };
  }
  const writes: Record<string, unknown>[] = [];
  if (content !== null) {
    const { _id: _i, _rev: _r, _conflicts: _c, ...fields } = content;
    const next: Record<string, unknown> = {
      ...fields,
      _id: doc._id,
      _rev: doc._rev,
      modified: new Date(who.now).toISOString(),
    };
    if (body.author !== who.me) next.editor = who.me;
    else delete next.editor;
    writes.push(next);
  }
  for (const rev of leaves) {
    if (rev !== doc._rev) writes.push({ _id: doc._id, _rev: rev, _deleted: true });
  }
  const results = await mirror.bulkDocs(writes);
  const failed = results.find((r) => 'error' in r);
  if (failed !== undefined && 'error' in failed) {
    throw new ResolveError(`sync-resolve: ${failed.message ?? failed.error}`);
  }
}
