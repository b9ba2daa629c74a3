/**
 * The Library's list in pages (factmark/annotations-page) and import conflicts with undo
 * (factmark/import, factmark/import-undo), on fake-indexeddb: docs/contracts.md.
 */
import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MessageListener } from '../../src/background/browser-api';
import {
  allAnnotations,
  annotationsPage,
  importAnnotations,
  latestImport,
  openFactmarkDb,
  restoreAnnotations,
  saveAnnotation,
  undoImport,
  type FactmarkDb,
} from '../../src/background/db';
import { createRouter } from '../../src/background/router';
import { toJsonLd } from '../../src/core/annotations';
import { newestFirst, type PageCursor } from '../../src/core/annotations/query';
import type { Annotation } from '../../src/core/annotations/types';
import { annotation, freshDbName } from './background-fixtures';

const OWN_ID = 'own-extension-id';
const library = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/src/options/index.html` };
const contentScript = { id: OWN_ID, url: 'https://example.org/story', tab: { id: 1 } };
const T0 = Date.UTC(2026, 0, 1);

/** A small annotation; every 10,000th holds the word "needle" in its note and the tag "rare". */
function small(i: number): Annotation {
  return annotation(`anno:${String(i).padStart(7, '0')}`, {
    url: `https://site${i % 50}.example/page${i % 500}`,
    title: `Page ${i % 500}`,
    quote: { type: 'TextQuoteSelector', exact: `Passage ${i}`, prefix: '', suffix: '' },
    note: i % 10_000 === 7 ? 'a needle here' : '',
    tags: i % 10_000 === 7 ? ['rare'] : [`tag${i % 20}`],
    created: T0 + i * 1_000,
    updated: T0 + i * 1_000,
  });
}

const router = (db: FactmarkDb): MessageListener =>
  createRouter({
    extensionId: OWN_ID,
    extensionOrigin: `chrome-extension://${OWN_ID}/`,
    db: async () => db,
  });

describe('the Library list in pages, 100,000 annotations stored', () => {
  const COUNT = 100_000;
  let db: FactmarkDb;
  let route: MessageListener;

  beforeAll(async () => {
    db = await openFactmarkDb({ name: freshDbName() });
    const all = Array.from({ length: COUNT }, (_, i) => small(i));
    for (let i = 0; i < COUNT; i += 10_000) await restoreAnnotations(db, all.slice(i, i + 10_000));
    route = router(db);
  }, 120_000);

  it('answers the first page of 50, newest first, with the total and where to go on', async () => {
    const answer = (await route({ type: 'factmark/annotations-page', limit: 50 }, library)) as {
      ok: true;
      annotations: Annotation[];
      total: number;
      next: PageCursor;
      tags: string[];
    };
    expect(answer.ok).toBe(true);
    expect(answer.total).toBe(COUNT);
    expect(answer.annotations.map((a) => a.id)).toEqual(
      Array.from({ length: 50 }, (_, k) => small(COUNT - 1 - k).id),
    );
    expect(answer.next).toEqual({ updated: small(COUNT - 50).updated, id: small(COUNT - 50).id });
    // The first page lists the tags in use, for the filter.
    expect(answer.tags).toHaveLength(21);
    expect(answer.tags).toContain('rare');

    const second = (await route(
      { type: 'factmark/annotations-page', limit: 50, after: answer.next },
      library,
    )) as { annotations: Annotation[]; next: PageCursor; tags?: string[] };
    expect(second.annotations[0]!.id).toBe(small(COUNT - 51).id);
    expect(second.annotations).toHaveLength(50);
    expect(second.tags).toBeUndefined();
  });

  it('a search is answered as soon as a page is found, not after reading everything', async () => {
    // Matches in the newest records: the page is full long before the end of the list.
    const page = await annotationsPage(db, { limit: 5, query: { text: 'passage 9999' } });
    expect(page.total).toBe(COUNT);
    expect(page.annotations.map((a) => a.quote.exact)).toEqual([
      'Passage 99999',
      'Passage 99998',
      'Passage 99997',
      'Passage 99996',
      'Passage 99995',
    ]);
    expect(page.next).toEqual({ updated: small(99_995).updated, id: small(99_995).id });
  });

  it('a rare search stops after a bounded scan and says where to go on', async () => {
    // The newest "needle" is 9,993 records down: 2,000 looked at find none of them.
    const page = await annotationsPage(db, { limit: 50, query: { text: 'NEEDLE' } }, 2_000);
    expect(page).toEqual({
      annotations: [],
      total: COUNT,
      next: { updated: small(COUNT - 2_000).updated, id: small(COUNT - 2_000).id },
      scanned: 2_000,
    });
  });

  it('is for extension pages only, and refuses a malformed page request', async () => {
    expect(await route({ type: 'factmark/annotations-page', limit: 50 }, contentScript)).toEqual({
      ok: false,
      error: 'not allowed from content script',
    });
    for (const bad of [
      { limit: 0 },
      { limit: 1_001 },
      { limit: 10, after: { updated: 'x', id: 'a' } },
      { limit: 10, query: { text: 5 } },
      { limit: 10, query: { from: 'yesterday' } },
    ]) {
      const answer = (await route({ type: 'factmark/annotations-page', ...bad }, library)) as {
        ok: boolean;
        error: string;
      };
      expect(answer.ok).toBe(false);
      expect(answer.error).toMatch(/^unknown or malformed message: (limit|after|query)/);
    }
  });
});

describe('a search in parts, over 3,000 annotations', () => {
  // fake-indexeddb steps a cursor far slower than a browser: the whole-scan cases are smaller.
  const many = (i: number) =>
    annotation(`anno:${String(i).padStart(5, '0')}`, {
      note: i % 500 === 7 ? 'a needle here' : '',
      tags: i % 500 === 7 ? ['rare'] : [],
      entities: i % 2 === 0 ? ['exim'] : ['barrick'],
      verdicts: i % 3 === 0 ? ['supported'] : ['unverified'],
      created: T0 + i * 1_000,
      updated: T0 + i * 1_000,
    });
  let db: FactmarkDb;

  beforeAll(async () => {
    db = await openFactmarkDb({ name: freshDbName() });
    await restoreAnnotations(
      db,
      Array.from({ length: 3_000 }, (_, i) => many(i)),
    );
  });

  it('goes on from where each request stopped, and finds every match once', async () => {
    const found: Annotation[] = [];
    let next: PageCursor | null | undefined;
    let requests = 0;
    do {
      const page = await annotationsPage(
        db,
        {
          limit: 50 - found.length,
          ...(next ? { after: next } : {}),
          query: { text: 'NEEDLE', tag: 'rare' },
        },
        700,
      );
      found.push(...page.annotations);
      next = page.next;
      requests += 1;
    } while (next !== null);
    // 3,000 records, at most 700 looked at per request.
    expect(requests).toBe(5);
    expect(found.map((a) => a.id)).toEqual(
      [2_507, 2_007, 1_507, 1_007, 507, 7].map((i) => many(i).id),
    );
  });

  it('filters by entity, verdict and the date made', async () => {
    const page = await annotationsPage(db, {
      limit: 3,
      query: { entity: 'exim', verdict: 'supported', from: T0, until: T0 + 20_000 },
    });
    expect(page.annotations.map((a) => a.id)).toEqual([many(18).id, many(12).id, many(6).id]);
    expect(page.next).toEqual({ updated: many(6).updated, id: many(6).id });
  });
});

describe('pages over annotations made at the same moment', () => {
  it('lists each exactly once, by id within one time', async () => {
    const db = await openFactmarkDb({ name: freshDbName() });
    // An import of items without dates: every one has the same `updated`.
    const same = Array.from({ length: 1_000 }, (_, i) =>
      annotation(`anno:${String(i).padStart(4, '0')}`, { created: T0, updated: T0 }),
    );
    await restoreAnnotations(db, [...same, annotation('anno:newer', { updated: T0 + 1 })]);
    const seen: string[] = [];
    let after: PageCursor | undefined;
    for (;;) {
      const page = await annotationsPage(db, { limit: 70, ...(after ? { after } : {}) });
      seen.push(...page.annotations.map((a) => a.id));
      if (page.next === null) break;
      after = page.next;
    }
    expect(seen).toEqual(['anno:newer', ...same.map((a) => a.id).reverse()]);
    // The same order as the model's helper says.
    const all = await allAnnotations(db);
    expect(seen).toEqual(all.sort(newestFirst).map((a) => a.id));
  });

  it('an empty store: no annotations, total 0, no next', async () => {
    const db = await openFactmarkDb({ name: freshDbName() });
    expect(await annotationsPage(db, { limit: 50 })).toEqual({
      annotations: [],
      total: 0,
      next: null,
      scanned: 0,
    });
  });
});

describe('import conflicts: the newer is kept, and the import can be undone', () => {
  let db: FactmarkDb;
  let route: MessageListener;
  const mine = annotation('anno:mine', { note: 'my newer note', updated: T0 + 5_000 });
  const stale = annotation('anno:stale', { note: 'my old note', updated: T0 });
  const same = annotation('anno:same', { note: 'unchanged' });

  beforeEach(async () => {
    db = await openFactmarkDb({ name: freshDbName() });
    route = router(db);
    for (const a of [mine, stale, same]) await saveAnnotation(db, a);
  });

  const incoming = () => [
    // Older than what is stored: the stored one is kept.
    { ...mine, note: 'an old backup', url: 'https://example.org/elsewhere', updated: T0 },
    // Newer than what is stored: replaces it.
    { ...stale, note: 'edited on another machine', updated: T0 + 9_000 },
    same,
    annotation('anno:new', { note: 'brand new' }),
  ];

  it('keeps the newer of each, and says how many conflicted', async () => {
    const before = await allAnnotations(db);
    const outcome = await importAnnotations(db, incoming(), 'import:test');
    expect(outcome).toEqual({ imported: 3, conflicts: 2, keptLocal: 1, undo: 'import:test' });
    const after = new Map((await allAnnotations(db)).map((a) => [a.id, a]));
    expect(after.get('anno:mine')).toEqual(mine);
    expect(after.get('anno:stale')!.note).toBe('edited on another machine');
    expect(after.get('anno:new')!.note).toBe('brand new');
    expect(after.size).toBe(before.length + 1);
  });

  it('Undo puts the database back as it was before the import, in one step', async () => {
    const before = await allAnnotations(db);
    const { undo } = await importAnnotations(db, incoming());
    expect(await latestImport(db)).toBe(undo);
    expect(await undoImport(db, undo)).toEqual({ removed: 1, restored: 1 });
    expect(await allAnnotations(db)).toEqual(before);
    // Undone once: not again.
    expect(await undoImport(db, undo)).toBeNull();
    expect(await latestImport(db)).toBeNull();
  });

  it('only the latest import can be undone', async () => {
    const first = await importAnnotations(db, [annotation('anno:a')]);
    const second = await importAnnotations(db, [annotation('anno:b')]);
    expect(await undoImport(db, first.undo)).toBeNull();
    expect(await undoImport(db, second.undo)).toEqual({ removed: 1, restored: 0 });
    expect((await allAnnotations(db)).map((a) => a.id)).toContain('anno:a');
  });

  it('a failed import keeps the undo record of the one before', async () => {
    const first = await importAnnotations(db, [annotation('anno:a')]);
    const keyless = { ...annotation('x'), id: undefined } as unknown as Annotation;
    await expect(importAnnotations(db, [annotation('anno:b'), keyless])).rejects.toThrow();
    expect(await latestImport(db)).toBe(first.undo);
  });

  it('factmark/import answers the conflicts; factmark/import-undo undoes it', async () => {
    const before = await allAnnotations(db);
    const answer = await route({ type: 'factmark/import', text: toJsonLd(incoming()) }, library);
    expect(answer).toEqual({ ok: true, imported: 3, conflicts: 2, keptLocal: 1 });
    const undo = await latestImport(db);
    expect(await route({ type: 'factmark/import-undo', id: undo }, library)).toEqual({
      ok: true,
      removed: 1,
      restored: 1,
    });
    expect(await allAnnotations(db)).toEqual(before);
    const again = (await route({ type: 'factmark/import-undo', id: undo }, library)) as {
      ok: boolean;
      error: string;
    };
    expect(again.ok).toBe(false);
    expect(again.error).toMatch(/can no longer be undone/);
    expect(await route({ type: 'factmark/import-undo', id: undo }, contentScript)).toEqual({
      ok: false,
      error: 'not allowed from content script',
    });
  });

  it('an import without conflicts answers as before (no new fields)', async () => {
    const answer = await route(
      { type: 'factmark/import', text: toJsonLd([annotation('anno:fresh')]) },
      library,
    );
    expect(answer).toEqual({ ok: true, imported: 1 });
  });
});
