import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openFactmarkDb, type FactmarkDb } from '../../src/background/db';
import { createRouter } from '../../src/background/router';
import type { MessageListener } from '../../src/background/browser-api';
import { toJsonLd } from '../../src/core/annotations';
import { annotation, fact, freshDbName } from './background-fixtures';

const OWN_ID = 'own-extension-id';
const own = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/src/popup/index.html` };

let db: FactmarkDb;
let route: MessageListener;

beforeEach(async () => {
  db = await openFactmarkDb({ name: freshDbName() });
  await db.put('facts', fact('seed:a.txt:10'));
  await db.put('facts', fact('user:1', { attribute: 'barrick.stake' }));
  route = createRouter({
    extensionId: OWN_ID,
    extensionOrigin: `chrome-extension://${OWN_ID}/`,
    db: async () => db,
  });
});

describe('who is answered', () => {
  it.each([
    ['another extension', { id: 'someone-else' }],
    ['a sender without an id', {}],
    ['an id that only starts like ours', { id: `${OWN_ID}x` }],
  ])('ignores %s', (_name, sender) => {
    expect(route({ type: 'factmark/facts' }, sender)).toBeUndefined();
  });

  it('answers our own pages and content scripts', async () => {
    expect(await route({ type: 'factmark/facts' }, own)).toMatchObject({ ok: true });
    const answer = await route(
      { type: 'factmark/facts' },
      { id: OWN_ID, url: 'https://example.org/', tab: { id: 3 } },
    );
    expect(answer).toMatchObject({ ok: true });
  });

  it.each([
    ['a sender without a URL', { id: OWN_ID }],
    ['a web frame without a tab', { id: OWN_ID, url: 'https://example.org/' }],
    ['a tab whose frame is not http(s)', { id: OWN_ID, url: 'file:///home/x.html', tab: {} }],
    ['an unparsable URL', { id: OWN_ID, url: 'https://[::1', tab: {} }],
  ])(
    'refuses our own id from %s (neither an extension page nor a content script)',
    async (_n, sender) => {
      expect(await route({ type: 'factmark/facts' }, sender)).toEqual({
        ok: false,
        error: 'not allowed from unknown sender',
      });
    },
  );
});

describe('malformed messages', () => {
  it.each([
    ['not an object', 'factmark/facts'],
    ['null', null],
    ['an unknown type', { type: 'factmark/drop-database' }],
    ['a content-script request', { type: 'factmark/report' }],
    ['site-get without a host', { type: 'factmark/site-get' }],
    ['site-get with a URL for a host', { type: 'factmark/site-get', host: 'https://x.org/' }],
    ['site-set without enabled', { type: 'factmark/site-set', host: 'example.org' }],
    [
      'site-set with a string for enabled',
      { type: 'factmark/site-set', host: 'example.org', enabled: 'no' },
    ],
    ['facts-get with ids not a list', { type: 'factmark/facts-get', ids: 'seed:a.txt:10' }],
    ['facts-get with a non-string id', { type: 'factmark/facts-get', ids: ['seed:a.txt:10', 7] }],
  ])('answers { ok: false } to %s, and writes nothing', async (_name, message) => {
    const answer = await route(message, own);
    expect(answer).toEqual({ ok: false, error: 'unknown or malformed message' });
    expect(await db.count('sites')).toBe(0);
  });
});

describe('requests', () => {
  it('factmark/facts answers every fact, seed and user', async () => {
    const answer = await route({ type: 'factmark/facts' }, own);
    expect(answer).toEqual({ ok: true, facts: expect.any(Array) });
    const ids = (answer as { facts: { id: string }[] }).facts.map((f) => f.id).sort();
    expect(ids).toEqual(['seed:a.txt:10', 'user:1']);
  });

  it('factmark/facts-get answers only the facts asked for that exist', async () => {
    const answer = await route(
      { type: 'factmark/facts-get', ids: ['user:1', 'seed:missing:1', 'user:1'] },
      own,
    );
    expect(answer).toEqual({ ok: true, facts: [fact('user:1', { attribute: 'barrick.stake' })] });
  });

  it('factmark/site-get is on by default; site-set turns it off for that host only', async () => {
    expect(await route({ type: 'factmark/site-get', host: 'news.example' }, own)).toEqual({
      ok: true,
      enabled: true,
    });
    expect(
      await route({ type: 'factmark/site-set', host: 'News.Example', enabled: false }, own),
    ).toEqual({ ok: true, enabled: false });
    expect(await route({ type: 'factmark/site-get', host: 'news.example' }, own)).toEqual({
      ok: true,
      enabled: false,
    });
    expect(await route({ type: 'factmark/site-get', host: 'other.example' }, own)).toEqual({
      ok: true,
      enabled: true,
    });
  });

  it('answers { ok: false, error } when the database fails', async () => {
    const failing = createRouter({
      extensionId: OWN_ID,
      extensionOrigin: `chrome-extension://${OWN_ID}/`,
      db: () => Promise.reject(new Error('quota exceeded')),
    });
    expect(await failing({ type: 'factmark/facts' }, own)).toEqual({
      ok: false,
      error: 'quota exceeded',
    });
  });
});

describe('failures always say why', () => {
  /** The database, but every write fails the way a browser may: a DOMException with no message. */
  function failingWrites(real: FactmarkDb, error: unknown): FactmarkDb {
    return new Proxy(real, {
      get(target, prop, receiver) {
        if (prop === 'put') return () => Promise.reject(error);
        if (prop === 'transaction') {
          return () => {
            throw error;
          };
        }
        const value: unknown = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
  }

  it.each([
    ['a DOMException without a message', new DOMException('', 'AbortError'), /AbortError/],
    ['an Error without a message', new Error(''), /unknown error \(Error\)/],
    ['a thrown undefined', undefined, /unknown error/],
    ['a thrown empty string', '', /unknown error/],
  ])('a failed write answers a non-empty reason: %s', async (_name, error, reason) => {
    const failing = createRouter({
      extensionId: OWN_ID,
      extensionOrigin: `chrome-extension://${OWN_ID}/`,
      db: async () => failingWrites(db, error),
    });
    const saved = (await failing(
      { type: 'factmark/annotation-save', annotation: annotation('anno:x') },
      own,
    )) as { ok: boolean; error: string };
    expect(saved.ok).toBe(false);
    expect(saved.error).toMatch(reason);
    const imported = (await failing(
      { type: 'factmark/import', text: toJsonLd([annotation('anno:y')]) },
      own,
    )) as { ok: boolean; error: string };
    expect(imported.ok).toBe(false);
    expect(imported.error).toMatch(/^import: \S/);
    expect(imported.error).toMatch(reason);
  });
});
