import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { allFacts, openFactmarkDb, replaceSeedFacts } from '../../src/background/db';
import { ensureSeeded, refreshSeedFacts } from '../../src/background/seed';
import { fact, factBase, freshDbName } from './background-fixtures';

const ids = (facts: { id: string }[]) => facts.map((f) => f.id).sort();

describe('seeding the fact base', () => {
  it('loads the bundled facts into an empty database', async () => {
    const db = await openFactmarkDb({ name: freshDbName() });
    const base = factBase([fact('seed:a.txt:10'), fact('seed:a.txt:99')]);
    expect(await ensureSeeded(db, base)).toBe(true);
    expect(await allFacts(db)).toEqual(base.facts);
    db.close();
  });

  it('on update replaces the seed facts and keeps every user fact', async () => {
    const db = await openFactmarkDb({ name: freshDbName() });
    const userFacts = [fact('user:1'), fact('user:2', { attribute: 'barrick.stake' })];
    for (const f of userFacts) await db.put('facts', f);
    await refreshSeedFacts(db, factBase([fact('seed:a.txt:10'), fact('seed:old.txt:5')]));

    // The new release drops old.txt, changes a.txt:10 and adds b.txt:7.
    const changed = fact('seed:a.txt:10', { value: 1_300_000_000, text: '$1.3 billion' });
    await refreshSeedFacts(db, factBase([changed, fact('seed:b.txt:7')]));

    const stored = await allFacts(db);
    expect(ids(stored)).toEqual(['seed:a.txt:10', 'seed:b.txt:7', 'user:1', 'user:2']);
    expect(stored.find((f) => f.id === 'seed:a.txt:10')?.value).toBe(1_300_000_000);
    expect(stored.filter((f) => f.id.startsWith('user:'))).toEqual(userFacts);
    db.close();
  });

  it('does not seed again on start when seed facts are present', async () => {
    const db = await openFactmarkDb({ name: freshDbName() });
    await refreshSeedFacts(db, factBase([fact('seed:a.txt:10')]));
    expect(await ensureSeeded(db, factBase([fact('seed:z.txt:1')]))).toBe(false);
    expect(ids(await allFacts(db))).toEqual(['seed:a.txt:10']);
    db.close();
  });

  it('seeds on start when only user facts are stored', async () => {
    const db = await openFactmarkDb({ name: freshDbName() });
    await db.put('facts', fact('user:1'));
    expect(await ensureSeeded(db, factBase([fact('seed:a.txt:10')]))).toBe(true);
    expect(ids(await allFacts(db))).toEqual(['seed:a.txt:10', 'user:1']);
    db.close();
  });

  it('refuses a "seed" that would overwrite a user fact, and writes nothing', async () => {
    const db = await openFactmarkDb({ name: freshDbName() });
    const mine = fact('user:1');
    await db.put('facts', mine);
    await refreshSeedFacts(db, factBase([fact('seed:a.txt:10')]));
    await expect(
      replaceSeedFacts(db, [fact('seed:b.txt:1'), fact('user:1', { value: 1 })]),
    ).rejects.toThrow(/not a seed fact: user:1/);
    expect(ids(await allFacts(db))).toEqual(['seed:a.txt:10', 'user:1']);
    expect((await db.get('facts', 'user:1'))?.value).toBe(mine.value);
    db.close();
  });

  it('replaces seeds in one transaction: a failure half-way leaves the old seeds', async () => {
    const db = await openFactmarkDb({ name: freshDbName() });
    await refreshSeedFacts(db, factBase([fact('seed:a.txt:10')]));
    // A value IndexedDB cannot clone makes the second put() fail after the deletion was issued.
    const broken = { ...fact('seed:c.txt:1'), quote: (() => 'x') as unknown as string };
    await expect(replaceSeedFacts(db, [fact('seed:b.txt:1'), broken])).rejects.toThrow();
    expect(ids(await allFacts(db))).toEqual(['seed:a.txt:10']);
    db.close();
  });
});
