import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type {
  BackgroundBrowserApi,
  InstallReason,
  MessageListener,
} from '../../src/background/browser-api';
import { allFacts, openFactmarkDb } from '../../src/background/db';
import { startBackground } from '../../src/background/start';
import { fact, factBase, freshDbName } from './background-fixtures';

const OWN_ID = 'own-extension-id';

/** A stand-in for the browser: records the listeners so the test can fire events. */
function fakeApi() {
  const installed: ((reason: InstallReason) => void)[] = [];
  const messages: MessageListener[] = [];
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
  };
  return { api, installed, messages };
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
    const answer = await messages[0]!({ type: 'factmark/facts' }, { id: OWN_ID });
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
