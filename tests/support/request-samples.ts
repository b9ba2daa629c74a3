/**
 * One valid request of every background request type (src/shared/protocol.ts), for the tests that
 * send every type from each kind of caller: the end-to-end callers' test (tests/e2e/callers.ts)
 * and the background's embedded-page test (tests/unit/background-embedded-pages.test.ts). For a
 * caller that may send none of them, or none in these samples' scope (an embedded extension
 * page: only its share of an annotation it saved, which these are not), each is refused; for the
 * Library and the popup, each names what the test stored. A Record over the contract: a request
 * type added to it without a row here fails to compile, and the tests compare its keys with
 * BACKGROUND_CALLERS' at run time.
 */
import { toJsonLd, type Annotation } from '../../src/core/annotations';
import { toBackupText } from '../../src/shared/backup-format';
import type { BackgroundRequest } from '../../src/shared/messages';
import type { BackgroundRequestType } from '../../src/shared/protocol';
import { annotation, fact } from '../unit/background-fixtures';

/** A backup of everything (src/shared/backup-format.ts) that holds these annotations only. */
export function backupOfAnnotations(annotations: Annotation[]): string {
  return toBackupText({
    exportedAt: '2026-12-02T08:00:00.000Z',
    sites: [],
    entities: [],
    sources: [],
    facts: [],
    annotations,
  });
}

export type SampleRequests = {
  readonly [T in BackgroundRequestType]: BackgroundRequest & { type: T };
};

/**
 * `ownUrl`: the page of the frame that sends them; `undoId`: an import the Library could undo;
 * `factId`: a journalist's fact; `otherHost`: another site's host; `sourceId`, `entityId`: a source
 * and a watched name the requests that name one name (a journalist's own, for the Library to
 * change; a bundled one by default, which no caller of these tests may change anyway).
 */
export function sampleRequests(context: {
  ownUrl: string;
  undoId: string;
  factId: string;
  otherHost: string;
  sourceId?: string;
  entityId?: string;
}): SampleRequests {
  const { ownUrl, undoId, factId, otherHost } = context;
  const sourceId = context.sourceId ?? '000_b86a0c93525f4882.txt';
  const entityId = context.entityId ?? 'exim';
  return {
    'factmark/facts': { type: 'factmark/facts' },
    'factmark/facts-get': { type: 'factmark/facts-get', ids: [factId] },
    'factmark/site-get': { type: 'factmark/site-get', host: new URL(ownUrl).hostname },
    'factmark/site-set': { type: 'factmark/site-set', host: otherHost, enabled: true },
    'factmark/annotations': { type: 'factmark/annotations', url: ownUrl },
    'factmark/annotations-page': { type: 'factmark/annotations-page', limit: 100 },
    'factmark/annotation-save': {
      type: 'factmark/annotation-save',
      annotation: annotation('anno:e2e-sample', { url: ownUrl }),
    },
    'factmark/annotations-delete': { type: 'factmark/annotations-delete', ids: ['anno:e2e-own'] },
    'factmark/annotations-restore': {
      type: 'factmark/annotations-restore',
      annotations: [annotation('anno:e2e-sample-restore', { url: ownUrl })],
    },
    'factmark/export': { type: 'factmark/export', format: 'jsonld' },
    'factmark/import': {
      type: 'factmark/import',
      text: toJsonLd([annotation('anno:e2e-sample-import', { url: ownUrl })]),
    },
    'factmark/import-undo': { type: 'factmark/import-undo', id: undoId },
    'factmark/backup-export': { type: 'factmark/backup-export' },
    'factmark/backup-import': {
      type: 'factmark/backup-import',
      text: backupOfAnnotations([annotation('anno:e2e-sample-backup', { url: ownUrl })]),
    },
    // Desk sync (extension pages only).
    'factmark/sync-set': {
      type: 'factmark/sync-set',
      url: 'http://127.0.0.1:5984',
      db: 'desk',
      user: 'alice',
      password: 'secret',
    },
    'factmark/sync-now': { type: 'factmark/sync-now' },
    'factmark/sync-status': { type: 'factmark/sync-status' },
    'factmark/sync-test': {
      type: 'factmark/sync-test',
      url: 'http://127.0.0.1:5984',
      db: 'desk',
      user: 'alice',
      password: 'secret',
    },
    'factmark/sync-conflicts': { type: 'factmark/sync-conflicts' },
    'factmark/sync-resolve': { type: 'factmark/sync-resolve', id: 'anno:1', keep: '1-abc' },
    'factmark/share': { type: 'factmark/share', ids: ['anno:1'], shared: true },
    'factmark/desk-items': { type: 'factmark/desk-items' },
    // The editor frame's one request, naming an annotation that is not stored (refused as out of
    // scope); another site's annotation, named by its id, likewise.
    'factmark/annotation-share': {
      type: 'factmark/annotation-share',
      id: 'anno:e2e-sample',
      shared: true,
      saved: { color: 'yellow', note: '', tags: [] },
    },
    'factmark/fact-save': { type: 'factmark/fact-save', fact: fact('user:e2e-sample') },
    'factmark/fact-delete': { type: 'factmark/fact-delete', id: factId },
    'factmark/sources': { type: 'factmark/sources' },
    'factmark/source-add': {
      type: 'factmark/source-add',
      source: { title: 'Sample', text: 'Tembo Hills costs $640 million.', origin: 'paste' },
    },
    'factmark/source-remove': { type: 'factmark/source-remove', id: sourceId },
    'factmark/source-enable': { type: 'factmark/source-enable', id: sourceId, enabled: false },
    'factmark/source-facts': { type: 'factmark/source-facts', id: sourceId },
    'factmark/entities': { type: 'factmark/entities' },
    'factmark/entity-save': {
      type: 'factmark/entity-save',
      entity: { id: 'sample', name: 'Sample', aliases: [] },
    },
    'factmark/entity-remove': { type: 'factmark/entity-remove', id: entityId },
    'factmark/entity-enable': { type: 'factmark/entity-enable', id: entityId, enabled: false },
  };
}
