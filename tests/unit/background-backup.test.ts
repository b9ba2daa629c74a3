/**
 * The backup of everything in the background (src/background/backup.ts, its ports): export →
 * wipe → import gives back identical stores (the journalist's sources' facts rebuilt as they
 * were, drops and edits applied); a restore is all or nothing; conflicts keep the newer; only the
 * extension's pages may ask.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { backupText, restoreBackup, writeBackup } from '../../src/background/backup';
import type { MessageListener, Port, PortSender } from '../../src/background/browser-api';
import {
  openFactmarkDb,
  saveAnnotation,
  setSiteEnabled,
  type FactmarkDb,
} from '../../src/background/db';
import { createRouter } from '../../src/background/router';
import { refreshSeedFacts } from '../../src/background/seed';
import { ensureBundledStory } from '../../src/background/sources';
import { createTransfer } from '../../src/background/transfer';
import type { Fact } from '../../src/core/types';
import { parseBackup, type Backup } from '../../src/shared/backup-format';
import type { BackupImportAnswer } from '../../src/shared/backup-protocol';
import { BUNDLED_FACT_BASE } from '../../src/shared/fact-base';
import type { SourceSummary, WatchedName } from '../../src/shared/sources-protocol';
import { backupOverPort, restoreOverPort } from '../../src/options/backup-transfer';
import type { ClientPort } from '../../src/options/transfer';
import { annotation, fact, freshDbName } from './background-fixtures';

const OWN_ID = 'own-extension-id';
const library: PortSender = {
  id: OWN_ID,
  url: `chrome-extension://${OWN_ID}/src/options/index.html`,
};
const contentScript = { id: OWN_ID, url: 'https://news.example/story', tab: { id: 3 }, frameId: 0 };
const NOW = 1_764_662_400_000; // 2025-12-02T08:00:00.000Z

const TEMBO = join(__dirname, '..', 'fixtures', 'story-tembo');
const TEMBO_FILES = ['001_afdb-loan.txt', '002_output.txt'];
const TEMBO_NAMES = JSON.parse(readFileSync(join(TEMBO, 'entities.json'), 'utf8')) as {
  id: string;
  name: string;
  aliases: string[];
}[];

let ids = 0;

/** A fresh database as a new install has it: the bundled facts, sources and names. */
async function freshDb(): Promise<FactmarkDb> {
  const db = await openFactmarkDb({ name: freshDbName() });
  await refreshSeedFacts(db, BUNDLED_FACT_BASE);
  await ensureBundledStory(db, BUNDLED_FACT_BASE);
  return db;
}

function routerFor(db: FactmarkDb): MessageListener {
  return createRouter({
    extensionId: OWN_ID,
    extensionOrigin: `chrome-extension://${OWN_ID}/`,
    db: async () => db,
    newSourceId: () => `6f1c2a8e-0000-4000-8000-00000000000${++ids}`,
    now: () => 1_760_000_000_000 + ids,
  });
}

async function ask<T = Record<string, unknown>>(
  route: MessageListener,
  message: unknown,
  sender: PortSender | typeof contentScript = library,
): Promise<T> {
  return (await route(message, sender)) as T;
}

/** Every store a backup covers, each sorted by key: what must come back identical. */
async function everything(db: FactmarkDb) {
  const byKey =
    <T>(key: (x: T) => string) =>
    (list: T[]) =>
      list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return {
    facts: byKey<Fact>((f) => f.id)(await db.getAll('facts')),
    sources: byKey<{ id: string }>((s) => s.id)(await db.getAll('sources')),
    entities: byKey<WatchedName>((e) => e.id)(await db.getAll('entities')),
    sites: await db.getAll('sites'),
    annotations: await db.getAll('annotations'),
  };
}

/**
 * A journalist's Library: the story-tembo names and sources added, one source's fact dropped and
 * another's edited and filed under another claim, a bundled seed and a bundled name switched off,
 * an own source switched off, a fact of their own, annotations and a site switch.
 */
async function aJournalistsLibrary(db: FactmarkDb, route: MessageListener): Promise<void> {
  for (const entity of TEMBO_NAMES) {
    expect(await ask(route, { type: 'factmark/entity-save', entity })).toMatchObject({ ok: true });
  }
  for (const file of TEMBO_FILES) {
    const text = readFileSync(join(TEMBO, file), 'utf8');
    const title = text.split('\n')[0]!;
    const added = await ask(route, {
      type: 'factmark/source-add',
      source: { title, text, origin: 'file', name: file },
    });
    expect(added).toMatchObject({ ok: true });
  }
  await ask(route, {
    type: 'factmark/source-add',
    source: {
      title: 'A page on the mine',
      text: 'Tembo Hills will employ 1,200 people, Kilimani said in 2026.',
      origin: 'page',
      url: 'https://news.example/tembo',
    },
  });
  const { sources } = await ask<{ sources: SourceSummary[] }>(route, { type: 'factmark/sources' });
  const own = sources.filter((s) => s.origin !== 'bundled');
  const { facts: first } = await ask<{ facts: Fact[] }>(route, {
    type: 'factmark/source-facts',
    id: own[0]!.id,
  });
  expect(first.length).toBeGreaterThan(2);
  expect(await ask(route, { type: 'factmark/fact-delete', id: first[0]!.id })).toEqual({
    ok: true,
  });
  const edited = { ...first[1]!, value: first[1]!.value + 1, attribute: first[2]!.attribute };
  expect(await ask(route, { type: 'factmark/fact-save', fact: edited })).toMatchObject({
    ok: true,
  });
  const bundled = sources.find((s) => s.origin === 'bundled')!;
  await ask(route, { type: 'factmark/source-enable', id: bundled.id, enabled: false });
  await ask(route, { type: 'factmark/source-enable', id: own[2]!.id, enabled: false });
  await ask(route, { type: 'factmark/entity-enable', id: 'barrick', enabled: false });
  await ask(route, { type: 'factmark/entity-enable', id: 'afdb', enabled: false });
  await ask(route, { type: 'factmark/fact-save', fact: fact('user:mine') });
  await saveAnnotation(db, annotation('anno:1'));
  await saveAnnotation(db, annotation('anno:2', { note: 'Line\nbreak “quoted” 💡', tags: [] }));
  // Shared with the desk (desk sync), its author with it.
  await saveAnnotation(db, { ...annotation('anno:3'), shared: true, creator: 'alice' });
  await setSiteEnabled(db, 'news.example', false, 1_760_000_000_500);
}

describe('the backup of everything', () => {
  let db: FactmarkDb;
  let route: MessageListener;

  beforeEach(async () => {
    ids = 0;
    db = await freshDb();
    route = routerFor(db);
    await aJournalistsLibrary(db, route);
  });

  it('export → wipe → import gives back identical stores, the sources’ facts rebuilt', async () => {
    const before = await everything(db);
    const exported = await ask<{ ok: boolean; text: string }>(route, {
      type: 'factmark/backup-export',
    });
    expect(exported.ok).toBe(true);
    // Wiped: a database as a new install has it.
    const wiped = await freshDb();
    const wipedRoute = routerFor(wiped);
    expect((await everything(wiped)).annotations).toEqual([]);
    const answer = await ask<BackupImportAnswer>(wipedRoute, {
      type: 'factmark/backup-import',
      text: exported.text,
    });
    expect(answer).toEqual({
      ok: true,
      restored: {
        sites: { imported: 1, conflicts: 0, keptLocal: 0 },
        // The bundled names' and seeds' switches set as the backup has them: two were off.
        entities: { imported: 6, conflicts: 1, keptLocal: 0 },
        sources: { imported: before.sources.length, conflicts: 1, keptLocal: 0 },
        facts: { imported: 1, conflicts: 0, keptLocal: 0 },
        annotations: { imported: 3, conflicts: 0, keptLocal: 0 },
      },
      skipped: [],
    });
    expect(await everything(wiped)).toEqual(before);
    // And written again, the same text (the time aside).
    const again = await ask<{ text: string }>(wipedRoute, { type: 'factmark/backup-export' });
    const withoutTime = (t: string) => t.replace(/"exportedAt": "[^"]+"/, '');
    expect(withoutTime(again.text)).toBe(withoutTime(exported.text));
  });

  it('holds the sources’ texts, drops and edits, the switches, and no fact it can rebuild', async () => {
    const parsed = parseBackup(await backupText(db, { now: NOW }));
    expect(parsed.ok).toBe(true);
    const backup = (parsed as { backup: Backup }).backup;
    expect(backup.exportedAt).toBe('2025-12-02T08:00:00.000Z');
    expect(backup.facts.map((f) => f.id)).toEqual(['user:mine']);
    const own = backup.sources.filter((s) => s.origin !== 'bundled');
    expect(own).toHaveLength(3);
    expect(own.some((s) => 'dropped' in s && s.dropped.length === 1)).toBe(true);
    expect(own.some((s) => 'edits' in s && s.edits !== undefined)).toBe(true);
    expect(backup.sources.filter((s) => !s.enabled)).toHaveLength(2);
    const bundled = backup.sources.filter((s) => s.origin === 'bundled');
    expect(bundled.length).toBe(BUNDLED_FACT_BASE.seeds.length);
    for (const s of bundled) expect(Object.keys(s).sort()).toEqual(['enabled', 'id', 'origin']);
    expect(backup.entities.find((e) => e.id === 'barrick')).toEqual({
      id: 'barrick',
      bundled: true,
      enabled: false,
    });
    expect(backup.sites).toEqual([
      { host: 'news.example', enabled: false, updated: 1_760_000_000_500 },
    ]);
  });

  it('restoring into the same Library changes nothing', async () => {
    const before = await everything(db);
    const answer = await ask<BackupImportAnswer>(route, {
      type: 'factmark/backup-import',
      text: await backupText(db),
    });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    for (const tally of Object.values(answer.restored)) {
      expect(tally.conflicts).toBe(0);
      expect(tally.keptLocal).toBe(0);
    }
    expect(await everything(db)).toEqual(before);
  });

  it('writes the same text a page at a time as at once', async () => {
    for (let i = 0; i < 7; i++) await saveAnnotation(db, annotation(`anno:p${i}`, { created: i }));
    const parts: string[] = [];
    const progress: [number, number][] = [];
    await writeBackup(
      db,
      {
        write: async (text) => void parts.push(text),
        progress: (done, total) => void progress.push([done, total]),
      },
      { now: NOW, pageSize: 2 },
    );
    expect(parts.join('')).toBe(await backupText(db, { now: NOW }));
    const total = progress[progress.length - 1]!;
    expect(total[0]).toBe(total[1]);
  });

  it('a malformed backup changes nothing and says what is wrong and where', async () => {
    const text = await backupText(db);
    const before = await everything(db);
    const raw = JSON.parse(text) as { annotations: Record<string, unknown>[]; sources: unknown[] };
    // Everything else in it would be new; its last annotation is broken.
    raw.sources.push({
      id: 'new-source',
      title: 'New',
      origin: 'paste',
      date: null,
      text: 'It costs $5 million.',
      addedAt: 1,
      enabled: true,
      dropped: [],
    });
    raw.annotations.push({ ...annotation('anno:new'), color: 'purple' });
    const answer = await ask(route, { type: 'factmark/backup-import', text: JSON.stringify(raw) });
    expect(answer).toEqual({
      ok: false,
      error:
        'backup-import: annotations[3] (id anno:new): color: not one of yellow, green, blue, pink',
    });
    expect(await everything(db)).toEqual(before);
    expect(await ask(route, { type: 'factmark/backup-import', text: '{"format": "x"}' })).toEqual({
      ok: false,
      error:
        'backup-import: format: not "factmark-backup" (found "x"): this is not a Factmark backup',
    });
    expect(await everything(db)).toEqual(before);
  });

  it('a backup of a newer version is refused, nothing written', async () => {
    const before = await everything(db);
    const text = (await backupText(db)).replace('"version": 1', '"version": 2');
    expect(await ask(route, { type: 'factmark/backup-import', text })).toEqual({
      ok: false,
      error:
        'backup-import: version: 2 is newer than this Factmark reads (up to 1); update Factmark to restore this backup',
    });
    expect(await everything(db)).toEqual(before);
  });

  it('a write that fails half-way writes nothing: sources, names, facts and annotations alike', async () => {
    const text = await backupText(db);
    const wiped = await freshDb();
    const before = await everything(wiped);
    const backup = (parseBackup(text) as { backup: Backup }).backup;
    // A record IndexedDB cannot store (a function cannot be cloned), after every other write.
    const broken = { ...annotation('anno:broken'), note: (() => 'x') as unknown as string };
    await expect(
      restoreBackup(wiped, { ...backup, annotations: [...backup.annotations, broken] }),
    ).rejects.toThrow();
    expect(await everything(wiped)).toEqual(before);
    // The database is still usable, and the same backup restores whole.
    await restoreBackup(wiped, backup);
    expect((await everything(wiped)).sources).toEqual((await everything(db)).sources);
  });

  it('refuses more sources than the Library keeps, writing nothing', async () => {
    const before = await everything(db);
    const backup = (parseBackup(await backupText(db)) as { backup: Backup }).backup;
    const many = Array.from({ length: 1_000 - BUNDLED_FACT_BASE.seeds.length }, (_, i) => ({
      id: `extra-${i}`,
      title: `Extra ${i}`,
      origin: 'paste' as const,
      date: null,
      text: 'It costs $5 million.',
      addedAt: i,
      enabled: true,
      dropped: [],
    }));
    await expect(restoreBackup(db, { ...backup, sources: many })).rejects.toThrow(
      /^sources: 1,003 sources with the backup's; at most 1,000 are kept/,
    );
    expect(await everything(db)).toEqual(before);
  });

  it('on an id stored with other content, keeps the newer (annotations, sites) or the stored one', async () => {
    const backup = (parseBackup(await backupText(db)) as { backup: Backup }).backup;
    // Since the backup: one annotation edited here, the other older here than in the backup; the
    // site switch flipped here later; an own source switched on here; the user's fact changed.
    await saveAnnotation(
      db,
      annotation('anno:1', { note: 'newer here', updated: 1_770_000_000_000 }),
    );
    const incoming = backup.annotations.map((a) =>
      a.id === 'anno:2' ? { ...a, note: 'newer in the backup', updated: 1_780_000_000_000 } : a,
    );
    await setSiteEnabled(db, 'news.example', true, 1_770_000_000_000);
    const ownOff = backup.sources.find((s) => s.origin !== 'bundled' && !s.enabled)!;
    await ask(route, { type: 'factmark/source-enable', id: ownOff.id, enabled: true });
    await ask(route, { type: 'factmark/fact-save', fact: fact('user:mine', { value: 7 }) });
    // And a bundled name switched on again here: the backup's switch (off) is taken.
    await ask(route, { type: 'factmark/entity-enable', id: 'barrick', enabled: true });

    const outcome = await restoreBackup(db, { ...backup, annotations: incoming });
    expect(outcome.restored.annotations).toEqual({ imported: 2, conflicts: 2, keptLocal: 1 });
    expect(outcome.restored.sites).toEqual({ imported: 0, conflicts: 1, keptLocal: 1 });
    expect(outcome.restored.sources.keptLocal).toBe(1);
    expect(outcome.restored.facts).toEqual({ imported: 0, conflicts: 1, keptLocal: 1 });
    expect(outcome.restored.entities.conflicts).toBe(1);
    expect((await db.get('annotations', 'anno:1'))?.note).toBe('newer here');
    expect((await db.get('annotations', 'anno:2'))?.note).toBe('newer in the backup');
    expect((await db.get('sites', 'news.example'))?.enabled).toBe(true);
    expect((await db.get('sources', ownOff.id))?.enabled).toBe(true);
    expect((await db.get('facts', 'user:mine'))?.value).toBe(7);
    expect((await db.get('entities', 'barrick'))?.enabled).toBe(false);
  });

  it('is for the extension’s pages only', async () => {
    const text = await backupText(db);
    expect(await ask(route, { type: 'factmark/backup-export' }, contentScript)).toEqual({
      ok: false,
      error: 'not allowed from content script',
    });
    expect(await ask(route, { type: 'factmark/backup-import', text }, contentScript)).toEqual({
      ok: false,
      error: 'not allowed from content script',
    });
    expect(await ask(route, { type: 'factmark/backup-import', text: 5 })).toEqual({
      ok: false,
      error: 'unknown or malformed message: text: not a string',
    });
  });
});

/**
 * Two ends of a port, as the browser makes them: messages arrive later (a task), cloned; closing
 * one end fires onDisconnect on the other only.
 */
function portPair(name: string, sender: PortSender): { server: Port; client: ClientPort } {
  type Listeners = { message: ((m: unknown) => void)[]; disconnect: (() => void)[] };
  const serverSide: Listeners = { message: [], disconnect: [] };
  const clientSide: Listeners = { message: [], disconnect: [] };
  let open = true;
  const deliver = (to: Listeners, message: unknown) =>
    setTimeout(() => {
      if (open) for (const l of to.message) l(structuredClone(message));
    }, 0);
  const close = (other: Listeners) => {
    if (!open) return;
    open = false;
    setTimeout(() => other.disconnect.forEach((l) => l()), 0);
  };
  const end = (to: Listeners, other: Listeners, own: Listeners) => ({
    postMessage: (m: unknown) => {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      deliver(to, m);
    },
    onMessage: { addListener: (l: (m: unknown) => void) => void own.message.push(l) },
    onDisconnect: { addListener: (l: () => void) => void own.disconnect.push(l) },
    disconnect: () => close(other),
  });
  return {
    server: { name, sender, ...end(clientSide, clientSide, serverSide) },
    client: end(serverSide, serverSide, clientSide),
  };
}

describe('the backup over its ports (any size)', () => {
  let db: FactmarkDb;
  let connect: (name: string) => ClientPort;
  let sender: PortSender = library;

  beforeEach(async () => {
    ids = 0;
    sender = library;
    db = await freshDb();
    await aJournalistsLibrary(db, routerFor(db));
    for (let i = 0; i < 30; i++) {
      await saveAnnotation(db, annotation(`anno:many-${i}`, { note: `Note ${i} 💡`, created: i }));
    }
    const listen = createTransfer({
      extensionId: OWN_ID,
      extensionOrigin: `chrome-extension://${OWN_ID}/`,
      db: async () => db,
      // Small chunks and pages, so that a small backup comes in many pieces.
      chunkChars: 1_001,
      pageSize: 4,
      window: 2,
    });
    connect = (name) => {
      const pair = portPair(name, sender);
      listen(pair.server);
      return pair.client;
    };
  });

  it('backs up into a Blob and restores it into a wiped Library, identical', async () => {
    const before = await everything(db);
    const progress: number[] = [];
    const file = await backupOverPort(connect, (written) => void progress.push(written));
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(progress.length).toBeGreaterThan(3);
    const text = await file.file.text();
    expect(parseBackup(text).ok).toBe(true);

    db = await freshDb();
    const sent: number[] = [];
    const answer = await restoreOverPort(
      connect,
      file.file,
      (received) => void sent.push(received),
    );
    expect(answer).toMatchObject({ ok: true, skipped: [] });
    expect(sent[sent.length - 1]).toBe(text.length);
    expect(await everything(db)).toEqual(before);
  });

  it('refuses a file that is not a backup before sending it, and a broken one after, writing nothing', async () => {
    const before = await everything(db);
    expect(await restoreOverPort(connect, new Blob(['{"@context": []}']), () => undefined)).toEqual(
      {
        ok: false,
        error:
          'backup-import: this file is not a Factmark backup (it does not start with "format": "factmark-backup")',
      },
    );
    const text = await backupText(db);
    const broken = text.replace('"enabled":false', '"enabled":"no"');
    const answer = await restoreOverPort(connect, new Blob([broken]), () => undefined);
    expect(answer.ok).toBe(false);
    expect(answer).toMatchObject({ error: expect.stringMatching(/^backup-import: sites\[0\]/) });
    expect(await everything(db)).toEqual(before);
  });

  it('closes a content script’s backup ports unanswered', async () => {
    sender = contentScript as PortSender;
    const answer = await backupOverPort(connect, () => undefined);
    expect(answer.ok).toBe(false);
    const restored = await restoreOverPort(
      connect,
      new Blob([await backupText(db)]),
      () => undefined,
    );
    expect(restored.ok).toBe(false);
  });
});
