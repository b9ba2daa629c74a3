import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Port, PortSender } from '../../src/background/browser-api';
import {
  allAnnotations,
  openFactmarkDb,
  saveAnnotation,
  type FactmarkDb,
} from '../../src/background/db';
import { createRouter } from '../../src/background/router';
import { chunksOf, createTransfer } from '../../src/background/transfer';
import type { Annotation } from '../../src/core/annotations/types';
import {
  EXPORT_STREAM_PORT,
  IMPORT_STREAM_PORT,
  MAX_IMPORT_BATCH,
  type ExportFormat,
} from '../../src/shared/messages';
import { batchesOf, listBatches } from '../../src/options/import-batches';
import { exportOverPort, importOverPort, type ClientPort } from '../../src/options/transfer';
import { annotation, freshDbName } from './background-fixtures';

const OWN_ID = 'own-extension-id';
const OWN_PAGE: PortSender = {
  id: OWN_ID,
  url: `chrome-extension://${OWN_ID}/src/options/index.html`,
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A Blob's text as its bytes say, byte order mark included (Blob.text() drops it). */
async function textOf(blob: Blob): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
}

/**
 * Two ends of a port, as the browser makes them: messages arrive later (a task), cloned; closing
 * one end fires onDisconnect on the other only.
 */
function portPair(name: string, sender: PortSender) {
  type Listeners = { message: ((m: unknown) => void)[]; disconnect: (() => void)[] };
  const serverSide: Listeners = { message: [], disconnect: [] };
  const clientSide: Listeners = { message: [], disconnect: [] };
  let open = true;
  const toServer: unknown[] = [];
  const toClient: unknown[] = [];
  const deliver = (to: Listeners, message: unknown) =>
    setTimeout(() => {
      if (open) for (const l of to.message) l(structuredClone(message));
    }, 0);
  const close = (other: Listeners) => {
    if (!open) return;
    open = false;
    setTimeout(() => other.disconnect.forEach((l) => l()), 0);
  };
  const server: Port & { disconnected: () => boolean } = {
    name,
    sender,
    postMessage: (m) => {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      toClient.push(m);
      deliver(clientSide, m);
    },
    onMessage: { addListener: (l) => void serverSide.message.push(l) },
    onDisconnect: { addListener: (l) => void serverSide.disconnect.push(l) },
    disconnect: () => close(clientSide),
    disconnected: () => !open,
  };
  const client: ClientPort = {
    postMessage: (m) => {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      toServer.push(m);
      deliver(serverSide, m);
    },
    onMessage: { addListener: (l) => void clientSide.message.push(l) },
    onDisconnect: { addListener: (l) => void clientSide.disconnect.push(l) },
    disconnect: () => close(serverSide),
  };
  return { server, client, toServer, toClient };
}

function many(n: number, from = 0): Annotation[] {
  return Array.from({ length: n }, (_, i) =>
    annotation(`anno:t-${from + i}`, {
      url: `https://example.org/story/${(from + i) % 50}`,
      created: 1_000 + from + i,
      updated: 1_000 + from + i,
      note: (from + i) % 3 === 0 ? `Note ${from + i} — “quoted” 💡` : '',
    }),
  );
}

describe('export and import over ports', () => {
  let db: FactmarkDb;
  let listen: (port: Port) => void;
  const connect = (sender: PortSender = OWN_PAGE) => {
    const pairs: ReturnType<typeof portPair>[] = [];
    const fn = (name: string) => {
      const pair = portPair(name, sender);
      pairs.push(pair);
      listen(pair.server);
      return pair.client;
    };
    return { fn, pairs };
  };

  beforeEach(async () => {
    const opened = openFactmarkDb({ name: freshDbName() });
    db = await opened;
    // Small chunks, so that a small export comes in many pieces.
    listen = createTransfer({
      extensionId: OWN_ID,
      extensionOrigin: `chrome-extension://${OWN_ID}/`,
      db: () => opened,
      chunkChars: 1_000,
    });
  });

  it('cuts text into chunks without splitting a surrogate pair', () => {
    const text = 'ab💡cd💡💡e';
    for (let size = 1; size <= 5; size++) {
      const chunks = [...chunksOf(text, size)];
      expect(chunks.join('')).toBe(text);
      for (const c of chunks) {
        expect(c.length).toBeLessThanOrEqual(Math.max(size, 1));
        // No lone half of a surrogate pair (unless a chunk of one character cannot avoid it).
        expect(LONE_SURROGATE.test(c) && size > 1).toBe(false);
      }
    }
  });

  it.each<ExportFormat>(['jsonld', 'csv', 'md'])(
    'export stream (%s): the chunks reassemble to exactly the export message text',
    async (format) => {
      for (const a of many(300)) await saveAnnotation(db, a);
      const router = createRouter({
        extensionId: OWN_ID,
        extensionOrigin: `chrome-extension://${OWN_ID}/`,
        db: async () => db,
      });
      const answer = (await router({ type: 'factmark/export', format }, OWN_PAGE)) as {
        ok: true;
        text: string;
      };
      const { fn, pairs } = connect();
      const progress: [number, number][] = [];
      const result = await exportOverPort(fn, { format }, (sent, total) =>
        progress.push([sent, total]),
      );
      if (!result.ok) throw new Error(result.error);
      const sent = pairs[0]!.toClient as { type: string; text?: string }[];
      const chunks = sent.filter((m) => m.type === 'chunk').map((m) => m.text ?? '');
      expect(chunks.length).toBeGreaterThan(10);
      expect(chunks.every((c) => c.length <= 1_000)).toBe(true);
      // The head (JSON-LD's opening, known at the end) comes last and goes first.
      const head = sent.find((m) => m.type === 'head')?.text ?? '';
      expect(head + chunks.join('')).toBe(answer.text);
      expect(await textOf(result.file)).toBe(answer.text);
      expect(result.chars).toBe(answer.text.length);
      // Progress in annotations; Markdown reads them twice (pages first, then each page's).
      const passes = format === 'md' ? 2 : 1;
      expect(progress.at(-1)).toEqual([300 * passes, 300 * passes]);
      expect(sent.at(-1)).toEqual({ type: 'end', chars: answer.text.length });
      // Every chunk was acknowledged by the page.
      const acks = (pairs[0]!.toServer as { type?: string }[]).filter((m) => m.type === 'ack');
      expect(acks).toHaveLength(chunks.length);
    },
  );

  it('export stream: a malformed request gets an error', async () => {
    const { fn, pairs } = connect();
    const client = fn(EXPORT_STREAM_PORT);
    client.postMessage({ format: 'pdf' });
    await settle();
    await settle();
    expect(pairs[0]!.toClient).toEqual([
      { type: 'error', error: 'export: format: not "jsonld", "csv" or "md"' },
    ]);
  });

  it('import stream: 10,000 annotations in batches, committed all at once', async () => {
    const list = many(10_000);
    expect(batchesOf(list)).toHaveLength(Math.ceil(10_000 / MAX_IMPORT_BATCH));
    const { fn, pairs } = connect();
    const progress: [number, number][] = [];
    const answer = await importOverPort(fn, listBatches(list), (received, total) =>
      progress.push([received, total]),
    );
    expect(answer).toEqual({
      ok: true,
      imported: 10_000,
      conflicts: 0,
      keptLocal: 0,
      undo: expect.stringMatching(/^import:/),
    });
    expect(progress).toEqual([
      [0, 10_000],
      [2_000, 10_000],
      [4_000, 10_000],
      [6_000, 10_000],
      [8_000, 10_000],
      [10_000, 10_000],
    ]);
    const sent = pairs[0]!.toServer as { type: string; annotations?: unknown[] }[];
    expect(sent.map((m) => m.type)).toEqual([
      'begin',
      'batch',
      'batch',
      'batch',
      'batch',
      'batch',
      'commit',
    ]);
    expect(sent.every((m) => (m.annotations?.length ?? 0) <= MAX_IMPORT_BATCH)).toBe(true);
    expect(await allAnnotations(db)).toEqual(list);
  });

  it('import stream: asks its source for the next batch only once the background took the last', async () => {
    const list = many(5_000);
    const batches = batchesOf(list);
    const { fn, pairs } = connect();
    // When each batch was asked for: how many batches the background had acknowledged by then.
    const askedAt: number[] = [];
    let progressSeen = -1; // the first progress (0 of n) comes before any batch
    let i = 0;
    const answer = await importOverPort(
      fn,
      {
        total: list.length,
        next: async () => {
          askedAt.push(progressSeen);
          return batches[i++] ?? null;
        },
      },
      () => progressSeen++,
    );
    expect(answer.ok).toBe(true);
    // One request per batch and one for the end, each after the answer to the one before.
    expect(askedAt).toEqual([0, 1, 2, 3]);
    expect(pairs[0]!.toServer.map((m) => (m as { type: string }).type)).toEqual([
      'begin',
      'batch',
      'batch',
      'batch',
      'commit',
    ]);
    expect(await allAnnotations(db)).toEqual(list);
  });

  it('import stream: a source that fails midway ends the import uncommitted, with its reason', async () => {
    const batches = batchesOf(many(5_000));
    const { fn, pairs } = connect();
    let i = 0;
    const answer = await importOverPort(
      fn,
      {
        total: 5_000,
        next: async () => {
          if (i === 2) throw new Error('the file could not be read');
          return batches[i++] ?? null;
        },
      },
      () => undefined,
    );
    expect(answer).toEqual({ ok: false, error: 'import: the file could not be read' });
    await settle();
    expect(pairs[0]!.toServer.map((m) => (m as { type: string }).type)).toEqual([
      'begin',
      'batch',
      'batch',
    ]);
    expect(await allAnnotations(db)).toEqual([]);
  });

  it('import stream: keeps the newer of each conflict, says so, and the import can be undone', async () => {
    const stored = many(3);
    for (const a of stored) await saveAnnotation(db, a);
    const before = await allAnnotations(db);
    const incoming = [
      { ...stored[0]!, note: 'older', updated: stored[0]!.updated - 1 },
      { ...stored[1]!, note: 'newer', updated: stored[1]!.updated + 1 },
      ...many(2, 100),
    ];
    const { fn } = connect();
    const answer = await importOverPort(fn, listBatches(incoming), () => undefined);
    expect(answer).toEqual({
      ok: true,
      imported: 3,
      conflicts: 2,
      keptLocal: 1,
      undo: expect.stringMatching(/^import:/),
    });
    const now = new Map((await allAnnotations(db)).map((a) => [a.id, a]));
    expect(now.get(stored[0]!.id)).toEqual(stored[0]);
    expect(now.get(stored[1]!.id)!.note).toBe('newer');
    expect(now.size).toBe(5);

    const route = createRouter({
      extensionId: OWN_ID,
      extensionOrigin: `chrome-extension://${OWN_ID}/`,
      db: async () => db,
    });
    const undone = await route(
      { type: 'factmark/import-undo', id: answer.ok ? answer.undo : '' },
      OWN_PAGE,
    );
    expect(undone).toEqual({ ok: true, removed: 2, restored: 1 });
    expect(await allAnnotations(db)).toEqual(before);
  });

  it('import stream: an invalid annotation in batch 3 is named, and nothing is written', async () => {
    const list = many(10_000);
    // Batch 3 holds annotations 4,001 to 6,000 (counted from 1).
    list[4_416] = { ...list[4_416]!, note: 'x'.repeat(10_001) };
    const { fn, pairs } = connect();
    const answer = await importOverPort(fn, listBatches(list), () => undefined);
    expect(answer).toEqual({
      ok: false,
      error:
        'import: annotation 4,417 (id anno:t-4416): note: not a string of at most 10000 characters',
    });
    expect((pairs[0]!.toServer as { type: string }[]).map((m) => m.type)).toEqual([
      'begin',
      'batch',
      'batch',
      'batch',
    ]);
    expect(await allAnnotations(db)).toEqual([]);
  });

  it('import stream: an id sent twice across batches is an error, nothing written', async () => {
    const list = [...many(2_500), annotation('anno:t-7', { created: 5, updated: 5 })];
    const answer = await importOverPort(connect().fn, listBatches(list), () => undefined);
    expect(answer).toEqual({
      ok: false,
      error: 'import: annotation 2,501 (id anno:t-7): same id as annotation 8',
    });
    expect(await allAnnotations(db)).toEqual([]);
  });

  it('import stream: a commit short of the total announced is refused', async () => {
    const { fn, pairs } = connect();
    const client = fn(IMPORT_STREAM_PORT);
    client.postMessage({ type: 'begin', total: 3 });
    client.postMessage({ type: 'batch', annotations: many(2) });
    client.postMessage({ type: 'commit' });
    await settle();
    await settle();
    await settle();
    expect(pairs[0]!.toClient).toEqual([
      { type: 'progress', received: 2, total: 3 },
      { type: 'error', error: 'import: commit after 2 of the 3 annotations announced' },
    ]);
    expect(await allAnnotations(db)).toEqual([]);
  });

  it('import stream: a port closed before commit writes nothing', async () => {
    const { fn, pairs } = connect();
    const client = fn(IMPORT_STREAM_PORT);
    client.postMessage({ type: 'begin', total: 4 });
    client.postMessage({ type: 'batch', annotations: many(4) });
    await settle();
    await settle();
    expect(pairs[0]!.toClient).toEqual([{ type: 'progress', received: 4, total: 4 }]);
    client.disconnect();
    await settle();
    // A commit that would have come after the close is never delivered; nothing was written.
    await settle();
    expect(await allAnnotations(db)).toEqual([]);
  });

  it('import stream: a failed write names a reason, even when the browser gives none', async () => {
    // The write's transaction fails with a DOMException that carries no message.
    const opened = openFactmarkDb({ name: freshDbName() });
    const broken = new Proxy(await opened, {
      get(target, prop, receiver) {
        if (prop === 'transaction') {
          return () => {
            throw new DOMException('', 'AbortError');
          };
        }
        const value: unknown = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
    listen = createTransfer({
      extensionId: OWN_ID,
      extensionOrigin: `chrome-extension://${OWN_ID}/`,
      db: async () => broken,
    });
    const answer = await importOverPort(connect().fn, listBatches(many(3)), () => undefined);
    expect(answer.ok).toBe(false);
    const error = answer.ok ? '' : answer.error;
    expect(error).toMatch(/^import: \S/);
    expect(error).toContain('AbortError');
  });

  it('export stream: a failed read names a reason, even when the browser gives none', async () => {
    listen = createTransfer({
      extensionId: OWN_ID,
      extensionOrigin: `chrome-extension://${OWN_ID}/`,
      db: () => Promise.reject(new DOMException('', 'UnknownError')),
    });
    const result = await exportOverPort(connect().fn, { format: 'jsonld' }, () => undefined);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(/^export: \S.*UnknownError/);
  });

  it('serves the options page open in a tab (an extension page with sender.tab)', async () => {
    await saveAnnotation(db, annotation('anno:in-tab'));
    const { fn } = connect({ ...OWN_PAGE, frameId: 0, tab: { id: 9 } });
    const result = await exportOverPort(fn, { format: 'csv' }, () => undefined);
    expect(result.ok && (await textOf(result.file))).toContain('The story');
  });

  it('ignores ports of other extensions, of content scripts, and of other names', async () => {
    for (const sender of [
      { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' },
      // A content script: our id, but a web page's URL (and a tab).
      { id: OWN_ID, url: 'https://news.example/story', tab: { id: 3 } },
      { id: OWN_ID, url: 'https://news.example/story' },
      { id: OWN_ID },
      {},
    ]) {
      const { fn, pairs } = connect(sender);
      const client = fn(IMPORT_STREAM_PORT);
      const exportClient = fn(EXPORT_STREAM_PORT);
      expect(pairs.every((p) => p.server.disconnected())).toBe(true);
      expect(() => client.postMessage({ type: 'begin', total: 1 })).toThrow();
      expect(() => exportClient.postMessage({ format: 'jsonld' })).toThrow();
    }
    const { fn, pairs } = connect();
    fn('factmark/something-else');
    expect(pairs[0]!.server.disconnected()).toBe(false);
    await settle();
    expect(pairs[0]!.toClient).toEqual([]);
    expect(await allAnnotations(db)).toEqual([]);
  });
});
