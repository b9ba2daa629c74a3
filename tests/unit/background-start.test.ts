import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type {
  BackgroundBrowserApi,
  InstallReason,
  MessageListener,
} from '../../src/background/browser-api';
import { openDB } from 'idb';
import { MIGRATIONS, allFacts, openFactmarkDb } from '../../src/background/db';
import { askPersistentStorage } from '../../src/background/persist';
import { startBackground } from '../../src/background/start';
import { fact, factBase, freshDbName } from './background-fixtures';

const OWN_ID = 'own-extension-id';
/** The sender of a message from one of the extension's own pages (the popup). */
const OWN_PAGE = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/src/popup/index.html` };

/** A stand-in for the browser: records the listeners so the test can fire events. */
function fakeApi(persist: () => Promise<boolean> = async () => true) {
  const installed: ((reason: InstallReason) => void)[] = [];
  const messages: MessageListener[] = [];
  const persistCalls: number[] = [];
  const api: BackgroundBrowserApi = {
    extensionId: OWN_ID,
    extensionOrigin: `chrome-extension://${OWN_ID}/`,
    onInstalled: (l) => void installed.push(l),
    onMessage: (l) => void messages.push(l),
    onConnect: () => undefined,
    resetContextMenus: async () => undefined,
    onContextMenuClicked: () => undefined,
    onCommand: () => undefined,
    activeTabId: async () => undefined,
    sendToTab: async () => undefined,
    persistStorage: () => {
      persistCalls.push(Date.now());
      return persist();
    },
  };
  return { api, installed, messages, persistCalls };
}

describe('background start', () => {
  it('registers its listeners synchronously, before any await', () => {
    const { api, installed, messages } = fakeApi();
    startBackground(api, factBase([]), { name: freshDbName() });
    expect(installed).toHaveLength(1);
    expect(messages).toHaveLength(1);
  });

  it('seeds on first start; a facts request sent at once waits for the seed', async () => {
    const { api, messages } = fakeApi();
    const base = factBase([fact('seed:a.txt:10'), fact('seed:b.txt:3')]);
    startBackground(api, base, { name: freshDbName() });
    const answer = await messages[0]!({ type: 'factmark/facts' }, OWN_PAGE);
    expect(answer).toEqual({ ok: true, facts: base.facts });
  });

  it('on update, refreshes the seed facts and keeps the user facts', async () => {
    const name = freshDbName();
    const db = await openFactmarkDb({ name });
    await db.put('facts', fact('seed:old.txt:1'));
    await db.put('facts', fact('user:1'));
    db.close();

    const { api, installed } = fakeApi();
    const background = startBackground(api, factBase([fact('seed:new.txt:1')]), { name });
    installed[0]!('update');
    await background.settled();

    const check = await openFactmarkDb({ name });
    expect((await allFacts(check)).map((f) => f.id).sort()).toEqual(['seed:new.txt:1', 'user:1']);
    check.close();
  });

  it('leaves the seed alone when the browser, not the extension, was updated', async () => {
    const name = freshDbName();
    const db = await openFactmarkDb({ name });
    await db.put('facts', fact('seed:old.txt:1'));
    db.close();

    const { api, installed } = fakeApi();
    const background = startBackground(api, factBase([fact('seed:new.txt:1')]), { name });
    installed[0]!('browser_update');
    await background.settled();

    const check = await openFactmarkDb({ name });
    expect((await allFacts(check)).map((f) => f.id)).toEqual(['seed:old.txt:1']);
    check.close();
  });
});

describe('background after another connection upgrades the database', () => {
  it('answers requests again (no restart of the worker needed)', async () => {
    const name = freshDbName();
    const { api, messages } = fakeApi();
    const base = factBase([fact('seed:a.txt:10')]);
    startBackground(api, base, { name });
    const ask = () => messages[0]!({ type: 'factmark/facts' }, OWN_PAGE);
    expect(await ask()).toEqual({ ok: true, facts: base.facts });

    const other = await openDB(name, MIGRATIONS.length + 1, {
      upgrade(db) {
        db.createObjectStore('newer-feature');
      },
    });
    other.close();

    expect(await ask()).toEqual({ ok: true, facts: base.facts });
    expect(
      await messages[0]!(
        { type: 'factmark/site-set', host: 'news.example', enabled: false },
        OWN_PAGE,
      ),
    ).toEqual({ ok: true, enabled: false });
  });
});

describe('persistent storage', () => {
  it('is asked for once per start of the background, not per request or install event', async () => {
    const { api, installed, messages, persistCalls } = fakeApi();
    const background = startBackground(api, factBase([]), { name: freshDbName() });
    expect(persistCalls).toHaveLength(1);
    await messages[0]!({ type: 'factmark/facts' }, OWN_PAGE);
    await messages[0]!({ type: 'factmark/facts' }, OWN_PAGE);
    installed[0]!('update');
    await background.settled();
    expect(persistCalls).toHaveLength(1);
  });

  it('a refusal, a failure or a throw breaks nothing', async () => {
    for (const persist of [
      async () => false,
      () => Promise.reject(new DOMException('', 'NotAllowedError')),
      () => {
        throw new TypeError('navigator.storage is undefined');
      },
    ]) {
      const { api, messages } = fakeApi(persist);
      startBackground(api, factBase([]), { name: freshDbName() });
      expect(await messages[0]!({ type: 'factmark/facts' }, OWN_PAGE)).toEqual({
        ok: true,
        facts: [],
      });
    }
  });
});

describe('askPersistentStorage (the seam behind persistStorage)', () => {
  it('asks only when the storage is not persistent yet', async () => {
    let asked = 0;
    const storage = (persisted: boolean, grant: boolean) => ({
      persisted: async () => persisted,
      persist: async () => {
        asked++;
        return grant;
      },
    });
    expect(await askPersistentStorage(storage(true, true))).toBe(true);
    expect(asked).toBe(0);
    expect(await askPersistentStorage(storage(false, true))).toBe(true);
    expect(await askPersistentStorage(storage(false, false))).toBe(false);
    expect(asked).toBe(2);
  });

  it('never throws: no storage API, or one that fails', async () => {
    expect(await askPersistentStorage(undefined)).toBe(false);
    expect(await askPersistentStorage({})).toBe(false);
    expect(
      await askPersistentStorage({
        persisted: () => Promise.reject(new Error('no')),
        persist: () => Promise.reject(new Error('no')),
      }),
    ).toBe(false);
    expect(
      await askPersistentStorage({
        persist: () => {
          throw new Error('sync');
        },
      }),
    ).toBe(false);
  });
});
