/**
 * A journalist's own story in the background: sources and watched names (src/background/
 * sources.ts), their requests and who may send them (src/shared/sources-protocol.ts), and the
 * fact base they make — the CLI's for the same sources and names (`--sources`, `--entities`).
 */
import 'fake-indexeddb/auto';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { allFacts, MIGRATIONS, openFactmarkDb, type FactmarkDb } from '../../src/background/db';
import { createRouter } from '../../src/background/router';
import type { MenuClick, MenusBrowserApi, MessageListener } from '../../src/background/browser-api';
import { registerAnnotateTriggers, SOURCE_MENU_ID } from '../../src/background/menus';
import { refreshSeedFacts } from '../../src/background/seed';
import {
  addSource as addSourceTo,
  ensureBundledStory,
  BUNDLED_NAMES,
} from '../../src/background/sources';
import { reportForDocument } from '../../src/cli/annotate';
import { readInput } from '../../src/cli/input';
import { run } from '../../src/cli/main';
import { indexFacts } from '../../src/core/compare';
import { groupIntoClaims } from '../../src/core/claims/group';
import { lexiconOfNames } from '../../src/core/entities';
import { describedFactsFromSeed } from '../../src/core/facts/build';
import { utf8Length } from '../../src/core/facts/sources';
import type { Fact, Report } from '../../src/core/types';
import { BUNDLED_FACT_BASE } from '../../src/shared/fact-base';
import { checkNewSource, pageSource } from '../../src/shared/sources-protocol';
import type {
  NewSource,
  SourceSummary,
  WatchedName,
  WatchedNameInput,
} from '../../src/shared/sources-protocol';
import { megabyteOfNews } from '../support/megabyte-of-news';
import { annotation, fact, freshDbName } from './background-fixtures';

const OWN_ID = 'own-extension-id';
const library = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/src/options/index.html` };
const contentScript = {
  id: OWN_ID,
  url: 'https://news.example/story',
  tab: { id: 3 },
  frameId: 0,
};

const TEMBO = join(__dirname, '..', 'fixtures', 'story-tembo');
const TEMBO_SOURCES = ['001_afdb-loan.txt', '002_output.txt'].map((f) => join(TEMBO, f));
const TEMBO_NAMES = join(TEMBO, 'entities.json');
const STORY2 = join(__dirname, '..', 'corpus', 'story2');
const STORY2_SOURCES = readdirSync(join(STORY2, 'sources'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(STORY2, 'sources', f));
const STORY2_NAMES = join(STORY2, 'entities.json');
const STORY2_PAGES = readdirSync(join(STORY2, 'pages'))
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => join(STORY2, 'pages', f));
const REKO_DIQ_PAGE = join(__dirname, '..', 'fixtures', 'reko-diq-story.html');

let db: FactmarkDb;
let route: MessageListener;
let ids = 0;

beforeEach(async () => {
  db = await openFactmarkDb({ name: freshDbName() });
  await refreshSeedFacts(db, BUNDLED_FACT_BASE);
  await ensureBundledStory(db, BUNDLED_FACT_BASE);
  ids = 0;
  route = createRouter({
    extensionId: OWN_ID,
    extensionOrigin: `chrome-extension://${OWN_ID}/`,
    db: async () => db,
    // Ids in the order added, so that a test can name them.
    newSourceId: () => `src-${++ids}`,
    now: () => 1_760_000_000_000 + ids,
  });
});

// ---- Helpers -------------------------------------------------------------------------------

type Answer = { ok: true; [key: string]: unknown } | { ok: false; error: string };

async function ask(message: unknown, sender: object = library): Promise<Answer> {
  return (await route(message, sender)) as Answer;
}

async function ok<T>(message: unknown, field: string, sender: object = library): Promise<T> {
  const answer = await ask(message, sender);
  if (!answer.ok) throw new Error(`${JSON.stringify(message).slice(0, 80)}: ${answer.error}`);
  return answer[field] as T;
}

function fileSource(file: string): NewSource {
  const text = readFileSync(file, 'utf8');
  return { title: text.split('\n')[0]!.trim(), text, origin: 'file', name: basename(file) };
}

const addSource = (source: NewSource) =>
  ok<SourceSummary>({ type: 'factmark/source-add', source }, 'source');

const saveEntity = (entity: WatchedNameInput) =>
  ok<WatchedName>({ type: 'factmark/entity-save', entity }, 'entity');

function namesOf(file: string): WatchedNameInput[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as WatchedNameInput[]).map((n) => ({
    id: n.id,
    name: n.name,
    aliases: n.aliases ?? [],
  }));
}

const facts = (sender: object = library) => ok<Fact[]>({ type: 'factmark/facts' }, 'facts', sender);
const sources = () => ok<SourceSummary[]>({ type: 'factmark/sources' }, 'sources');
const entities = (sender: object = library) =>
  ok<WatchedName[]>({ type: 'factmark/entities' }, 'entities', sender);
const sourceFacts = (id: string) => ok<Fact[]>({ type: 'factmark/source-facts', id }, 'facts');

/** The report of a saved page, with the facts and watched names the background holds now. */
async function browserReport(page: string, sender: object = library): Promise<Report> {
  const lexicon = lexiconOfNames(await entities());
  return reportForDocument(readInput(page), indexFacts(await facts(sender)), lexicon);
}

/** The CLI's report of the same page. */
function cliReport(page: string, args: string[]): Report {
  const result = run(['annotate', page, ...args]);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Report;
}

/** A report with the background's source ids (`source:src-1:…`) named by file, as the CLI's. */
function byFileName(report: Report, names: ReadonlyMap<string, string>): Report {
  const rename = (id: string) => {
    const m = /^source:([^:]+):(\d+)$/.exec(id);
    return m ? `source:${names.get(m[1]!) ?? m[1]}:${m[2]}` : id;
  };
  return {
    ...report,
    figures: report.figures.map((f) => ({ ...f, facts: f.facts.map(rename).sort() })),
  };
}

function sortedFacts(report: Report): Report {
  return { ...report, figures: report.figures.map((f) => ({ ...f, facts: [...f.facts].sort() })) };
}

async function counts(): Promise<[number, number, number]> {
  return [await db.count('sources'), (await allFacts(db)).length, await db.count('entities')];
}

// ---- The bundled story, listed -----------------------------------------------------------------

describe('the bundled seeds and entities', () => {
  it('are listed as sources and watched names, on, bundled', async () => {
    const list = await sources();
    expect(list.map((s) => s.id)).toEqual(BUNDLED_FACT_BASE.seeds.map((s) => s.file));
    expect(list.every((s) => s.origin === 'bundled' && s.enabled && s.dropped.length === 0)).toBe(
      true,
    );
    expect(list.reduce((n, s) => n + s.facts, 0)).toBe(BUNDLED_FACT_BASE.facts.length);
    expect(list[0]).not.toHaveProperty('text');
    const names = await entities();
    expect(names.map((n) => [n.id, n.bundled, n.enabled])).toEqual([
      ['reko-diq', true, true],
      ['exim', true, true],
      ['barrick', true, true],
    ]);
  });

  it('cannot be removed, nor edited; they can be switched off', async () => {
    const seed = BUNDLED_FACT_BASE.seeds[0]!.file;
    expect(await ask({ type: 'factmark/source-remove', id: seed })).toEqual({
      ok: false,
      error: 'source-remove: a bundled source cannot be removed; switch it off instead',
    });
    expect(await ask({ type: 'factmark/entity-remove', id: 'exim' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/bundled entity; it cannot be removed/),
    });
    expect(
      await ask({ type: 'factmark/entity-save', entity: { id: 'exim', name: 'X', aliases: [] } }),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/bundled entity; it cannot be edited/),
    });
    const seedFactId = BUNDLED_FACT_BASE.facts[0]!.id;
    expect(await ask({ type: 'factmark/fact-delete', id: seedFactId })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/bundled fact cannot be dropped/),
    });

    // Off: its facts stay stored (and listed in the Library) but pages are not checked against them.
    const off = await ok<SourceSummary>(
      { type: 'factmark/source-enable', id: seed, enabled: false },
      'source',
    );
    expect(off).toMatchObject({ id: seed, enabled: false });
    expect(off.facts).toBeGreaterThan(0);
    const checked = await facts();
    expect(checked.some((f) => f.id.startsWith(`seed:${seed}:`))).toBe(false);
    expect(checked.length).toBe(BUNDLED_FACT_BASE.facts.length - off.facts);
    expect((await sourceFacts(seed)).length).toBe(off.facts);

    // A bundled name off: its mentions go.
    await ok({ type: 'factmark/entity-enable', id: 'barrick', enabled: false }, 'entity');
    const lexicon = lexiconOfNames(await entities());
    expect(lexicon.find('Barrick and EXIM').map((m) => m.entity)).toEqual(['exim']);
  });

  it('survive a restart and an update as the journalist left them', async () => {
    const seed = BUNDLED_FACT_BASE.seeds[1]!.file;
    await ok({ type: 'factmark/source-enable', id: seed, enabled: false }, 'source');
    await ok({ type: 'factmark/entity-enable', id: 'reko-diq', enabled: false }, 'entity');
    await ensureBundledStory(db, BUNDLED_FACT_BASE);
    await refreshSeedFacts(db, BUNDLED_FACT_BASE);
    await ensureBundledStory(db, BUNDLED_FACT_BASE, true);
    expect((await sources()).find((s) => s.id === seed)?.enabled).toBe(false);
    expect((await entities()).find((n) => n.id === 'reko-diq')?.enabled).toBe(false);
  });
});

// ---- Sources -----------------------------------------------------------------------------------

describe('factmark/source-add', () => {
  it('extracts the facts with provenance, ids source:<source id>:<offset>', async () => {
    const [loan] = TEMBO_SOURCES;
    const added = await addSource(fileSource(loan!));
    expect(added).toMatchObject({
      id: 'src-1',
      origin: 'file',
      name: '001_afdb-loan.txt',
      title: 'AfDB approves $640 million loan for Tembo Hills graphite mine',
      enabled: true,
      dropped: [],
      addedAt: 1_760_000_000_000,
    });
    expect(added.facts).toBeGreaterThan(3);
    expect(added).not.toHaveProperty('text');
    expect(added).not.toHaveProperty('edits');
    const list = await sourceFacts('src-1');
    expect(list.length).toBe(added.facts);
    const text = readFileSync(loan!, 'utf8');
    for (const f of list) {
      expect(f.id).toMatch(/^source:src-1:\d+$/);
      expect(f.source).toEqual({
        type: 'source',
        sourceId: 'src-1',
        title: added.title,
        name: '001_afdb-loan.txt',
        date: added.date,
      });
      expect(text.slice(f.start, f.end).replace(/\s+/g, ' ')).toBe(f.text);
      expect(f.quote).toContain(f.text);
    }
    // Sorted by position in the text.
    expect(list.map((f) => f.start)).toEqual([...list.map((f) => f.start)].sort((a, b) => a - b));
    expect((await sources()).at(-1)).toEqual(added);
  });

  it('a page source keeps its URL; the date given wins over the text', async () => {
    const added = await addSource({
      title: 'Tembo Hills output',
      text: 'Tembo Hills will produce 60,000 tonnes of graphite a year from 2029.',
      origin: 'page',
      url: 'https://news.example/tembo',
      date: '2026-04-01',
    });
    expect(added).toMatchObject({
      origin: 'page',
      url: 'https://news.example/tembo',
      date: '2026-04-01',
    });
    const [first] = await sourceFacts(added.id);
    expect(first?.source).toMatchObject({ url: 'https://news.example/tembo', date: '2026-04-01' });
  });

  it.each([
    ['empty text', { title: 'Empty', text: '  \n ', origin: 'paste' }, /source\.text: is empty/],
    [
      'text over 5 MB',
      { title: 'Huge', text: 'Tembo Hills costs $1 billion. '.repeat(180_000), origin: 'paste' },
      /source\.text: is 5\.\d MB; a source article is at most 5\.0 MB/,
    ],
    [
      'a text with no figure',
      { title: 'Words', text: 'Tembo Hills is a graphite mine in Tanzania.', origin: 'paste' },
      /source-add: "Words" holds no figure/,
    ],
    [
      'no title',
      { title: '', text: 'It costs $5.', origin: 'paste' },
      /source\.title: not one line/,
    ],
    ['a bad origin', { title: 'T', text: 'It costs $5.', origin: 'bundled' }, /source\.origin/],
    [
      'a page without its URL',
      { title: 'T', text: 'It costs $5.', origin: 'page' },
      /source\.url: a page source needs its URL/,
    ],
    [
      'a javascript: URL',
      { title: 'T', text: 'It costs $5.', origin: 'page', url: 'javascript:alert(1)' },
      /source\.url: not an http\(s\) URL/,
    ],
    [
      'a bad date',
      { title: 'T', text: 'It costs $5.', origin: 'paste', date: '2026-02-30' },
      /source\.date: not a date/,
    ],
  ])('refuses %s with the reason, writing nothing', async (_name, source, error) => {
    await addSource(fileSource(TEMBO_SOURCES[0]!));
    const before = await counts();
    const answer = await ask({ type: 'factmark/source-add', source });
    expect(answer.ok).toBe(false);
    expect(answer.ok ? '' : answer.error).toMatch(error);
    expect(await counts()).toEqual(before);
  });

  it('extracts 1 MB of text in under a second of background work (printed, not asserted)', async () => {
    const text = megabyteOfNews();
    // The engine's part, as the background runs it (sources.ts: describe, then group): cold (a
    // background just woken) and warm.
    const engine = () => {
      const started = performance.now();
      const described = describedFactsFromSeed(
        { file: 'mb', text },
        lexiconOfNames(BUNDLED_NAMES),
        'source',
      );
      groupIntoClaims(described, new Set(BUNDLED_FACT_BASE.facts.map((f) => f.attribute)));
      return { ms: performance.now() - started, facts: described.length };
    };
    const cold = engine();
    const warm = engine();
    // The whole request, writes included (fake-indexeddb, much slower than a browser's).
    const started = performance.now();
    const added = await addSource({ title: 'One megabyte', text, origin: 'paste' });
    const whole = performance.now() - started;
    console.info(
      `[bench] 1 MB source (${(utf8Length(text) / 1048576).toFixed(2)} MB, ${added.facts.toLocaleString('en-US')} facts): ` +
        `extraction ${cold.ms.toFixed(0)} ms cold, ${warm.ms.toFixed(0)} ms warm; ` +
        `factmark/source-add with fake-indexeddb writes ${whole.toFixed(0)} ms`,
    );
    expect(added.facts).toBe(cold.facts);
    expect(added.facts).toBeGreaterThan(1_000);
  });
});

describe('factmark/source-remove, source-enable, source-facts', () => {
  it('removing a source removes its facts; switching it off keeps them out of the checks', async () => {
    const a = await addSource(fileSource(TEMBO_SOURCES[0]!));
    const b = await addSource(fileSource(TEMBO_SOURCES[1]!));
    const all = await facts();
    expect(all.filter((f) => f.id.startsWith('source:')).length).toBe(a.facts + b.facts);

    const off = await ok<SourceSummary>(
      { type: 'factmark/source-enable', id: a.id, enabled: false },
      'source',
    );
    expect(off).toMatchObject({ id: a.id, enabled: false, facts: a.facts });
    expect((await facts()).some((f) => f.id.startsWith(`source:${a.id}:`))).toBe(false);
    expect((await sourceFacts(a.id)).length).toBe(a.facts);
    await ok({ type: 'factmark/source-enable', id: a.id, enabled: true }, 'source');
    expect((await facts()).some((f) => f.id.startsWith(`source:${a.id}:`))).toBe(true);

    expect(await ask({ type: 'factmark/source-remove', id: a.id })).toEqual({ ok: true });
    expect(await db.get('sourceFacts', a.id)).toBeUndefined();
    expect((await allFacts(db)).some((f) => f.id.startsWith(`source:${a.id}:`))).toBe(false);
    expect((await sources()).map((s) => s.id)).not.toContain(a.id);
    expect(await ask({ type: 'factmark/source-facts', id: a.id })).toEqual({
      ok: false,
      error: `source-facts: no source with id ${a.id}`,
    });
    expect(await ask({ type: 'factmark/source-remove', id: 'nope' })).toMatchObject({ ok: false });
    expect(await ask({ type: 'factmark/source-remove', id: 'a b' })).toEqual({
      ok: false,
      error: 'unknown or malformed message: id: not a source id',
    });
  });
});

describe('dropping and editing a fact of a source', () => {
  it('stay dropped and edited whatever is rebuilt', async () => {
    const added = await addSource(fileSource(TEMBO_SOURCES[0]!));
    const [first, second] = await sourceFacts(added.id);
    expect(await ask({ type: 'factmark/fact-delete', id: first!.id })).toEqual({ ok: true });
    const edited = await ok<Fact>(
      {
        type: 'factmark/fact-save',
        fact: { ...second!, value: second!.value + 1, text: 'edited', source: second!.source },
      },
      'fact',
    );
    expect(edited).toMatchObject({ id: second!.id, value: second!.value + 1, text: 'edited' });
    // Provenance and quote stay the source's, whatever the edit said.
    expect(edited.source).toEqual(second!.source);
    expect(edited.quote).toBe(second!.quote);

    const check = async () => {
      const list = await sourceFacts(added.id);
      expect(list.map((f) => f.id)).not.toContain(first!.id);
      expect(list.find((f) => f.id === second!.id)).toMatchObject({
        value: second!.value + 1,
        text: 'edited',
      });
      expect((await sources()).find((s) => s.id === added.id)?.dropped).toEqual([first!.id]);
    };
    await check();
    // Rebuilds: a name watched, another source added and removed, the source off and on.
    for (const n of namesOf(TEMBO_NAMES)) await saveEntity(n);
    await check();
    const other = await addSource(fileSource(TEMBO_SOURCES[1]!));
    await check();
    await ask({ type: 'factmark/source-remove', id: other.id });
    await ok({ type: 'factmark/source-enable', id: added.id, enabled: false }, 'source');
    await ok({ type: 'factmark/source-enable', id: added.id, enabled: true }, 'source');
    await check();
    await ensureBundledStory(db, BUNDLED_FACT_BASE, true);
    await check();
  });

  it('an edit from a content script, or of a fact that is not there, is refused', async () => {
    const added = await addSource(fileSource(TEMBO_SOURCES[0]!));
    const [first] = await sourceFacts(added.id);
    const message = { type: 'factmark/fact-save', fact: { ...first!, value: 1 } };
    expect(await ask(message, contentScript)).toEqual({
      ok: false,
      error: 'not allowed from content script',
    });
    expect(await ask({ type: 'factmark/fact-delete', id: first!.id }, contentScript)).toEqual({
      ok: false,
      error: 'not allowed from content script',
    });
    const missing = { ...first!, id: `source:${added.id}:999999` };
    expect(await ask({ type: 'factmark/fact-save', fact: missing })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^fact-save: no fact source:src-1:999999/),
    });
    expect(
      await ask({ type: 'factmark/fact-save', fact: { ...first!, kind: 'weight' } }),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/fact: kind/),
    });
    expect((await sourceFacts(added.id))[0]).toEqual(first);
  });

  it("a user's fact filed under a source's claim follows the claim when a rebuild renames it", async () => {
    await addSource(fileSource(TEMBO_SOURCES[0]!));
    const loan = (await facts()).find((f) => f.value === 640_000_000)!;
    await db.put('facts', fact('user:1', { attribute: loan.attribute }));
    for (const n of namesOf(TEMBO_NAMES)) await saveEntity(n);
    const renamed = (await facts()).find(
      (f) => f.id.startsWith('source:') && f.value === 640_000_000,
    )!;
    // The names make the claim's subject "afdb": its id changed.
    expect(renamed.attribute).not.toBe(loan.attribute);
    expect((await db.get('facts', 'user:1'))?.attribute).toBe(renamed.attribute);
  });

  it('an edit that files a fact under another claim keeps it there when the claim is renamed', async () => {
    const added = await addSource(fileSource(TEMBO_SOURCES[0]!));
    const list = await sourceFacts(added.id);
    const loan = list.find((f) => f.value === 640_000_000)!;
    const other = list.find((f) => f.attribute !== loan.attribute)!;
    await ok({ type: 'factmark/fact-save', fact: { ...other, attribute: loan.attribute } }, 'fact');
    for (const n of namesOf(TEMBO_NAMES)) await saveEntity(n);
    const after = await sourceFacts(added.id);
    const loanNow = after.find((f) => f.id === loan.id)!;
    expect(loanNow.attribute).not.toBe(loan.attribute);
    expect(after.find((f) => f.id === other.id)?.attribute).toBe(loanNow.attribute);
  });
});

// ---- Watched names -----------------------------------------------------------------------------

describe('watched names', () => {
  it('entity-save validates with the CLI rules, adds and replaces; entity-remove', async () => {
    expect(
      await ask({
        type: 'factmark/entity-save',
        entity: { id: 'Tembo Hills', name: 'T', aliases: [] },
      }),
    ).toEqual({
      ok: false,
      error:
        'unknown or malformed message: entity: id "Tembo Hills" is not lower-case words joined by hyphens',
    });
    expect(
      await ask({ type: 'factmark/entity-save', entity: { id: 'x', name: ' ', aliases: [] } }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/name must be a non-empty string/) });
    expect(
      await ask({
        type: 'factmark/entity-save',
        entity: { id: 'x', name: 'X', aliases: Array.from({ length: 51 }, (_, i) => `a${i}`) },
      }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/at most 50/) });
    expect(await db.count('entities')).toBe(3);

    const saved = await saveEntity({
      id: 'tembo-hills',
      name: ' Tembo Hills ',
      aliases: ['Tembo Hill project', 'tembo hills', 'Tembo Hill project'],
    });
    expect(saved).toEqual({
      id: 'tembo-hills',
      name: 'Tembo Hills',
      aliases: ['Tembo Hill project'],
      bundled: false,
      enabled: true,
    });
    await ok({ type: 'factmark/entity-enable', id: 'tembo-hills', enabled: false }, 'entity');
    // Replaced by id: its switch stays.
    const replaced = await saveEntity({ id: 'tembo-hills', name: 'Tembo Hills', aliases: [] });
    expect(replaced).toMatchObject({ enabled: false, aliases: [] });
    expect(await ask({ type: 'factmark/entity-remove', id: 'tembo-hills' })).toEqual({ ok: true });
    expect((await entities()).map((n) => n.id)).toEqual(BUNDLED_NAMES.map((n) => n.id));
    expect(await ask({ type: 'factmark/entity-remove', id: 'tembo-hills' })).toMatchObject({
      ok: false,
      error: 'entity-remove: no watched name with id tembo-hills',
    });
  });

  it("recomputes the story (and subject, terms) of each source's facts when names change", async () => {
    const added = await addSource(fileSource(TEMBO_SOURCES[0]!));
    const before = await sourceFacts(added.id);
    expect(before.every((f) => !f.story?.includes('tembo-hills'))).toBe(true);
    for (const n of namesOf(TEMBO_NAMES)) await saveEntity(n);
    const after = await sourceFacts(added.id);
    expect(after.map((f) => f.id)).toEqual(before.map((f) => f.id));
    expect(after.every((f) => f.story?.includes('tembo-hills'))).toBe(true);
    expect(after.some((f) => f.subject === 'tembo-hills' || f.subject === 'afdb')).toBe(true);
    await ok({ type: 'factmark/entity-enable', id: 'tembo-hills', enabled: false }, 'entity');
    expect((await sourceFacts(added.id)).every((f) => !f.story?.includes('tembo-hills'))).toBe(
      true,
    );
  });
});

// ---- Who may call --------------------------------------------------------------------------------

describe('who may call', () => {
  it.each([
    ['factmark/sources', {}],
    ['factmark/source-add', { source: { title: 'T', text: 'It costs $5.', origin: 'paste' } }],
    ['factmark/source-remove', { id: 'src-1' }],
    ['factmark/source-enable', { id: 'src-1', enabled: false }],
    ['factmark/source-facts', { id: 'src-1' }],
    ['factmark/entity-save', { entity: { id: 'x', name: 'X', aliases: [] } }],
    ['factmark/entity-remove', { id: 'x' }],
    ['factmark/entity-enable', { id: 'exim', enabled: false }],
  ])('a content script may not send %s', async (type, fields) => {
    await addSource(fileSource(TEMBO_SOURCES[0]!));
    const before = await counts();
    expect(await ask({ type, ...fields }, contentScript)).toEqual({
      ok: false,
      error: 'not allowed from content script',
    });
    const embedded = { ...library, url: `chrome-extension://${OWN_ID}/src/editor/index.html` };
    expect(await ask({ type, ...fields }, embedded)).toEqual({
      ok: false,
      error: 'not allowed from embedded extension page',
    });
    expect(await counts()).toEqual(before);
  });

  it('a content script gets the watched names that are on, and nothing else of the story', async () => {
    for (const n of namesOf(TEMBO_NAMES)) await saveEntity(n);
    await ok({ type: 'factmark/entity-enable', id: 'afdb', enabled: false }, 'entity');
    const names = await entities(contentScript);
    expect(names.map((n) => n.id)).toEqual([
      'reko-diq',
      'exim',
      'barrick',
      'kilimani',
      'tembo-hills',
    ]);
    expect((await entities()).map((n) => n.id)).toContain('afdb');
  });

  it("a content script gets its own sources' facts withheld: values, labels, terms; no quote, no source", async () => {
    for (const n of namesOf(TEMBO_NAMES)) await saveEntity(n);
    for (const f of TEMBO_SOURCES) await addSource(fileSource(f));
    const whole = (await facts()).filter((f) => f.id.startsWith('source:'));
    const seen = (await facts(contentScript)).filter((f) => f.id.startsWith('source:'));
    expect(seen.map((f) => f.id).sort()).toEqual(whole.map((f) => f.id).sort());
    const texts = TEMBO_SOURCES.map((f) => readFileSync(f, 'utf8'));
    for (const f of seen) {
      const original = whole.find((w) => w.id === f.id)!;
      expect(f.quote).toBe(f.text);
      expect(f.source).toEqual({
        type: 'source',
        sourceId: '',
        title: 'Your source (it is in the Library)',
        date: null,
      });
      expect(f.terms).toEqual(original.terms);
      expect(f.names).toEqual(original.names);
      expect(f.story).toEqual(original.story);
      expect([f.value, f.unit, f.attribute]).toEqual([
        original.value,
        original.unit,
        original.attribute,
      ]);
      // No sentence of the sources reaches the page but the claim's label (its clause).
      const beyondLabel = JSON.stringify({ ...f, about: '' });
      expect(f.about?.length).toBeLessThanOrEqual(141);
      if (original.quote.length > 60) expect(beyondLabel).not.toContain(original.quote);
      expect(texts.some((t) => beyondLabel.includes(t.slice(0, 40)))).toBe(false);
    }
    // The report built from the withheld facts is the report built from the facts themselves.
    const page = join(TEMBO, 'page.html');
    expect(sortedFacts(await browserReport(page, contentScript))).toEqual(
      sortedFacts(await browserReport(page, library)),
    );
  });
});

describe('a content script’s withheld facts of the second story', () => {
  it('give every page the report the facts themselves give (the names of the quotes travel with them)', async () => {
    for (const n of namesOf(STORY2_NAMES)) await saveEntity(n);
    for (const f of STORY2_SOURCES) await addSource(fileSource(f));
    const seen = (await facts(contentScript)).filter((f) => f.id.startsWith('source:'));
    expect(seen.length).toBeGreaterThan(0);
    for (const f of seen) expect(Array.isArray(f.names)).toBe(true);
    expect(seen.some((f) => (f.names ?? []).length > 0)).toBe(true);
    for (const file of STORY2_PAGES) {
      expect(sortedFacts(await browserReport(file, contentScript)), file).toEqual(
        sortedFacts(await browserReport(file, library)),
      );
    }
  });
});

// ---- The same fact base as the CLI's -----------------------------------------------------------

describe("the background's fact base is the CLI's for the same sources and names", () => {
  async function story(
    sourceFiles: readonly string[],
    namesFile: string,
    order: 'names first' | 'sources first',
  ): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const addAll = async () => {
      // Added in reverse: the background groups them in the CLI's order (by file name) anyway.
      for (const f of [...sourceFiles].reverse()) {
        const added = await addSource(fileSource(f));
        names.set(added.id, basename(f));
      }
    };
    if (order === 'sources first') await addAll();
    for (const n of namesOf(namesFile)) await saveEntity(n);
    if (order === 'names first') await addAll();
    return names;
  }

  it.each(['names first', 'sources first'] as const)(
    'Tembo Hills (%s): every figure, verdict, claim and fact as `factmark annotate --sources --entities`',
    async (order) => {
      const names = await story(TEMBO_SOURCES, TEMBO_NAMES, order);
      const page = join(TEMBO, 'page.html');
      const cli = cliReport(page, ['--sources', ...TEMBO_SOURCES, '--entities', TEMBO_NAMES]);
      const browser = byFileName(await browserReport(page), names);
      expect(browser).toEqual(sortedFacts(cli));
      expect(browser.figures.find((f) => f.text === '$640 million')?.verdict).toBe('supported');
      expect(browser.figures.find((f) => f.text === '$1.5 billion')?.verdict).toBe('contradicted');
    },
  );

  it('the second story of the corpus, on each of its pages, with the bundled story beside it', async () => {
    const names = await story(STORY2_SOURCES, STORY2_NAMES, 'sources first');
    const args = ['--sources', ...STORY2_SOURCES, '--entities', STORY2_NAMES];
    for (const page of STORY2_PAGES) {
      const cli = cliReport(page, args);
      expect(byFileName(await browserReport(page), names), basename(page)).toEqual(
        sortedFacts(cli),
      );
    }
  });

  it('with the bundled story switched off: as --no-bundled', async () => {
    const names = await story(TEMBO_SOURCES, TEMBO_NAMES, 'names first');
    for (const s of BUNDLED_FACT_BASE.seeds) {
      await ok({ type: 'factmark/source-enable', id: s.file, enabled: false }, 'source');
    }
    for (const n of BUNDLED_NAMES) {
      await ok({ type: 'factmark/entity-enable', id: n.id, enabled: false }, 'entity');
    }
    const page = join(TEMBO, 'page.html');
    const cli = cliReport(page, [
      '--sources',
      ...TEMBO_SOURCES,
      '--entities',
      TEMBO_NAMES,
      '--no-bundled',
    ]);
    expect(byFileName(await browserReport(page), names)).toEqual(sortedFacts(cli));
  });

  it('two stories do not cross: the Reko Diq page reads the same with the Tembo story added', async () => {
    const alone = await browserReport(REKO_DIQ_PAGE);
    await story(TEMBO_SOURCES, TEMBO_NAMES, 'names first');
    await story(STORY2_SOURCES, STORY2_NAMES, 'names first');
    const both = await browserReport(REKO_DIQ_PAGE);
    // The same verdicts, claims and facts (the words matched are ordered by rarity over every
    // claim, which more claims change).
    const verdicts = (r: Report) =>
      r.figures.map((f) => [f.text, f.verdict, f.attribute, [...f.facts].sort()]);
    expect(verdicts(both)).toEqual(verdicts(alone));
    expect(both.mentions).toEqual(alone.mentions);
    // And the Tembo page names no Reko Diq fact.
    const tembo = await browserReport(join(TEMBO, 'page.html'));
    for (const f of tembo.figures) {
      if (f.text === '$1.25 billion') continue; // the page's own aside on Reko Diq
      expect(
        f.facts.filter((id) => id.startsWith('seed:')),
        f.text,
      ).toEqual([]);
    }
  });
});

// ---- The schema --------------------------------------------------------------------------------

describe('schema v4', () => {
  it('upgrades a v3 database with annotations, facts and an import: nothing lost, stores added', async () => {
    const name = freshDbName();
    const v3 = await openFactmarkDb({ name, migrations: MIGRATIONS.slice(0, 3) });
    expect(v3.version).toBe(3);
    const kept = [annotation('anno:1'), annotation('anno:2', { url: 'https://other.example/x' })];
    for (const a of kept) await v3.put('annotations', a);
    const userFact = fact('user:1', { attribute: 'barrick.stake' });
    await refreshSeedFacts(v3, BUNDLED_FACT_BASE);
    await v3.put('facts', userFact);
    await v3.put('imports', { id: 'import:1', at: 5, added: ['anno:2'], replaced: [] });
    await v3.put('sites', { host: 'news.example', enabled: false, updated: 7 });
    v3.close();

    const v4 = await openFactmarkDb({ name });
    expect(v4.version).toBe(MIGRATIONS.length);
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(4);
    expect([...v4.objectStoreNames].sort()).toEqual(
      expect.arrayContaining(['annotations', 'entities', 'facts', 'imports', 'sites', 'sources']),
    );
    expect(await v4.getAll('annotations')).toEqual(kept);
    expect(await v4.get('facts', 'user:1')).toEqual(userFact);
    expect(await v4.count('facts')).toBe(BUNDLED_FACT_BASE.facts.length + 1);
    expect(await v4.get('imports', 'import:1')).toMatchObject({ added: ['anno:2'] });
    expect(await v4.get('sites', 'news.example')).toMatchObject({ enabled: false });
    // The start's seeding step lists the bundled story; facts untouched.
    await ensureBundledStory(v4, BUNDLED_FACT_BASE);
    expect(await v4.count('sources')).toBe(BUNDLED_FACT_BASE.seeds.length);
    expect(await v4.count('entities')).toBe(3);
    expect((await allFacts(v4)).length).toBe(BUNDLED_FACT_BASE.facts.length + 1);
    v4.close();
    // The raw database agrees (no store created outside the migrations).
    const raw = await openDB(name);
    expect(raw.version).toBe(MIGRATIONS.length);
    raw.close();
  });
});

describe('schema v6', () => {
  it('moves every source fact from one record each into one record per source, nothing lost and the order kept', async () => {
    const name = freshDbName();
    const v5 = await openFactmarkDb({ name, migrations: MIGRATIONS.slice(0, 5) });
    expect(v5.version).toBe(5);
    const own = [
      fact('source:abc:10', {
        source: { type: 'source', sourceId: 'abc', title: 'A', date: null },
      }),
      fact('source:abc:2', { source: { type: 'source', sourceId: 'abc', title: 'A', date: null } }),
      fact('source:b-c:5', { source: { type: 'source', sourceId: 'b-c', title: 'B', date: null } }),
    ];
    // No source owns an id without an offset: it is kept where it was, not dropped.
    const stray = fact('source:stray');
    const others = [fact('seed:a.txt:10'), fact('user:1')];
    for (const f of [...own, stray, ...others]) await v5.put('facts', f);
    const before = await v5.getAll('facts');
    v5.close();

    const v6 = await openFactmarkDb({ name });
    expect(v6.version).toBe(MIGRATIONS.length);
    expect(await v6.get('sourceFacts', 'abc')).toEqual({
      sourceId: 'abc',
      count: 2,
      facts: [own[0], own[1]],
    });
    expect(await v6.get('sourceFacts', 'b-c')).toMatchObject({ count: 1, facts: [own[2]] });
    expect((await v6.getAllKeys('facts')).sort()).toEqual(
      ['seed:a.txt:10', 'source:stray', 'user:1'].sort(),
    );
    // Readers see every fact, in the order of their ids, as before the upgrade.
    expect(await allFacts(v6)).toEqual(before);
    v6.close();
  });
});

// ---- The context menu --------------------------------------------------------------------------

describe('"Add this page as a Factmark source"', () => {
  function menus(answer: unknown) {
    const clicks: ((click: MenuClick) => void)[] = [];
    const told: { tabId: number; badge: string; title: string }[] = [];
    const sent: unknown[] = [];
    const api: MenusBrowserApi = {
      resetContextMenus: async () => undefined,
      onContextMenuClicked: (l) => void clicks.push(l),
      onCommand: () => undefined,
      activeTabId: async () => 1,
      sendToTab: async (_tabId, message, frameId) => {
        sent.push({ message, frameId });
        if (answer instanceof Error) throw answer;
        return answer;
      },
      tellTab: async (tabId, badge, title) => void told.push({ tabId, badge, title }),
    };
    // As start.ts adds it: the page's text checked as factmark/source-add's is.
    registerAnnotateTriggers(api, async (page) => {
      const source = checkNewSource(pageSource(page));
      if (typeof source === 'string') throw new Error(`source.${source}`);
      return addSourceTo(db, source, { now: 5, newId: () => 'page-1' });
    });
    const click = async (tabId: number) => {
      clicks[0]!({ menuItemId: SOURCE_MENU_ID, tabId, frameId: 3 });
      // The click's work: a message to the tab, then the rebuild in fake-indexeddb.
      for (let i = 0; i < 100 && told.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    return { click, told, sent };
  }

  it("asks the tab's top frame for its text and adds it as a page source", async () => {
    const tembo = readFileSync(TEMBO_SOURCES[0]!, 'utf8');
    const { click, told, sent } = menus({
      ok: true,
      title: 'AfDB  approves a loan',
      url: 'https://news.example/afdb',
      lang: 'en',
      text: tembo,
    });
    await click(9);
    expect(sent).toEqual([{ message: { type: 'factmark/page-text' }, frameId: 0 }]);
    const added = (await sources()).find((s) => s.id === 'page-1');
    expect(added).toMatchObject({
      origin: 'page',
      url: 'https://news.example/afdb',
      title: 'AfDB approves a loan',
    });
    expect(told).toEqual([
      {
        tabId: 9,
        badge: '+1',
        title: `Factmark: added “AfDB approves a loan” as a source (${added!.facts} facts)`,
      },
    ]);
    // The text is the title's line, then the page's text, as the CLI reads a saved page.
    const [first] = await sourceFacts('page-1');
    expect(first!.start).toBeGreaterThan('AfDB approves a loan'.length);
  });

  it.each([
    ['a page that does not answer', new Error('Receiving end does not exist'), /did not answer/],
    ['a malformed answer', { ok: true, url: 'javascript:alert(1)' }, /url: not an http\(s\) URL/],
    [
      'a page with no figure',
      { ok: true, title: 'T', url: 'https://news.example/', lang: '', text: 'No figures.' },
      /holds no figure/,
    ],
    [
      "the content script's refusal",
      { ok: false, error: "this page's text is 6.0 MB; a source article is at most 5.0 MB" },
      /is 6\.0 MB/,
    ],
  ])('%s: nothing added, and the tab says why', async (_name, answer, reason) => {
    const before = await counts();
    const { click, told } = menus(answer);
    await click(4);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ tabId: 4, badge: '!' });
    expect(told[0]!.title).toMatch(/^Factmark: this page was not added as a source: /);
    expect(told[0]!.title).toMatch(reason);
    expect(await counts()).toEqual(before);
  });
});
