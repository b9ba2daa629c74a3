/**
 * A fake background for the Library's Sources and Watched names sections (the seams
 * SourcesApi and WatchedNamesApi of src/options/browser-api.ts): sources with their facts, and
 * watched names, answered as the background does, with every call recorded by vi.fn.
 */
import { vi } from 'vitest';
import type { Fact } from '../../src/core/types';
import type { SourcesApi, WatchedNamesApi } from '../../src/options/browser-api';
import type { OkAnswer } from '../../src/shared/messages';
import type {
  EntitiesAnswer,
  EntityAnswer,
  NewSource,
  SourceAnswer,
  SourcesAnswer,
  SourceSummary,
  WatchedName,
  WatchedNameInput,
} from '../../src/shared/sources-protocol';
import { fact } from './background-fixtures';

export { buttonNamed, field, mount, settle, text, typeInto } from './library-fixtures';

export const BUNDLED: SourceSummary = {
  id: '001_39814e93883a93bf.txt',
  title: 'EXIM approves Reko Diq financing',
  origin: 'bundled',
  name: '001_39814e93883a93bf.txt',
  date: '2026-02-06',
  addedAt: 0,
  enabled: true,
  dropped: [],
  facts: 1,
};

export const OWN: SourceSummary = {
  id: '6f1c2b9e-0000-4000-8000-000000000001',
  title: 'AfDB approves $640 million loan for Tembo Hills graphite mine',
  origin: 'file',
  name: '001_afdb-loan.txt',
  date: '2026-03-12',
  addedAt: Date.UTC(2026, 2, 12),
  enabled: true,
  dropped: [],
  facts: 2,
};

export const PAGE: SourceSummary = {
  id: '6f1c2b9e-0000-4000-8000-000000000002',
  title: 'Kilimani sets out output',
  origin: 'page',
  url: 'https://news.example/kilimani?a=1&b=2',
  date: null,
  addedAt: Date.UTC(2026, 2, 13),
  enabled: false,
  dropped: ['source:6f1c2b9e-0000-4000-8000-000000000002:10'],
  facts: 1,
};

/** A fact of a journalist's source: "$640 million" in its quote, 40 characters into the source. */
export function sourceFact(id: string, sourceId: string, extra: Partial<Fact> = {}): Fact {
  const quote = 'The African Development Bank approved a $640 million loan.';
  return fact(id, {
    attribute: 'afdb.loan',
    value: 640_000_000,
    precision: 500_000,
    text: '$640 million',
    quote,
    quoteStart: 100,
    quoteEnd: 100 + quote.length,
    start: 100 + quote.indexOf('$640'),
    end: 100 + quote.indexOf('$640') + '$640 million'.length,
    source: { type: 'source', sourceId, title: 'AfDB loan', name: '001_afdb-loan.txt', date: null },
    ...extra,
  });
}

export const OWN_FACTS: Fact[] = [
  sourceFact(`source:${OWN.id}:140`, OWN.id),
  sourceFact(`source:${OWN.id}:260`, OWN.id, {
    attribute: 'kilimani.stake',
    kind: 'percent',
    value: 60,
    unit: '%',
    precision: 0.5,
    text: '60%',
    quote: 'Kilimani Resources holds 60% of the project.',
    quoteStart: 200,
    quoteEnd: 244,
    // Offsets that do not land on the figure (white space collapsed): found by its text.
    start: 230,
    end: 233,
  }),
];

export const BUNDLED_FACTS: Fact[] = [fact(`seed:${BUNDLED.id}:13`)];

export const ENTITIES: WatchedName[] = [
  { id: 'reko-diq', name: 'Reko Diq', aliases: ['Reco Diq'], bundled: true, enabled: true },
  { id: 'exim', name: 'US Export-Import Bank', aliases: ['EXIM'], bundled: true, enabled: true },
  { id: 'barrick', name: 'Barrick Gold', aliases: ['Barrick'], bundled: true, enabled: false },
  {
    id: 'afdb',
    name: 'African Development Bank',
    aliases: ['AfDB'],
    bundled: false,
    enabled: true,
  },
];

interface Stored {
  sources?: SourceSummary[];
  facts?: Record<string, Fact[]>;
  entities?: WatchedName[];
}

/** The two seams over one fake background; `state()` is what it holds now. */
export function fakeStoryApi(stored: Stored = {}) {
  let sources = [...(stored.sources ?? [BUNDLED, OWN, PAGE])];
  const facts = new Map(
    Object.entries(stored.facts ?? { [BUNDLED.id]: BUNDLED_FACTS, [OWN.id]: OWN_FACTS }),
  );
  let entities = [...(stored.entities ?? ENTITIES)];
  let added = 0;
  const sourceOfFact = (id: string) => sources.find((s) => id.startsWith(`source:${s.id}:`));

  const api = {
    getSources: vi.fn(async (): Promise<SourcesAnswer> => ({
      ok: true as const,
      sources: [...sources],
    })),
    addSource: vi.fn(async (source: NewSource): Promise<SourceAnswer> => {
      added += 1;
      const summary: SourceSummary = {
        id: `6f1c2b9e-0000-4000-8000-00000000010${added}`,
        title: source.title,
        origin: source.origin,
        ...(source.name === undefined ? {} : { name: source.name }),
        ...(source.url === undefined ? {} : { url: source.url }),
        date: source.date ?? null,
        addedAt: Date.UTC(2026, 2, 20),
        enabled: true,
        dropped: [],
        facts: 4,
      };
      sources = [...sources, summary];
      return { ok: true as const, source: summary };
    }),
    removeSource: vi.fn(async (id: string): Promise<OkAnswer> => {
      if (sources.find((s) => s.id === id)?.origin === 'bundled') {
        return { ok: false as const, error: 'source-remove: a bundled source cannot be removed' };
      }
      sources = sources.filter((s) => s.id !== id);
      return { ok: true as const };
    }),
    enableSource: vi.fn(async (id: string, enabled: boolean): Promise<SourceAnswer> => {
      const found = sources.find((s) => s.id === id);
      if (!found) return { ok: false as const, error: `source-enable: no source ${id}` };
      const source = { ...found, enabled };
      sources = sources.map((s) => (s.id === id ? source : s));
      return { ok: true as const, source };
    }),
    getSourceFacts: vi.fn(async (id: string) => ({
      ok: true as const,
      facts: [...(facts.get(id) ?? [])],
    })),
    saveFact: vi.fn(async (saved: Fact) => ({ ok: true as const, fact: saved })),
    deleteFact: vi.fn(async (id: string) => {
      const source = sourceOfFact(id);
      if (source)
        facts.set(
          source.id,
          (facts.get(source.id) ?? []).filter((f) => f.id !== id),
        );
      return { ok: true as const };
    }),
    getEntities: vi.fn(async (): Promise<EntitiesAnswer> => ({
      ok: true as const,
      entities: [...entities],
    })),
    saveEntity: vi.fn(async (input: WatchedNameInput): Promise<EntityAnswer> => {
      const entity: WatchedName = { ...input, bundled: false, enabled: true };
      entities = entities.some((e) => e.id === input.id)
        ? entities.map((e) => (e.id === input.id ? entity : e))
        : [...entities, entity];
      return { ok: true as const, entity };
    }),
    removeEntity: vi.fn(async (id: string) => {
      entities = entities.filter((e) => e.id !== id);
      return { ok: true as const };
    }),
    enableEntity: vi.fn(async (id: string, enabled: boolean) => {
      const found = entities.find((e) => e.id === id)!;
      const entity = { ...found, enabled };
      entities = entities.map((e) => (e.id === id ? entity : e));
      return { ok: true as const, entity };
    }),
  } satisfies SourcesApi & WatchedNamesApi;
  return { api, state: () => ({ sources, facts, entities }) };
}

/** A File as the file input gives it. */
export function fileOf(parts: BlobPart[], name: string, type = ''): File {
  return new File(parts, name, { type });
}

/** Choose `file` in a file input, as the user does. */
export function chooseFile(input: HTMLInputElement, file: File): void {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
