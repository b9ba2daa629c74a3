/**
 * A journalist's own story in the background (docs/contracts.md, "Sources and watched names"):
 * the `sources` and `entities` stores (schema v4, db.ts), and the facts of the journalist's own
 * sources in the `facts` store (ids `source:<source id>:<offset>`).
 *
 * The fact base of the journalist's sources is always the one the CLI builds from the same
 * sources and names (`factmark annotate --sources … --entities …`, src/cli/story.ts), so that a
 * page's report in the browser is the CLI's: whenever the sources switched on, the watched names
 * or the engine change, every own source is described again from its stored text with the watched
 * names of now (a fact's subject, story and context terms depend on them), and the facts of all of
 * them are grouped into claims together (a claim's id and members depend on every source of the
 * set). Only the descriptions are redone: the journalist's drops (`dropped`) and edits (`edits`)
 * are applied again on top, so they stay whatever is rebuilt. A user's fact or an edit filed under
 * one of the sources' claims follows the claim when its id changes.
 *
 * Every change is one readwrite transaction over the stores it reads and writes: the reads, the
 * rebuild (synchronous work, so the transaction stays active) and the writes. Either all of it is
 * written or nothing is, and two changes never interleave.
 */
import type { IDBPIndex, IDBPTransaction, StoreNames } from 'idb';
import { type DescribedFact, groupIntoClaims } from '../core/claims/group';
import { ENTITIES, type Lexicon } from '../core/entities';
import { describedFactsFromSeed, seedMetadata, type FactBase } from '../core/facts/build';
import { storyLexicon } from '../core/entities';
import type { Fact, FactSource } from '../core/types';
import type {
  NewSource,
  Source,
  SourceSummary,
  WatchedName,
  WatchedNameInput,
} from '../shared/sources-protocol';
import { MAX_SOURCES } from '../shared/sources-protocol';
import {
  SEED_PREFIX,
  inKeyOrder,
  factsBySource,
  sourceIdOf,
  USER_FACT_PREFIX,
  type FactmarkDb,
  type FactmarkSchema,
} from './db';

/** What the journalist changed in one of a source's facts (factmark/fact-save on its id). */
export interface FactEdit {
  kind: Fact['kind'];
  value: number;
  unit: string;
  precision: number;
  qualifier: Fact['qualifier'];
  text: string;
  /** The claim the journalist filed it under, or null when they left it where it was grouped. */
  attribute: string | null;
}

/** A source as stored: the record of the contract, and the journalist's edits of its facts. */
export interface StoredSource extends Source {
  /** By fact id: applied again over every rebuild of the source's facts. */
  edits?: Record<string, FactEdit>;
}

/**
 * The bundled entities as the Library lists them. They are matched by their own hand-written
 * rules (src/core/entities/lexicon.ts: spellings, look-alikes), not by these: `aliases` only
 * shows the journalist the usual spellings.
 */
export const BUNDLED_NAMES: readonly WatchedName[] = [
  {
    id: 'reko-diq',
    name: 'Reko Diq',
    aliases: ['Reco Diq', 'Reko Dig', 'Reko Diq Mining Company'],
    bundled: true,
    enabled: true,
  },
  {
    id: 'exim',
    name: 'US Export-Import Bank (EXIM)',
    aliases: ['EXIM', 'Ex-Im Bank', 'Export-Import Bank of the United States'],
    bundled: true,
    enabled: true,
  },
  {
    id: 'barrick',
    name: 'Barrick',
    aliases: ['Barrick Gold', 'Barrick Gold Corporation', 'Barrick Mining Corporation'],
    bundled: true,
    enabled: true,
  },
];
// Every bundled entity of the engine is listed (checked once, here, rather than trusted).
if (ENTITIES.some((e) => !BUNDLED_NAMES.some((n) => n.id === e.id))) {
  throw new Error('BUNDLED_NAMES must list every bundled entity');
}

/** An error whose message is the answer's `error`: the request is refused, nothing written. */
export class StoryError extends Error {}

type StoryStore = 'sources' | 'entities' | 'facts' | 'sourceFacts';
type StoryTransaction = IDBPTransaction<FactmarkSchema, StoryStore[], 'readwrite'>;

function factRange(prefix: string): IDBKeyRange {
  return IDBKeyRange.bound(prefix, prefix + '\uffff');
}

/** The key range of a bundled seed's facts (its id holds no ":", so no other seed's are in it). */
function seedFactRange(seed: Pick<Source, 'id'>): IDBKeyRange {
  return factRange(`${SEED_PREFIX}${seed.id}:`);
}

/** The bundled seed a `seed:<file>:<offset>` fact comes from, or null. */
function seedFileOf(factId: string): string | null {
  if (!factId.startsWith(SEED_PREFIX)) return null;
  const rest = factId.slice(SEED_PREFIX.length);
  const colon = rest.lastIndexOf(':');
  return colon > 0 ? rest.slice(0, colon) : null;
}

/**
 * Run `work` in one readwrite transaction over the story's stores; a throw aborts it, so nothing
 * of it is written, and reaches the caller.
 */
async function inTransaction<T>(
  db: FactmarkDb,
  work: (tx: StoryTransaction) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(['sources', 'entities', 'facts', 'sourceFacts'], 'readwrite');
  const done = tx.done;
  done.catch(() => undefined);
  let result: T;
  try {
    result = await work(tx);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished (a request failed and aborted it): the error below says why.
    }
    throw error;
  }
  await done;
  return result;
}

// ---- The bundled story -----------------------------------------------------------------------

function bundledSource(seed: FactBase['seeds'][number]): StoredSource {
  return {
    id: seed.file,
    title: seed.title,
    origin: 'bundled',
    name: seed.file,
    date: seed.date,
    text: '',
    addedAt: 0,
    enabled: true,
    dropped: [],
  };
}

/**
 * List the bundled seeds as sources and the bundled entities as watched names, keeping what the
 * journalist set (switched off). Run on every start (cheap: two reads) and after the seed facts
 * are replaced by an install or update (`rebuild`: then also the journalist's sources' facts are
 * rebuilt, with the engine of the new version, as the CLI of that version would build them).
 */
export async function ensureBundledStory(
  db: FactmarkDb,
  base: FactBase,
  rebuild = false,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const sources = tx.objectStore('sources');
    const entities = tx.objectStore('entities');
    const [storedSources, storedNames] = await Promise.all([sources.getAll(), entities.getAll()]);
    const byId = new Map(storedSources.map((s) => [s.id, s]));
    const seeds = new Set(base.seeds.map((s) => s.file));
    const writes: Promise<unknown>[] = [];
    let changed = false;
    for (const seed of base.seeds) {
      const had = byId.get(seed.file);
      const fresh = bundledSource(seed);
      if (had === undefined) {
        writes.push(sources.put(fresh));
        changed = true;
      } else if (had.origin === 'bundled' && (had.title !== seed.title || had.date !== seed.date)) {
        writes.push(sources.put({ ...had, title: seed.title, date: seed.date }));
      }
    }
    // A seed an update no longer bundles: its facts went with the seed facts (seed.ts).
    for (const s of storedSources) {
      if (s.origin === 'bundled' && !seeds.has(s.id)) {
        writes.push(sources.delete(s.id));
        changed = true;
      }
    }
    const names = new Set(storedNames.map((n) => n.id));
    for (const name of BUNDLED_NAMES) {
      if (!names.has(name.id)) writes.push(entities.put({ ...name, aliases: [...name.aliases] }));
    }
    await Promise.all(writes);
    if (rebuild || changed) await rebuildFacts(tx);
  });
}

// ---- Reading -----------------------------------------------------------------------------------

/** Bundled sources first (in seed order), then the journalist's in the order added. */
function bySourceOrder(a: Source, b: Source): number {
  const bundled = Number(b.origin === 'bundled') - Number(a.origin === 'bundled');
  if (bundled !== 0) return bundled;
  return a.addedAt - b.addedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function summaryOf(source: StoredSource, facts: number): SourceSummary {
  // Neither the text (the Library asks for the facts, not the text) nor the edits.
  const { text: _text, edits: _edits, ...rest } = source;
  return { ...rest, dropped: [...source.dropped], facts };
}

/** Every source, without its text, with the number of its facts. */
export async function listSources(db: FactmarkDb): Promise<SourceSummary[]> {
  const tx = db.transaction(['sources', 'facts', 'sourceFacts'], 'readonly');
  const [stored, ownCounts] = await Promise.all([
    tx.objectStore('sources').getAll(),
    ownFactCounts(tx.objectStore('sourceFacts').index('count')),
  ]);
  const sources = stored.sort(bySourceOrder);
  const counts = await Promise.all(
    sources.map((s) => factCount(tx.objectStore('facts'), s, ownCounts)),
  );
  await tx.done;
  return sources.map((s, i) => summaryOf(s, counts[i] ?? 0));
}

/** A source's number of facts: a seed's counted in `facts`, an own source's from `ownCounts`. */
async function factCount(
  facts: { count(range: IDBKeyRange): Promise<number> },
  source: StoredSource,
  ownCounts: ReadonlyMap<string, number>,
): Promise<number> {
  return source.origin === 'bundled'
    ? facts.count(seedFactRange(source))
    : (ownCounts.get(source.id) ?? 0);
}

/** Every own source's count of facts, read from the index's keys: no record's facts are read. */
async function ownFactCounts<
  Stores extends ArrayLike<StoreNames<FactmarkSchema>>,
  Mode extends IDBTransactionMode,
>(
  index: IDBPIndex<FactmarkSchema, Stores, 'sourceFacts', 'count', Mode>,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let c = await index.openKeyCursor(); c !== null; c = await c.continue()) {
    counts.set(c.primaryKey, c.key);
  }
  return counts;
}

/** A source's facts, whole, in the order of its text; an unknown source is an error. */
export async function sourceFacts(db: FactmarkDb, id: string): Promise<Fact[]> {
  const tx = db.transaction(['sources', 'facts', 'sourceFacts'], 'readonly');
  const source = await tx.objectStore('sources').get(id);
  if (source === undefined) throw new StoryError(`source-facts: no source with id ${id}`);
  const facts =
    source.origin === 'bundled'
      ? await tx.objectStore('facts').getAll(seedFactRange(source))
      : ((await tx.objectStore('sourceFacts').get(id))?.facts ?? []);
  await tx.done;
  return facts.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The facts pages are checked against: those of the sources switched on (a bundled seed's when
 * its source is on), and every user's fact. A fact whose source is not listed (a seed fact read
 * before its source was, which ensureBundledStory prevents) counts as on.
 */
export async function checkedFacts(db: FactmarkDb): Promise<Fact[]> {
  const tx = db.transaction(['sources', 'facts', 'sourceFacts'], 'readonly');
  const [sources, facts, records] = await Promise.all([
    tx.objectStore('sources').getAll(),
    tx.objectStore('facts').getAll(),
    tx.objectStore('sourceFacts').getAll(),
  ]);
  await tx.done;
  const off = new Set(sources.filter((s) => !s.enabled).map((s) => s.id));
  const own = records.flatMap((r) => (off.has(r.sourceId) ? [] : r.facts));
  const checked =
    off.size === 0
      ? facts
      : facts.filter((f) => {
          const seed = seedFileOf(f.id);
          return seed === null || !off.has(seed);
        });
  return inKeyOrder(checked, own);
}

/** Every watched name; `enabledOnly`: those watched now (what a content script gets). */
export async function listEntities(db: FactmarkDb, enabledOnly = false): Promise<WatchedName[]> {
  const names = await db.getAll('entities');
  return sortNames(enabledOnly ? names.filter((n) => n.enabled) : names);
}

/** Bundled names first, in the engine's order; then the journalist's, by id. */
function sortNames(names: WatchedName[]): WatchedName[] {
  const bundledOrder = new Map(BUNDLED_NAMES.map((n, i) => [n.id, i]));
  return names.sort((a, b) => {
    const ia = bundledOrder.get(a.id) ?? Infinity;
    const ib = bundledOrder.get(b.id) ?? Infinity;
    if (ia !== ib) return ia - ib;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

// ---- The rebuild -------------------------------------------------------------------------------

/**
 * Descriptions of a source's facts, kept while the background lives, by source and watched names:
 * switching a source on or off, or adding another, describes only what is new. Grouping (cheap)
 * is redone on every rebuild. An entry is used only for the very text it was made from (a
 * source's text never changes, but a wiped database may bring its id back with another).
 */
const describedCache = new Map<string, { text: string; described: DescribedFact[] }>();
/** Sources' descriptions kept at most: some 1,000 sources of the watched names of now. */
const DESCRIBED_CACHE_MAX = 1_000;

function describe(source: StoredSource, lexiconKey: string, lexicon: Lexicon): DescribedFact[] {
  const key = `${source.id}\u0000${lexiconKey}`;
  const kept = describedCache.get(key);
  if (kept !== undefined && kept.text === source.text) return kept.described;
  const described = describedFactsFromSeed(
    { file: source.id, text: source.text, date: source.date },
    lexicon,
    'source',
  );
  if (describedCache.size >= DESCRIBED_CACHE_MAX) describedCache.clear();
  describedCache.set(key, { text: source.text, described });
  return described;
}

/** The order the CLI reads sources in: by file name (a source without one, by its title). */
function byCliOrder(a: StoredSource, b: StoredSource): number {
  const ka = a.name ?? a.title;
  const kb = b.name ?? b.title;
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function provenance(source: StoredSource): FactSource {
  const out: FactSource = {
    type: 'source',
    sourceId: source.id,
    title: source.title,
    date: source.date,
  };
  if (source.url !== undefined) out.url = source.url;
  if (source.name !== undefined) out.name = source.name;
  return out;
}

interface Rebuilt {
  /** Every own source's facts, drops left out and edits applied. */
  facts: Fact[];
  /** Facts extracted per source, before drops. */
  extracted: Map<string, number>;
}

/**
 * The facts of the journalist's sources, as the CLI would build them from the sources switched on
 * and the names watched: described with the story's lexicon, grouped together in the CLI's order
 * (by file name), claim ids other than those of the bundled facts checked beside them. Sources
 * switched off are grouped apart (their facts are listed in the Library, not checked against).
 */
function buildOwnFacts(
  sources: readonly StoredSource[],
  names: readonly WatchedName[],
  seedFacts: readonly Fact[],
): Rebuilt {
  const bundledOn = new Set(names.filter((n) => n.bundled && n.enabled).map((n) => n.id));
  const own = names.filter((n) => !n.bundled && n.enabled);
  const lexicon = storyLexicon(bundledOn, own);
  const lexiconKey = JSON.stringify([
    [...bundledOn].sort(),
    own.map((n) => [n.id, n.name, n.aliases]),
  ]);
  const seedsOn = new Set(
    sources.filter((s) => s.origin === 'bundled' && s.enabled).map((s) => s.id),
  );
  const takenOn = new Set(
    seedFacts.filter((f) => seedsOn.has(seedFileOf(f.id) ?? '')).map((f) => f.attribute),
  );
  const ownSources = sources.filter((s) => s.origin !== 'bundled').sort(byCliOrder);
  const extracted = new Map<string, number>();
  const facts: Fact[] = [];
  const group = (list: StoredSource[], taken: ReadonlySet<string>): Set<string> => {
    const described = list.flatMap((s) => {
      const d = describe(s, lexiconKey, lexicon);
      extracted.set(s.id, d.length);
      return d;
    });
    groupIntoClaims(described, taken);
    const bySource = new Map(list.map((s) => [s.id, s]));
    const used = new Set<string>();
    for (const { fact } of described) {
      used.add(fact.attribute);
      const source = bySource.get(sourceIdOf(fact.id) ?? '');
      if (source === undefined || source.dropped.includes(fact.id)) continue;
      const edit = source.edits?.[fact.id];
      const out: Fact = { ...fact, source: provenance(source) };
      if (edit !== undefined) {
        out.kind = edit.kind;
        out.value = edit.value;
        out.unit = edit.unit;
        out.precision = edit.precision;
        out.qualifier = edit.qualifier === null ? null : { ...edit.qualifier };
        out.text = edit.text;
        if (edit.attribute !== null) out.attribute = edit.attribute;
      }
      facts.push(out);
    }
    return used;
  };
  const usedOn = group(
    ownSources.filter((s) => s.enabled),
    takenOn,
  );
  const allSeedClaims = new Set(seedFacts.map((f) => f.attribute));
  group(
    ownSources.filter((s) => !s.enabled),
    new Set([...allSeedClaims, ...usedOn]),
  );
  return { facts, extracted };
}

/**
 * Claim ids that the rebuild renamed: for each claim id of the journalist's sources before, the
 * id most of the same facts have now. Facts whose claim the journalist chose do not vote.
 */
function renamedClaims(
  before: readonly Fact[],
  after: readonly Fact[],
  sources: readonly StoredSource[],
): Map<string, string> {
  const now = new Map(after.map((f) => [f.id, f.attribute]));
  const chosen = chosenClaims(sources);
  const votes = new Map<string, Map<string, number>>();
  for (const f of before) {
    const next = now.get(f.id);
    if (next === undefined || chosen.has(f.id)) continue;
    const tally = votes.get(f.attribute) ?? new Map<string, number>();
    tally.set(next, (tally.get(next) ?? 0) + 1);
    votes.set(f.attribute, tally);
  }
  const renamed = new Map<string, string>();
  for (const [old, tally] of votes) {
    const best = [...tally].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (best !== undefined && best[0] !== old) renamed.set(old, best[0]);
  }
  return renamed;
}

/**
 * Rebuild the journalist's sources' facts inside `tx` and write them: every `source:` fact is
 * replaced, and users' facts and edits filed under a renamed claim follow it. Returns the facts
 * each source's text gave (before drops).
 */
async function rebuildFacts(
  tx: StoryTransaction,
  sources?: readonly StoredSource[],
): Promise<Rebuild> {
  const factStore = tx.objectStore('facts');
  const recordStore = tx.objectStore('sourceFacts');
  const [list, names, seedFacts, records, userFacts] = await Promise.all([
    sources ?? tx.objectStore('sources').getAll(),
    tx.objectStore('entities').getAll(),
    factStore.getAll(factRange(SEED_PREFIX)),
    recordStore.getAll(),
    factStore.getAll(factRange(USER_FACT_PREFIX)),
  ]);
  const before = records.flatMap((r) => r.facts);
  const rebuilt = buildOwnFacts(list, names, seedFacts);
  const renamed = renamedClaims(before, rebuilt.facts, list);
  const writes: Promise<unknown>[] = [];
  if (renamed.size > 0) {
    for (const f of userFacts) {
      const next = renamed.get(f.attribute);
      if (next !== undefined) writes.push(factStore.put({ ...f, attribute: next }));
    }
    for (const s of list) {
      if (s.edits === undefined) continue;
      let edits: Record<string, FactEdit> | null = null;
      for (const [id, e] of Object.entries(s.edits)) {
        const next = e.attribute === null ? undefined : renamed.get(e.attribute);
        if (next === undefined) continue;
        edits ??= { ...s.edits };
        edits[id] = { ...e, attribute: next };
      }
      if (edits !== null) writes.push(tx.objectStore('sources').put({ ...s, edits }));
    }
    const chosen = chosenClaims(list);
    for (const f of rebuilt.facts) {
      const next = renamed.get(f.attribute);
      if (next !== undefined && chosen.has(f.id)) f.attribute = next;
    }
  }
  // Only the sources whose facts changed are written: a rebuild mostly gives back the facts it
  // had (a source switched on or off, a name that its texts do not name), and a write costs more
  // than a comparison.
  const had = new Map(records.map((r) => [r.sourceId, r]));
  const counts = new Map<string, number>();
  for (const [sourceId, facts] of factsBySource(rebuilt.facts)) {
    const record = had.get(sourceId);
    had.delete(sourceId);
    counts.set(sourceId, facts.length);
    if (record === undefined || !sameFacts(record.facts, facts)) {
      writes.push(recordStore.put({ sourceId, count: facts.length, facts }));
    }
  }
  for (const sourceId of had.keys()) writes.push(recordStore.delete(sourceId));
  await Promise.all(writes);
  return { extracted: rebuilt.extracted, stored: counts };
}

interface Rebuild {
  /** Facts each source's text gave, before drops. */
  extracted: Map<string, number>;
  /** Facts stored now for each source that has any. */
  stored: Map<string, number>;
}

/** Whether two lists hold the same facts in the same order (as stored: JSON-equal). */
function sameFacts(a: readonly Fact[], b: readonly Fact[]): boolean {
  return a.length === b.length && a.every((f, i) => JSON.stringify(f) === JSON.stringify(b[i]));
}

/** Ids of the facts whose claim the journalist chose (an edit with an `attribute`). */
function chosenClaims(sources: readonly StoredSource[]): Set<string> {
  const chosen = new Set<string>();
  for (const s of sources) {
    for (const [id, edit] of Object.entries(s.edits ?? {})) {
      if (edit.attribute !== null) chosen.add(id);
    }
  }
  return chosen;
}

// ---- Sources -----------------------------------------------------------------------------------

/**
 * Add a source of the journalist's own and rebuild the fact base with it. Refused, nothing
 * written, when its text holds no figure (a source gives the fact base nothing else) or when
 * MAX_SOURCES are stored.
 */
export async function addSource(
  db: FactmarkDb,
  input: NewSource,
  options: { now: number; newId: () => string },
): Promise<SourceSummary> {
  return inTransaction(db, async (tx) => {
    const store = tx.objectStore('sources');
    const sources = await store.getAll();
    if (sources.length >= MAX_SOURCES) {
      throw new StoryError(
        `source-add: ${MAX_SOURCES.toLocaleString('en-US')} sources are stored already; remove some first`,
      );
    }
    const id = options.newId();
    if (sources.some((s) => s.id === id)) throw new Error(`source-add: id ${id} is taken`);
    const source: StoredSource = {
      id,
      title: input.title,
      origin: input.origin,
      // The text's own `date YYYY-MM-DD` marker when no date is given (seedMetadata reads it).
      date: input.date !== undefined ? input.date : seedMetadata(input.text).date,
      text: input.text,
      addedAt: options.now,
      enabled: true,
      dropped: [],
    };
    if (input.name !== undefined) source.name = input.name;
    if (input.url !== undefined) source.url = input.url;
    const { extracted, stored } = await rebuildFacts(tx, [...sources, source]);
    if ((extracted.get(id) ?? 0) === 0) {
      throw new StoryError(
        `source-add: "${clip(input.title)}" holds no figure (no amount, count, percentage or year): nothing to check pages against`,
      );
    }
    await store.put(source);
    return summaryOf(source, stored.get(id) ?? 0);
  });
}

function clip(title: string): string {
  return title.length > 80 ? `${title.slice(0, 79)}…` : title;
}

/** Remove one of the journalist's sources and its facts; a bundled source is refused. */
export async function removeSource(db: FactmarkDb, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const store = tx.objectStore('sources');
    const source = await store.get(id);
    if (source === undefined) throw new StoryError(`source-remove: no source with id ${id}`);
    if (source.origin === 'bundled') {
      throw new StoryError(
        'source-remove: a bundled source cannot be removed; switch it off instead',
      );
    }
    await store.delete(id);
    await rebuildFacts(tx);
  });
}

/** Switch a source on or off; the fact base is rebuilt without or with it. */
export async function enableSource(
  db: FactmarkDb,
  id: string,
  enabled: boolean,
): Promise<SourceSummary> {
  return inTransaction(db, async (tx) => {
    const store = tx.objectStore('sources');
    const source = await store.get(id);
    if (source === undefined) throw new StoryError(`source-enable: no source with id ${id}`);
    const next = { ...source, enabled };
    if (source.enabled !== enabled) await store.put(next);
    const counts =
      source.enabled !== enabled
        ? (await rebuildFacts(tx)).stored
        : await ownFactCounts(tx.objectStore('sourceFacts').index('count'));
    return summaryOf(next, await factCount(tx.objectStore('facts'), next, counts));
  });
}

/**
 * Drop a fact of one of the journalist's sources (factmark/fact-delete on its id): it is deleted
 * and recorded in its source's `dropped`, so no rebuild brings it back. An unknown fact of a
 * source that exists is a no-op, as an unknown user's fact is.
 */
export async function dropSourceFact(db: FactmarkDb, factId: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const sourceId = sourceIdOf(factId);
    const store = tx.objectStore('sources');
    const source = sourceId === null ? undefined : await store.get(sourceId);
    if (source === undefined) throw new StoryError(`fact-delete: no source has a fact ${factId}`);
    if (source.dropped.includes(factId)) return;
    const records = tx.objectStore('sourceFacts');
    const record = await records.get(source.id);
    if (record === undefined) return;
    const facts = record.facts.filter((f) => f.id !== factId);
    if (facts.length === record.facts.length) return;
    await Promise.all([
      facts.length === 0
        ? records.delete(source.id)
        : records.put({ ...record, count: facts.length, facts }),
      store.put({ ...source, dropped: [...source.dropped, factId] }),
    ]);
  });
}

/**
 * Edit a fact of one of the journalist's sources (factmark/fact-save on its id): its value, unit,
 * qualifier, figure and claim are the journalist's; its id, quote, offsets and provenance stay
 * the source's. Recorded in the source's `edits`, so a rebuild keeps it.
 */
export async function editSourceFact(db: FactmarkDb, edited: Fact): Promise<Fact> {
  return inTransaction(db, async (tx) => {
    const sourceId = sourceIdOf(edited.id);
    const records = tx.objectStore('sourceFacts');
    const record = sourceId === null ? undefined : await records.get(sourceId);
    const stored = record?.facts.find((f) => f.id === edited.id);
    const store = tx.objectStore('sources');
    const source = sourceId === null ? undefined : await store.get(sourceId);
    if (record === undefined || stored === undefined || source === undefined) {
      throw new StoryError(
        `fact-save: no fact ${edited.id} of a source (a dropped fact cannot be edited)`,
      );
    }
    const edit: FactEdit = {
      kind: edited.kind,
      value: edited.value,
      unit: edited.unit,
      precision: edited.precision,
      qualifier: edited.qualifier === null ? null : { ...edited.qualifier },
      text: edited.text,
      attribute:
        edited.attribute !== stored.attribute
          ? edited.attribute
          : (source.edits?.[edited.id]?.attribute ?? null),
    };
    const fact: Fact = {
      ...stored,
      kind: edit.kind,
      value: edit.value,
      unit: edit.unit,
      precision: edit.precision,
      qualifier: edit.qualifier,
      text: edit.text,
      attribute: edited.attribute,
    };
    await Promise.all([
      records.put({ ...record, facts: record.facts.map((f) => (f.id === fact.id ? fact : f)) }),
      store.put({ ...source, edits: { ...source.edits, [edited.id]: edit } }),
    ]);
    return fact;
  });
}

// ---- Watched names -----------------------------------------------------------------------------

/**
 * Add or replace (by id) a watched name of the journalist's own; a bundled id is refused (a
 * bundled entity is switched off, not edited). A new name is watched at once; a replaced one
 * keeps its switch. The sources' facts are rebuilt with the names of now.
 */
export async function saveEntity(db: FactmarkDb, input: WatchedNameInput): Promise<WatchedName> {
  return inTransaction(db, async (tx) => {
    const store = tx.objectStore('entities');
    const had = await store.get(input.id);
    if (had?.bundled === true || BUNDLED_NAMES.some((n) => n.id === input.id)) {
      throw new StoryError(
        `entity-save: "${input.id}" is a bundled entity; it cannot be edited, only switched off`,
      );
    }
    const entity: WatchedName = {
      id: input.id,
      name: input.name,
      aliases: [...input.aliases],
      bundled: false,
      enabled: had?.enabled ?? true,
    };
    await store.put(entity);
    await rebuildFacts(tx);
    return entity;
  });
}

/** Remove a watched name of the journalist's own; a bundled one is refused. */
export async function removeEntity(db: FactmarkDb, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const store = tx.objectStore('entities');
    const had = await store.get(id);
    if (had === undefined) throw new StoryError(`entity-remove: no watched name with id ${id}`);
    if (had.bundled) {
      throw new StoryError(
        `entity-remove: "${id}" is a bundled entity; it cannot be removed, only switched off`,
      );
    }
    await store.delete(id);
    await rebuildFacts(tx);
  });
}

/** Watch a name or stop watching it (a bundled one too). */
export async function enableEntity(
  db: FactmarkDb,
  id: string,
  enabled: boolean,
): Promise<WatchedName> {
  return inTransaction(db, async (tx) => {
    const store = tx.objectStore('entities');
    const had = await store.get(id);
    if (had === undefined) throw new StoryError(`entity-enable: no watched name with id ${id}`);
    const entity = { ...had, aliases: [...had.aliases], enabled };
    if (had.enabled !== enabled) {
      await store.put(entity);
      await rebuildFacts(tx);
    }
    return entity;
  });
}

// ---- For the backup's restore (backup.ts) --------------------------------------------------------

export type { StoryTransaction };

/**
 * Rebuild the journalist's sources' facts inside a transaction of the caller's over (at least) the
 * story's stores: the restore writes the sources, names and facts of a backup and rebuilds in the
 * same transaction, so the fact base is never seen without them, and a failure writes nothing.
 */
export async function rebuildStoryFacts(tx: StoryTransaction): Promise<void> {
  await rebuildFacts(tx);
}

// ---- Desk sync (sync/items.ts) -----------------------------------------------------------------

/** Teammates' (or this journalist's other profiles') sources and watched names from the desk. */
export interface DeskStoryChanges {
  /** Sources to add or replace (by id): their switch stays this profile's (on when new). */
  sources: StoredSource[];
  removeSources: string[];
  /** Watched names to add or replace (by id): their switch stays this profile's. */
  entities: WatchedName[];
  removeEntities: string[];
}

/**
 * Apply sources and watched names pulled from the desk, and rebuild the fact base once, in one
 * transaction (so teammates' sources take part in verdicts as the journalist's own do). A bundled
 * source or name is never replaced or removed by the desk.
 */
export async function applyDeskStory(db: FactmarkDb, changes: DeskStoryChanges): Promise<void> {
  const total =
    changes.sources.length +
    changes.removeSources.length +
    changes.entities.length +
    changes.removeEntities.length;
  if (total === 0) return;
  await inTransaction(db, async (tx) => {
    const sources = tx.objectStore('sources');
    const entities = tx.objectStore('entities');
    for (const source of changes.sources) {
      const had = await sources.get(source.id);
      if (had?.origin === 'bundled') continue;
      await sources.put({ ...source, enabled: had?.enabled ?? true });
    }
    for (const id of changes.removeSources) {
      const had = await sources.get(id);
      if (had !== undefined && had.origin !== 'bundled') await sources.delete(id);
    }
    for (const entity of changes.entities) {
      const had = await entities.get(entity.id);
      if (had?.bundled === true || BUNDLED_NAMES.some((n) => n.id === entity.id)) continue;
      await entities.put({ ...entity, bundled: false, enabled: had?.enabled ?? true });
    }
    for (const id of changes.removeEntities) {
      const had = await entities.get(id);
      if (had !== undefined && !had.bundled) await entities.delete(id);
    }
    await rebuildFacts(tx);
  });
}
