/**
 * Desk sync end to end (issue 11), written once and run in each browser
 * (desk-sync.<browser>.e2e.test.ts): two journalists, Alice and Bob, each in a browser profile of
 * their own (two fresh profiles: two Chromium user-data dirs, two Firefox instances), and the
 * desk's CouchDB played by pouchdb-server on 127.0.0.1 (tests/support/desk-server.ts: users
 * alice, bob and an outsider; the `desk` database with alice and bob as members, whose rules let
 * members edit each other's items).
 *
 * What a journalist does is done in the extension's own UI — the Library's Desk sync form and
 * buttons, the annotation editor's "Shared with the desk" — with trusted clicks and keys, so that
 * permissions.request runs in a user gesture as it does for a journalist. Headless browsers cannot
 * show the permission prompt: the harness answers it as a user would (allowHostPermission).
 *
 * The steps build on each other (one desk, two profiles), so they run in order:
 *  1. before sync is on, neither browser asks anything of any host but the test pages' server;
 *  2. a wrong password and an unreachable server give clear answers, and lose nothing locally;
 *  3. Alice shares an annotation (and keeps another private): Bob sees hers on the page, painted
 *     as a teammate's; the private one never reaches the server (its `_all_docs`);
 *  4. the server goes away: Bob edits Alice's note, Alice edits it too; the server comes back,
 *     both converge, the conflict is shown in the Library (screenshot), merged, nothing lost;
 *  5. sync turned off: the state says so, the host permission is dropped where the browser can
 *     drop it, and no request goes to the desk's server any more.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/core/annotations/types';
import { DESK_DATA_COLLECTION } from '../../src/shared/desk-permission';
import { startDeskServer, type DeskServer } from '../support/desk-server';
import { askBackground, findTabId, openPopup } from './extension-pages';
import { waitFor, type ExtensionBrowser, type TestPage } from './harness';
import { artifact } from './paths';
import { startServer, type StaticServer } from './server';

const PAGE = '/annotate-v1.html';
/** The page's canonical URL, as its annotations are filed (its <link rel=canonical>). */
const CANONICAL = '/reko-diq-annotated';
// Passages without a figure: the editor then offers no "add to the fact base", and the keyboard
// path is note → tags → "Shared with the desk".
const SHARED_QUOTE = 'Officials in Islamabad called it a model for foreign investment';
const PRIVATE_QUOTE = 'says the mine will start producing copper concentrate';
const PRIVATE_NOTE = 'PRIVATE-ONLY note: my source at the ministry';

interface Journalist {
  name: 'alice' | 'bob';
  browser: ExtensionBrowser;
  library: TestPage;
}

type ExtApi = {
  tabs: { sendMessage(id: number, m: unknown): Promise<unknown> };
  permissions: {
    contains(p: { origins: string[]; data_collection?: string[] }): Promise<boolean>;
  };
};

/**
 * The desk's server as the browsers reach it: a pass-through in front of pouchdb-server that
 * counts every request it receives, whoever sends it — the pages, and the extension's background
 * (Firefox's background page is not in WebDriver BiDi's network log; this count is the same
 * evidence in both browsers). While the server is stopped it drops each connection, as a server
 * that is away does.
 */
interface CountingDoor {
  url: string;
  /** Requests received so far, as `METHOD /path`. */
  seen: string[];
  close(): Promise<void>;
}

async function countingDoor(target: () => string): Promise<CountingDoor> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const upstream = new URL(req.url ?? '/', target());
    const forward = httpRequest(
      upstream,
      { method: req.method, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => req.socket.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function defineDeskSyncSuite(launch: () => Promise<ExtensionBrowser>): void {
  let pages: StaticServer;
  let desk: DeskServer;
  let door: CountingDoor;
  let alice: Journalist;
  let bob: Journalist;
  /** Servers the journalist asked Factmark to test (step 2): requests to them are theirs. */
  const tested: string[] = [];

  beforeAll(async () => {
    pages = await startServer();
    // The desk lets its members edit each other's items: Bob may edit Alice's note (step 4).
    desk = await startDeskServer({ designDocs: [{ _id: '_design/factmark', teamEditing: true }] });
    door = await countingDoor(() => desk.url);
    alice = await journalist('alice');
    bob = await journalist('bob');
  });

  afterAll(async () => {
    for (const j of [alice, bob]) {
      await j?.library.close().catch(() => undefined);
      await j?.browser.close().catch(() => undefined);
    }
    await door?.close();
    await desk?.close();
    await pages?.close();
  });

  async function journalist(name: Journalist['name']): Promise<Journalist> {
    const browser = await launch();
    return { name, browser, library: await openLibrary(browser) };
  }

  async function openLibrary(browser: ExtensionBrowser): Promise<TestPage> {
    const page = await browser.openExtensionPage('src/options/index.html#desk-sync');
    await page.setViewport(1100, 1000);
    await waitFor(
      page,
      () => document.querySelector('#desk-sync .sync-state') !== null,
      undefined,
      'the Desk sync section',
    );
    return page;
  }

  /** The state line of the Library's Desk sync section, once it matches. */
  function stateLine(page: TestPage, pattern: RegExp, what: string): Promise<string> {
    return explained(
      page,
      waitFor(
        page,
        (source) => {
          const line = document.querySelector('#desk-sync .sync-state')?.textContent ?? '';
          return new RegExp(source).test(line) ? line : null;
        },
        pattern.source,
        what,
      ),
    );
  }

  /** Type the desk's settings into the form (the fields take input events, as from typing). */
  async function fillDesk(
    page: TestPage,
    values: { url: string; db: string; user: string; password: string },
  ): Promise<void> {
    await page.evaluate((v) => {
      const form = document.querySelector('#desk-sync form.desk-sync-form') as HTMLFormElement;
      (form.closest('details') as HTMLDetailsElement | null)?.setAttribute('open', '');
      for (const [name, value] of Object.entries(v)) {
        const field = form.querySelector(`[name="${name}"]`) as HTMLInputElement;
        field.value = value;
        field.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }, values);
    // Let the form render what was typed before the click reads it.
    await waitFor(
      page,
      (password) =>
        (document.querySelector('#desk-sync [name="password"]') as HTMLInputElement).value ===
        password,
      values.password,
      'the form to take the settings',
    );
  }

  /** On a timeout, what the Desk sync section said, to tell why. */
  async function explained<R>(page: TestPage, wait: Promise<R>): Promise<R> {
    try {
      return await wait;
    } catch (error) {
      const said = await page
        .evaluate(() => document.querySelector('#desk-sync')?.textContent ?? '')
        .catch(() => '(the page did not answer)');
      throw new Error(`${String(error)}; the Desk sync section says: ${said}`);
    }
  }

  /** The outcome the form or the section says after a button, once it appears. */
  function outcome(page: TestPage, what: string): Promise<string> {
    return explained(
      page,
      waitFor(
        page,
        () => {
          const busy = [...document.querySelectorAll('#desk-sync button')].some((b) =>
            /^(Syncing|Testing|Connecting)…$/.test(b.textContent ?? ''),
          );
          const said = document.querySelector('#desk-sync .desk-sync-outcome')?.textContent;
          return !busy && said ? said : null;
        },
        undefined,
        what,
      ),
    );
  }

  async function clearOutcome(page: TestPage): Promise<void> {
    await page.evaluate(() => document.querySelector('#desk-sync .desk-sync-outcome')?.remove());
  }

  const settingsOf = (who: Journalist, password?: string) => ({
    url: door.url,
    db: desk.db,
    user: desk.users[who.name].name,
    password: password ?? desk.users[who.name].password,
  });
  const pattern = () => `${new URL(door.url).protocol}//${new URL(door.url).hostname}/*`;

  async function turnOn(who: Journalist): Promise<void> {
    await who.browser.allowHostPermission(pattern());
    await clearOutcome(who.library);
    await fillDesk(who.library, settingsOf(who));
    await who.library.click('#desk-sync button[name="on"]');
    expect(await outcome(who.library, 'sync to be turned on')).toBe('Sync is on.');
    await stateLine(who.library, /^(Synced|Pending)/, 'sync to be on');
    // Firefox: the data consent was asked for with the host (src/shared/desk-permission.ts).
    if (who.browser.name === 'firefox') expect(await dataConsent(who)).toBe(true);
  }

  /** Firefox's consent to transmit what desk sync sends (its manifest declares it optional). */
  function dataConsent(who: Journalist): Promise<boolean> {
    return who.library.evaluate(
      async (types) => {
        const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
        return (g.browser ?? g.chrome)!.permissions.contains({
          origins: [],
          data_collection: types,
        });
      },
      [...DESK_DATA_COLLECTION],
    );
  }

  async function syncNow(who: Journalist, expected = /^Synced:/): Promise<string> {
    await clearOutcome(who.library);
    await who.library.click('#desk-sync button[name="sync-now"]');
    const said = await outcome(who.library, 'Sync now to end');
    expect(said).toMatch(expected);
    return said;
  }

  async function annotations(who: Journalist): Promise<Annotation[]> {
    const answer = (await askBackground(who.library, {
      type: 'factmark/annotations',
      url: pages.url(CANONICAL),
    })) as { ok: boolean; annotations: Annotation[] };
    expect(answer.ok).toBe(true);
    return answer.annotations;
  }

  /**
   * Annotate `quote` on the page as a journalist does: select it, open the editor (as the context
   * menu does), type the note, tick "Shared with the desk" when `shared`, Control+Enter.
   */
  async function annotate(
    who: Journalist,
    page: TestPage,
    tabId: number,
    quote: string,
    note: string,
    shared: boolean,
  ): Promise<void> {
    await page.evaluate((q) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n as Text;
        const at = text.data.indexOf(q);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + q.length);
        const selection = getSelection() as Selection;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`"${q}" is not on the page`);
    }, quote);
    await who.library.evaluate((id) => {
      const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi; pending?: unknown };
      const api = (g.browser ?? g.chrome) as ExtApi;
      g.pending = api.tabs.sendMessage(id, { type: 'factmark/annotate' });
    }, tabId);
    await page.bringToFront();
    await waitFor(
      page,
      () => {
        const active = document.activeElement;
        return active !== null && active.parentElement === document.documentElement;
      },
      undefined,
      'the annotation editor to be open and focused',
    );
    // The note field has the focus once the frame's form is ready; give the frame that moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await page.type(note);
    // Note → Tags → "Shared with the desk".
    await page.press('Tab');
    await page.press('Tab');
    if (shared) await page.type(' ');
    await page.press('Control+Enter');
    const saved = await who.library.evaluate(
      () => (globalThis as unknown as { pending: Promise<unknown> }).pending,
    );
    expect(saved).toEqual({ ok: true });
  }

  /** Load the Library again (it lists what the background holds now) and wait for `selector`. */
  async function reloadLibrary(who: Journalist, selector: string): Promise<void> {
    await who.library.evaluate(() => location.reload());
    await new Promise((resolve) => setTimeout(resolve, 300));
    await explained(
      who.library,
      waitFor(
        who.library,
        (sel) => document.querySelector(sel) !== null,
        selector,
        `${selector} in the Library`,
      ),
    );
  }

  /**
   * Edit an annotation's note in the popup, as a journalist does: the page open, the popup about
   * its tab, "Edit" on the annotation, the note typed, Save.
   */
  async function editInPopup(who: Journalist, id: string, note: string): Promise<void> {
    const page = await who.browser.openPage(pages.url(PAGE));
    const tabId = await findTabId(who.library, pages.url(PAGE));
    const popup = await openPopup(who.browser, tabId);
    const item = `li.annotation[data-annotation-id="${id}"]`;
    await waitFor(
      popup,
      (sel) => document.querySelector(sel) !== null,
      item,
      'the annotation listed',
    );
    if (who.name === 'bob') {
      // The popup with desk sync on: its state line, and Alice's annotation marked as hers.
      await popup.screenshot(artifact(`${who.browser.name}-desk-popup.png`), { fullPage: true });
    }
    await popup.click(`${item} .annotation-actions button`);
    await waitFor(
      popup,
      () => document.querySelector('form.annotation-editor textarea') !== null,
      undefined,
      'the popup’s editor',
    );
    await popup.evaluate((text) => {
      const area = document.querySelector('form.annotation-editor textarea') as HTMLTextAreaElement;
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, note);
    await popup.click('form.annotation-editor button[type="submit"]');
    await waitFor(
      popup,
      (sel) =>
        document.querySelector('form.annotation-editor') === null &&
        (document.querySelector(sel)?.textContent ?? '').length > 0,
      item,
      'the edit saved',
    );
    expect((await annotations(who)).find((a) => a.id === id)?.note).toBe(note);
    await popup.close();
    await page.close();
  }

  /** http(s) URLs a browser requested outside the test pages' server (and the desk's, if `desk`). */
  function foreignRequests(who: Journalist, allowDesk: boolean): string[] {
    return who.browser.requestedUrls().filter((url) => {
      if (!/^https?:/i.test(url)) return false;
      const origin = new URL(url).origin;
      if (origin === pages.origin || tested.includes(origin)) return false;
      return !(allowDesk && origin === new URL(door.url).origin);
    });
  }

  const deskRequests = (who: Journalist) =>
    who.browser.requestedUrls().filter((url) => url.startsWith(`${door.url}/`) || url === door.url);

  describe('desk sync between two profiles', () => {
    it('1. before sync is on, no request leaves for any host but the test pages’ server', async () => {
      const page = await alice.browser.openPage(pages.url(PAGE));
      await findTabId(alice.library, pages.url(PAGE));
      await page.close();
      for (const who of [alice, bob]) {
        expect(foreignRequests(who, false)).toEqual([]);
        expect(await stateLine(who.library, /off/, 'sync off')).toContain('nothing leaves');
      }
      // And the desk's server, which sees the background's requests too, has heard nothing.
      expect(door.seen).toEqual([]);
    });

    it('2. a wrong password and an unreachable server are said clearly; nothing is lost', async () => {
      // Something of Alice's own, kept through every failure below.
      const page = await alice.browser.openPage(pages.url(PAGE));
      const tabId = await findTabId(alice.library, pages.url(PAGE));
      await annotate(alice, page, tabId, PRIVATE_QUOTE, PRIVATE_NOTE, false);
      await page.close();
      const before = await annotations(alice);
      expect(before.map((a) => a.note)).toEqual([PRIVATE_NOTE]);

      await alice.browser.allowHostPermission(pattern());
      await fillDesk(alice.library, settingsOf(alice, 'not-her-password'));
      await alice.library.click('#desk-sync button[name="test"]');
      expect(await outcome(alice.library, 'the test with a wrong password')).toMatch(
        /^Wrong user name or password\./,
      );

      await clearOutcome(alice.library);
      await alice.library.click('#desk-sync button[name="on"]');
      const refused = await outcome(alice.library, 'turning on with a wrong password');
      const line = await stateLine(alice.library, /./, 'the state');
      // Refused outright, or on with the reason in the state line: either way said.
      expect(`${refused} ${line}`).toMatch(/password|unauthori[sz]ed|incorrect/i);
      if (!/^off|Desk sync is off/.test(line)) {
        await alice.library.click('#desk-sync button[name="sync-off"]');
        await stateLine(alice.library, /off/, 'sync off again');
      }

      const closedPort = await (async () => {
        const { createServer } = await import('node:net');
        const probe = createServer();
        await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
        const { port } = probe.address() as { port: number };
        await new Promise((resolve) => probe.close(resolve));
        return port;
      })();
      await clearOutcome(alice.library);
      tested.push(`http://127.0.0.1:${closedPort}`);
      await fillDesk(alice.library, {
        ...settingsOf(alice),
        url: `http://127.0.0.1:${closedPort}`,
      });
      await alice.library.click('#desk-sync button[name="test"]');
      expect(await outcome(alice.library, 'the test of an unreachable server')).toMatch(
        /^The server could not be reached\./,
      );

      expect(await annotations(alice)).toEqual(before);
    });

    it('3. Alice shares an annotation: Bob sees it on the page as hers; her private one stays home', async () => {
      await turnOn(alice);
      const page = await alice.browser.openPage(pages.url(PAGE));
      const tabId = await findTabId(alice.library, pages.url(PAGE));
      await annotate(alice, page, tabId, SHARED_QUOTE, 'Alice: check the 2028 date', true);
      await page.close();
      const mine = await annotations(alice);
      const shared = mine.find((a) => a.quote.exact === SHARED_QUOTE);
      const kept = mine.find((a) => a.quote.exact === PRIVATE_QUOTE);
      expect(shared?.shared).toBe(true);
      expect(kept?.shared ?? false).toBe(false);
      await syncNow(alice);

      // On her own page, her shared annotation is painted as hers (she is its creator).
      const own = await alice.browser.openPage(pages.url(PAGE));
      await findTabId(alice.library, pages.url(PAGE));
      const paintedOwn = await waitFor(
        own,
        () => {
          const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
          const names = (name: string) =>
            [...(registry?.get(name) ?? [])].map((r) => r.toString()).sort();
          const mine = names('factmark-note-yellow');
          return mine.length === 2 ? { mine, theirs: names('factmark-team-yellow') } : null;
        },
        undefined,
        'Alice’s two annotations painted as hers',
      );
      expect(paintedOwn).toEqual({ mine: [SHARED_QUOTE, PRIVATE_QUOTE].sort(), theirs: [] });
      await own.close();

      // The server has the shared one, and nothing of the private one.
      const onServer = JSON.stringify(await desk.allDocs());
      expect(onServer).toContain(shared!.id);
      expect(onServer).not.toContain(kept!.id);
      expect(onServer).not.toContain(PRIVATE_NOTE);
      expect(onServer).not.toContain(PRIVATE_QUOTE);

      await turnOn(bob);
      await syncNow(bob);
      const bobs = await annotations(bob);
      expect(bobs.map((a) => [a.id, a.creator, a.note])).toEqual([
        [shared!.id, 'alice', 'Alice: check the 2028 date'],
      ]);
      // In Bob's Library (read again after his sync): Alice's annotation, marked as hers.
      const row = await waitFor(
        bob.library,
        () => document.querySelector('#annotations li.library-annotation.teammates')?.textContent,
        undefined,
        'Alice’s annotation in Bob’s Library',
      );
      expect(row).toContain('by alice');
      await bob.library.evaluate(() =>
        document.querySelector('#annotations')?.scrollIntoView({ block: 'start' }),
      );
      await bob.library.screenshot(artifact(`${bob.browser.name}-desk-library-teammate.png`));
      const bobPage = await bob.browser.openPage(pages.url(PAGE));
      await findTabId(bob.library, pages.url(PAGE));
      const painted = await waitFor(
        bobPage,
        () => {
          const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
          const theirs = [...(registry?.get('factmark-team-yellow') ?? [])].map((r) =>
            r.toString(),
          );
          return theirs.length > 0 ? theirs : null;
        },
        undefined,
        'Alice’s annotation painted on Bob’s page as a teammate’s',
      );
      expect(painted).toEqual([SHARED_QUOTE]);
      await bobPage.screenshot(artifact(`${bob.browser.name}-desk-teammate-page.png`));
      await bobPage.close();
    });

    it('3b. a watched name shared with its switch in the Library reaches Bob’s, marked as Alice’s', async () => {
      const entity = { id: 'tembo-hills', name: 'Tembo Hills', aliases: ['Tembo Hill project'] };
      const added = (await askBackground(alice.library, {
        type: 'factmark/entity-save',
        entity,
      })) as {
        ok: boolean;
      };
      expect(added.ok).toBe(true);
      const item = `#watched-names li[data-entity-id="${entity.id}"]`;
      await reloadLibrary(alice, `${item} .share-toggle input`);
      await alice.library.click(`${item} .share-toggle input`);
      await waitFor(
        alice.library,
        (sel) => (document.querySelector(sel) as HTMLInputElement | null)?.checked === true,
        `${item} .share-toggle input`,
        'the name shared',
      );
      await syncNow(alice);
      await syncNow(bob);
      await reloadLibrary(bob, `${item} .author-badge`);
      expect(
        await bob.library.evaluate(
          (sel) => document.querySelector(sel)?.textContent,
          `${item} .author-badge`,
        ),
      ).toMatch(/^by alice/);
    });

    it('4. offline edits on both sides converge; the conflict is shown, merged, nothing lost', async () => {
      const [theirs] = await annotations(bob);
      await desk.stop();

      // Bob edits Alice's note in his popup while the server is away (the desk allows it).
      const bobNote = 'Bob: the 2028 date is in the 2022 agreement';
      await editInPopup(bob, theirs!.id, bobNote);
      await syncNow(bob, /^Offline/);
      expect(await stateLine(bob.library, /^Offline/, 'Bob offline')).toMatch(/change(s)? wait/);

      // Alice edits the same note in hers, also before the server is back.
      const aliceNote = 'Alice: confirmed with Barrick, 2028 stands';
      await editInPopup(alice, theirs!.id, aliceNote);

      await desk.restart();
      await syncNow(alice);
      await syncNow(bob);
      await syncNow(alice);

      const notes = async (who: Journalist) =>
        (await annotations(who)).find((a) => a.quote.exact === SHARED_QUOTE)?.note;
      // Converged: both profiles show the same version.
      expect(await notes(alice)).toBe(await notes(bob));

      // The conflict, in Alice's Library, with both versions side by side.
      // (The list is read again after every "Sync now".)
      const shown = await explained(
        alice.library,
        waitFor(
          alice.library,
          () => {
            const items = document.querySelectorAll('#desk-sync li.sync-conflict');
            return items.length === 1 ? (items[0]?.textContent ?? null) : null;
          },
          undefined,
          'the conflict in the Library',
        ),
      );
      expect(shown).toContain(bobNote);
      expect(shown).toContain(aliceNote);
      expect(shown).toContain(SHARED_QUOTE.slice(0, 20));
      await alice.library.evaluate(() =>
        document.querySelector('#desk-sync')?.scrollIntoView({ block: 'start' }),
      );
      await alice.library.screenshot(artifact(`${alice.browser.name}-desk-sync-conflict.png`));

      // Merged: the journalist edits the merged note (both notes, one after the other, to start).
      await alice.library.click('#desk-sync li.sync-conflict button.button-quiet');
      const merged = `${aliceNote}\n\n${bobNote}\n\nMerged by Alice.`;
      await alice.library.evaluate((text) => {
        const area = document.querySelector(
          '#desk-sync .sync-merge textarea',
        ) as HTMLTextAreaElement;
        area.value = text;
        area.dispatchEvent(new Event('input', { bubbles: true }));
      }, merged);
      await waitFor(
        alice.library,
        (text) =>
          (document.querySelector('#desk-sync .sync-merge textarea') as HTMLTextAreaElement)
            .value === text,
        merged,
        'the merged note typed',
      );
      await alice.library.click('#desk-sync .sync-merge button[type="submit"]');
      await waitFor(
        alice.library,
        () => document.querySelector('#desk-sync .sync-no-conflicts') !== null,
        undefined,
        'no conflict left',
      );
      await syncNow(alice);
      await syncNow(bob);
      expect(await notes(alice)).toBe(merged);
      expect(await notes(bob)).toBe(merged);
      // Nothing lost: Alice's private annotation is still hers, still private, still not shared.
      const kept = (await annotations(alice)).find((a) => a.quote.exact === PRIVATE_QUOTE);
      expect(kept?.note).toBe(PRIVATE_NOTE);
      expect(JSON.stringify(await desk.allDocs())).not.toContain(PRIVATE_NOTE);
    });

    it('5. sync off: said, the host permission dropped where the browser allows, no more requests', async () => {
      await clearOutcome(bob.library);
      await bob.library.click('#desk-sync button[name="sync-off"]');
      expect(await outcome(bob.library, 'sync turned off')).toMatch(/^Sync is off/);
      await stateLine(bob.library, /off/, 'sync off');
      const held = await bob.library.evaluate(async (origin) => {
        const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
        return (g.browser ?? g.chrome)!.permissions.contains({ origins: [origin] });
      }, pattern());
      const status = (await askBackground(bob.library, { type: 'factmark/sync-status' })) as {
        state: string;
      };
      expect(status.state).toBe('off');
      // Both browsers count the content scripts' matches (every http and https page) as host
      // access: Chromium refuses to remove an origin they cover ("You cannot remove required
      // permissions"), Firefox reports it as held from the install. So the permission stays
      // where the manifest's content scripts already give it; what sync off must guarantee is
      // that nothing goes to the desk any more.
      console.info(`${bob.browser.name}: host permission after sync off: ${held}`);
      // What the browser can give back is given back: Firefox's data consent.
      if (bob.browser.name === 'firefox') expect(await dataConsent(bob)).toBe(false);

      // Alice turns it off too; from then on nothing reaches the desk's server, from either
      // profile, whatever they open (and whatever timers the background has).
      await clearOutcome(alice.library);
      await alice.library.click('#desk-sync button[name="sync-off"]');
      expect(await outcome(alice.library, 'sync turned off')).toMatch(/^Sync is off/);
      const heard = door.seen.length;
      const sent = [deskRequests(alice).length, deskRequests(bob).length];
      for (const who of [alice, bob]) {
        const page = await who.browser.openPage(pages.url(PAGE));
        await findTabId(who.library, pages.url(PAGE));
        await page.close();
      }
      await bob.library.evaluate(() => location.reload());
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(door.seen.slice(heard)).toEqual([]);
      expect([deskRequests(alice).length, deskRequests(bob).length]).toEqual(sent);
      for (const who of [alice, bob]) expect(foreignRequests(who, true)).toEqual([]);
    });
  });
}
