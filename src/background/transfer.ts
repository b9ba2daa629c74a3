/**
 * Export and import of any number of annotations over ports (runtime.onConnect), for the Library:
 * one runtime message is limited to 64 MiB in Chrome, and 100,000 annotations make some 100 M
 * characters of JSON-LD. Only the extension's own pages may open these ports: the sender must
 * carry this extension's id and a URL of the extension (a content script's port, whose URL is the
 * web page's, is closed unanswered, as is a foreign one). `sender.tab` cannot tell them apart: an
 * extension page open in a tab (the options page) has one too.
 *
 * - `factmark/export-stream`: the page sends `{ format, url? }`; the background builds the same
 *   text as the `factmark/export` message and sends it in chunks of at most EXPORT_CHUNK_CHARS
 *   characters, each followed by `{ type: 'progress', sent, total }`, then `{ type: 'end', chars }`
 *   — or `{ type: 'error', error }`.
 * - `factmark/import-stream`: the page sends `{ type: 'begin', total }`, batches of at most
 *   MAX_IMPORT_BATCH annotations (each checked with the validator of a saved annotation; an error
 *   names the annotation's place in the whole import), then `{ type: 'commit' }`. The background
 *   answers each batch with `{ type: 'progress', received, total }` and the commit with
 *   `{ type: 'done', imported, conflicts, keptLocal, undo }` after writing everything in ONE
 *   transaction (a stored annotation newer than the incoming one with its id is kept: db.ts
 *   importAnnotations; `undo` undoes the import, factmark/import-undo). Any problem (an
 *   invalid annotation, an id sent twice, more annotations than announced or fewer at commit, a
 *   failed write) answers `{ type: 'error', error }` and discards the session: nothing is
 *   written. A port closed before commit writes nothing.
 */
import {
  EXPORT_CHUNK_CHARS,
  EXPORT_STREAM_PORT,
  IMPORT_STREAM_PORT,
  checkExportStreamRequest,
  checkImportStreamMessage,
  type ExportStreamMessage,
  type ImportStreamAnswer,
} from '../shared/messages';
import { callerOf } from '../shared/protocol';
import type { Annotation } from '../core/annotations/types';
import { messageOf } from '../shared/answers';
import type { Port } from './browser-api';
import { allAnnotations, annotationsForUrl, importAnnotations, type FactmarkDb } from './db';
import { exportText } from './router';

export interface TransferDeps {
  extensionId: string;
  /** "chrome-extension://<id>/" (runtime.getURL('')): the extension's pages' URLs start with it. */
  extensionOrigin: string;
  /** The database, once it is open and seeded. */
  db(): Promise<FactmarkDb>;
  /** Characters per export chunk; EXPORT_CHUNK_CHARS unless a test says otherwise. */
  chunkChars?: number;
}

/** The runtime.onConnect listener. */
export function createTransfer(deps: TransferDeps): (port: Port) => void {
  return (port) => {
    if (port.name !== EXPORT_STREAM_PORT && port.name !== IMPORT_STREAM_PORT) return;
    // Only the extension's own pages (docs/contracts.md, "Ports"): its id, and its URL (a
    // content script's is the page's).
    const caller = callerOf(port.sender, deps.extensionId, deps.extensionOrigin);
    if (caller === 'foreign' || caller === null || caller.kind !== 'extension page') {
      port.disconnect();
      return;
    }
    if (port.name === EXPORT_STREAM_PORT) serveExport(port, deps);
    else serveImport(port, deps);
  };
}

/** Post unless the port is closed; one closed a moment ago throws, which is no one's concern. */
function send(
  port: Port,
  message: ExportStreamMessage | ImportStreamAnswer,
  closed: boolean,
): void {
  if (closed) return;
  try {
    port.postMessage(message);
  } catch {
    // The page went away: its onDisconnect is on its way.
  }
}

/** `text` cut into pieces of at most `size` characters, never between a surrogate pair's halves. */
export function* chunksOf(text: string, size: number): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && end - start > 1 && last >= 0xd800 && last <= 0xdbff) end -= 1;
    yield text.slice(start, end);
    start = end;
  }
}

function serveExport(port: Port, deps: TransferDeps): void {
  let started = false;
  let closed = false;
  port.onDisconnect.addListener(() => {
    closed = true;
  });
  const post = (message: ExportStreamMessage) => {
    send(port, message, closed);
  };
  port.onMessage.addListener((message) => {
    if (started) return;
    started = true;
    const request = checkExportStreamRequest(message);
    if (typeof request === 'string') {
      post({ type: 'error', error: `export: ${request}` });
      return;
    }
    void (async () => {
      const db = await deps.db();
      const annotations =
        request.url === undefined
          ? await allAnnotations(db)
          : await annotationsForUrl(db, request.url);
      if (closed) return;
      const text = exportText(request.format, annotations);
      let sent = 0;
      for (const chunk of chunksOf(text, deps.chunkChars ?? EXPORT_CHUNK_CHARS)) {
        if (closed) return;
        post({ type: 'chunk', text: chunk });
        sent += chunk.length;
        post({ type: 'progress', sent, total: text.length });
      }
      post({ type: 'end', chars: text.length });
    })().catch((error: unknown) => post({ type: 'error', error: `export: ${messageOf(error)}` }));
  });
}

type ImportState = 'begin' | 'batches' | 'writing' | 'over';

function serveImport(port: Port, deps: TransferDeps): void {
  let state: ImportState = 'begin';
  let total = 0;
  let pending: Annotation[] = [];
  // id → its place in the import (from 1), to name both when an id comes twice.
  const seen = new Map<string, number>();
  let closed = false;
  const post = (message: ImportStreamAnswer) => {
    send(port, message, closed);
  };
  const fail = (error: string) => {
    state = 'over';
    pending = [];
    seen.clear();
    post({ type: 'error', error: `import: ${error}` });
  };
  port.onDisconnect.addListener(() => {
    closed = true;
    // Before commit: nothing is written. A commit under way finishes (one transaction).
    if (state !== 'writing') {
      state = 'over';
      pending = [];
      seen.clear();
    }
  });
  port.onMessage.addListener((raw) => {
    if (state === 'over' || state === 'writing') return;
    const message = checkImportStreamMessage(raw, pending.length);
    if (typeof message === 'string') return fail(message);
    switch (message.type) {
      case 'begin':
        if (state !== 'begin') return fail('"begin" sent twice');
        total = message.total;
        state = 'batches';
        return;
      case 'batch': {
        if (state !== 'batches') return fail('a batch before "begin"');
        if (pending.length + message.annotations.length > total) {
          return fail(`more annotations than the ${total.toLocaleString('en-US')} announced`);
        }
        for (const a of message.annotations) {
          const place = pending.length + 1;
          const first = seen.get(a.id);
          if (first !== undefined) {
            return fail(
              `annotation ${place.toLocaleString('en-US')} (id ${a.id.slice(0, 80)}): same id as annotation ${first.toLocaleString('en-US')}`,
            );
          }
          seen.set(a.id, place);
          pending.push(a);
        }
        post({ type: 'progress', received: pending.length, total });
        return;
      }
      case 'commit': {
        if (state !== 'batches') return fail('"commit" before "begin"');
        if (pending.length !== total) {
          return fail(
            `commit after ${pending.length.toLocaleString('en-US')} of the ${total.toLocaleString('en-US')} annotations announced`,
          );
        }
        state = 'writing';
        const list = pending;
        pending = [];
        seen.clear();
        void (async () => {
          const outcome = await importAnnotations(await deps.db(), list);
          state = 'over';
          post({ type: 'done', ...outcome });
        })().catch((error: unknown) => fail(messageOf(error)));
        return;
      }
    }
  });
}
