/**
 * The Library's import file between the page and its worker (src/options/import-file.ts): the
 * worker parses and keeps the annotations, the page asks for one batch at a time.
 */
import { describe, expect, it } from 'vitest';
import { toJsonLd } from '../../src/core/annotations';
import type { Annotation } from '../../src/core/annotations/types';
import {
  fromWorker,
  serveImportFile,
  type ImportFileMessage,
  type ImportFileRequest,
  type ImportWorker,
  type ImportWorkerScope,
} from '../../src/options/import-file';
import { MAX_IMPORT_BATCH } from '../../src/shared/messages';
import { annotation } from './background-fixtures';

/**
 * A worker running serveImportFile, reached as a Worker is: each message arrives in a later task.
 * `fromWorker` counts the messages that came to the page and were not yet asked for.
 */
function workerPair() {
  const toPage: ImportFileMessage[] = [];
  let terminated = false;
  const scope: ImportWorkerScope = {
    onmessage: null,
    postMessage: (message) => {
      if (terminated) return;
      toPage.push(message);
      setTimeout(() => worker.onmessage?.({ data: message } as MessageEvent<ImportFileMessage>), 0);
    },
  };
  const worker: ImportWorker = {
    onmessage: null,
    onerror: null,
    postMessage: (message) =>
      setTimeout(() => {
        if (!terminated) scope.onmessage?.({ data: message } as MessageEvent<ImportFileRequest>);
      }, 0),
    terminate: () => {
      terminated = true;
    },
  };
  serveImportFile(scope);
  return { worker, toPage, terminated: () => terminated };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

function file(list: Annotation[]): File {
  return new File([toJsonLd(list)], 'export.jsonld', { type: 'application/ld+json' });
}

const many = (n: number) =>
  Array.from({ length: n }, (_, i) => annotation(`anno:f-${i}`, { created: i, updated: i }));

describe('the import file, parsed in a worker, a batch at a time', () => {
  it('says how many there are, then hands over one batch per request, and ends', async () => {
    const list = many(2 * MAX_IMPORT_BATCH + 5);
    const { worker, toPage, terminated } = workerPair();
    const opened = await fromWorker(worker, file(list), 0);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.file.total).toBe(list.length);
    expect(opened.file.skipped).toEqual([]);
    // Parsed, nothing sent yet: the page holds no annotation before it asks.
    await settle();
    expect(toPage.map((m) => m.type)).toEqual(['parsed']);

    const got: Annotation[] = [];
    for (let n = 1; ; n++) {
      const batch = await opened.file.next();
      // The worker sent exactly one answer per request, none ahead of it.
      await settle();
      expect(toPage).toHaveLength(1 + n);
      if (batch === null) break;
      expect(batch.length).toBeLessThanOrEqual(MAX_IMPORT_BATCH);
      got.push(...batch);
    }
    expect(got.map((a) => a.id)).toEqual(list.map((a) => a.id));
    expect(toPage.map((m) => m.type)).toEqual(['parsed', 'batch', 'batch', 'batch', 'end']);
    expect(terminated()).toBe(true);
    await expect(opened.file.next()).rejects.toThrow(/closed/);
  });

  it('a file that is not an export: a reason, and the worker ends', async () => {
    const { worker, terminated } = workerPair();
    const bad = new File(['{"not": "an export"'], 'broken.jsonld');
    const opened = await fromWorker(worker, bad, 0);
    expect(opened.ok).toBe(false);
    expect(opened.ok ? '' : opened.error).not.toBe('');
    expect(terminated()).toBe(true);
  });

  it('closed before the end (the import failed): the worker ends, no batch is asked again', async () => {
    const { worker, toPage, terminated } = workerPair();
    const opened = await fromWorker(worker, file(many(MAX_IMPORT_BATCH + 1)), 0);
    if (!opened.ok) throw new Error(opened.error);
    expect(await opened.file.next()).toHaveLength(MAX_IMPORT_BATCH);
    opened.file.close();
    expect(terminated()).toBe(true);
    await expect(opened.file.next()).rejects.toThrow();
    await settle();
    expect(toPage.map((m) => m.type)).toEqual(['parsed', 'batch']);
  });

  it('a worker that fails while batches are asked for rejects the request', async () => {
    const { worker } = workerPair();
    const opened = await fromWorker(worker, file(many(3)), 0);
    if (!opened.ok) throw new Error(opened.error);
    const asked = opened.file.next();
    worker.onerror?.({ message: 'worker crashed', preventDefault: () => undefined } as ErrorEvent);
    await expect(asked).rejects.toThrow('worker crashed');
  });
});
