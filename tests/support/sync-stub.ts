/**
 * A desk sync service that answers every sync request `ok` and changes nothing, for the tests of
 * the router's protocol (who may send what): they check the callers, not sync itself
 * (tests/unit/sync-*.test.ts do, against a real server).
 */
import type { SyncService } from '../../src/background/sync/service';

export function syncStub(): SyncService {
  return {
    set: async () => ({ ok: true, state: 'off' }),
    now: async () => ({ ok: true, state: 'synced', pushed: 0, pulled: 0 }),
    status: async () => ({ ok: true, state: 'off', pending: 0 }),
    test: async () => ({ ok: true }),
    conflicts: async () => ({ ok: true, conflicts: [] }),
    resolve: async () => ({ ok: true }),
    share: async () => ({ ok: true, changed: 0 }),
    items: async () => ({ ok: true, items: [] }),
    before: async (request) => request,
    after: async () => undefined,
    onAlarm: () => undefined,
    start: async () => undefined,
    idle: async () => undefined,
  };
}
