/**
 * Sharing: everything is private until the journalist shares it. An annotation carries its switch
 * (`shared`); the journalist's facts, sources and watched names are shared when the desk store
 * lists them under this profile (author '' until a desk is set). Stopping sharing leaves the item
 * here, private, and takes it off the desk (a tombstone `unshared`, to-mirror.ts). A teammate's
 * item cannot be unshared from here.
 */
import type { Annotation } from '../../core/annotations/types';
import type { ShareRequest } from '../../shared/sync-protocol';
import { annotationsForUrl, restoreAnnotations, type FactmarkDb } from '../db';
import { isTeammates } from './guard';
import { docIdOf, readLocal } from './items';

export class ShareError extends Error {}

/** Apply a share request; answers how many items changed and the desk documents to compare. */
export async function share(
  db: FactmarkDb,
  request: ShareRequest,
  me: string | null,
): Promise<{ changed: number; docIds: string[] }> {
  if ('url' in request) {
    const mine = (await annotationsForUrl(db, request.url)).filter(
      (a) => a.shared !== true && !isTeammates(a, me),
    );
    const changed = mine.map((a) => withShared(a, true, me));
    await restoreAnnotations(db, changed);
    return { changed: changed.length, docIds: changed.map((a) => docIdOf('annotation', a.id)) };
  }
  const kind = request.kind ?? 'annotation';
  const ids = [...new Set(request.ids)];
  if (kind === 'annotation') {
    const changed: Annotation[] = [];
    for (const id of ids) {
      const a = await db.get('annotations', id);
      if (a === undefined) throw new ShareError(`share: no annotation ${id}`);
      if (isTeammates(a, me)) {
        if (request.shared) continue;
        throw new ShareError(
          `share: annotation ${id} is ${a.creator}'s: only its author can stop sharing it`,
        );
      }
      if ((a.shared === true) !== request.shared) changed.push(withShared(a, request.shared, me));
    }
    await restoreAnnotations(db, changed);
    return { changed: changed.length, docIds: changed.map((a) => docIdOf('annotation', a.id)) };
  }
  let changed = 0;
  const docIds: string[] = [];
  for (const id of ids) {
    if ((await readLocal(db, kind, id)) === null) {
      throw new ShareError(
        `share: no ${kind} ${id} of the journalist's (bundled ones are everyone's already)`,
      );
    }
    const docId = docIdOf(kind, id);
    const rec = await db.get('desk', docId);
    const isShared = rec !== undefined && rec.unshared !== true;
    if (request.shared && !isShared) {
      const { unshared: _u, ...kept } = rec ?? { docId, kind, id, author: me ?? '', rev: null };
      await db.put('desk', { ...kept, author: kept.author === '' ? (me ?? '') : kept.author });
      changed += 1;
      docIds.push(docId);
    } else if (!request.shared && isShared) {
      if (rec.author !== '' && rec.author !== me) {
        throw new ShareError(
          `share: ${kind} ${id} is ${rec.author}'s: only its author can stop sharing it`,
        );
      }
      // Kept, marked, until its tombstone is in the mirror (to-mirror.ts forgets it then).
      await db.put('desk', { ...rec, unshared: true });
      changed += 1;
      docIds.push(docId);
    }
  }
  return { changed, docIds };
}

function withShared(a: Annotation, shared: boolean, me: string | null): Annotation {
  const { creator: _creator, ...rest } = a;
  const next: Annotation = { ...rest, shared };
  if (shared && me !== null) next.creator = me;
  return next;
}
