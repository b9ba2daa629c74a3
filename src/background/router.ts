/**
 * runtime.onMessage for the background: the protocol of src/shared/protocol.ts (docs/contracts.md,
 * "Runtime messages"). In order: a sender that is not this extension gets no answer at all; a
 * caller whose kind may not send the request type gets { ok: false, error: "not allowed from
 * <caller kind>" } before anything else of the message is read; then the message must pass the
 * validator of src/shared/messages.ts; then its handler answers, a content script's request
 * scoped to its own frame's origin (scope.ts) — a request beyond that scope is refused the same
 * way. One handler per request type, typed by the contract: each must return its type's answer.
 */
import {
  annotationsToCsv,
  annotationsToMarkdown,
  parseJsonLd,
  skipReasons,
  toJsonLd,
} from '../core/annotations';
import type { Annotation } from '../core/annotations/types';
import {
  checkAnnotationList,
  checkBackgroundRequest,
  type BackgroundRequest,
  type ExportFormat,
  type Failure,
  type ImportAnswer,
} from '../shared/messages';
import {
  callerOf,
  isBackgroundRequestType,
  mayCall,
  notAllowed,
  type AnswerOf,
  type BackgroundRequestType,
  type Caller,
  type CallerFor,
  type RequestOf,
} from '../shared/protocol';
import { messageOf } from '../shared/answers';
import { exportBackupAnswer, importBackupAnswer } from './backup';
import type { MessageListener } from './browser-api';
import {
  addUserFact,
  allAnnotations,
  annotationsForUrl,
  annotationsPage,
  deleteAnnotations,
  deleteUserFact,
  factsByIds,
  importAnnotations,
  isSiteEnabled,
  listTags,
  restoreAnnotations,
  saveAnnotation,
  saveAnnotationKeepingDesk,
  saveUserFact,
  setSiteEnabled,
  SOURCE_FACT_PREFIX,
  undoImport,
  USER_FACT_PREFIX,
  type FactmarkDb,
} from './db';
import { factsForContentScript, isOfOrigin, ownPageUrl } from './scope';
import { readSettings } from './sync/settings';
import type { SyncService } from './sync/service';
import {
  addSource,
  checkedFacts,
  dropSourceFact,
  editSourceFact,
  enableEntity,
  enableSource,
  listEntities,
  listSources,
  removeEntity,
  removeSource,
  saveEntity,
  sourceFacts,
} from './sources';

export interface RouterDeps {
  extensionId: string;
  /**
   * The URL of the extension's root (runtime.getURL('')): a sender whose URL starts with it is
   * one of the extension's own pages.
   */
  extensionOrigin: string;
  /** The database, once it is open and seeded. */
  db(): Promise<FactmarkDb>;
  /** Ids for imported annotations that carry none; `anno:<uuid>` unless a test says otherwise. */
  newAnnotationId?: () => string;
  /** Ids for added sources; a UUID unless a test says otherwise. */
  newSourceId?: () => string;
  /** The time a source is added (ms since the epoch); Date.now unless a test says otherwise. */
  now?: () => number;
  /** Desk sync (sync/service.ts): its requests, and its checks around every change. */
  sync?: SyncService;
}

/** Any answer of the background. */
export type BackgroundAnswer = AnswerOf<BackgroundRequestType>;

export function createRouter(deps: RouterDeps): MessageListener {
  return (message, sender) => {
    const caller = callerOf(sender, deps.extensionId, deps.extensionOrigin);
    if (caller === 'foreign') return undefined;
    if (caller === null) return Promise.resolve(notAllowed('unknown sender'));
    // Who may send this type is decided on the type alone, before the rest is read: an import
    // from a content script is not even parsed.
    const type = (message as { type?: unknown } | null)?.type;
    if (isBackgroundRequestType(type) && !mayCall(caller.kind, type)) {
      return Promise.resolve(notAllowed(caller.kind));
    }
    const checked = checkBackgroundRequest(message);
    if (!checked.ok) return Promise.resolve(failure(checked.error));
    return answer(checked.request, caller, deps).catch((error: unknown) =>
      failure(messageOf(error)),
    );
  };
}

interface Context<T extends BackgroundRequestType> {
  db: FactmarkDb;
  /** Typed as only the kinds that may send T: a handler cannot serve a kind it must not. */
  caller: CallerFor<T>;
  deps: RouterDeps;
}

type Handler<T extends BackgroundRequestType> = (
  request: RequestOf<T>,
  context: Context<T>,
) => Promise<AnswerOf<T>>;

/**
 * Every request type's handler. A request reaches one only from the kinds that may send it
 * (BACKGROUND_CALLERS; an embedded extension page, factmark/annotation-share alone), and each
 * handler a content script may reach scopes its request to `caller.origin` / `caller.host`.
 */
const HANDLERS: { readonly [T in BackgroundRequestType]: Handler<T> } = {
  'factmark/facts': async (_request, { db, caller }) => {
    // The facts checked against: sources switched off are left out (sources.ts).
    const facts = await checkedFacts(db);
    return {
      ok: true,
      facts: caller.kind === 'content script' ? factsForContentScript(facts) : facts,
    };
  },
  'factmark/facts-get': async (request, { db }) => ({
    ok: true,
    facts: await factsByIds(db, [...new Set(request.ids)]),
  }),
  'factmark/site-get': async (request, { db, caller }) => {
    if (caller.kind === 'content script' && request.host !== caller.host) {
      return notAllowed(caller.kind);
    }
    return { ok: true, enabled: await isSiteEnabled(db, request.host) };
  },
  'factmark/site-set': async (request, { db }) => {
    // The popup tells the page's content script itself (factmark/site-enabled): reaching a
    // site's other tabs would need the "tabs" permission, which Factmark does not ask for.
    await setSiteEnabled(db, request.host, request.enabled);
    return { ok: true, enabled: request.enabled };
  },
  // After an annotation or fact change the background tells no one: the page that made the
  // change tells the tab (factmark/annotations-changed), and reaching other tabs would need
  // the "tabs" permission.
  'factmark/annotations': async (request, { db, caller }) => {
    if (request.url === undefined) {
      // Every annotation of every page: the Library's, never a content script's.
      if (caller.kind === 'content script') return notAllowed(caller.kind);
      return { ok: true, annotations: await allAnnotations(db) };
    }
    if (caller.kind === 'content script' && !isOfOrigin(request.url, caller.origin)) {
      return notAllowed(caller.kind);
    }
    const annotations = await annotationsForUrl(db, request.url);
    // Whose they are (desk sync): the page paints teammates' annotations as theirs.
    const deskUser = annotations.some((a) => a.creator !== undefined)
      ? (await readSettings(db).catch(() => null))?.user
      : undefined;
    return { ok: true, annotations, ...(deskUser ? { deskUser } : {}) };
  },
  // The Library's list, a page at a time (extension pages only: BACKGROUND_CALLERS).
  'factmark/annotations-page': async (request, { db }) => {
    const page = await annotationsPage(db, request);
    if (request.after !== undefined) return { ok: true, ...page };
    return { ok: true, ...page, tags: await listTags(db) };
  },
  'factmark/annotation-save': async (request, { db, caller }) => {
    const { annotation } = request;
    if (caller.kind === 'content script') {
      const own = (a: Annotation) => isOfOrigin(a.url, caller.origin);
      // Of its own origin, and never in place of another site's annotation with the same id.
      if (!own(annotation)) return notAllowed(caller.kind);
      // Nor with a desk switch of its own: a new annotation is private, a stored one keeps its
      // `shared` and `creator` (sharing is the journalist's, in extension UI). The answer is the
      // annotation as stored, for the page's copy to agree.
      const written = await saveAnnotationKeepingDesk(db, annotation, own);
      return written === null ? notAllowed(caller.kind) : { ok: true, annotation: written };
    }
    return { ok: true, annotation: await saveAnnotation(db, annotation) };
  },
  // The annotation editor's "Shared with the desk", from the editor frame itself (the one request
  // an embedded extension page may send): only the editor page framed into a web page's tab, for
  // an annotation stored already (the content script saved it first), of that page's origin, that
  // holds what the journalist saved in the editor. Anything else is refused as out of scope.
  'factmark/annotation-share': async (request, { db, caller, deps }) => {
    if (!caller.editor || caller.tabOrigin === null) return notAllowed(caller.kind);
    const stored = await db.get('annotations', request.id);
    if (
      stored === undefined ||
      !isOfOrigin(stored.url, caller.tabOrigin) ||
      !holdsSaved(stored, request.saved)
    ) {
      return notAllowed(caller.kind);
    }
    return withSync(deps, async (sync) => {
      const shared = await sync.share({
        type: 'factmark/share',
        ids: [stored.id],
        shared: request.shared,
      });
      if (!shared.ok) return shared;
      const now = await db.get('annotations', stored.id);
      if (now === undefined) return failure('annotation-share: the annotation is gone');
      return {
        ok: true,
        shared: now.shared === true,
        ...(now.creator !== undefined ? { creator: now.creator } : {}),
      };
    });
  },
  'factmark/annotations-delete': async (request, { db, caller }) => ({
    ok: true,
    deleted: await deleteAnnotations(
      db,
      request.ids,
      caller.kind === 'content script' ? (a) => isOfOrigin(a.url, caller.origin) : undefined,
    ),
  }),
  'factmark/annotations-restore': async (request, { db }) => ({
    ok: true,
    restored: await restoreAnnotations(db, request.annotations),
  }),
  'factmark/export': async (request, { db }) => {
    const annotations =
      request.url === undefined
        ? await allAnnotations(db)
        : await annotationsForUrl(db, request.url);
    return { ok: true, text: exportText(request.format, annotations) };
  },
  'factmark/import': (request, { db, deps }) =>
    importText(db, request.text, deps.newAnnotationId ?? newAnnotationId),
  'factmark/import-undo': async (request, { db }) => {
    const undone = await undoImport(db, request.id);
    if (undone === null) {
      return failure(
        'import-undo: this import can no longer be undone (another came after it, or it was undone)',
      );
    }
    return { ok: true, ...undone };
  },
  // The backup of everything, as one text (backup.ts; the Library uses its ports for any size).
  'factmark/backup-export': (_request, { db }) => exportBackupAnswer(db),
  'factmark/backup-import': (request, { db }) => importBackupAnswer(db, request.text),
  'factmark/fact-save': async (request, { db, caller }) => {
    if (request.fact.id.startsWith(SOURCE_FACT_PREFIX)) {
      // An edit of a source's fact: the Library's alone (a content script only adds its own).
      if (caller.kind !== 'extension page') return notAllowed(caller.kind);
      return { ok: true, fact: await editSourceFact(db, request.fact) };
    }
    if (caller.kind === 'extension page')
      return { ok: true, fact: await saveUserFact(db, request.fact) };
    // From the on-page editor: a new fact only (never in place of one, which may be another
    // site's), filed under the frame's own page whatever URL it carried (docs/contracts.md).
    const fact = {
      ...request.fact,
      source: { ...request.fact.source, url: ownPageUrl(caller.url) },
    };
    if (!(await addUserFact(db, fact))) return notAllowed(caller.kind);
    return { ok: true, fact };
  },
  'factmark/fact-delete': async (request, { db }) => {
    if (request.id.startsWith(SOURCE_FACT_PREFIX)) {
      // Dropped, and recorded in its source's `dropped` so that no rebuild brings it back.
      await dropSourceFact(db, request.id);
      return { ok: true };
    }
    if (!request.id.startsWith(USER_FACT_PREFIX)) {
      return failure(
        'fact-delete: a bundled fact cannot be dropped; switch its source off in the Library instead',
      );
    }
    await deleteUserFact(db, request.id);
    return { ok: true };
  },
  // A journalist's own story (sources.ts; extension pages only but factmark/entities).
  'factmark/sources': async (_request, { db }) => ({ ok: true, sources: await listSources(db) }),
  'factmark/source-add': async (request, { db, deps }) => ({
    ok: true,
    source: await addSource(db, request.source, {
      now: (deps.now ?? Date.now)(),
      newId: deps.newSourceId ?? (() => crypto.randomUUID()),
    }),
  }),
  'factmark/source-remove': async (request, { db }) => {
    await removeSource(db, request.id);
    return { ok: true };
  },
  'factmark/source-enable': async (request, { db }) => ({
    ok: true,
    source: await enableSource(db, request.id, request.enabled),
  }),
  'factmark/source-facts': async (request, { db }) => ({
    ok: true,
    facts: await sourceFacts(db, request.id),
  }),
  'factmark/entities': async (_request, { db, caller }) => ({
    ok: true,
    // A content script gets the names it highlights, those watched now; the Library all.
    entities: await listEntities(db, caller.kind === 'content script'),
  }),
  'factmark/entity-save': async (request, { db }) => ({
    ok: true,
    entity: await saveEntity(db, request.entity),
  }),
  'factmark/entity-remove': async (request, { db }) => {
    await removeEntity(db, request.id);
    return { ok: true };
  },
  'factmark/entity-enable': async (request, { db }) => ({
    ok: true,
    entity: await enableEntity(db, request.id, request.enabled),
  }),
  // Desk sync (sync/service.ts; extension pages only). Without a sync service (a background
  // started without one: unit tests of other parts) each is answered that sync is not available.
  'factmark/sync-set': (request, { deps }) => withSync(deps, (sync) => sync.set(request)),
  'factmark/sync-now': (_request, { deps }) => withSync(deps, (sync) => sync.now()),
  'factmark/sync-status': (_request, { deps }) => withSync(deps, (sync) => sync.status()),
  'factmark/sync-test': async (request, { deps }) =>
    deps.sync === undefined
      ? { ok: false, reason: 'unreachable', error: 'desk sync is not available here' }
      : deps.sync.test(request),
  'factmark/sync-conflicts': (_request, { deps }) => withSync(deps, (sync) => sync.conflicts()),
  'factmark/sync-resolve': (request, { deps }) => withSync(deps, (sync) => sync.resolve(request)),
  'factmark/share': (request, { deps }) => withSync(deps, (sync) => sync.share(request)),
  'factmark/desk-items': (_request, { deps }) => withSync(deps, (sync) => sync.items()),
};

function withSync<A>(
  deps: RouterDeps,
  work: (sync: SyncService) => Promise<A>,
): Promise<A | Failure> {
  return deps.sync === undefined
    ? Promise.resolve(failure('desk sync is not available here'))
    : work(deps.sync);
}

async function answer(
  request: BackgroundRequest,
  caller: Caller,
  deps: RouterDeps,
): Promise<BackgroundAnswer> {
  // createRouter refused this already; checked again here, where the caller's type is narrowed,
  // so that no path reaches a handler with a kind its type does not allow.
  if (!mayCall(caller.kind, request.type)) return notAllowed(caller.kind);
  const db = await deps.db();
  // Desk sync: a teammate's item is read-only (unless the desk allows editing), and an
  // annotation's creator is the background's to set (sync/guard.ts).
  if (deps.sync !== undefined) {
    const guarded = await deps.sync.before(request);
    if ('ok' in guarded) return guarded;
    request = guarded;
  }
  // TypeScript cannot correlate `request.type` with the handler it picks, nor the caller with
  // the kinds mayCall allowed; HANDLERS' own type checks that each handler takes its type's
  // request and caller and returns its answer.
  const handler = HANDLERS[request.type] as Handler<BackgroundRequestType>;
  const result = await handler(request as never, { db, caller: caller as never, deps });
  // Shared items that changed go to the desk's mirror (a failure there is logged: the change is
  // made, and the next sync compares everything again).
  if (deps.sync !== undefined && result.ok) {
    await deps.sync.after(request, result).catch((error: unknown) => {
      console.warn('[factmark] desk sync: change not mirrored', error);
    });
  }
  return result;
}

/** Whether a stored annotation holds what the journalist saved in the editor. */
function holdsSaved(
  stored: Annotation,
  saved: { color: string; note: string; tags: readonly string[] },
): boolean {
  return (
    stored.color === saved.color &&
    stored.note === saved.note &&
    stored.tags.length === saved.tags.length &&
    stored.tags.every((tag, i) => tag === saved.tags[i])
  );
}

function newAnnotationId(): string {
  return `anno:${crypto.randomUUID()}`;
}

/** The text of the `factmark/export` message (and of the export port, transfer.ts). */
export function exportText(format: ExportFormat, annotations: Annotation[]): string {
  switch (format) {
    case 'jsonld':
      return toJsonLd(annotations);
    case 'csv':
      return annotationsToCsv(annotations);
    case 'md':
      return annotationsToMarkdown(annotations);
  }
}

/**
 * Parse, check every item with the same validator as a saved annotation, then write all of it in
 * one transaction. Any problem — bad JSON-LD, one invalid item, two items with one id, a failed
 * write — answers { ok: false, error } and leaves the database as it was. An item whose id is
 * stored with other content replaces it only when it is newer (`updated`); the answer counts such
 * conflicts (`conflicts`, `keptLocal`) when there are any. Items Factmark cannot place (page
 * notes, replies, PDF annotations) are not imported: the answer counts them and says why
 * (`skipped`, `reasons`).
 */
async function importText(
  db: FactmarkDb,
  text: string,
  newId: () => string,
): Promise<ImportAnswer> {
  // `now`: the dates of an item that carries neither `created` nor `modified`.
  const parsed = parseJsonLd(text, { newId, now: Date.now() });
  if (!parsed.ok) return failure(`import: ${parsed.error}`);
  const annotations = checkAnnotationList(parsed.annotations, 'items');
  if (typeof annotations === 'string') return failure(`import: ${annotations}`);
  try {
    const outcome = await importAnnotations(db, annotations);
    const answer: ImportAnswer = { ok: true, imported: outcome.imported };
    // Additive fields, present only when there is something to say (docs/contracts.md).
    if (parsed.skipped.length > 0) {
      answer.skipped = parsed.skipped.length;
      answer.reasons = skipReasons(parsed.skipped);
    }
    if (outcome.conflicts > 0) {
      answer.conflicts = outcome.conflicts;
      answer.keptLocal = outcome.keptLocal;
    }
    return answer;
  } catch (error) {
    return failure(`import: ${messageOf(error)}`);
  }
}

function failure(error: string): Failure {
  return { ok: false, error };
}
