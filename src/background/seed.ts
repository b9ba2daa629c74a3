/**
 * The bundled fact base into IndexedDB. On install and on every update the seed facts are
 * replaced by the bundled ones (an update may bring new seeds or a better engine); users' facts
 * are never touched. On any start, a database without seed facts (first run interrupted, storage
 * cleared) is seeded again.
 */
import type { FactBase } from '../core/facts/build';
import { countSeedFacts, replaceSeedFacts, type FactmarkDb } from './db';

export async function refreshSeedFacts(db: FactmarkDb, base: FactBase): Promise<number> {
  await replaceSeedFacts(db, base.facts);
  return base.facts.length;
}

/** Seed when no seed fact is stored; returns whether it did. */
export async function ensureSeeded(db: FactmarkDb, base: FactBase): Promise<boolean> {
  if ((await countSeedFacts(db)) > 0) return false;
  await refreshSeedFacts(db, base);
  return true;
}
