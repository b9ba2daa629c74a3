import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import {
  MIGRATIONS,
  allAnnotations,
  createDbConnection,
  isSiteEnabled,
  openFactmarkDb,
  saveAnnotation,
  setSiteEnabled,
  type Migration,
} from '../../src/background/db';
import type { Annotation } from '../../src/core/annotations/types';
import { annotation, freshDbName } from './background-fixtures';

/** A record as a version-1 database held it: only the indexed fields. */
function v1Record(id: string, url: string, created: number): Annotation {
  return { id, url, created } as unknown as Annotation;
}

describe('database schema', () => {
  it('creates facts, annotations, sites, imports, sources, entities, sync and desk with their keys and indexes', async () => {
    const db = await openFactmarkDb({ name: freshDbName() });
    expect(db.version).toBe(MIGRATIONS.length);
    expect([...db.objectStoreNames].sort()).toEqual([
      'annotations',
      'desk',
      'entities',
      'facts',
      'imports',
      'sites',
      'sourceFacts',
      'sources',
      'sync',
    ]);
    const tx = db.transaction(['facts', 'annotations', 'sites', 'imports', 'sources', 'entities']);
    const facts = tx.objectStore('facts');
    expect(facts.keyPath).toBe('id');
    expect([...facts.indexNames]).toEqual(['attribute']);
    expect(facts.index('attribute').keyPath).toBe('attribute');
    const annotations = tx.objectStore('annotations');
    expect(annotations.keyPath).toBe('id');
    expect([...annotations.indexNames].sort()).toEqual(['created', 'tags', 'updated', 'url']);
    expect(annotations.index('tags').multiEntry).toBe(true);
    expect(tx.objectStore('sites').keyPath).toBe('host');
    // v3: the latest import's undo record.
    expect(tx.objectStore('imports').keyPath).toBe('id');
    // v4: sources and watched names (src/background/sources.ts).
    expect(tx.objectStore('sources').keyPath).toBe('id');
    expect(tx.objectStore('entities').keyPath).toBe('id');
    // v5: desk sync's settings and state, and what is known of each item on the desk.
    const deskTx = db.transaction(['sync', 'desk']);
    expect(deskTx.objectStore('sync').keyPath).toBe('key');
    expect(deskTx.objectStore('desk').keyPath).toBe('docId');
    // v6: a source's facts in one record, their count indexed.
    const own = db.transaction('sourceFacts').store;
    expect(own.keyPath).toBe('sourceId');
    expect(own.index('count').keyPath).toBe('count');
    db.close();
  });

  it('remembers the per-site switch, on by default', async () => {
    const db = await openFactmarkDb({ name: freshDbName() });
    expect(await isSiteEnabled(db, 'example.org')).toBe(true);
    await setSiteEnabled(db, 'example.org', false);
    expect(await isSiteEnabled(db, 'example.org')).toBe(false);
    expect(await isSiteEnabled(db, 'other.example')).toBe(true);
    db.close();
  });
});

describe('migrations', () => {
  const annotation = v1Record('a1', 'https://example.org/', 1);

  it('upgrades an existing database by running only the new migrations, keeping its data', async () => {
    const name = freshDbName();
    const v1 = await openFactmarkDb({ name, migrations: MIGRATIONS.slice(0, 1) });
    await v1.put('annotations', annotation);
    v1.close();

    let v2Runs = 0;
    // A future change: an index on a field of annotations. Re-running v1 would throw (the stores
    // exist), so a passing upgrade also shows that v1 was not run again.
    const addTagIndex: Migration = (_db, tx) => {
      v2Runs++;
      // The test schema adds an index the current schema does not declare.
      (tx.objectStore('annotations') as unknown as IDBObjectStore).createIndex('tags', 'tags', {
        multiEntry: true,
      });
    };
    const v2 = await openFactmarkDb({ name, migrations: [...MIGRATIONS.slice(0, 1), addTagIndex] });
    expect(v2.version).toBe(2);
    expect(v2Runs).toBe(1);
    expect([...v2.transaction('annotations').store.indexNames].sort()).toEqual([
      'created',
      'tags',
      'url',
    ]);
    expect(await v2.get('annotations', 'a1')).toEqual(annotation);
    v2.close();
  });

  it('runs an async data migration over every record before the database opens', async () => {
    const name = freshDbName();
    const v1 = await openFactmarkDb({ name, migrations: MIGRATIONS.slice(0, 1) });
    for (let i = 0; i < 50; i++) {
      await v1.put('annotations', v1Record(`a${i}`, 'https://example.org/', i));
    }
    v1.close();

    const rewriteUrls: Migration = async (_db, tx) => {
      let cursor = await tx.objectStore('annotations').openCursor();
      while (cursor) {
        await cursor.update({ ...cursor.value, url: cursor.value.url.replace('http', 'HTTP') });
        cursor = await cursor.continue();
      }
    };
    const v2 = await openFactmarkDb({ name, migrations: [...MIGRATIONS.slice(0, 1), rewriteUrls] });
    const all = await v2.getAll('annotations');
    expect(all).toHaveLength(50);
    expect(all.every((a) => a.url === 'HTTPs://example.org/')).toBe(true);
    v2.close();
  });

  it('leaves the database at its old version, data intact, when a migration fails', async () => {
    const name = freshDbName();
    const v1 = await openFactmarkDb({ name, migrations: MIGRATIONS.slice(0, 1) });
    await v1.put('annotations', annotation);
    v1.close();

    const broken: Migration = async (_db, tx) => {
      await tx.objectStore('annotations').clear();
      throw new Error('bad migration');
    };
    const errors: unknown[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      await expect(
        openFactmarkDb({ name, migrations: [...MIGRATIONS.slice(0, 1), broken] }),
      ).rejects.toThrow();
    } finally {
      console.error = originalError;
    }
    expect(errors).toHaveLength(1);

    // Opened without a version: whatever is stored, untouched by the failed upgrade.
    const raw = await openDB(name);
    expect(raw.version).toBe(1);
    expect(await raw.get('annotations', 'a1')).toEqual(annotation);
    raw.close();
  });
});

describe('the connection after another one upgrades the database', () => {
  /** Another connection (a newer Factmark, a devtools session) upgrading to the next version. */
  async function upgradeElsewhere(name: string): Promise<void> {
    const other = await openDB(name, MIGRATIONS.length + 1, {
      upgrade(db) {
        db.createObjectStore('newer-feature');
      },
    });
    other.close();
  }

  it('closes on versionchange and reopens on the next request, data intact', async () => {
    const name = freshDbName();
    const connection = createDbConnection({ name });
    const first = await connection();
    await saveAnnotation(first, annotation('anno:kept'));
    // The upgrade only goes through if our connection closes when asked (versionchange).
    await upgradeElsewhere(name);
    const again = await connection();
    expect(again).not.toBe(first);
    expect((await allAnnotations(again)).map((a) => a.id)).toEqual(['anno:kept']);
    await saveAnnotation(again, annotation('anno:after'));
    expect(await again.count('annotations')).toBe(2);
    // The same connection while it stays open.
    expect(await connection()).toBe(again);
    again.close();
  });

  it('opens again after a failed open (a failed migration), instead of failing for good', async () => {
    const name = freshDbName();
    let failures = 1;
    const flaky: Migration = () => {
      if (failures-- > 0) throw new Error('disk hiccup');
    };
    const connection = createDbConnection({ name, migrations: [...MIGRATIONS, flaky] });
    await expect(connection()).rejects.toThrow();
    const db = await connection();
    expect(db.version).toBe(MIGRATIONS.length + 1);
    db.close();
  });
});
