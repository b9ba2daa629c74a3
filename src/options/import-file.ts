/**
 * Read and parse an import file for the Library: in a worker (import-worker.ts) where the page
 * can start one, else in the page (a test's DOM without workers).
 *
 * The worker keeps the parsed annotations and hands the page one batch when asked, so the page
 * never holds more than the batch it is sending. With all 100,000 of a large import in the page
 * (as first built), the Library's main thread froze for 280 ms while the worker's batches arrived
 * together, and its garbage collections, which then traced every one of them, for up to 110 ms
 * at a time during the import (Chromium 156, bench/README.md "export_import").
 */
import {
  parseJsonLd,
  type Annotation,
  type JsonLdParseResult,
  type SkippedItem,
} from '../core/annotations';
import { messageOf } from '../shared/answers';
import { batchesOf, listBatches, type ImportBatches } from './import-batches';

/** The page's messages to the worker: the file, then `next` for each batch. */
export type ImportFileRequest = { type: 'read'; file: File; now: number } | { type: 'next' };

/** The worker's answers: `parsed` (or `failed`) once, then a `batch` (or `end`) per `next`. */
export type ImportFileMessage =
  /** `skipped`: the items the parser could not place (page notes, replies, PDFs). */
  | { type: 'parsed'; total: number; skipped: SkippedItem[] }
  | { type: 'batch'; annotations: Annotation[] }
  | { type: 'end' }
  | { type: 'failed'; error: string };

/** An id for an imported annotation that has none. */
export function newAnnotationId(): string {
  return `anno:${crypto.randomUUID()}`;
}

/** A parsed import file: its annotations a batch at a time, and what could not be placed. */
export interface ImportFile extends ImportBatches {
  readonly skipped: readonly SkippedItem[];
  /** Let the file go (the worker ends); asking for a batch after that rejects. */
  close(): void;
}

export type ImportFileResult = { ok: true; file: ImportFile } | { ok: false; error: string };

/** The part of a Worker (or of a MessagePort, in tests) spoken to here. */
export interface ImportWorker {
  postMessage(message: ImportFileRequest): void;
  onmessage: ((event: MessageEvent<ImportFileMessage>) => void) | null;
  onerror?: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

function startWorker(): ImportWorker | null {
  if (typeof Worker !== 'function') return null;
  try {
    return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

export async function openImportFile(file: File, now = Date.now()): Promise<ImportFileResult> {
  const worker = startWorker();
  if (!worker) return inPage(parseJsonLd(await file.text(), { newId: newAnnotationId, now }));
  return fromWorker(worker, file, now);
}

function inPage(parsed: JsonLdParseResult): ImportFileResult {
  if (!parsed.ok) return parsed;
  const batches = listBatches(parsed.annotations);
  return { ok: true, file: { ...batches, skipped: parsed.skipped, close: () => undefined } };
}

/** The file read by `worker`: resolves once it is parsed; batches then come one per request. */
export function fromWorker(
  worker: ImportWorker,
  file: File,
  now: number,
): Promise<ImportFileResult> {
  return new Promise<ImportFileResult>((resolve) => {
    let closed = false;
    // The one request for a batch in flight, if any.
    let waiting: { resolve(batch: Annotation[] | null): void; reject(error: Error): void } | null =
      null;
    let failure: string | null = null;
    const close = () => {
      if (closed) return;
      closed = true;
      worker.terminate();
    };
    const fail = (error: string) => {
      failure = error;
      close();
      resolve({ ok: false, error });
      waiting?.reject(new Error(error));
      waiting = null;
    };
    const importFile: Omit<ImportFile, 'total' | 'skipped'> = {
      close,
      next() {
        if (failure !== null) return Promise.reject(new Error(failure));
        if (closed) return Promise.reject(new Error('the import file was closed'));
        if (waiting) return Promise.reject(new Error('one batch at a time'));
        return new Promise((resolveBatch, reject) => {
          waiting = { resolve: resolveBatch, reject };
          worker.postMessage({ type: 'next' });
        });
      },
    };
    worker.onmessage = (event) => {
      const message = event.data;
      switch (message.type) {
        case 'parsed':
          return resolve({
            ok: true,
            file: { ...importFile, total: message.total, skipped: message.skipped },
          });
        case 'batch':
        case 'end': {
          const asked = waiting;
          waiting = null;
          if (message.type === 'end') close();
          return asked?.resolve(message.type === 'batch' ? message.annotations : null);
        }
        case 'failed':
          return fail(message.error);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fail(event.message || 'the file could not be read');
    };
    worker.postMessage({ type: 'read', file, now });
  });
}

/** A worker's global scope, as much of it as serveImportFile uses. */
export interface ImportWorkerScope {
  onmessage: ((event: MessageEvent<ImportFileRequest>) => void) | null;
  postMessage(message: ImportFileMessage): void;
}

/**
 * The worker's side (import-worker.ts): parse the file, say how many annotations it holds, then
 * answer each `next` with one batch, and `end` after the last.
 */
export function serveImportFile(scope: ImportWorkerScope): void {
  let batches: Annotation[][] = [];
  let next = 0;
  scope.onmessage = (event) => {
    const request = event.data;
    if (request.type === 'next') {
      const batch = batches[next];
      if (batch === undefined) {
        batches = [];
        scope.postMessage({ type: 'end' });
        return;
      }
      // Let the batch go once sent: the worker's memory shrinks as the import goes.
      batches[next++] = [];
      scope.postMessage({ type: 'batch', annotations: batch });
      return;
    }
    void (async () => {
      try {
        const parsed = parseJsonLd(await request.file.text(), {
          newId: newAnnotationId,
          now: request.now,
        });
        if (!parsed.ok) {
          scope.postMessage({ type: 'failed', error: parsed.error });
          return;
        }
        batches = batchesOf(parsed.annotations);
        next = 0;
        scope.postMessage({
          type: 'parsed',
          total: parsed.annotations.length,
          skipped: parsed.skipped,
        });
      } catch (thrown) {
        scope.postMessage({ type: 'failed', error: messageOf(thrown) });
      }
    })();
  };
}
