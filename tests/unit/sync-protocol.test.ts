/** Desk sync's URL rule and the validation of its messages (src/shared/sync-protocol.ts). */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, openFactmarkDb } from '../../src/background/db';
import { parseJsonLd, toJsonLd } from '../../src/core/annotations';
import { checkAnnotation, checkBackgroundRequest } from '../../src/shared/messages';
import {
  checkDeskUrl,
  checkSyncRequest,
  deskOriginPattern,
  isDeskDbName,
} from '../../src/shared/sync-protocol';
import { retryDelay, isDue, MAX_RETRY_MS } from '../../src/background/sync/backoff';
import { parseDocId, docIdOf, stableJson, sameItem } from '../../src/background/sync/items';
import { annotation, freshDbName } from './background-fixtures';

describe('the URL rule', () => {
  it.each([
    ['https://couch.news.example', 'https://couch.news.example'],
    ['https://couch.news.example:6984/', 'https://couch.news.example:6984'],
    ['https://news.example/couchdb/', 'https://news.example/couchdb'],
    ['http://127.0.0.1:5984', 'http://127.0.0.1:5984'],
    ['http://localhost', 'http://localhost'],
    ['http://localhost:15984/', 'http://localhost:15984'],
  ])('takes %s as %s', (input, url) => {
    expect(checkDeskUrl(input)).toEqual({ ok: true, url });
  });

  it.each([
    'http://couch.news.example',
    'http://192.168.1.10:5984',
    'http://127.0.0.2:5984',
    'http://localhost.news.example',
    'ftp://couch.news.example',
    'ws://127.0.0.1:5984',
  ])('refuses %s as insecure', (input) => {
    expect(checkDeskUrl(input)).toMatchObject({ ok: false, reason: 'insecure-url' });
  });

  it.each([
    '',
    'couch.news.example',
    'https://alice:pw@couch.news.example',
    'https://x.example/?a=1',
    'https://x.example/#f',
    42,
  ])('refuses %s as not a desk URL', (input) => {
    expect(checkDeskUrl(input)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('asks for the server host only, any port', () => {
    expect(deskOriginPattern('https://couch.news.example:6984/couchdb')).toBe(
      'https://couch.news.example/*',
    );
    expect(deskOriginPattern('http://127.0.0.1:5984')).toBe('http://127.0.0.1/*');
    expect(deskOriginPattern('http://localhost:15984')).toBe('http://localhost/*');
  });

  it('knows CouchDB database names', () => {
    for (const name of ['desk', 'reko-diq_desk', 'a1', 'desk/metro'])
      expect(isDeskDbName(name)).toBe(true);
    for (const name of ['', 'Desk', '1desk', '_users', 'desk desk', 'd'.repeat(239)])
      expect(isDeskDbName(name)).toBe(false);
  });
});

describe('sync messages, validated at the receiver', () => {
  const desk = { url: 'https://couch.news.example', db: 'desk', user: 'alice', password: 'pw' };

  it('takes the contract shapes, a copy of their fields only', () => {
    expect(checkSyncRequest({ type: 'factmark/sync-set', ...desk, extra: 1 })).toEqual({
      type: 'factmark/sync-set',
      ...desk,
    });
    expect(checkSyncRequest({ type: 'factmark/sync-set', off: true, url: 'x' })).toEqual({
      type: 'factmark/sync-set',
      off: true,
    });
    expect(checkSyncRequest({ type: 'factmark/sync-now', x: 1 })).toEqual({
      type: 'factmark/sync-now',
    });
    expect(checkSyncRequest({ type: 'factmark/sync-status' })).toEqual({
      type: 'factmark/sync-status',
    });
    expect(checkSyncRequest({ type: 'factmark/sync-conflicts' })).toEqual({
      type: 'factmark/sync-conflicts',
    });
    expect(checkSyncRequest({ type: 'factmark/desk-items' })).toEqual({
      type: 'factmark/desk-items',
    });
    expect(
      checkSyncRequest({ type: 'factmark/sync-resolve', id: 'anno:1', keep: '2-abc123' }),
    ).toEqual({ type: 'factmark/sync-resolve', id: 'anno:1', keep: '2-abc123' });
    expect(
      checkSyncRequest({
        type: 'factmark/sync-resolve',
        id: 'anno:1',
        merged: { note: 'n', tags: ['a'] },
      }),
    ).toEqual({
      type: 'factmark/sync-resolve',
      id: 'anno:1',
      merged: { note: 'n', tags: ['a'] },
    });
    expect(checkSyncRequest({ type: 'factmark/share', ids: ['anno:1'], shared: false })).toEqual({
      type: 'factmark/share',
      ids: ['anno:1'],
      shared: false,
    });
    expect(
      checkSyncRequest({ type: 'factmark/share', ids: ['x'], shared: true, kind: 'entity' }),
    ).toEqual({ type: 'factmark/share', ids: ['x'], shared: true, kind: 'entity' });
    expect(
      checkSyncRequest({ type: 'factmark/share', url: 'https://example.org/a', shared: true }),
    ).toEqual({ type: 'factmark/share', url: 'https://example.org/a', shared: true });
    expect(checkSyncRequest({ type: 'factmark/report' })).toBeNull();
  });

  it('refuses malformed ones, saying what is wrong', () => {
    expect(
      checkSyncRequest({ type: 'factmark/sync-set', ...desk, url: 'http://couch.news.example' }),
    ).toMatch(/https:\/\//);
    expect(checkSyncRequest({ type: 'factmark/sync-set', ...desk, db: 'Desk' })).toMatch(/^db:/);
    expect(checkSyncRequest({ type: 'factmark/sync-set', ...desk, user: 'a:b' })).toMatch(/^user:/);
    expect(checkSyncRequest({ type: 'factmark/sync-set', ...desk, password: '' })).toMatch(
      /^password:/,
    );
    expect(checkSyncRequest({ type: 'factmark/sync-set', ...desk, password: 5 })).toMatch(
      /^password:/,
    );
    expect(checkSyncRequest({ type: 'factmark/sync-set', off: 'yes' })).toMatch(/^url:/);
    expect(
      checkSyncRequest({ type: 'factmark/sync-resolve', id: 'anno:1', keep: 'latest' }),
    ).toMatch(/keep/);
    expect(checkSyncRequest({ type: 'factmark/sync-resolve', id: 'a b', keep: '1-a' })).toMatch(
      /^id:/,
    );
    expect(checkSyncRequest({ type: 'factmark/share', ids: 'anno:1', shared: true })).toMatch(
      /^ids:/,
    );
    expect(checkSyncRequest({ type: 'factmark/share', ids: ['anno:1'], shared: 'yes' })).toMatch(
      /^shared:/,
    );
    expect(
      checkSyncRequest({ type: 'factmark/share', ids: ['anno:1'], shared: true, kind: 'note' }),
    ).toMatch(/^kind:/);
    expect(
      checkSyncRequest({ type: 'factmark/share', url: 'https://example.org/a', shared: false }),
    ).toMatch(/^shared:/);
    expect(
      checkSyncRequest({ type: 'factmark/share', url: 'javascript:alert(1)', shared: true }),
    ).toMatch(/^url:/);
  });

  it('lets an insecure URL through sync-test, whose answer says why (insecure-url)', () => {
    expect(
      checkSyncRequest({ type: 'factmark/sync-test', ...desk, url: 'http://couch.news.example' }),
    ).toEqual({
      type: 'factmark/sync-test',
      ...desk,
      url: 'http://couch.news.example',
    });
    expect(checkSyncRequest({ type: 'factmark/sync-test', ...desk, user: '' })).toMatch(/^user:/);
  });

  it('is joined into the background requests', () => {
    expect(checkBackgroundRequest({ type: 'factmark/sync-now' })).toEqual({
      ok: true,
      request: { type: 'factmark/sync-now' },
    });
    expect(checkBackgroundRequest({ type: 'factmark/sync-set', ...desk, db: 5 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/malformed.*db:/),
    });
  });
});

describe('annotations gain shared and creator', () => {
  it('keeps old annotations valid (no shared: private) and checks the new fields', () => {
    const old = annotation('anno:1');
    expect(checkAnnotation(old)).toEqual(old);
    expect(checkAnnotation({ ...old, shared: true, creator: 'alice' })).toEqual({
      ...old,
      shared: true,
      creator: 'alice',
    });
    expect(checkAnnotation({ ...old, shared: 'yes' })).toMatch(/^shared:/);
    expect(checkAnnotation({ ...old, creator: '' })).toMatch(/^creator:/);
    expect(checkAnnotation({ ...old, creator: 'a\nb' })).toMatch(/^creator:/);
  });

  it('exports creator as the W3C model has it, and reads it back from a Factmark export only', () => {
    const shared = annotation('anno:s', { shared: true, creator: 'alice' });
    const text = toJsonLd([shared, annotation('anno:p')]);
    const items = JSON.parse(text).first.items;
    expect(items[0]).toMatchObject({
      creator: { type: 'Person', nickname: 'alice' },
      'factmark:shared': true,
    });
    expect(items[1]).not.toHaveProperty('creator');
    expect(items[1]).not.toHaveProperty('factmark:shared');
    const back = parseJsonLd(text, { newId: () => 'x', now: 0 });
    expect(back.ok && back.annotations).toEqual([shared, annotation('anno:p')]);
    // Another tool's creator (a Hypothesis account) makes nothing shared.
    const foreign = JSON.stringify({ ...items[1], creator: 'acct:someone@hypothes.is' });
    const parsed = parseJsonLd(foreign, { newId: () => 'x', now: 0 });
    expect(parsed.ok && parsed.annotations[0]).not.toHaveProperty('creator');
  });
});

describe('desk documents and back-off', () => {
  it('names documents by kind and id', () => {
    expect(docIdOf('annotation', 'anno:1')).toBe('annotation:anno:1');
    expect(parseDocId('annotation:urn:x:1')).toEqual({ kind: 'annotation', id: 'urn:x:1' });
    expect(parseDocId('_design/factmark')).toBeNull();
    expect(parseDocId('note:1')).toBeNull();
    expect(parseDocId('fact:')).toBeNull();
  });

  it('compares items whatever their keys order', () => {
    expect(stableJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(sameItem({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameItem({ a: 1 }, { a: 2 })).toBe(false);
  });

  it('waits longer after each failure, up to a bound', () => {
    expect(retryDelay(0)).toBe(0);
    expect(retryDelay(1)).toBe(30_000);
    expect(retryDelay(2)).toBe(60_000);
    expect(retryDelay(3)).toBe(120_000);
    expect(retryDelay(50)).toBe(MAX_RETRY_MS);
    expect(isDue(null, 0)).toBe(true);
    expect(isDue(100, 99)).toBe(false);
    expect(isDue(100, 100)).toBe(true);
  });
});

describe('schema v5 (desk sync)', () => {
  it('upgrades a v4 database keeping every annotation as it was (private)', async () => {
    const name = freshDbName();
    const v4 = await openFactmarkDb({ name, migrations: MIGRATIONS.slice(0, 4) });
    const old = annotation('anno:old');
    await v4.put('annotations', old);
    v4.close();
    const v5 = await openFactmarkDb({ name });
    expect(v5.version).toBe(MIGRATIONS.length);
    expect(await v5.get('annotations', 'anno:old')).toEqual(old);
    expect(await v5.getAll('sync')).toEqual([]);
    expect(await v5.getAll('desk')).toEqual([]);
    v5.close();
  });
});
