/**
 * The export read a page at a time and sent in chunks (src/background/transfer.ts writeExport,
 * the export port; src/background/db.ts annotationsAfter): with 5,000 annotations and small pages
 * and chunks, so that every path runs many times — annotations made at the same millisecond across
 * page boundaries (a group of them longer than a page), ids that sort apart from creation order,
 * pages of a site interleaved, text with quotes, line breaks and characters outside the BMP. The
 * text must be exactly the one-message export's (router.ts exportText), every annotation in it
 * once, the JSON-LD valid JSON.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Port, PortSender } from '../../src/background/browser-api';
import {
  allAnnotations,
  annotationsAfter,
  annotationsForUrl,
  createdCursorOf,
  deleteAnnotations,
  openFactmarkDb,
  restoreAnnotations,
  saveAnnotation,
  type CreatedCursor,
  type FactmarkDb,
} from '../../src/background/db';
import { exportText } from '../../src/background/router';
import { createTransfer, writeExport, type ExportSink } from '../../src/background/transfer';
import { parseJsonLd } from '../../src/core/annotations/jsonld';
import type { Annotation } from '../../src/core/annotations/types';
import { exportOverPort, type ClientPort } from '../../src/options/transfer';
import { EXPORT_STREAM_PORT, type ExportFormat } from '../../src/shared/messages';
import { annotation, freshDbName } from './background-fixtures';

const OWN_ID = 'own-extension-id';
const OWN_PAGE: PortSender = {
  id: OWN_ID,
  url: `chrome-extension://${OWN_ID}/src/options/index.html`,
};
const COUNT = 5_000;
/** Annotations per read: a prime, so that pages and groups of equal times never line up. */
const PAGE = 97;
const CHUNK = 4_096;
const WINDOW = 2;
const FORMATS: ExportFormat[] = ['jsonld', 'csv', 'md'];
const T0 = Date.UTC(2026, 0, 1);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Annotation `i`: made in groups of three at one millisecond, and annotations 1,000 to 1,249 all
 * at one (a group of 250, longer than a page); its id sorts apart from its place (ids are in
 * creation order only within a millisecond); 37 pages, interleaved.
 */
function item(i: number): Annotation {
  const created = i >= 1_000 && i < 1_250 ? T0 + 999_999 : T0 + Math.floor(i / 3) * 1_000;
  return annotation(`anno:x-${String((i * 7_919) % COUNT).padStart(5, '0')}`, {
    url: `https://site${i % 5}.example/page/${(i * 7) % 37}`,
    title: i % 11 === 0 ? '' : `Page ${(i * 7) % 37} — “${i % 4}”`,
    quote: {
      type: 'TextQuoteSelector',
      exact: `Passage ${i}, "quoted" 💡\nsecond line`,
      prefix: 'Before ',
      suffix: ' after',
    },
    position: { type: 'TextPositionSelector', start: (i * 13) % 500, end: ((i * 13) % 500) + 20 },
    note: i % 3 === 0 ? `Note ${i}: =SUM(A1), “curly” 💡 <b>bold</b>` : '',
    tags: i % 4 === 0 ? [] : [`tag${i % 6}`, 'shared'],
    created,
    updated: created + (i % 5) * 10,
  });
}

/** A sink that keeps what it is given. */
function collect(): ExportSink & { text(): string; steps: [number, number][] } {
  const parts: string[] = [];
  const steps: [number, number][] = [];
  return {
    write: async (text) => {
      parts.push(text);
    },
    progress: (done, total) => {
      steps.push([done, total]);
    },
    text: () => parts.join(''),
    steps,
  };
}

/** The ids of a JSON-LD export's items, once the text has been parsed whole. */
function jsonLdIds(text: string): string[] {
  const parsed = JSON.parse(text) as { total: number; first: { items: { id: string }[] } };
  expect(parsed.total).toBe(parsed.first.items.length);
  return parsed.first.items.map((a) => a.id);
}

/**
 * Two ends of a port, as the browser makes them (messages later, cloned), counting the chunks the
 * background has sent and the page not yet acknowledged.
 */
function portPair(sender: PortSender) {
  type Listeners = { message: ((m: unknown) => void)[]; disconnect: (() => void)[] };
  const serverSide: Listeners = { message: [], disconnect: [] };
  const clientSide: Listeners = { message: [], disconnect: [] };
  let open = true;
  const toClient: { type: string; text?: string }[] = [];
  const stats = { unacked: 0, mostUnacked: 0 };
  const deliver = (to: Listeners, message: unknown) =>
    setTimeout(() => {
      if (open) for (const l of to.message) l(structuredClone(message));
    }, 0);
  const close = (other: Listeners) => {
    if (!open) return;
    open = false;
    setTimeout(() => other.disconnect.forEach((l) => l()), 0);
  };
  const server: Port = {
    name: EXPORT_STREAM_PORT,
    sender,
    postMessage: (m) => {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      const message = m as { type: string; text?: string };
      toClient.push(message);
      if (message.type === 'chunk') {
        stats.unacked += 1;
        stats.mostUnacked = Math.max(stats.mostUnacked, stats.unacked);
      }
      deliver(clientSide, m);
    },
    onMessage: { addListener: (l) => void serverSide.message.push(l) },
    onDisconnect: { addListener: (l) => void serverSide.disconnect.push(l) },
    disconnect: () => close(clientSide),
  };
  const client: ClientPort = {
    postMessage: (m) => {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      if ((m as { type?: string }).type === 'ack') stats.unacked -= 1;
      deliver(serverSide, m);
    },
    onMessage: { addListener: (l) => void clientSide.message.push(l) },
    onDisconnect: { addListener: (l) => void clientSide.disconnect.push(l) },
    disconnect: () => close(serverSide),
  };
  return { server, client, toClient, stats };
}

/** The database behind a proxy that counts the transactions opened on it. */
function counting(db: FactmarkDb): { db: FactmarkDb; transactions: () => number } {
  let n = 0;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (prop === 'transaction') {
        return (...args: unknown[]) => {
          n += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  return { db: proxy, transactions: () => n };
}

async function textOf(blob: Blob): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
}

describe(`the export, streamed, over ${COUNT.toLocaleString('en-US')} annotations`, () => {
  let db: FactmarkDb;
  let all: Annotation[];

  beforeAll(async () => {
    db = await openFactmarkDb({ name: freshDbName() });
    await restoreAnnotations(
      db,
      Array.from({ length: COUNT }, (_, i) => item(i)),
    );
    all = await allAnnotations(db);
  }, 60_000);

  it('reads every annotation once, in allAnnotations’ order, a page at a time', async () => {
    const read: Annotation[] = [];
    let after: CreatedCursor | undefined;
    let pages = 0;
    for (;;) {
      const page = await annotationsAfter(db, PAGE, after);
      expect(page.length).toBeLessThanOrEqual(PAGE);
      read.push(...page);
      pages += 1;
      if (page.length < PAGE) break;
      after = createdCursorOf(page[page.length - 1]!);
    }
    expect(pages).toBe(Math.floor(COUNT / PAGE) + 1);
    expect(read.map((a) => a.id)).toEqual(all.map((a) => a.id));
    expect(new Set(read.map((a) => a.id)).size).toBe(COUNT);
  });

  it('goes on after an annotation deleted since, within its millisecond or past it', async () => {
    const name = freshDbName();
    const own = await openFactmarkDb({ name });
    // Three at one millisecond (ids a, b, c), one later.
    const at = (id: string, created: number) => annotation(id, { created, updated: created });
    await restoreAnnotations(own, [
      at('anno:a', 5),
      at('anno:b', 5),
      at('anno:c', 5),
      at('anno:d', 9),
    ]);
    await deleteAnnotations(own, ['anno:b']);
    expect(
      (await annotationsAfter(own, 10, { created: 5, id: 'anno:b' })).map((a) => a.id),
    ).toEqual(['anno:c', 'anno:d']);
    expect((await annotationsAfter(own, 1, { created: 5, id: 'anno:a' })).map((a) => a.id)).toEqual(
      ['anno:c'],
    );
    expect(
      (await annotationsAfter(own, 10, { created: 7, id: 'anno:z' })).map((a) => a.id),
    ).toEqual(['anno:d']);
    expect(await annotationsAfter(own, 10, { created: 9, id: 'anno:d' })).toEqual([]);
    own.close();
  });

  it.each(FORMATS)('writes exactly the one-message text (%s), in pages', async (format) => {
    const sink = collect();
    const head = await writeExport(db, { format }, sink, { pageSize: PAGE });
    const text = head + sink.text();
    expect(text).toBe(exportText(format, all));
    // Progress in annotations, to the total (Markdown reads every annotation twice).
    const passes = format === 'md' ? 2 : 1;
    expect(sink.steps.at(-1)).toEqual([COUNT * passes, COUNT * passes]);
    expect(sink.steps.length).toBeGreaterThanOrEqual(Math.ceil(COUNT / PAGE));
    if (format === 'jsonld') {
      expect(head).toMatch(/"total": 5000,\n/);
      const ids = jsonLdIds(text);
      expect(ids).toHaveLength(COUNT);
      expect(new Set(ids).size).toBe(COUNT);
      // And it reads back as the same annotations.
      const back = parseJsonLd(text);
      expect(back.ok && back.annotations).toEqual(all);
    }
  });

  it.each(FORMATS)('writes one page’s annotations (%s) as the message does', async (format) => {
    const url = all[17]!.url;
    const sink = collect();
    const head = await writeExport(db, { format, url }, sink, { pageSize: PAGE });
    expect(head + sink.text()).toBe(exportText(format, await annotationsForUrl(db, url)));
  });

  it.each(FORMATS)('writes an empty store (%s) as the message does', async (format) => {
    const empty = await openFactmarkDb({ name: freshDbName() });
    const sink = collect();
    const head = await writeExport(empty, { format }, sink, { pageSize: PAGE });
    expect(head + sink.text()).toBe(exportText(format, []));
    empty.close();
  });

  it.each(FORMATS)(
    `sends it over the port (%s) in bounded chunks, at most ${WINDOW} unacknowledged, into one Blob`,
    async (format) => {
      const listen = createTransfer({
        extensionId: OWN_ID,
        extensionOrigin: `chrome-extension://${OWN_ID}/`,
        db: async () => db,
        chunkChars: CHUNK,
        pageSize: PAGE,
        window: WINDOW,
      });
      const pairs: ReturnType<typeof portPair>[] = [];
      const connect = () => {
        const pair = portPair(OWN_PAGE);
        pairs.push(pair);
        listen(pair.server);
        return pair.client;
      };
      const result = await exportOverPort(connect, { format }, () => undefined);
      if (!result.ok) throw new Error(result.error);
      const expected = exportText(format, all);
      expect(await textOf(result.file)).toBe(expected);
      expect(result.chars).toBe(expected.length);
      const { toClient, stats } = pairs[0]!;
      const chunks = toClient.filter((m) => m.type === 'chunk').map((m) => m.text ?? '');
      expect(chunks.length).toBeGreaterThan(expected.length / CHUNK - 1);
      expect(chunks.every((c) => c.length <= CHUNK && c.length > 0)).toBe(true);
      expect(chunks.some((c) => LONE_SURROGATE.test(c))).toBe(false);
      expect(stats.mostUnacked).toBeLessThanOrEqual(WINDOW);
      // The head once, after the last chunk, then the end.
      expect(toClient.filter((m) => m.type === 'head')).toHaveLength(1);
      expect(toClient.at(-2)?.type).toBe('head');
      expect(toClient.at(-1)).toEqual({ type: 'end', chars: expected.length });
    },
  );

  it('sends no more than the window until the page acknowledges, and stops when it leaves', async () => {
    const counted = counting(db);
    const listen = createTransfer({
      extensionId: OWN_ID,
      extensionOrigin: `chrome-extension://${OWN_ID}/`,
      db: async () => counted.db,
      chunkChars: CHUNK,
      pageSize: PAGE,
      window: WINDOW,
    });
    const pair = portPair(OWN_PAGE);
    listen(pair.server);
    // A page that takes the chunks in but does not acknowledge them (yet).
    pair.client.postMessage({ format: 'jsonld' });
    const chunks = () => pair.toClient.filter((m) => m.type === 'chunk').length;
    for (let i = 0; i < 50; i++) await settle();
    expect(chunks()).toBe(WINDOW);
    pair.client.postMessage({ type: 'ack' });
    for (let i = 0; i < 50; i++) await settle();
    expect(chunks()).toBe(WINDOW + 1);
    // The page goes away: the background stops reading.
    pair.client.disconnect();
    for (let i = 0; i < 20; i++) await settle();
    const reads = counted.transactions();
    for (let i = 0; i < 50; i++) await settle();
    expect(counted.transactions()).toBe(reads);
    expect(reads).toBeLessThan(COUNT / PAGE);
    expect(pair.toClient.some((m) => m.type === 'end' || m.type === 'error')).toBe(false);
  });

  it('a Markdown export stops reading when the page leaves during its first pass', async () => {
    const counted = counting(db);
    const listen = createTransfer({
      extensionId: OWN_ID,
      extensionOrigin: `chrome-extension://${OWN_ID}/`,
      db: async () => counted.db,
      pageSize: PAGE,
    });
    const pair = portPair(OWN_PAGE);
    listen(pair.server);
    pair.client.postMessage({ format: 'md' });
    // The first pass writes nothing, only progress: leave after a few pages of it.
    for (let i = 0; i < 200 && pair.toClient.length < 3; i++) await settle();
    expect(pair.toClient.every((m) => m.type === 'progress')).toBe(true);
    pair.client.disconnect();
    for (let i = 0; i < 20; i++) await settle();
    const reads = counted.transactions();
    for (let i = 0; i < 100; i++) await settle();
    expect(counted.transactions()).toBe(reads);
    expect(reads).toBeLessThan(COUNT / PAGE);
  });

  it('the page cancels: the port closes, the answer says so', async () => {
    const listen = createTransfer({
      extensionId: OWN_ID,
      extensionOrigin: `chrome-extension://${OWN_ID}/`,
      db: async () => db,
      chunkChars: CHUNK,
      pageSize: PAGE,
    });
    const controller = new AbortController();
    const pair = portPair(OWN_PAGE);
    listen(pair.server);
    const result = exportOverPort(
      () => pair.client,
      { format: 'csv' },
      (sent) => {
        if (sent >= 10 * PAGE) controller.abort();
      },
      controller.signal,
    );
    expect(await result).toEqual({ ok: false, error: 'export: cancelled' });
    expect(pair.toClient.some((m) => m.type === 'end')).toBe(false);
  });

  it('annotations saved and deleted while it runs: valid JSON, its total its items, none twice', async () => {
    const own = await openFactmarkDb({ name: freshDbName() });
    await restoreAnnotations(own, all);
    let writes = 0;
    const parts: string[] = [];
    const sink: ExportSink = {
      write: async (text) => {
        parts.push(text);
        writes += 1;
        if (writes !== 3) return;
        // Between two reads: delete some not read yet, add some (made now: read at the end),
        // change one read already.
        await deleteAnnotations(
          own,
          all.slice(3_000, 3_010).map((a) => a.id),
        );
        for (let k = 0; k < 5; k++) {
          await saveAnnotation(
            own,
            annotation(`anno:late-${k}`, { created: T0 + 9e9, updated: T0 + 9e9 }),
          );
        }
        await saveAnnotation(own, { ...all[0]!, note: 'changed after it was read' });
      },
      progress: () => undefined,
    };
    const head = await writeExport(own, { format: 'jsonld' }, sink, { pageSize: PAGE });
    const ids = jsonLdIds(head + parts.join(''));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(COUNT - 10 + 5);
    expect(ids.filter((id) => id.startsWith('anno:late-'))).toHaveLength(5);
    own.close();
  });
});
