/**
 * Export and import of any number of annotations over ports (runtime.onConnect), for the Library:
 * one runtime message is limited to 64 MiB in Chrome, and a million annotations make some 500 M
 * characters of JSON-LD, more than the longest string V8 can hold. Only the extension's own pages
 * may open these ports: the sender must carry this extension's id and a URL of the extension (a
 * content script's port, whose URL is the web page's, is closed unanswered, as is a foreign one).
 * `sender.tab` cannot tell them apart: an extension page open in a tab (the options page) has one
 * too.
 *
 * - `factmark/export-stream`: the page sends `{ format, url? }`; the background reads the store a
 *   page of EXPORT_PAGE annotations at a time (db.ts annotationsAfter: a cursor position, a short
 *   transaction each) and writes the same text as the `factmark/export` message, never whole:
 *   chunks of EXPORT_CHUNK_TARGET characters, `{ type: 'progress', sent, total }` in annotations
 *   after each page, then `{ type: 'head', text }` (what goes before every chunk: the JSON-LD
 *   collection's opening, which states the count and a fingerprint of every id, known only at
 *   the end; empty for CSV and Markdown), then `{ type: 'end', chars }` — or
 *   `{ type: 'error', error }`. The page acknowledges each chunk (`{ type: 'ack' }`) and at most
 *   EXPORT_WINDOW chunks are unacknowledged: the background reads no faster than the page takes.
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
 * - `factmark/backup-export-stream`, `factmark/backup-import-stream`: the backup of everything
 *   (backup.ts), written over the export port's protocol, and restored from its text sent in
 *   chunks (backup-import-port.ts).
 */
import {
  EXPORT_STREAM_PORT,
  IMPORT_STREAM_PORT,
  checkExportStreamRequest,
  checkImportStreamMessage,
  type ExportFormat,
  type ExportStreamMessage,
  type ImportStreamAnswer,
} from '../shared/messages';
import { callerOf } from '../shared/protocol';
import {
  BACKUP_EXPORT_PORT,
  BACKUP_IMPORT_PORT,
  checkBackupExportStreamRequest,
} from '../shared/backup-protocol';
import { annotationsToCsv } from '../core/annotations/csv';
import { toJsonLd } from '../core/annotations/jsonld';
import { annotationsToMarkdown } from '../core/annotations/markdown';
import type { Annotation } from '../core/annotations/types';
import { messageOf } from '../shared/answers';
import { writeBackup } from './backup';
import { serveBackupImport } from './backup-import-port';
import type { Port } from './browser-api';
import {
  annotationsAfter,
  annotationsForUrl,
  annotationsForUrls,
  countAnnotations,
  createdCursorOf,
  importAnnotations,
  type CreatedCursor,
  type FactmarkDb,
} from './db';

/**
 * Characters per export chunk: 512 Ki (524,288). The page turns each chunk into a Blob as it
 * comes, in one task of its main thread: the message's deserialisation and the Blob's UTF-8 copy,
 * both in proportion to the chunk. Measured (bench/library.ts, a Chromium 156 trace of the
 * Library's main thread while exporting 100,000 annotations as JSON-LD, on this 2-core machine),
 * in CPU time per task: chunks of 8,000,000 characters cost 60–83 ms each, 2 Mi about 17 ms,
 * 512 Ki 3.5–4.6 ms. design.md allows no task over 50 ms; a slower machine, or a garbage
 * collection landing in the same task, can take several times as long, hence 512 Ki: a tenth of
 * the budget here. Smaller chunks would only add messages (the export takes as long: 128 Ki was
 * no faster) — a million annotations of JSON-LD, some 590 M characters, are some 1,100 chunks.
 * The contract's bound stays EXPORT_CHUNK_CHARS (8,000,000).
 */
export const EXPORT_CHUNK_TARGET = 512 * 1024;
/**
 * Annotations read per page of an export: 1,000, each page one getAll in a transaction of its
 * own. A stored annotation is some 0.5–1 K characters (at most some 50 K), so a page is about a
 * chunk's worth of text; fewer would cost more transactions (their fixed cost is about 1 ms in
 * Chromium), more would hold more records at once for nothing.
 */
export const EXPORT_PAGE = 1_000;
/**
 * Chunks sent and not yet acknowledged by the page, at most: 4. Enough that the page always has
 * the next chunk at hand while the background reads the page after (reading and writing overlap),
 * and few enough that at most some 2 M characters wait in the browser's queues.
 */
export const EXPORT_WINDOW = 4;

export interface TransferDeps {
  extensionId: string;
  /** "chrome-extension://<id>/" (runtime.getURL('')): the extension's pages' URLs start with it. */
  extensionOrigin: string;
  /** The database, once it is open and seeded. */
  db(): Promise<FactmarkDb>;
  /** Characters per export chunk; EXPORT_CHUNK_TARGET unless a test says otherwise. */
  chunkChars?: number;
  /** Annotations per read of an export; EXPORT_PAGE unless a test says otherwise. */
  pageSize?: number;
  /** Chunks unacknowledged, at most; EXPORT_WINDOW unless a test says otherwise. */
  window?: number;
}

/** The ports served here: the annotations' export and import, and the backup's (backup.ts). */
const PORTS: ReadonlySet<string> = new Set([
  EXPORT_STREAM_PORT,
  IMPORT_STREAM_PORT,
  BACKUP_EXPORT_PORT,
  BACKUP_IMPORT_PORT,
]);

/** The runtime.onConnect listener. */
export function createTransfer(deps: TransferDeps): (port: Port) => void {
  return (port) => {
    if (!PORTS.has(port.name)) return;
    // Only the extension's own pages (docs/contracts.md, "Ports"): its id, and its URL (a
    // content script's is the page's).
    const caller = callerOf(port.sender, deps.extensionId, deps.extensionOrigin);
    if (caller === 'foreign' || caller === null || caller.kind !== 'extension page') {
      port.disconnect();
      return;
    }
    switch (port.name) {
      case EXPORT_STREAM_PORT:
        return serveStream(port, deps, 'export', checkExportStreamRequest, (db, request, sink) =>
          writeExport(db, request, sink, { pageSize: deps.pageSize ?? EXPORT_PAGE }),
        );
      case IMPORT_STREAM_PORT:
        return serveImport(port, deps);
      case BACKUP_EXPORT_PORT:
        // The backup's text is written in order: its head is empty.
        return serveStream(
          port,
          deps,
          'backup',
          checkBackupExportStreamRequest,
          async (db, _r, sink) => {
            await writeBackup(db, sink, { pageSize: deps.pageSize ?? EXPORT_PAGE });
            return '';
          },
        );
      case BACKUP_IMPORT_PORT:
        return serveBackupImport(port, deps);
    }
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
    const end = cutAt(text, start, size);
    yield text.slice(start, end);
    start = end;
  }
}

/** Where a piece of at most `size` characters from `start` ends, not inside a surrogate pair. */
function cutAt(text: string, start: number, size: number): number {
  const end = Math.min(start + size, text.length);
  const last = text.charCodeAt(end - 1);
  return end < text.length && end - start > 1 && last >= 0xd800 && last <= 0xdbff ? end - 1 : end;
}

// ---- Export, streamed -----------------------------------------------------------------------

/** Where a streamed export goes: its text in order, and how far it has come. */
export interface ExportSink {
  /** The next piece of the text; resolves when the sink can take more. */
  write(text: string): Promise<void>;
  /**
   * `done` annotations of about `total` are written (a Markdown export counts each twice). May
   * throw to stop the export (the page has gone).
   */
  progress(done: number, total: number): void;
}

export interface ExportOptions {
  /** Annotations per read; EXPORT_PAGE by default. */
  pageSize?: number;
}

/**
 * Write every annotation (or one page's, `url`) in `format` to `sink`, reading the store a page at
 * a time, and return the head: the text that goes BEFORE everything written (the JSON-LD
 * collection's opening; '' for CSV and Markdown). Head and text together are exactly the text of
 * the `factmark/export` message (router.ts exportText) for the same annotations.
 */
export async function writeExport(
  db: FactmarkDb,
  request: { format: ExportFormat; url?: string },
  sink: ExportSink,
  options: ExportOptions = {},
): Promise<string> {
  const pageSize = options.pageSize ?? EXPORT_PAGE;
  let pages: AsyncIterable<Annotation[]>;
  let total: number;
  if (request.url === undefined) {
    total = await countAnnotations(db);
    pages = pagesOfAll(db, pageSize);
  } else {
    // One page's annotations: few, read at once (as the popup's export does).
    const list = await annotationsForUrl(db, request.url);
    total = list.length;
    pages = pagesOfList(list, pageSize);
  }
  switch (request.format) {
    case 'jsonld':
      return writeJsonLd(pages, total, sink);
    case 'csv':
      await writeCsv(pages, total, sink);
      return '';
    case 'md':
      await writeMarkdown(db, pages, total, sink, pageSize);
      return '';
  }
}

/**
 * Every annotation, oldest first, a page at a time (db.ts annotationsAfter). The next page is asked
 * for as soon as a page arrives, before it is written: the browser reads it from disk while this
 * thread turns the page into text.
 */
async function* pagesOfAll(db: FactmarkDb, pageSize: number): AsyncGenerator<Annotation[]> {
  const read = (after?: CreatedCursor) => {
    const page = annotationsAfter(db, pageSize, after);
    // Awaited below; a read left behind when the export stops must not be an unhandled rejection.
    page.catch(() => undefined);
    return page;
  };
  let next = read();
  for (;;) {
    const page = await next;
    const full = page.length === pageSize;
    if (full) next = read(createdCursorOf(page[page.length - 1]!));
    if (page.length > 0) yield page;
    if (!full) return;
  }
}

async function* pagesOfList(
  list: readonly Annotation[],
  pageSize: number,
): AsyncGenerator<Annotation[]> {
  for (let i = 0; i < list.length; i += pageSize) yield list.slice(i, i + pageSize);
}

// JSON-LD: the text of toJsonLd (src/core/annotations/jsonld.ts), a page of items at a time. Its
// frame is taken from toJsonLd itself, so the two cannot drift apart unseen: a change of layout
// there fails every export here (and the tests that compare the two) rather than writing another.
const JSONLD_ITEMS_OPEN = '"items": [\n';
const JSONLD_ITEMS_CLOSE = '\n    ]\n  }\n}\n';
const JSONLD_EMPTY_CLOSE = '[]\n  }\n}\n';
const JSONLD_TOTAL_ZERO = '\n  "total": 0,\n';

/** Each format's text is cut from core's own; a change of its layout there stops the export. */
function layoutChanged(file: string): Error {
  return new Error(`the layout of src/core/annotations/${file} changed; update transfer.ts`);
}

/** The page's items as toJsonLd writes them: one per line, joined by ",\n". */
function jsonLdItems(page: readonly Annotation[]): string {
  const text = toJsonLd(page, { id: '' });
  const start = text.indexOf(JSONLD_ITEMS_OPEN);
  if (start < 0 || !text.endsWith(JSONLD_ITEMS_CLOSE)) throw layoutChanged('jsonld.ts');
  return text.slice(start + JSONLD_ITEMS_OPEN.length, text.length - JSONLD_ITEMS_CLOSE.length);
}

/** The collection's opening up to (not including) the items' "[", for `total` items. */
function jsonLdOpening(id: string, total: number): string {
  const empty = toJsonLd([], { id });
  if (!empty.endsWith(JSONLD_EMPTY_CLOSE) || !empty.includes(JSONLD_TOTAL_ZERO)) {
    throw layoutChanged('jsonld.ts');
  }
  return empty
    .slice(0, empty.length - JSONLD_EMPTY_CLOSE.length)
    .replace(JSONLD_TOTAL_ZERO, `\n  "total": ${total},\n`);
}

/**
 * The collection's id as toJsonLd makes it (jsonld.ts `fingerprint`: FNV-1a twice over every id
 * and a NUL, in order), fed one id at a time.
 */
export class IdFingerprint {
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x5bd1e995;

  add(id: string): void {
    let { a, b } = this;
    const s = id + '\u0000';
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
    }
    this.a = a;
    this.b = b;
  }

  hex(): string {
    const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');
    return hex(this.a) + hex(this.b);
  }
}

async function writeJsonLd(
  pages: AsyncIterable<Annotation[]>,
  total: number,
  sink: ExportSink,
): Promise<string> {
  const fingerprint = new IdFingerprint();
  let count = 0;
  for await (const page of pages) {
    for (const a of page) fingerprint.add(a.id);
    const items = jsonLdItems(page);
    await sink.write(count === 0 ? items : `,\n${items}`);
    count += page.length;
    sink.progress(count, Math.max(total, count));
  }
  // An empty list is "[]": its "[" ends the head.
  await sink.write(count === 0 ? JSONLD_EMPTY_CLOSE.slice(1) : JSONLD_ITEMS_CLOSE);
  // Counted and fingerprinted over exactly what was written: the head always matches the items,
  // even when annotations were saved or deleted while the export ran.
  const opening = jsonLdOpening(`urn:factmark:export:${fingerprint.hex()}`, count);
  return count === 0 ? `${opening}[` : `${opening}[\n`;
}

async function writeCsv(
  pages: AsyncIterable<Annotation[]>,
  total: number,
  sink: ExportSink,
): Promise<void> {
  // The byte order mark and the header row, as annotationsToCsv starts every text.
  const header = annotationsToCsv([]);
  await sink.write(header);
  let count = 0;
  for await (const page of pages) {
    const text = annotationsToCsv(page);
    if (!text.startsWith(header)) throw layoutChanged('csv.ts');
    await sink.write(text.slice(header.length));
    count += page.length;
    sink.progress(count, Math.max(total, count));
  }
}

const MARKDOWN_TITLE = '# Factmark annotations';

/**
 * Markdown groups the annotations by page, pages in the order they first appear (creation order),
 * and orders each page's by their place in it: annotationsToMarkdown over everything. Streamed in
 * two passes: the first reads every annotation in creation order and keeps only each page's URL
 * and count (memory: the distinct URLs, not the annotations); the second reads a few pages'
 * annotations at a time (about `pageSize`, db.ts annotationsForUrls) in that order and writes
 * them with annotationsToMarkdown, whose text for consecutive whole groups is exactly the
 * corresponding part of the whole. A page's annotations are read together, however many.
 */
async function writeMarkdown(
  db: FactmarkDb,
  pages: AsyncIterable<Annotation[]>,
  total: number,
  sink: ExportSink,
  pageSize: number,
): Promise<void> {
  const counts = new Map<string, number>();
  let read = 0;
  for await (const page of pages) {
    for (const a of page) counts.set(a.url, (counts.get(a.url) ?? 0) + 1);
    read += page.length;
    sink.progress(read, 2 * Math.max(total, read));
  }
  await sink.write(MARKDOWN_TITLE);
  let written = 0;
  let batch: string[] = [];
  let size = 0;
  const flush = async () => {
    const list = (await annotationsForUrls(db, batch)).flat();
    if (list.length > 0) {
      // "# Factmark annotations", the groups' lines, "\n": only the groups' part is theirs.
      const text = annotationsToMarkdown(list);
      if (!text.startsWith(MARKDOWN_TITLE) || !text.endsWith('\n')) {
        throw layoutChanged('markdown.ts');
      }
      await sink.write(text.slice(MARKDOWN_TITLE.length, -1));
    }
    written += list.length;
    sink.progress(read + written, Math.max(2 * read, read + written));
    batch = [];
    size = 0;
  };
  for (const [url, n] of counts) {
    if (batch.length > 0 && size + n > pageSize) await flush();
    batch.push(url);
    size += n;
  }
  if (batch.length > 0) await flush();
  await sink.write('\n');
  if (annotationsToMarkdown([]) !== `${MARKDOWN_TITLE}\n`) throw layoutChanged('markdown.ts');
}

/** Thrown into the export when the page has closed its port: it stops, quietly. */
class PortClosed extends Error {}

/**
 * The export port as an ExportSink: the text cut into chunks of `chunkChars` (never inside a
 * surrogate pair), at most `window` of them sent and not yet acknowledged by the page.
 */
class PortSink implements ExportSink {
  /** Characters sent in chunks so far. */
  chars = 0;
  private buffer = '';
  private unacked = 0;
  private closed = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly post: (message: ExportStreamMessage) => void,
    private readonly chunkChars: number,
    private readonly window: number,
  ) {}

  async write(text: string): Promise<void> {
    this.buffer += text;
    while (this.buffer.length >= this.chunkChars) await this.send();
  }

  progress(done: number, total: number): void {
    // Called after every page read: where an export that writes nothing for a while (Markdown's
    // first pass) learns that the page has gone.
    if (this.closed) throw new PortClosed();
    this.post({ type: 'progress', sent: done, total });
  }

  /** Send what is left. */
  async flush(): Promise<void> {
    while (this.buffer.length > 0) await this.send();
  }

  /** The page took one more chunk in. */
  ack(): void {
    if (this.unacked > 0) this.unacked -= 1;
    this.resume();
  }

  /** The port closed: a send waiting for room fails, and every later one. */
  close(): void {
    this.closed = true;
    this.resume();
  }

  private resume(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private async send(): Promise<void> {
    while (this.unacked >= this.window && !this.closed) {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    if (this.closed) throw new PortClosed();
    const end = cutAt(this.buffer, 0, this.chunkChars);
    const chunk = this.buffer.slice(0, end);
    this.buffer = this.buffer.slice(end);
    this.unacked += 1;
    this.chars += chunk.length;
    this.post({ type: 'chunk', text: chunk });
  }
}

function isAck(message: unknown): boolean {
  return (
    typeof message === 'object' && message !== null && 'type' in message && message.type === 'ack'
  );
}

/**
 * Serve a streamed text over an export port: the page's first message is the request (`check`
 * reads it), then its acks; `write` writes the text to the port's sink and returns its head.
 */
function serveStream<R>(
  port: Port,
  deps: TransferDeps,
  what: string,
  check: (message: unknown) => R | string,
  write: (db: FactmarkDb, request: R, sink: ExportSink) => Promise<string>,
): void {
  let started = false;
  let closed = false;
  let sink: PortSink | null = null;
  port.onDisconnect.addListener(() => {
    closed = true;
    sink?.close();
  });
  const post = (message: ExportStreamMessage) => {
    send(port, message, closed);
  };
  port.onMessage.addListener((message) => {
    if (started) {
      if (isAck(message)) sink?.ack();
      return;
    }
    started = true;
    const request = check(message);
    if (typeof request === 'string') {
      post({ type: 'error', error: `${what}: ${request}` });
      return;
    }
    const out = new PortSink(
      post,
      deps.chunkChars ?? EXPORT_CHUNK_TARGET,
      deps.window ?? EXPORT_WINDOW,
    );
    sink = out;
    void (async () => {
      const db = await deps.db();
      const head = await write(db, request, out);
      await out.flush();
      post({ type: 'head', text: head });
      post({ type: 'end', chars: out.chars + head.length });
    })().catch((error: unknown) => {
      if (error instanceof PortClosed || closed) return;
      post({ type: 'error', error: `${what}: ${messageOf(error)}` });
    });
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
