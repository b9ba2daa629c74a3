/**
 * Reading a source article's file for the Library: its size checked before anything is read, then
 * read, checked and turned into a source's text in a worker (source-file-worker.ts), so a 5 MB
 * page's HTML never holds up the Library; in the page only where no worker can start (a test's
 * DOM), loaded then.
 */
import { MAX_SOURCE_BYTES } from '../shared/sources-protocol';
import type { SourceTextResult } from './source-text';

export { MAX_SOURCE_BYTES };

export interface SourceFileRequest {
  name: string;
  file: Blob;
}

/** Megabytes, as the errors say them: "7.2 MB". */
export function megabytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/** What is wrong with the file before it is read (its size), or null. */
export function fileSizeProblem(size: number): string | null {
  if (size === 0) return 'is empty';
  if (size > MAX_SOURCE_BYTES) {
    return `is ${megabytes(size)}; a source article is at most ${MAX_SOURCE_BYTES / 1048576} MB`;
  }
  return null;
}

function startWorker(): Worker | null {
  if (typeof Worker !== 'function') return null;
  try {
    return new Worker(new URL('./source-file-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** The source in a file, or why there is none; errors read after the file's name. */
export async function readSourceFile(file: File): Promise<SourceTextResult> {
  const tooBig = fileSizeProblem(file.size);
  if (tooBig) return { ok: false, error: tooBig };
  const worker = startWorker();
  if (!worker) {
    const { sourceFromBytes } = await import('./source-text');
    return sourceFromBytes(file.name, new Uint8Array(await file.arrayBuffer()));
  }
  return new Promise<SourceTextResult>((resolve) => {
    const finish = (result: SourceTextResult) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<SourceTextResult>) => finish(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ ok: false, error: `could not be read (${event.message || 'the reader failed'})` });
    };
    const request: SourceFileRequest = { name: file.name, file };
    worker.postMessage(request);
  });
}
