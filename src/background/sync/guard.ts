/**
 * Who may change what, once items come from a desk. Run by the router before a request's
 * handler (src/background/router.ts):
 * - a teammate's item (an annotation whose `creator` is another user; a fact, source or watched
 *   name the desk store lists under another author) is read-only, unless the desk allows editing
 *   (its `_design/factmark` says `"teamEditing": true` — only the database's admins can write a
 *   design document): saving, editing or removing it is refused with the reason, and a delete of
 *   many annotations leaves those out (as a content script's delete leaves out other sites');
 * - an annotation's `creator` is decided here, never taken from the sender: the journalist's
 *   CouchDB user when they share it, the stored creator for a teammate's; absent while private.
 *   A save without `shared` (a page that does not know of sharing) keeps the stored switch.
 * Switching a teammate's source or name on or off stays each profile's own choice.
 */
import type { Annotation } from '../../core/annotations/types';
import type { BackgroundRequest, Failure } from '../../shared/messages';
import type { DeskKind } from '../../shared/sync-protocol';
import { SOURCE_FACT_PREFIX, sourceIdOf, USER_FACT_PREFIX, type FactmarkDb } from '../db';
import { docIdOf } from './items';

export interface GuardContext {
  /** This profile's CouchDB user, or null when no desk was ever set. */
  me: string | null;
  teamEditing: boolean;
}

function readOnly(type: string, kind: DeskKind, author: string): Failure {
  return {
    ok: false,
    error: `${type.replace('factmark/', '')}: this ${kind} is ${author}'s, shared on the desk; only its author can change it (the desk does not allow editing teammates' items)`,
  };
}

/** Whether an annotation is a teammate's. */
export function isTeammates(a: Annotation, me: string | null): boolean {
  return a.shared === true && a.creator !== undefined && a.creator !== me;
}

/** The author of a fact, source or watched name on the desk when it is a teammate's, else null. */
async function teammateOf(
  db: FactmarkDb,
  kind: DeskKind,
  id: string,
  me: string | null,
): Promise<string | null> {
  const rec = await db.get('desk', docIdOf(kind, id));
  return rec !== undefined && rec.author !== '' && rec.author !== me ? rec.author : null;
}

/** The request as it may go on (creator decided), or the refusal. */
export async function guardRequest(
  db: FactmarkDb,
  request: BackgroundRequest,
  ctx: GuardContext,
): Promise<BackgroundRequest | Failure> {
  const { me, teamEditing } = ctx;
  switch (request.type) {
    case 'factmark/annotation-save': {
      const incoming = request.annotation;
      const stored = await db.get('annotations', incoming.id);
      const { creator: _claimed, ...rest } = incoming;
      if (stored !== undefined && isTeammates(stored, me)) {
        if (!teamEditing) return readOnly(request.type, 'annotation', stored.creator!);
        return { ...request, annotation: { ...rest, shared: true, creator: stored.creator! } };
      }
      // A sender that does not know of sharing (an older page) leaves it as it was.
      const shared = incoming.shared ?? stored?.shared;
      const annotation: Annotation = { ...rest };
      if (shared !== undefined) annotation.shared = shared;
      if (shared === true) {
        const creator = me ?? stored?.creator;
        if (creator !== undefined) annotation.creator = creator;
      }
      return { ...request, annotation };
    }
    case 'factmark/annotations-delete': {
      if (teamEditing) return request;
      const kept: string[] = [];
      for (const id of request.ids) {
        const stored = await db.get('annotations', id);
        if (stored === undefined || !isTeammates(stored, me)) kept.push(id);
      }
      return kept.length === request.ids.length ? request : { ...request, ids: kept };
    }
    case 'factmark/fact-save':
    case 'factmark/fact-delete': {
      if (teamEditing) return request;
      const id = request.type === 'factmark/fact-save' ? request.fact.id : request.id;
      if (id.startsWith(USER_FACT_PREFIX)) {
        const author = await teammateOf(db, 'fact', id, me);
        if (author !== null) return readOnly(request.type, 'fact', author);
      } else if (id.startsWith(SOURCE_FACT_PREFIX)) {
        const sourceId = sourceIdOf(id);
        const author = sourceId === null ? null : await teammateOf(db, 'source', sourceId, me);
        if (author !== null) return readOnly(request.type, 'source', author);
      }
      return request;
    }
    case 'factmark/source-remove': {
      if (teamEditing) return request;
      const author = await teammateOf(db, 'source', request.id, me);
      return author === null ? request : readOnly(request.type, 'source', author);
    }
    case 'factmark/entity-save':
    case 'factmark/entity-remove': {
      if (teamEditing) return request;
      const id = request.type === 'factmark/entity-save' ? request.entity.id : request.id;
      const author = await teammateOf(db, 'entity', id, me);
      return author === null ? request : readOnly(request.type, 'entity', author);
    }
    default:
      return request;
  }
}

/**
 * The desk documents a request that went through may have changed (compared with the mirror
 * after it), or 'all' when it may have changed any (an import, a restore of a backup).
 */
export function touchedBy(request: BackgroundRequest, answer: unknown): string[] | 'all' {
  switch (request.type) {
    case 'factmark/annotation-save':
      return [docIdOf('annotation', request.annotation.id)];
    case 'factmark/annotations-delete': {
      const deleted = (answer as { deleted?: Annotation[] }).deleted ?? [];
      return deleted.map((a) => docIdOf('annotation', a.id));
    }
    case 'factmark/annotations-restore':
      return request.annotations.map((a) => docIdOf('annotation', a.id));
    case 'factmark/fact-save':
    case 'factmark/fact-delete': {
      const id = request.type === 'factmark/fact-save' ? request.fact.id : request.id;
      if (id.startsWith(USER_FACT_PREFIX)) return [docIdOf('fact', id)];
      const sourceId = sourceIdOf(id);
      return sourceId === null ? [] : [docIdOf('source', sourceId)];
    }
    case 'factmark/source-remove':
      return [docIdOf('source', request.id)];
    case 'factmark/entity-save':
      return [docIdOf('entity', request.entity.id)];
    case 'factmark/entity-remove':
      return [docIdOf('entity', request.id)];
    case 'factmark/import':
    case 'factmark/import-undo':
      return 'all';
    default:
      // The backup's restore (factmark/backup-import) and anything else that rewrites stores
      // wholesale: compared in full at the next sync.
      return request.type.startsWith('factmark/backup-import') ? 'all' : [];
  }
}
