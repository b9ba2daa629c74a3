/**
 * runtime.onMessage for the background: only this extension's own parts are answered, and only
 * with messages that pass the validator of src/shared/messages.ts. A foreign sender gets no answer
 * at all; our own part sending something malformed gets { ok: false, error }.
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
  isOwnSender,
  type AnnotationSaveAnswer,
  type AnnotationsAnswer,
  type AnnotationsDeleteAnswer,
  type AnnotationsRestoreAnswer,
  type BackgroundRequest,
  type ExportAnswer,
  type ExportFormat,
  type FactSaveAnswer,
  type FactsAnswer,
  type Failure,
  type ImportAnswer,
  type OkAnswer,
  type SiteAnswer,
} from '../shared/messages';
import { messageOf } from '../shared/answers';
import type { MessageListener } from './browser-api';
import {
  allAnnotations,
  allFacts,
  annotationsForUrl,
  deleteAnnotations,
  deleteUserFact,
  factsByIds,
  importAnnotations,
  isSiteEnabled,
  restoreAnnotations,
  saveAnnotation,
  saveUserFact,
  setSiteEnabled,
  type FactmarkDb,
} from './db';

export interface RouterDeps {
  extensionId: string;
  /** The database, once it is open and seeded. */
  db(): Promise<FactmarkDb>;
  /** Ids for imported annotations that carry none; `anno:<uuid>` unless a test says otherwise. */
  newAnnotationId?: () => string;
}

export type BackgroundAnswer =
  | FactsAnswer
  | SiteAnswer
  | AnnotationsAnswer
  | AnnotationSaveAnswer
  | AnnotationsDeleteAnswer
  | AnnotationsRestoreAnswer
  | ExportAnswer
  | ImportAnswer
  | FactSaveAnswer
  | OkAnswer;

export function createRouter(deps: RouterDeps): MessageListener {
  return (message, sender) => {
    if (!isOwnSender(sender, deps.extensionId)) return undefined;
    const checked = checkBackgroundRequest(message);
    if (!checked.ok) return Promise.resolve(failure(checked.error));
    return answer(checked.request, deps).catch((error: unknown) => failure(messageOf(error)));
  };
}

async function answer(request: BackgroundRequest, deps: RouterDeps): Promise<BackgroundAnswer> {
  const db = await deps.db();
  switch (request.type) {
    case 'factmark/facts':
      return { ok: true, facts: await allFacts(db) };
    case 'factmark/facts-get':
      return { ok: true, facts: await factsByIds(db, [...new Set(request.ids)]) };
    case 'factmark/site-get':
      return { ok: true, enabled: await isSiteEnabled(db, request.host) };
    case 'factmark/site-set':
      // The popup tells the page's content script itself (factmark/site-enabled): reaching a
      // site's other tabs would need the "tabs" permission, which Factmark does not ask for.
      await setSiteEnabled(db, request.host, request.enabled);
      return { ok: true, enabled: request.enabled };
    // After an annotation or fact change the background tells no one: the page that made the
    // change tells the tab (factmark/annotations-changed), and reaching other tabs would need
    // the "tabs" permission.
    case 'factmark/annotations':
      return {
        ok: true,
        annotations:
          request.url === undefined
            ? await allAnnotations(db)
            : await annotationsForUrl(db, request.url),
      };
    case 'factmark/annotation-save':
      return { ok: true, annotation: await saveAnnotation(db, request.annotation) };
    case 'factmark/annotations-delete':
      return { ok: true, deleted: await deleteAnnotations(db, request.ids) };
    case 'factmark/annotations-restore':
      return { ok: true, restored: await restoreAnnotations(db, request.annotations) };
    case 'factmark/export': {
      const annotations =
        request.url === undefined
          ? await allAnnotations(db)
          : await annotationsForUrl(db, request.url);
      return { ok: true, text: exportText(request.format, annotations) };
    }
    case 'factmark/import':
      return importText(db, request.text, deps.newAnnotationId ?? newAnnotationId);
    case 'factmark/fact-save':
      return { ok: true, fact: await saveUserFact(db, request.fact) };
    case 'factmark/fact-delete':
      await deleteUserFact(db, request.id);
      return { ok: true };
  }
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
 * write — answers { ok: false, error } and leaves the database as it was. Items whose ids are
 * already stored replace those annotations. Items Factmark cannot place (page notes, replies,
 * PDF annotations) are not imported: the answer counts them and says why (`skipped`, `reasons`).
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
    const imported = await importAnnotations(db, annotations);
    if (parsed.skipped.length === 0) return { ok: true, imported };
    return {
      ok: true,
      imported,
      skipped: parsed.skipped.length,
      reasons: skipReasons(parsed.skipped),
    };
  } catch (error) {
    return failure(`import: ${messageOf(error)}`);
  }
}

function failure(error: string): Failure {
  return { ok: false, error };
}
