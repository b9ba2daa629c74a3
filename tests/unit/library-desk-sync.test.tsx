// @vitest-environment happy-dom
/**
 * The Library's Desk sync section over a fake background and a fake permission prompt: the
 * connection test's clear answers, the host permission asked for that one server before sync is
 * turned on (and not kept after a failure), the state line, Sync now, turning sync off, and the
 * conflicts list (keep one version, or merge). Also the author filter and teammates' annotations
 * in the list, and the popup's state line and "Share all on this page".
 */
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../src/core/annotations/types';
import { AnnotationLibrary } from '../../src/options/AnnotationLibrary';
import { DeskSync } from '../../src/options/DeskSync';
import type { DeskSyncApi } from '../../src/options/desk-sync-api';
import { toPageQuery, ANY_ANNOTATION, MINE } from '../../src/options/annotation-query';
import { DeskSyncLine } from '../../src/popup/DeskSyncLine';
import { SharePage } from '../../src/popup/SharePage';
import {
  parseDeskUrl,
  syncStateLine,
  type SyncConflict,
  type SyncResolution,
  type SyncSettings,
  type SyncStatusAnswer,
  type SyncTestAnswer,
} from '../../src/shared/desk-sync-client';
import { queryMatcher } from '../../src/core/annotations/query';
import type { DeskItem, DeskKind } from '../../src/shared/sync-protocol';
import { annotation, fakeLibraryApi, mount, settle, text, typeInto } from './library-fixtures';

type Status = Extract<SyncStatusAnswer, { ok: true }>;

const SERVER = 'http://127.0.0.1:5984';

function fakeDesk(
  options: {
    test?: SyncTestAnswer;
    grant?: boolean;
    conflicts?: SyncConflict[];
    items?: DeskItem[];
  } = {},
) {
  let status: Status = { ok: true, state: 'off', pending: 0 };
  let conflicts = options.conflicts ?? [];
  const granted = new Set<string>();
  const onDesk: DeskItem[] = [...(options.items ?? [])];
  const calls: string[] = [];
  const api = {
    status: vi.fn(async () => ({ ...status })),
    test: vi.fn(async (_s: SyncSettings) => options.test ?? { ok: true as const }),
    turnOn: vi.fn(async (s: SyncSettings) => {
      calls.push('turnOn');
      if (s.password !== 'right')
        return { ok: false as const, error: 'Name or password is incorrect.' };
      status = {
        ok: true,
        state: 'synced',
        pending: 0,
        url: s.url,
        db: s.db,
        user: s.user,
        lastSync: '2026-12-02T09:00:00.000Z',
      };
      return { ok: true as const, state: 'synced' as const };
    }),
    turnOff: vi.fn(async () => {
      status = { ok: true, state: 'off', pending: 0 };
      granted.clear();
      return { ok: true as const, state: 'off' as const };
    }),
    syncNow: vi.fn(async () => ({
      ok: true as const,
      state: 'synced' as const,
      pushed: 2,
      pulled: 3,
    })),
    conflicts: vi.fn(async () => ({ ok: true as const, conflicts })),
    resolve: vi.fn(async (id: string, _r: SyncResolution) => {
      conflicts = conflicts.filter((c) => c.id !== id);
      return { ok: true as const };
    }),
    items: vi.fn(async () => ({ ok: true as const, items: [...onDesk] })),
    share: vi.fn(async (kind: DeskKind, ids: string[], shared: boolean) => {
      for (const id of ids) {
        const at = onDesk.findIndex((i) => i.kind === kind && i.id === id);
        if (shared && at < 0) onDesk.push({ kind, id, author: 'alice', own: true, editable: true });
        if (!shared && at >= 0) onDesk.splice(at, 1);
      }
      return { ok: true as const, changed: ids.length };
    }),
    requestHost: vi.fn((pattern: string) => {
      calls.push(`request ${pattern}`);
      if (options.grant !== false) granted.add(pattern);
      return Promise.resolve(options.grant !== false);
    }),
    removeHost: vi.fn(async (pattern: string) => {
      calls.push(`remove ${pattern}`);
      return granted.delete(pattern);
    }),
  } satisfies DeskSyncApi;
  return { api, granted, calls, setStatus: (s: Status) => (status = s) };
}

const input = (root: HTMLElement, name: string) =>
  root.querySelector<HTMLInputElement>(`form.desk-sync-form [name="${name}"]`)!;
const button = (root: HTMLElement, label: string) =>
  [...root.querySelectorAll('button')].find((b) => text(b) === label) as HTMLButtonElement;

/** Type the settings, and let the form take them in (as a user's typing renders before a click). */
async function fill(root: HTMLElement, values: Partial<SyncSettings>) {
  const all = { url: SERVER, db: 'desk', user: 'alice', password: 'right', ...values };
  for (const [name, value] of Object.entries(all)) typeInto(input(root, name), value);
  await settle(() => input(root, 'password').value === all.password, 5);
  await act(async () => undefined);
}

async function open(desk = fakeDesk()) {
  const root = await mount(<DeskSync api={desk.api} pollMs={60_000} />);
  await settle(() => root.querySelector('.sync-state') !== null);
  return { root, ...desk };
}

describe('Library: Desk sync', () => {
  it('says sync is off and nothing leaves the browser; the password field is a password field', async () => {
    const { root } = await open();
    expect(text(root.querySelector('.sync-state'))).toContain(
      'Desk sync is off: nothing leaves this browser',
    );
    expect(input(root, 'password').type).toBe('password');
    expect(root.textContent).not.toContain('Sync now');
  });

  it('tests a connection: asks for that server only, answers clearly, keeps no permission', async () => {
    const desk = fakeDesk({
      test: { ok: false, reason: 'unauthorized', error: 'Name or password is incorrect.' },
    });
    const { root, api, granted } = await open(desk);
    await fill(root, { password: 'wrong' });
    button(root, 'Test connection').click();
    await settle(() => root.querySelector('.desk-sync-outcome') !== null);
    expect(api.requestHost).toHaveBeenCalledWith('http://127.0.0.1/*');
    expect(text(root.querySelector('.desk-sync-outcome'))).toBe(
      'Wrong user name or password. Name or password is incorrect.',
    );
    expect(root.querySelector('.desk-sync-outcome')?.getAttribute('role')).toBe('alert');
    expect(granted.size).toBe(0);
  });

  it('names each reason a test can fail for', async () => {
    for (const [reason, words] of [
      ['unreachable', 'could not be reached'],
      ['no-database', 'no such database'],
      ['forbidden', 'not a member'],
    ] as const) {
      const { root } = await open(fakeDesk({ test: { ok: false, reason, error: '' } }));
      await fill(root, {});
      button(root, 'Test connection').click();
      await settle(() => root.querySelector('.desk-sync-outcome') !== null);
      expect(text(root.querySelector('.desk-sync-outcome'))).toContain(words);
    }
  });

  it('refuses an http address other than 127.0.0.1 or localhost before asking the browser', async () => {
    const { root, api } = await open();
    await fill(root, { url: 'http://couch.newsroom.example' });
    button(root, 'Turn sync on').click();
    await settle(() => root.querySelector('.desk-sync-outcome') !== null);
    expect(text(root.querySelector('.desk-sync-outcome'))).toContain('https://');
    expect(api.requestHost).not.toHaveBeenCalled();
    expect(api.turnOn).not.toHaveBeenCalled();
    expect(parseDeskUrl('https://couch.example/')).toEqual({ url: 'https://couch.example' });
    expect(typeof parseDeskUrl('https://alice:pw@couch.example')).toBe('string');
  });

  it('turns sync on: the permission first, then the settings; the password is not shown again', async () => {
    const { root, api, calls } = await open();
    await fill(root, {});
    button(root, 'Turn sync on').click();
    await settle(() => text(root.querySelector('.sync-state')).startsWith('Synced'));
    expect(calls).toEqual(['request http://127.0.0.1/*', 'turnOn']);
    expect(api.turnOn).toHaveBeenCalledWith({
      url: SERVER,
      db: 'desk',
      user: 'alice',
      password: 'right',
    });
    expect(text(root.querySelector('.sync-settings'))).toContain('alice');
    expect(input(root, 'password').value).toBe('');
    expect(input(root, 'url').value).toBe(SERVER);
    expect(root.innerHTML).not.toContain('right');
  });

  it('a refused permission changes nothing; a refused password drops the permission again', async () => {
    const refused = await open(fakeDesk({ grant: false }));
    await fill(refused.root, {});
    button(refused.root, 'Turn sync on').click();
    await settle(() => refused.root.querySelector('.desk-sync-outcome') !== null);
    expect(text(refused.root.querySelector('.desk-sync-outcome'))).toContain(
      'without your permission',
    );
    expect(refused.api.turnOn).not.toHaveBeenCalled();

    const wrong = await open();
    await fill(wrong.root, { password: 'wrong' });
    button(wrong.root, 'Turn sync on').click();
    await settle(() => wrong.root.querySelector('.desk-sync-outcome') !== null);
    expect(text(wrong.root.querySelector('.desk-sync-outcome'))).toBe(
      'Sync was not turned on: Name or password is incorrect.',
    );
    expect(wrong.granted.size).toBe(0);
    expect(text(wrong.root.querySelector('.sync-state'))).toContain('off');
  });

  it('syncs now and says what went each way; turns sync off', async () => {
    const desk = fakeDesk();
    const { root, api } = await open(desk);
    await fill(root, {});
    button(root, 'Turn sync on').click();
    await settle(() => button(root, 'Sync now') !== undefined);
    button(root, 'Sync now').click();
    await settle(() => text(root.querySelector('.desk-sync-outcome')).startsWith('Synced:'));
    expect(text(root.querySelector('.desk-sync-outcome'))).toBe('Synced: 2 sent, 3 received.');
    button(root, 'Turn sync off').click();
    await settle(() => text(root.querySelector('.sync-state')).includes('off'));
    expect(api.turnOff).toHaveBeenCalled();
    expect(desk.granted.size).toBe(0);
  });

  it('states pending, offline and error with the reason and the last sync', () => {
    const base = { ok: true as const, pending: 3, lastSync: '2026-12-02T09:00:00.000Z' };
    expect(syncStateLine({ ...base, state: 'pending' })).toMatch(
      /^Pending: 3 changes wait to be sent · last sync /,
    );
    expect(syncStateLine({ ...base, state: 'offline' })).toMatch(/^Offline: .*3 changes wait/);
    expect(
      syncStateLine({ ...base, state: 'error', error: 'Name or password is incorrect.' }),
    ).toMatch(/^Sync error: Name or password is incorrect\.; 3 changes wait/);
  });

  it('shows a conflict side by side; keeps one version, or saves the merged note', async () => {
    const conflict = (id: string): SyncConflict => ({
      id,
      kind: 'annotation',
      versions: [
        {
          rev: '2-a',
          author: 'alice',
          modified: '2026-12-02T09:00:00.000Z',
          winner: true,
          note: 'Alice’s note',
          tags: ['exim'],
          item: {},
        },
        {
          rev: '2-b',
          author: 'alice',
          editor: 'bob',
          modified: '2026-12-02T09:01:00.000Z',
          winner: false,
          note: 'Bob’s note',
          tags: ['loan'],
          item: {},
        },
      ],
    });
    const desk = fakeDesk({ conflicts: [conflict('anno:1'), conflict('anno:2')] });
    desk.setStatus({
      ok: true,
      state: 'synced',
      pending: 0,
      user: 'alice',
      db: 'desk',
      url: SERVER,
    });
    const { root, api } = await open(desk);
    await settle(() => root.querySelectorAll('li.sync-conflict').length === 2);
    expect(text(root.querySelector('#sync-conflicts-heading'))).toBe('2 conflicts to resolve');
    const first = root.querySelector<HTMLElement>('li[data-conflict-id="anno:1"]')!;
    expect(text(first)).toContain('Alice’s note');
    expect(text(first)).toContain('Bob’s note');
    button(first, 'Keep this version').click();
    await settle(() => root.querySelectorAll('li.sync-conflict').length === 1);
    expect(api.resolve).toHaveBeenCalledWith('anno:1', { keep: '2-a' });

    const second = root.querySelector<HTMLElement>('li[data-conflict-id="anno:2"]')!;
    button(second, 'Merge…').click();
    await settle(() => second.querySelector('textarea') !== null);
    const note = second.querySelector('textarea')!;
    expect(note.value).toBe('Alice’s note\n\nBob’s note');
    typeInto(note, 'Both: Alice’s note and Bob’s note');
    await act(async () => undefined);
    button(second, 'Save the merged note').click();
    await settle(() => root.querySelector('.sync-no-conflicts') !== null);
    expect(api.resolve).toHaveBeenLastCalledWith('anno:2', {
      merged: { note: 'Both: Alice’s note and Bob’s note', tags: ['exim', 'loan'] },
    });
  });
});

describe('Library: teammates’ annotations and the author filter', () => {
  const mine = annotation({ id: 'anno:mine', note: 'mine', updated: 3 });
  const mineShared = annotation({
    id: 'anno:mine-shared',
    shared: true,
    creator: 'alice',
    updated: 2,
  });
  const bobs = annotation({
    id: 'anno:bob',
    shared: true,
    creator: 'bob',
    note: 'from Bob',
    updated: 1,
  });

  it('marks a teammate’s annotation as theirs, read-only, and filters by author', async () => {
    const { api } = fakeLibraryApi([mine, mineShared, bobs]);
    const desk = fakeDesk();
    desk.setStatus({
      ok: true,
      state: 'synced',
      pending: 0,
      user: 'alice',
      db: 'desk',
      url: SERVER,
    });
    const root = await mount(<AnnotationLibrary api={api} deskSync={desk.api} />);
    await settle(() => root.querySelectorAll('li.library-annotation').length === 3);
    const bob = root.querySelector<HTMLElement>('li[data-annotation-id="anno:bob"]')!;
    expect(bob.classList.contains('teammates')).toBe(true);
    expect(text(bob)).toContain('by bob · read-only');
    expect(bob.querySelector<HTMLInputElement>('input[type="checkbox"]')!.disabled).toBe(true);
    expect(text(root.querySelector('li[data-annotation-id="anno:mine-shared"]'))).toContain(
      'shared with the desk',
    );

    const author = [...root.querySelectorAll('label')].find((l) => text(l) === 'Author')!;
    const select = root.querySelector<HTMLSelectElement>(`#${author.getAttribute('for')}`)!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Anyone', 'Me', 'bob']);
    typeInto(select, 'author:bob');
    await settle(() => root.querySelectorAll('li.library-annotation').length === 1);
    expect(root.querySelector('li.library-annotation')?.getAttribute('data-annotation-id')).toBe(
      'anno:bob',
    );
    typeInto(select, MINE);
    await settle(() => root.querySelectorAll('li.library-annotation').length === 2);
  });

  it('the query: “Me” is every annotation without a creator or by the journalist', () => {
    const me = queryMatcher(toPageQuery({ ...ANY_ANNOTATION, author: MINE }, 'alice'));
    expect([mine, mineShared, bobs].filter(me).map((a) => a.id)).toEqual([
      'anno:mine',
      'anno:mine-shared',
    ]);
    const bob = queryMatcher(toPageQuery({ ...ANY_ANNOTATION, author: 'author:bob' }));
    expect([mine, mineShared, bobs].filter(bob).map((a) => a.id)).toEqual(['anno:bob']);
  });
});

describe('Popup: desk sync', () => {
  it('shows one line of state while sync is on, nothing while it is off', async () => {
    const on = await mount(
      <DeskSyncLine
        api={{ syncStatus: async () => ({ ok: true, state: 'pending', pending: 2 }) }}
      />,
    );
    await settle(() => on.querySelector('.sync-line') !== null);
    expect(text(on.querySelector('.sync-line'))).toBe('Pending: 2 changes wait to be sent');
    const off = await mount(
      <DeskSyncLine api={{ syncStatus: async () => ({ ok: true, state: 'off', pending: 0 }) }} />,
    );
    await settle();
    expect(off.querySelector('.sync-line')).toBeNull();
  });

  it('shares every annotation of the journalist’s own on the page', async () => {
    const list: Annotation[] = [
      annotation({ id: 'anno:1' }),
      annotation({ id: 'anno:2' }),
      annotation({ id: 'anno:3', shared: true, creator: 'bob' }),
    ];
    const sharePage = vi.fn(async (_url: string) => ({ ok: true as const, changed: 2 }));
    const root = await mount(
      <SharePage
        api={{
          syncStatus: async () => ({ ok: true, state: 'synced', pending: 0, user: 'alice' }),
          sharePage,
        }}
        pageUrl="https://news.example/story"
        request={Promise.resolve({ ok: true, annotations: list })}
      />,
    );
    await settle(() => root.querySelector('button') !== null);
    expect(text(root.querySelector('button'))).toBe(
      'Share all on this page with the desk (2 private)',
    );
    root.querySelector('button')!.click();
    await settle(() => root.querySelector('[role="status"]') !== null);
    expect(sharePage).toHaveBeenCalledWith(list[0]!.url);
    expect(text(root.querySelector('[role="status"]'))).toBe(
      '2 annotations are now shared with the desk.',
    );
  });
});

describe('Editor and popup: shared with the desk', () => {
  it('the editor offers “Shared with the desk”, off unless the draft says so, and sends it', async () => {
    const { EditorForm } = await import('../../src/editor/editor-form');
    const results: unknown[] = [];
    const open = (shared?: boolean) => {
      const form = new EditorForm(
        document,
        { quote: 'a passage', color: 'yellow', note: '', tags: [], fact: null, shared },
        { save: (r) => results.push(r), cancel: () => undefined },
      );
      document.body.replaceChildren(form.element);
      return form.element;
    };
    let element = open();
    const box = element.querySelector<HTMLInputElement>('input[name="shared"]')!;
    expect(box.checked).toBe(false);
    expect(text(box.closest('label'))).toContain('Shared with the desk');
    box.checked = true;
    element.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    element = open(true);
    expect(element.querySelector<HTMLInputElement>('input[name="shared"]')!.checked).toBe(true);
    expect(results).toEqual([
      { color: 'yellow', note: '', tags: [], factAttribute: null, shared: true },
    ]);
  });

  it('the popup lists a teammate’s annotation as theirs: read-only unless the desk allows editing', async () => {
    const { AnnotationItem } = await import('../../src/popup/AnnotationItem');
    const theirs = annotation({ id: 'anno:t', shared: true, creator: 'bob' });
    const props = {
      annotation: theirs,
      editing: false,
      busy: false,
      onReveal: () => undefined,
      onEdit: () => undefined,
      onCancelEdit: () => undefined,
      onSave: async () => null,
      onDelete: () => undefined,
    };
    const locked = await mount(
      <ul>
        <AnnotationItem {...props} teammate="bob" />
      </ul>,
    );
    expect(text(locked.querySelector('.author-badge'))).toBe('by bob · read-only');
    expect(locked.querySelector<HTMLElement>('.annotation-actions')!.hidden).toBe(true);
    const open = await mount(
      <ul>
        <AnnotationItem {...props} teammate="bob" teamEditing />
      </ul>,
    );
    expect(text(open.querySelector('.author-badge'))).toBe('by bob');
    expect(open.querySelector<HTMLElement>('.annotation-actions')!.hidden).toBe(false);
  });
});

describe('Library: facts, sources and names shared with the desk', () => {
  it('offers “Shared with the desk” on the journalist’s own items, says whose a teammate’s is', async () => {
    const { DeskShareProvider, ShareToggle } = await import('../../src/options/DeskShare');
    const desk = fakeDesk({
      items: [{ kind: 'source', id: 'src-bob', author: 'bob', own: false, editable: false }],
    });
    desk.setStatus({ ok: true, state: 'synced', pending: 0, user: 'alice' });
    const root = await mount(
      <DeskShareProvider api={desk.api} refresh={0}>
        <div id="fact">
          <ShareToggle kind="fact" id="user:1" label="the fact" />
        </div>
        <div id="source">
          <ShareToggle kind="source" id="src-bob" label="Bob’s source" />
        </div>
      </DeskShareProvider>,
    );
    await settle(() => root.querySelector('#fact input') !== null);
    const box = root.querySelector<HTMLInputElement>('#fact input')!;
    expect(box.checked).toBe(false);
    expect(box.getAttribute('aria-label')).toBe('Share the fact with the desk');
    expect(text(root.querySelector('#source'))).toBe('by bob · read-only');
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(() => desk.api.items.mock.calls.length === 2);
    await settle(() => root.querySelector<HTMLInputElement>('#fact input')!.checked);
    expect(desk.api.share).toHaveBeenCalledWith('fact', ['user:1'], true);
  });

  it('offers nothing while sync is off', async () => {
    const { DeskShareProvider, ShareToggle } = await import('../../src/options/DeskShare');
    const root = await mount(
      <DeskShareProvider api={fakeDesk().api} refresh={0}>
        <ShareToggle kind="fact" id="user:1" label="the fact" />
      </DeskShareProvider>,
    );
    await settle();
    expect(root.textContent).toBe('');
  });
});
