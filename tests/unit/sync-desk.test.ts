/**
 * Desk sync against a real CouchDB-protocol server (pouchdb-server on 127.0.0.1, started and
 * stopped here: tests/support/desk-server.ts), with two profiles of Factmark (sync-profiles.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackgroundRequest } from '../../src/shared/messages';
import { deskOriginPattern } from '../../src/shared/sync-protocol';
import { checkedFacts } from '../../src/background/sources';
import { importAnnotations } from '../../src/background/db';
import { toJsonLd } from '../../src/core/annotations';
import { retryDelay } from '../../src/background/sync/backoff';
import { startDeskServer, type DeskServer, type DeskUser } from '../support/desk-server';
import { annotation, fact } from './background-fixtures';
import { profile, type Profile } from './sync-profiles';

let server: DeskServer;

beforeAll(async () => {
  server = await startDeskServer({
    extraDatabases: ['desk-open'],
    designDocs: { 'desk-open': [{ _id: '_design/factmark', teamEditing: true }] },
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

async function joined(name: string, user: DeskUser, db = server.db): Promise<Profile> {
  const p = await profile(name);
  p.browser.granted.add(deskOriginPattern(server.url));
  const answer = await p.ask({
    type: 'factmark/sync-set',
    url: server.url,
    db,
    user: user.name,
    password: user.password,
  });
  expect(answer).toMatchObject({ ok: true, state: 'synced' });
  return p;
}

async function onServer(id: string) {
  return (await server.allDocs()).find((d) => d.id === id);
}

describe('sharing through the desk', () => {
  it("A shares an annotation, B pulls it and sees it as A's; a private one never reaches the server", async () => {
    const a = await joined('a', server.users.alice);
    const b = await joined('b', server.users.bob);
    const shared = annotation('anno:shared-1', { shared: true, note: 'for the desk' });
    const secret = annotation('anno:private-1', { note: 'my own' });
    const saved = await a.ask({ type: 'factmark/annotation-save', annotation: shared });
    expect(saved).toMatchObject({ ok: true, annotation: { shared: true, creator: 'alice' } });
    await a.ask({ type: 'factmark/annotation-save', annotation: secret });
    expect(await a.ask({ type: 'factmark/sync-status' })).toMatchObject({
      state: 'pending',
      pending: 1,
    });
    expect(await a.ask({ type: 'factmark/sync-now' })).toEqual({
      ok: true,
      state: 'synced',
      pushed: 1,
      pulled: 0,
    });
    expect(await a.ask({ type: 'factmark/sync-status' })).toMatchObject({
      state: 'synced',
      pending: 0,
    });

    const doc = await onServer('annotation:anno:shared-1');
    expect(doc?.doc).toMatchObject({
      kind: 'annotation',
      author: 'alice',
      item: { note: 'for the desk' },
    });
    expect(doc?.doc.item).not.toHaveProperty('creator');
    expect(await onServer('annotation:anno:private-1')).toBeUndefined();
    expect(JSON.stringify(await server.allDocs())).not.toContain('my own');

    expect(await b.ask({ type: 'factmark/sync-now' })).toMatchObject({
      state: 'synced',
      pulled: 1,
    });
    const onPage = await b.ask({ type: 'factmark/annotations', url: shared.url });
    expect(onPage).toMatchObject({ ok: true });
    const got = (onPage as { annotations: { id: string }[] }).annotations.find(
      (x) => x.id === shared.id,
    );
    expect(got).toMatchObject({ shared: true, creator: 'alice', note: 'for the desk' });
    // In the JSON-LD export, as the W3C model has it.
    const exported = await b.ask({ type: 'factmark/export', format: 'jsonld', url: shared.url });
    expect((exported as { text: string }).text).toContain(
      '"creator":{"type":"Person","nickname":"alice"}',
    );

    // Read-only for B: the desk has no rules document, so teammates cannot edit each other's.
    const edit = await b.ask({
      type: 'factmark/annotation-save',
      annotation: { ...shared, note: 'bob was here' },
    });
    expect(edit).toMatchObject({ ok: false, error: expect.stringContaining("alice's") });
    const del = await b.ask({ type: 'factmark/annotations-delete', ids: [shared.id] });
    expect(del).toEqual({ ok: true, deleted: [] });
    expect(await b.ask({ type: 'factmark/desk-items' })).toMatchObject({
      ok: true,
      items: expect.arrayContaining([
        { kind: 'annotation', id: shared.id, author: 'alice', own: false, editable: false },
      ]),
    });

    // A deletes it: B drops it at its next sync.
    await a.ask({ type: 'factmark/annotations-delete', ids: [shared.id] });
    await a.ask({ type: 'factmark/sync-now' });
    expect(await onServer('annotation:anno:shared-1')).toBeUndefined();
    await b.ask({ type: 'factmark/sync-now' });
    expect(await b.db.get('annotations', shared.id)).toBeUndefined();
  });

  it('a content script cannot share; the editor frame shares, and the background sets the creator', async () => {
    const a = await joined('a-cs', server.users.alice);
    const own = annotation('anno:cs-1', {
      url: 'https://example.org/story',
      shared: true,
      creator: 'mallory',
    });
    // The page's renderer asks for shared: the annotation is saved, private (nothing to send).
    const saved = await a.askFromPage(
      { type: 'factmark/annotation-save', annotation: own },
      'https://example.org/story',
    );
    const { shared: _s, creator: _c, ...plain } = own;
    expect(saved).toEqual({ ok: true, annotation: plain });
    expect(await a.db.get('annotations', own.id)).toEqual(plain);
    expect(await a.ask({ type: 'factmark/sync-status' })).toMatchObject({ pending: 0 });
    // The journalist ticks "Shared with the desk" in the editor: its frame asks.
    expect(
      await a.askFromEditor(
        {
          type: 'factmark/annotation-share',
          id: own.id,
          shared: true,
          saved: { color: own.color, note: own.note, tags: own.tags },
        },
        'https://example.org/story',
      ),
    ).toEqual({ ok: true, shared: true, creator: 'alice' });
    expect(await a.db.get('annotations', own.id)).toMatchObject({ shared: true, creator: 'alice' });
    // A save that does not say (an older page) keeps it shared; so does one that says otherwise,
    // or names another creator: the page cannot unshare it or reassign it.
    for (const claim of [{}, { shared: false }, { shared: false, creator: 'mallory' }]) {
      const edited = await a.askFromPage(
        { type: 'factmark/annotation-save', annotation: { ...plain, note: 'edited', ...claim } },
        'https://example.org/story',
      );
      expect(edited).toMatchObject({
        ok: true,
        annotation: { shared: true, creator: 'alice', note: 'edited' },
      });
    }
    expect(await a.db.get('annotations', own.id)).toMatchObject({
      shared: true,
      creator: 'alice',
      note: 'edited',
    });
    // Content scripts may not ask anything of sync.
    for (const request of [
      { type: 'factmark/sync-status' },
      { type: 'factmark/sync-now' },
      { type: 'factmark/share', ids: [own.id], shared: false },
      {
        type: 'factmark/annotation-share',
        id: own.id,
        shared: false,
        saved: { color: own.color, note: 'edited', tags: own.tags },
      },
    ] as BackgroundRequest[]) {
      expect(await a.askFromPage(request, 'https://example.org/story')).toEqual({
        ok: false,
        error: 'not allowed from content script',
      });
    }
    // Unsharing takes it off the desk, and keeps it here.
    await a.ask({ type: 'factmark/sync-now' });
    expect(await onServer('annotation:anno:cs-1')).toBeDefined();
    expect(await a.ask({ type: 'factmark/share', ids: [own.id], shared: false })).toEqual({
      ok: true,
      changed: 1,
    });
    await a.ask({ type: 'factmark/sync-now' });
    expect(await onServer('annotation:anno:cs-1')).toBeUndefined();
    expect(await a.db.get('annotations', own.id)).toMatchObject({ shared: false, note: 'edited' });
    expect(await a.db.get('annotations', own.id)).not.toHaveProperty('creator');
    // Shared again: back on the desk.
    expect(await a.ask({ type: 'factmark/share', ids: [own.id], shared: true })).toEqual({
      ok: true,
      changed: 1,
    });
    await a.ask({ type: 'factmark/sync-now' });
    expect((await onServer('annotation:anno:cs-1'))?.doc).toMatchObject({
      author: 'alice',
      item: { note: 'edited' },
    });
  });

  it("shares all of a page, facts, sources and watched names; teammates' facts take part in verdicts", async () => {
    const a = await joined('a-story', server.users.alice);
    const b = await joined('b-story', server.users.bob);
    const url = 'https://example.org/page-all';
    await a.ask({
      type: 'factmark/annotation-save',
      annotation: annotation('anno:page-1', { url }),
    });
    await a.ask({
      type: 'factmark/annotation-save',
      annotation: annotation('anno:page-2', { url }),
    });
    expect(await a.ask({ type: 'factmark/share', url, shared: true })).toEqual({
      ok: true,
      changed: 2,
    });

    const userFact = fact('user:desk-fact-1', { value: 640_000_000, text: '$640 million' });
    await a.ask({ type: 'factmark/fact-save', fact: userFact });
    expect(
      await a.ask({ type: 'factmark/share', kind: 'fact', ids: [userFact.id], shared: true }),
    ).toEqual({ ok: true, changed: 1 });

    const added = await a.ask({
      type: 'factmark/source-add',
      source: {
        title: 'Tembo Hills',
        text: 'Tembo Hills will cost $640 million, the company said in 2026.',
        origin: 'paste',
      },
    });
    const sourceId = (added as { source: { id: string } }).source.id;
    await a.ask({
      type: 'factmark/entity-save',
      entity: { id: 'tembo-hills', name: 'Tembo Hills', aliases: ['Tembo Hill project'] },
    });
    await a.ask({ type: 'factmark/share', kind: 'source', ids: [sourceId], shared: true });
    await a.ask({ type: 'factmark/share', kind: 'entity', ids: ['tembo-hills'], shared: true });
    const pushed = await a.ask({ type: 'factmark/sync-now' });
    expect(pushed).toMatchObject({ state: 'synced', pushed: 5 });
    expect((await onServer(`source:${sourceId}`))?.doc).toMatchObject({
      author: 'alice',
      item: { title: 'Tembo Hills' },
    });
    expect((await onServer(`source:${sourceId}`))?.doc.item).not.toHaveProperty('enabled');

    await b.ask({ type: 'factmark/sync-now' });
    expect(await b.db.get('annotations', 'anno:page-2')).toMatchObject({ creator: 'alice' });
    expect(await b.db.get('entities', 'tembo-hills')).toMatchObject({
      name: 'Tembo Hills',
      enabled: true,
      bundled: false,
    });
    const facts = await checkedFacts(b.db);
    expect(facts.map((f) => f.id)).toContain(userFact.id);
    expect(
      facts.some((f) => f.id.startsWith(`source:${sourceId}:`) && f.value === 640_000_000),
    ).toBe(true);
    // B's own switch for A's source stays B's; removing it is A's.
    expect(
      await b.ask({ type: 'factmark/source-enable', id: sourceId, enabled: false }),
    ).toMatchObject({ ok: true });
    expect(await b.ask({ type: 'factmark/source-remove', id: sourceId })).toMatchObject({
      ok: false,
      error: expect.stringContaining("alice's"),
    });
    expect(await b.ask({ type: 'factmark/fact-delete', id: userFact.id })).toMatchObject({
      ok: false,
    });
  });
});

describe('items written in bulk', () => {
  it('shared annotations imported (a message, or the import port past the router) reach the desk at the next sync', async () => {
    const a = await joined('a-import', server.users.alice);
    const viaMessage = annotation('anno:imported-1', {
      shared: true,
      creator: 'alice',
      note: 'imported',
    });
    const text = toJsonLd([viaMessage, annotation('anno:imported-private')]);
    expect(await a.ask({ type: 'factmark/import', text })).toMatchObject({ ok: true, imported: 2 });
    // The import port writes without the router (src/background/transfer.ts): its undo record
    // tells the next sync to compare everything.
    await importAnnotations(a.db, [
      annotation('anno:imported-2', { shared: true, note: 'by port' }),
    ]);
    expect(await a.ask({ type: 'factmark/sync-now' })).toMatchObject({
      state: 'synced',
      pushed: 2,
    });
    expect((await onServer('annotation:anno:imported-1'))?.doc).toMatchObject({ author: 'alice' });
    expect((await onServer('annotation:anno:imported-2'))?.doc).toMatchObject({
      author: 'alice',
      item: { note: 'by port' },
    });
    expect(await onServer('annotation:anno:imported-private')).toBeUndefined();
    expect(await a.db.get('annotations', 'anno:imported-2')).toMatchObject({ creator: 'alice' });
  });
});

describe('a desk that allows editing', () => {
  it("lets a member edit a teammate's annotation (the author stays, the editor is named); a conflict between them is kept", async () => {
    const a = await joined('a-open', server.users.alice, 'desk-open');
    const b = await joined('b-open', server.users.bob, 'desk-open');
    const note = annotation('anno:open-1', { shared: true, note: 'alice wrote' });
    await a.ask({ type: 'factmark/annotation-save', annotation: note });
    await a.ask({ type: 'factmark/sync-now' });
    await b.ask({ type: 'factmark/sync-now' });
    expect(await b.ask({ type: 'factmark/sync-status' })).toMatchObject({ teamEditing: true });
    const edited = await b.ask({
      type: 'factmark/annotation-save',
      annotation: { ...note, note: 'bob edited' },
    });
    expect(edited).toMatchObject({ ok: true, annotation: { creator: 'alice', shared: true } });
    await b.ask({ type: 'factmark/sync-now' });
    const doc = (await server.allDocs('desk-open')).find((d) => d.id === 'annotation:anno:open-1');
    expect(doc?.doc).toMatchObject({
      author: 'alice',
      editor: 'bob',
      item: { note: 'bob edited' },
    });
    await a.ask({ type: 'factmark/sync-now' });
    expect(await a.db.get('annotations', note.id)).toMatchObject({
      note: 'bob edited',
      creator: 'alice',
    });

    await server.stop();
    try {
      await a.ask({
        type: 'factmark/annotation-save',
        annotation: { ...note, note: 'alice again' },
      });
      await b.ask({ type: 'factmark/annotation-save', annotation: { ...note, note: 'bob again' } });
    } finally {
      await server.restart();
    }
    await a.ask({ type: 'factmark/sync-now' });
    await b.ask({ type: 'factmark/sync-now' });
    await a.ask({ type: 'factmark/sync-now' });
    const listed = (await a.ask({ type: 'factmark/sync-conflicts' })) as {
      conflicts: { id: string; versions: { note?: string; author: string; editor?: string }[] }[];
    };
    const versions = listed.conflicts.find((c) => c.id === note.id)?.versions ?? [];
    expect(versions.map((v) => v.note).sort()).toEqual(['alice again', 'bob again']);
    expect(versions.find((v) => v.note === 'bob again')).toMatchObject({
      author: 'alice',
      editor: 'bob',
    });
  });
});

describe('offline first and conflicts', () => {
  it('both edit the same note while the server is down: both versions kept, listed, resolved, nothing lost', async () => {
    const a = await joined('a-conflict', server.users.alice);
    const b = await joined('b-conflict', server.users.alice); // the same journalist on a second machine
    const note = annotation('anno:conflict-1', { shared: true, note: 'first' });
    await a.ask({ type: 'factmark/annotation-save', annotation: note });
    await a.ask({ type: 'factmark/sync-now' });
    await b.ask({ type: 'factmark/sync-now' });
    expect(await b.db.get('annotations', note.id)).toMatchObject({
      note: 'first',
      creator: 'alice',
    });

    await server.stop();
    try {
      await a.ask({
        type: 'factmark/annotation-save',
        annotation: { ...note, note: 'from A', updated: note.updated + 1 },
      });
      await b.ask({
        type: 'factmark/annotation-save',
        annotation: { ...note, note: 'from B', updated: note.updated + 2 },
      });
      const offline = await a.ask({ type: 'factmark/sync-now' });
      expect(offline).toMatchObject({
        ok: true,
        state: 'offline',
        error: expect.stringContaining('did not answer'),
      });
      // Everything works offline: the edit is there, and waits.
      expect(await a.db.get('annotations', note.id)).toMatchObject({ note: 'from A' });
      expect(await a.ask({ type: 'factmark/sync-status' })).toMatchObject({
        state: 'offline',
        pending: 1,
      });
    } finally {
      await server.restart();
    }
    await a.ask({ type: 'factmark/sync-now' });
    await b.ask({ type: 'factmark/sync-now' });
    await a.ask({ type: 'factmark/sync-now' });

    for (const p of [a, b]) {
      const listed = await p.ask({ type: 'factmark/sync-conflicts' });
      expect(listed).toMatchObject({ ok: true });
      const conflict = (
        listed as {
          conflicts: { id: string; versions: { note?: string; rev: string; winner: boolean }[] }[];
        }
      ).conflicts.find((c) => c.id === note.id);
      expect(conflict?.versions.map((v) => v.note).sort()).toEqual(['from A', 'from B']);
    }
    // Both profiles show the same winner meanwhile.
    const shownA = (await a.db.get('annotations', note.id))?.note;
    const shownB = (await b.db.get('annotations', note.id))?.note;
    expect(shownA).toBe(shownB);

    // A merges the two notes; B gets the merge, and the conflict is gone everywhere.
    const merged = await a.ask({
      type: 'factmark/sync-resolve',
      id: note.id,
      merged: { note: 'from A\n\nfrom B', tags: ['exim', 'financing', 'merged'] },
    });
    expect(merged).toEqual({ ok: true });
    expect(await a.db.get('annotations', note.id)).toMatchObject({ note: 'from A\n\nfrom B' });
    await a.ask({ type: 'factmark/sync-now' });
    await b.ask({ type: 'factmark/sync-now' });
    expect(await b.db.get('annotations', note.id)).toMatchObject({
      note: 'from A\n\nfrom B',
      tags: ['exim', 'financing', 'merged'],
    });
    for (const p of [a, b]) {
      const listed = (await p.ask({ type: 'factmark/sync-conflicts' })) as {
        conflicts: { id: string }[];
      };
      expect(listed.conflicts.find((c) => c.id === note.id)).toBeUndefined();
    }
  });

  it('a conflict resolved by keeping one version keeps exactly that version', async () => {
    const a = await joined('a-keep', server.users.alice);
    const b = await joined('b-keep', server.users.alice);
    const note = annotation('anno:conflict-2', { shared: true, note: 'start' });
    await a.ask({ type: 'factmark/annotation-save', annotation: note });
    await a.ask({ type: 'factmark/sync-now' });
    await b.ask({ type: 'factmark/sync-now' });
    await server.stop();
    try {
      await a.ask({ type: 'factmark/annotation-save', annotation: { ...note, note: 'A kept' } });
      await b.ask({ type: 'factmark/annotation-save', annotation: { ...note, note: 'B dropped' } });
    } finally {
      await server.restart();
    }
    await a.ask({ type: 'factmark/sync-now' });
    await b.ask({ type: 'factmark/sync-now' });
    const listed = (await b.ask({ type: 'factmark/sync-conflicts' })) as {
      conflicts: { id: string; versions: { note?: string; rev: string }[] }[];
    };
    const versions = listed.conflicts.find((c) => c.id === note.id)?.versions ?? [];
    const keep = versions.find((v) => v.note === 'A kept')?.rev;
    expect(keep).toBeDefined();
    expect(await b.ask({ type: 'factmark/sync-resolve', id: note.id, keep: keep! })).toEqual({
      ok: true,
    });
    expect(await b.db.get('annotations', note.id)).toMatchObject({ note: 'A kept' });
    await b.ask({ type: 'factmark/sync-now' });
    await a.ask({ type: 'factmark/sync-now' });
    expect(await a.db.get('annotations', note.id)).toMatchObject({ note: 'A kept' });
    expect(
      (
        (await a.ask({ type: 'factmark/sync-conflicts' })) as { conflicts: { id: string }[] }
      ).conflicts.find((c) => c.id === note.id),
    ).toBeUndefined();
  });

  it('retries with back-off: automatic syncs wait, one asked for does not', async () => {
    const a = await joined('a-backoff', server.users.alice);
    await server.stop();
    try {
      const first = await a.ask({ type: 'factmark/sync-now' });
      expect(first).toMatchObject({ state: 'offline' });
      const status = (await a.ask({ type: 'factmark/sync-status' })) as {
        retryAt?: string;
        state: string;
      };
      expect(status.state).toBe('offline');
      expect(Date.parse(status.retryAt!)).toBe(a.clock.now + retryDelay(1));
      // The alarm before retryAt: no try (lastAttempt unchanged, failures unchanged).
      a.clock.now += retryDelay(1) - 1;
      a.sync.onAlarm('factmark-desk-sync');
      await a.sync.idle();
      const waited = (await a.ask({ type: 'factmark/sync-status' })) as { retryAt?: string };
      expect(waited.retryAt).toBe(status.retryAt);
      // At retryAt: it tries, fails again, and waits twice as long.
      a.clock.now += 1;
      a.sync.onAlarm('factmark-desk-sync');
      await a.sync.idle();
      const again = (await a.ask({ type: 'factmark/sync-status' })) as { retryAt?: string };
      expect(Date.parse(again.retryAt!)).toBe(a.clock.now + retryDelay(2));
      expect(retryDelay(2)).toBe(2 * retryDelay(1));
      // Asked for: tried at once, whatever the back-off.
      expect(await a.ask({ type: 'factmark/sync-now' })).toMatchObject({ state: 'offline' });
    } finally {
      await server.restart();
    }
    expect(await a.ask({ type: 'factmark/sync-now' })).toMatchObject({ state: 'synced' });
    expect(await a.ask({ type: 'factmark/sync-status' })).not.toHaveProperty('retryAt');
  });
});

describe('connection test and refusals', () => {
  it('says why: wrong password, no database, not a member, unreachable, insecure URL — and keeps local data', async () => {
    const p = await profile('tester');
    p.browser.granted.add(deskOriginPattern(server.url));
    await p.ask({
      type: 'factmark/annotation-save',
      annotation: annotation('anno:local-1', { shared: true }),
    });
    const base = { type: 'factmark/sync-test' as const, url: server.url, db: server.db };
    expect(await p.ask({ ...base, user: 'alice', password: server.users.alice.password })).toEqual({
      ok: true,
    });
    expect(await p.ask({ ...base, user: 'alice', password: 'wrong' })).toMatchObject({
      ok: false,
      reason: 'unauthorized',
      error: expect.stringContaining('wrong user name or password'),
    });
    expect(
      await p.ask({
        ...base,
        db: 'no-such-desk',
        user: 'alice',
        password: server.users.alice.password,
      }),
    ).toMatchObject({ ok: false, reason: 'no-database' });
    expect(
      await p.ask({ ...base, user: 'outsider', password: server.users.outsider.password }),
    ).toMatchObject({
      ok: false,
      reason: 'forbidden',
      error: expect.stringContaining('not a member'),
    });
    expect(
      await p.ask({ ...base, url: 'http://news.example:5984', user: 'alice', password: 'x' }),
    ).toMatchObject({ ok: false, reason: 'insecure-url' });
    const closed = `http://127.0.0.1:${await closedPort()}`;
    p.browser.granted.add(deskOriginPattern(closed));
    expect(await p.ask({ ...base, url: closed, user: 'alice', password: 'x' })).toMatchObject({
      ok: false,
      reason: 'unreachable',
    });

    // sync-set refuses what would never work, and keeps nothing of it.
    const refused = await p.ask({
      type: 'factmark/sync-set',
      url: server.url,
      db: server.db,
      user: 'alice',
      password: 'wrong',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: expect.stringContaining('wrong user name or password'),
    });
    expect(await p.ask({ type: 'factmark/sync-status' })).toMatchObject({ state: 'off' });
    expect(
      await p.ask({
        type: 'factmark/sync-set',
        url: server.url,
        db: server.db,
        user: 'outsider',
        password: server.users.outsider.password,
      }),
    ).toMatchObject({ ok: false });
    // Without the host permission, no sync.
    const noPermission = await profile('no-permission');
    expect(
      await noPermission.ask({
        type: 'factmark/sync-set',
        url: server.url,
        db: server.db,
        user: 'alice',
        password: server.users.alice.password,
      }),
    ).toMatchObject({ ok: false, error: expect.stringContaining('allow it') });
    // An unreachable server is accepted (offline first): the state says so.
    expect(
      await p.ask({
        type: 'factmark/sync-set',
        url: closed,
        db: 'desk',
        user: 'alice',
        password: 'x',
      }),
    ).toEqual({ ok: true, state: 'offline' });
    expect(await p.ask({ type: 'factmark/sync-status' })).toMatchObject({
      state: 'offline',
      url: closed,
      user: 'alice',
    });
    expect(JSON.stringify(await p.ask({ type: 'factmark/sync-status' }))).not.toContain(
      '"password"',
    );
    expect(await p.db.get('annotations', 'anno:local-1')).toMatchObject({ shared: true });
  });

  it('turning sync off stops it, forgets the password and removes the host permission', async () => {
    const a = await joined('a-off', server.users.alice);
    const pattern = deskOriginPattern(server.url);
    expect(a.browser.alarms.has('factmark-desk-sync')).toBe(true);
    expect(await a.ask({ type: 'factmark/sync-set', off: true })).toEqual({
      ok: true,
      state: 'off',
    });
    expect(a.browser.granted.has(pattern)).toBe(false);
    expect(a.browser.alarms.has('factmark-desk-sync')).toBe(false);
    expect((await a.db.get('sync', 'settings')) as { password: unknown }).toMatchObject({
      password: null,
      enabled: false,
    });
    await a.ask({
      type: 'factmark/annotation-save',
      annotation: annotation('anno:after-off', { shared: true }),
    });
    expect(await a.ask({ type: 'factmark/sync-now' })).toMatchObject({ ok: false });
    a.sync.onAlarm('factmark-desk-sync');
    await a.sync.idle();
    expect(await onServer('annotation:anno:after-off')).toBeUndefined();
    expect(await a.ask({ type: 'factmark/sync-status' })).toMatchObject({
      state: 'off',
      pending: 1,
    });
    // And with the settings on but the permission gone (removed in the browser's settings): refused.
    const b = await joined('b-revoked', server.users.bob);
    b.browser.granted.clear();
    expect(await b.ask({ type: 'factmark/sync-now' })).toMatchObject({
      state: 'error',
      error: expect.stringContaining('may not reach'),
    });
  });
});

async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((done) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address !== null ? address.port : 1;
      s.close(() => done(port));
    });
  });
}
