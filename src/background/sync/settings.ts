/**
 * Desk sync's settings and state, read and written in the extension's own IndexedDB (the `sync`
 * store). Content scripts cannot reach it (they have no access to the extension's origin), unlike
 * storage.local; the password never leaves it but to authenticate to the desk's server.
 */
import type { FactmarkDb } from '../db';
import { initialState, type SyncSettings, type SyncStateRecord } from './records';

export async function readSettings(db: FactmarkDb): Promise<SyncSettings | null> {
  const record = await db.get('sync', 'settings');
  return record?.key === 'settings' ? record : null;
}

export async function writeSettings(db: FactmarkDb, settings: SyncSettings): Promise<void> {
  await db.put('sync', settings);
}

export async function readState(db: FactmarkDb): Promise<SyncStateRecord> {
  const record = await db.get('sync', 'state');
  return record?.key === 'state' ? { ...initialState(), ...record } : initialState();
}

/** Change the state in one transaction (read, change, write): concurrent changes do not clobber. */
export async function updateState(
  db: FactmarkDb,
  change: (state: SyncStateRecord) => Partial<SyncStateRecord>,
): Promise<SyncStateRecord> {
  const tx = db.transaction('sync', 'readwrite');
  const stored = await tx.store.get('state');
  const state = stored?.key === 'state' ? { ...initialState(), ...stored } : initialState();
  const next: SyncStateRecord = { ...state, ...change(state), key: 'state' };
  await tx.store.put(next);
  await tx.done;
  return next;
}

/** The desk's identity: the mirror of one desk is never pushed to another. */
export function deskKeyOf(settings: Pick<SyncSettings, 'url' | 'db' | 'user'>): string {
  return JSON.stringify([settings.url, settings.db, settings.user]);
}
