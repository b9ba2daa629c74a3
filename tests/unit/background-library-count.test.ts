/**
 * The count of annotations the background keeps between its writes (src/background/db.ts
 * countAnnotations: IndexedDB counts a million in about a second, and the Library asks with every
 * page), and the tag list read with one step per tag (listTags).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  annotationsPage,
  clearAnnotations,
  countAnnotations,
  deleteAnnotations,
  importAnnotations,
  listTags,
  openFactmarkDb,
  restoreAnnotations,
  saveAnnotation,
  saveAnnotationIf,
  undoImport,
  type FactmarkDb,
} from '../../src/background/db';
import { annotation, freshDbName } from './background-fixtures';

/** The database behind a proxy that counts the count() requests made through it. */
function countingCounts(db: FactmarkDb): { db: FactmarkDb; counts: () => number } {
  let n = 0;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (prop === 'count') {
        return (...args: unknown[]) => {
          n += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  return { db: proxy, counts: () => n };
}

const at = (id: string, t: number, tags: string[] = []) =>
  annotation(id, { created: t, updated: t, tags });

describe('the count of annotations, kept between writes', () => {
  it('is counted once for any number of pages, and again after each kind of write', async () => {
    const { db, counts } = countingCounts(await openFactmarkDb({ name: freshDbName() }));
    await restoreAnnotations(db, [at('anno:1', 1), at('anno:2', 2), at('anno:3', 3)]);
    for (let i = 0; i < 5; i++) {
      expect((await annotationsPage(db, { limit: 1, query: { text: 'x' } })).total).toBe(3);
    }
    expect(counts()).toBe(1);

    const expectCount = async (n: number) => {
      const before = counts();
      expect(await countAnnotations(db)).toBe(n);
      expect(counts()).toBe(before + 1);
      // Kept until the next write.
      expect(await countAnnotations(db)).toBe(n);
      expect(counts()).toBe(before + 1);
    };
    await saveAnnotation(db, at('anno:4', 4));
    await expectCount(4);
    await saveAnnotationIf(db, at('anno:5', 5), () => true);
    await expectCount(5);
    await deleteAnnotations(db, ['anno:1']);
    await expectCount(4);
    await restoreAnnotations(db, [at('anno:1', 1)]);
    await expectCount(5);
    const imported = await importAnnotations(db, [at('anno:6', 6), at('anno:7', 7)]);
    await expectCount(7);
    await undoImport(db, imported.undo);
    await expectCount(5);
    await clearAnnotations(db);
    await expectCount(0);
  });

  it('a count that overlaps a write is not kept', async () => {
    const { db, counts } = countingCounts(await openFactmarkDb({ name: freshDbName() }));
    await restoreAnnotations(db, [at('anno:1', 1)]);
    // Both start together: the count may see the store before or after the save, so it is not
    // kept; the next one counts again and sees the save.
    const [counted] = await Promise.all([
      countAnnotations(db),
      saveAnnotation(db, at('anno:2', 2)),
    ]);
    expect([1, 2]).toContain(counted);
    const before = counts();
    expect(await countAnnotations(db)).toBe(2);
    expect(counts()).toBe(before + 1);
  });

  it('a failed write forgets the count all the same', async () => {
    const { db } = countingCounts(await openFactmarkDb({ name: freshDbName() }));
    expect(await countAnnotations(db)).toBe(0);
    // A record that cannot be stored (no key): the write fails, nothing is written.
    const broken = { ...at('anno:x', 1), id: undefined } as unknown as ReturnType<typeof at>;
    await expect(restoreAnnotations(db, [at('anno:ok', 1), broken])).rejects.toThrow();
    expect(await countAnnotations(db)).toBe(0);
  });
});

describe('the tags in use', () => {
  it('lists each tag once, however many annotations carry it, sorted case-insensitively', async () => {
    const db = await openFactmarkDb({ name: freshDbName() });
    const tags = ['beta', 'Alpha', 'alpha', 'b', 'b\u0000c', 'gamma', 'ß'];
    await restoreAnnotations(
      db,
      Array.from({ length: 700 }, (_, i) =>
        at(`anno:${i}`, i, [tags[i % tags.length]!, tags[(i * 3) % tags.length]!]),
      ),
    );
    expect(await listTags(db)).toEqual(
      [...new Set(tags)].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })),
    );
    expect(await listTags(db, 3)).toHaveLength(3);
  });
});
