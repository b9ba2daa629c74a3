/**
 * Read and parse an import file for the Library: in a worker (import-worker.ts) where the page
 * can start one, else in the page (a test's DOM without workers).
 */
import {
  parseJsonLd,
  type Annotation,
  type JsonLdParseResult,
  type SkippedItem,
} from '../core/annotations';

export interface ImportFileRequest {
  file: File;
  /** Date for annotations with neither `created` nor `modified`. */
  now: number;
}

export type ImportFileMessage =
  | { type: 'batch'; annotations: Annotation[] }
  /** `skipped`: the items the parser could not place (page notes, replies, PDFs). */
  | { type: 'done'; total: number; skipped: SkippedItem[] }
  | { type: 'failed'; error: string };

/** An id for an imported annotation that has none. */
export function newAnnotationId(): string {
  return `anno:${crypto.randomUUID()}`;
}

function startWorker(): Worker | null {
  if (typeof Worker !== 'function') return null;
  try {
    return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

export async function parseImportFile(file: File, now = Date.now()): Promise<JsonLdParseResult> {
  const worker = startWorker();
  if (!worker) return parseJsonLd(await file.text(), { newId: newAnnotationId, now });
  return new Promise<JsonLdParseResult>((resolve) => {
    const annotations: Annotation[] = [];
    const finish = (result: JsonLdParseResult) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<ImportFileMessage>) => {
      const message = event.data;
      switch (message.type) {
        case 'batch':
          for (const a of message.annotations) annotations.push(a);
          return;
        case 'done':
          return finish(
            annotations.length === message.total
              ? { ok: true, annotations, skipped: message.skipped }
              : { ok: false, error: `read ${annotations.length} of ${message.total} annotations` },
          );
        case 'failed':
          return finish({ ok: false, error: message.error });
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ ok: false, error: event.message || 'the file could not be read' });
    };
    const request: ImportFileRequest = { file, now };
    worker.postMessage(request);
  });
}
