/**
 * The protocol's callers (src/shared/protocol.ts, docs/contracts.md "Who may call"): for every
 * background request type, what a content script of another origin gets (refused, or scoped to
 * its own origin), what one of the data's own origin gets, and that the extension's own pages
 * still get everything.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { openFactmarkDb, type FactmarkDb } from '../../src/background/db';
import { createRouter } from '../../src/background/router';
import { syncStub } from '../support/sync-stub';
import type { MessageListener, Sender } from '../../src/background/browser-api';
import {
  WITHHELD_SOURCE_TITLE,
  factsForContentScript,
  withheldUserFact,
} from '../../src/background/scope';
import { toJsonLd } from '../../src/core/annotations';
import { backupOfAnnotations } from '../support/request-samples';
import { factTerms } from '../../src/core/claims/describe';
import { indexFacts } from '../../src/core/compare';
import { analyzeText, buildReport } from '../../src/core/report/analyze';
import type { Fact } from '../../src/core/types';
import type { BackgroundRequest, FactsAnswer } from '../../src/shared/messages';
import { BUNDLED_FACT_BASE } from '../../src/shared/fact-base';
import {
  BACKGROUND_CALLERS,
  callerOf,
  type AnswerOf,
  type BackgroundRequestType,
  type CallableBy,
  type ContentScriptRequest,
} from '../../src/shared/protocol';
import type { ContentBrowserApi } from '../../src/content/browser-api';
import { annotation, fact, freshDbName } from './background-fixtures';

const OWN_ID = 'own-extension-id';
const ORIGIN = `chrome-extension://${OWN_ID}/`;
const popup: Sender = { id: OWN_ID, url: `${ORIGIN}src/popup/index.html` };
/** The Library open in a tab: an extension page with sender.tab. */
const library: Sender = {
  id: OWN_ID,
  url: `${ORIGIN}src/options/index.html`,
  frameId: 0,
  tab: { id: 1 },
};
/** A content script on the page the stored data belongs to (example.org). */
const sameSite: Sender = {
  id: OWN_ID,
  url: 'https://example.org/story?utm_source=x#top',
  tab: { id: 2, url: 'https://example.org/story' },
};
/**
 * A content script in another site's renderer. Its tab's URL says example.org (an evil frame
 * inside example.org's page): scope follows the frame's own URL, never the tab's or the message's.
 */
const evil: Sender = {
  id: OWN_ID,
  url: 'https://evil.example/frame',
  tab: { id: 2, url: 'https://example.org/story' },
};
const REFUSED = { ok: false, error: 'not allowed from content script' };

const stored = annotation('anno:1'); // https://example.org/story
const userFact = fact('user:1', {
  attribute: 'barrick.stake',
  quote: 'Barrick holds 50 per cent, said J.D. at the board meeting.',
  text: '50 per cent',
  kind: 'percent',
  value: 50,
  unit: '%',
  precision: 0.5,
});

let db: FactmarkDb;
let route: MessageListener;

beforeEach(async () => {
  db = await openFactmarkDb({ name: freshDbName() });
  await db.put('facts', fact('seed:a.txt:10'));
  await db.put('facts', userFact);
  await db.put('annotations', stored);
  route = createRouter({
    extensionId: OWN_ID,
    extensionOrigin: ORIGIN,
    db: async () => db,
    newAnnotationId: () => 'anno:imported',
    // Sync's own behaviour is tests/unit/sync-*.test.ts's; here, who may send its requests.
    sync: syncStub(),
  });
});

/** Everything stored, to show a refused request wrote nothing. */
async function everything() {
  return {
    facts: await db.getAll('facts'),
    annotations: await db.getAll('annotations'),
    sites: await db.getAll('sites'),
    sources: await db.getAll('sources'),
    entities: await db.getAll('entities'),
  };
}

/** A source and a watched name of the journalist's own, for the requests that name them. */
async function ownStory(): Promise<void> {
  await db.put('sources', {
    id: 'own-1',
    title: 'Own source',
    origin: 'paste',
    date: null,
    text: 'Tembo Hills costs $640 million.',
    addedAt: 1,
    enabled: true,
    dropped: [],
  });
  await db.put('entities', {
    id: 'tembo-hills',
    name: 'Tembo Hills',
    aliases: [],
    bundled: false,
    enabled: true,
  });
}

/**
 * One valid request of every type, aimed at example.org's data. A Record over the contract: a
 * request type added to it without a row here fails to compile.
 */
const SAMPLES: { readonly [T in BackgroundRequestType]: () => BackgroundRequest & { type: T } } = {
  'factmark/facts': () => ({ type: 'factmark/facts' }),
  'factmark/facts-get': () => ({ type: 'factmark/facts-get', ids: ['user:1'] }),
  'factmark/site-get': () => ({ type: 'factmark/site-get', host: 'example.org' }),
  'factmark/site-set': () => ({ type: 'factmark/site-set', host: 'example.org', enabled: false }),
  'factmark/annotations': () => ({ type: 'factmark/annotations', url: stored.url }),
  'factmark/annotations-page': () => ({
    type: 'factmark/annotations-page',
    limit: 50,
    query: { text: 'exim' },
  }),
  'factmark/annotation-save': () => ({
    type: 'factmark/annotation-save',
    annotation: { ...stored, note: 'overwritten' },
  }),
  'factmark/annotations-delete': () => ({ type: 'factmark/annotations-delete', ids: ['anno:1'] }),
  'factmark/annotations-restore': () => ({
    type: 'factmark/annotations-restore',
    annotations: [annotation('anno:2')],
  }),
  'factmark/export': () => ({ type: 'factmark/export', format: 'jsonld', url: stored.url }),
  'factmark/import': () => ({
    type: 'factmark/import',
    text: toJsonLd([annotation('anno:3', { note: 'imported' })]),
  }),
  'factmark/import-undo': () => ({ type: 'factmark/import-undo', id: 'import:1' }),
  'factmark/backup-export': () => ({ type: 'factmark/backup-export' }),
  'factmark/backup-import': () => ({
    type: 'factmark/backup-import',
    text: backupOfAnnotations([annotation('anno:4', { note: 'restored' })]),
  }),
  // Desk sync (extension pages only).
  'factmark/sync-set': () => ({
    type: 'factmark/sync-set',
    url: 'http://127.0.0.1:5984',
    db: 'desk',
    user: 'alice',
    password: 'secret',
  }),
  'factmark/sync-now': () => ({ type: 'factmark/sync-now' }),
  'factmark/sync-status': () => ({ type: 'factmark/sync-status' }),
  'factmark/sync-test': () => ({
    type: 'factmark/sync-test',
    url: 'http://127.0.0.1:5984',
    db: 'desk',
    user: 'alice',
    password: 'secret',
  }),
  'factmark/sync-conflicts': () => ({ type: 'factmark/sync-conflicts' }),
  'factmark/sync-resolve': () => ({ type: 'factmark/sync-resolve', id: 'anno:1', keep: '1-abc' }),
  'factmark/share': () => ({ type: 'factmark/share', ids: ['anno:1'], shared: true }),
  'factmark/desk-items': () => ({ type: 'factmark/desk-items' }),
  // The annotation editor's frame only (tests/unit/background-share-decision.test.ts).
  'factmark/annotation-share': () => ({
    type: 'factmark/annotation-share',
    id: 'anno:1',
    shared: true,
    saved: { color: stored.color, note: stored.note, tags: stored.tags },
  }),
  'factmark/fact-save': () => ({
    type: 'factmark/fact-save',
    fact: fact('user:new', { source: { type: 'user', url: stored.url, title: 'T', date: null } }),
  }),
  'factmark/fact-delete': () => ({ type: 'factmark/fact-delete', id: 'user:1' }),
  'factmark/sources': () => ({ type: 'factmark/sources' }),
  'factmark/source-add': () => ({
    type: 'factmark/source-add',
    source: { title: 'Pasted', text: 'Tembo Hills costs $640 million.', origin: 'paste' },
  }),
  'factmark/source-remove': () => ({ type: 'factmark/source-remove', id: 'own-1' }),
  'factmark/source-enable': () => ({ type: 'factmark/source-enable', id: 'own-1', enabled: false }),
  'factmark/source-facts': () => ({ type: 'factmark/source-facts', id: 'own-1' }),
  'factmark/entities': () => ({ type: 'factmark/entities' }),
  'factmark/entity-save': () => ({
    type: 'factmark/entity-save',
    entity: { id: 'tembo-hills', name: 'Tembo Hills', aliases: ['Tembo Hill project'] },
  }),
  'factmark/entity-remove': () => ({ type: 'factmark/entity-remove', id: 'tembo-hills' }),
  'factmark/entity-enable': () => ({
    type: 'factmark/entity-enable',
    id: 'tembo-hills',
    enabled: false,
  }),
};
const TYPES = Object.keys(BACKGROUND_CALLERS) as BackgroundRequestType[];

describe('the contract', () => {
  it('names the callers of every request type: extension pages, content scripts, and the editor for its share alone', () => {
    for (const type of TYPES) {
      expect(BACKGROUND_CALLERS[type].length).toBeGreaterThan(0);
      if (type === 'factmark/annotation-share') {
        // The annotation editor's "Shared with the desk": its frame's alone.
        expect(BACKGROUND_CALLERS[type]).toEqual(['embedded extension page']);
        continue;
      }
      for (const kind of BACKGROUND_CALLERS[type]) {
        expect(['extension page', 'content script']).toContain(kind);
      }
      // Every other type may be sent by the extension's own pages.
      expect(BACKGROUND_CALLERS[type]).toContain('extension page');
    }
  });

  it('types answers by request, and a content script cannot write an extension-only request', () => {
    expectTypeOf<AnswerOf<'factmark/facts'>>().toEqualTypeOf<FactsAnswer>();
    expectTypeOf<CallableBy<'content script'>>().toEqualTypeOf<
      | 'factmark/facts'
      | 'factmark/site-get'
      | 'factmark/annotations'
      | 'factmark/annotation-save'
      | 'factmark/annotations-delete'
      | 'factmark/fact-save'
      | 'factmark/entities'
    >();
    const api = null as unknown as ContentBrowserApi;
    const typed = () => {
      expectTypeOf(api.request({ type: 'factmark/facts' })).resolves.toEqualTypeOf<FactsAnswer>();
      // @ts-expect-error — export is for the extension's own pages only
      void api.request({ type: 'factmark/export', format: 'jsonld' });
      // @ts-expect-error — so is import
      void api.request({ type: 'factmark/import', text: '' });
      const _ok: ContentScriptRequest = { type: 'factmark/site-get', host: 'x.org' };
      void _ok;
    };
    void typed;
  });
});

describe('callers', () => {
  it.each([
    ['the popup', 'extension page', popup],
    ['the Library in a tab', 'extension page', library],
    [
      'a Firefox extension page',
      'extension page',
      { id: 'x', url: 'moz-extension://uuid-1/p.html' },
    ],
    ['a content script', 'content script', sameSite],
  ] as const)('%s is an %s', (_name, kind, sender: Sender) => {
    const origin = sender.url?.startsWith('moz-') ? 'moz-extension://uuid-1/' : ORIGIN;
    expect(callerOf(sender, sender.id ?? '', origin)).toMatchObject({ kind });
  });

  it("scopes a content script to its frame's own URL, not its tab's", () => {
    expect(callerOf(evil, OWN_ID, ORIGIN)).toEqual({
      kind: 'content script',
      url: 'https://evil.example/frame',
      origin: 'https://evil.example',
      host: 'evil.example',
    });
  });

  it('a page claiming an extension URL under another id is foreign', () => {
    expect(callerOf({ id: 'other', url: `${ORIGIN}x.html` }, OWN_ID, ORIGIN)).toBe('foreign');
  });
});

describe('every request type, from a content script of another origin', () => {
  it.each(TYPES)('%s is refused or scoped, and writes nothing', async (type) => {
    await ownStory();
    const before = await everything();
    const answer = await route(SAMPLES[type](), evil);
    if (!(BACKGROUND_CALLERS[type] as readonly string[]).includes('content script')) {
      expect(answer).toEqual(REFUSED);
    } else if (type === 'factmark/facts') {
      // Scoped: the facts to compare, without the journalist's sources and quotes.
      const facts = (answer as { ok: true; facts: Fact[] }).facts;
      expect(facts.find((f) => f.id === 'seed:a.txt:10')).toEqual(fact('seed:a.txt:10'));
      const mine = facts.find((f) => f.id === 'user:1');
      expect(mine).toMatchObject({ value: 50, unit: '%', attribute: 'barrick.stake' });
      // The quote's words stay, weighted, for the claim matcher (docs/contracts.md); the
      // sentence, its page, title and date do not.
      expect(JSON.stringify(mine)).not.toMatch(/example\.org|A page|said J\.D\. at the board/);
      expect(Object.keys(mine?.terms ?? {})).toContain('stake');
    } else if (type === 'factmark/entities') {
      // The names the content script highlights (docs/contracts.md says why it may know them).
      expect(answer).toEqual({
        ok: true,
        entities: [
          { id: 'tembo-hills', name: 'Tembo Hills', aliases: [], bundled: false, enabled: true },
        ],
      });
    } else if (type === 'factmark/annotations-delete') {
      // Scoped: another site's annotation is, to it, an unknown id.
      expect(answer).toEqual({ ok: true, deleted: [] });
    } else if (type === 'factmark/fact-save') {
      // Scoped: a new fact is filed under the frame's own page, whatever URL it claimed.
      expect(answer).toMatchObject({
        ok: true,
        fact: { source: { url: 'https://evil.example/frame' } },
      });
      const added = await db.get('facts', 'user:new');
      expect(added?.source).toMatchObject({ type: 'user', url: 'https://evil.example/frame' });
      await db.delete('facts', 'user:new');
    } else {
      expect(answer).toEqual(REFUSED);
    }
    expect(await everything()).toEqual(before);
  });
});

describe('every request type, from the extension pages', () => {
  it('factmark/annotation-share is refused (they share with factmark/share)', async () => {
    for (const sender of [popup, library]) {
      expect(await route(SAMPLES['factmark/annotation-share'](), sender)).toEqual({
        ok: false,
        error: 'not allowed from extension page',
      });
    }
  });

  it.each(TYPES.filter((t) => t !== 'factmark/annotation-share'))(
    '%s is answered',
    async (type) => {
      for (const sender of [popup, library]) {
        // An import to undo (the sample names it).
        if (type === 'factmark/import-undo') {
          await db.put('imports', { id: 'import:1', at: 0, added: [], replaced: [] });
        }
        // A source and a name to remove, switch or read (the samples name them).
        await ownStory();
        const answer = await route(SAMPLES[type](), sender);
        expect(answer).toMatchObject({ ok: true });
      }
    },
  );

  it("gets users' facts whole", async () => {
    const answer = (await route({ type: 'factmark/facts' }, popup)) as { facts: Fact[] };
    expect(answer.facts.find((f) => f.id === 'user:1')).toEqual(userFact);
  });

  it('reads every annotation, and any site switch', async () => {
    expect(await route({ type: 'factmark/annotations' }, library)).toEqual({
      ok: true,
      annotations: [stored],
    });
    expect(await route({ type: 'factmark/site-get', host: 'evil.example' }, popup)).toEqual({
      ok: true,
      enabled: true,
    });
  });
});

describe("a content script of the data's own origin", () => {
  it('reads its own site switch, and no other', async () => {
    expect(await route({ type: 'factmark/site-get', host: 'example.org' }, sameSite)).toEqual({
      ok: true,
      enabled: true,
    });
    expect(await route({ type: 'factmark/site-get', host: 'other.example' }, sameSite)).toEqual(
      REFUSED,
    );
  });

  it("lists its origin's pages' annotations, never every annotation", async () => {
    expect(await route({ type: 'factmark/annotations', url: stored.url }, sameSite)).toEqual({
      ok: true,
      annotations: [stored],
    });
    expect(
      await route({ type: 'factmark/annotations', url: 'https://example.org/other' }, sameSite),
    ).toEqual({ ok: true, annotations: [] });
    expect(await route({ type: 'factmark/annotations' }, sameSite)).toEqual(REFUSED);
    // http: and https: are two origins.
    expect(
      await route({ type: 'factmark/annotations', url: 'http://example.org/story' }, sameSite),
    ).toEqual(REFUSED);
  });

  it('saves and deletes its own annotations', async () => {
    const edited = { ...stored, note: 'edited on the page' };
    expect(await route({ type: 'factmark/annotation-save', annotation: edited }, sameSite)).toEqual(
      { ok: true, annotation: edited },
    );
    expect(await db.get('annotations', 'anno:1')).toEqual(edited);
    // Never its desk switch: the annotation is saved, private as it was (and the answer says so).
    expect(
      await route(
        {
          type: 'factmark/annotation-save',
          annotation: { ...edited, shared: true, creator: 'mallory' },
        },
        sameSite,
      ),
    ).toEqual({ ok: true, annotation: edited });
    expect(await db.get('annotations', 'anno:1')).toEqual(edited);
    expect(
      await route({ type: 'factmark/annotations-delete', ids: ['anno:1', 'anno:x'] }, sameSite),
    ).toEqual({ ok: true, deleted: [edited] });
    expect(await db.count('annotations')).toBe(0);
  });

  it("never saves in place of another site's annotation, even under its own URL", async () => {
    const other = annotation('anno:other', { url: 'https://other.example/page', note: 'secret' });
    await db.put('annotations', other);
    const hijack = { ...other, url: 'https://example.org/story', note: 'mine now' };
    expect(await route({ type: 'factmark/annotation-save', annotation: hijack }, sameSite)).toEqual(
      REFUSED,
    );
    expect(await db.get('annotations', 'anno:other')).toEqual(other);
    expect(
      await route({ type: 'factmark/annotations-delete', ids: ['anno:other'] }, sameSite),
    ).toEqual({ ok: true, deleted: [] });
    expect(await db.get('annotations', 'anno:other')).toEqual(other);
  });

  it('adds a fact filed under its own page, and never replaces one', async () => {
    const claimed = fact('user:2', {
      source: { type: 'user', url: 'https://other.example/elsewhere', title: 'T', date: null },
    });
    const answer = await route({ type: 'factmark/fact-save', fact: claimed }, sameSite);
    // The frame's own URL, canonical (no fragment, no tracking parameters).
    const filed = { ...claimed, source: { ...claimed.source, url: 'https://example.org/story' } };
    expect(answer).toEqual({ ok: true, fact: filed });
    expect(await db.get('facts', 'user:2')).toEqual(filed);
    const replace = { ...userFact, value: 99 };
    expect(await route({ type: 'factmark/fact-save', fact: replace }, sameSite)).toEqual(REFUSED);
    expect(await db.get('facts', 'user:1')).toEqual(userFact);
  });

  it.each(
    TYPES.filter((t) => !(BACKGROUND_CALLERS[t] as readonly string[]).includes('content script')),
  )('%s is refused, and writes nothing', async (type) => {
    const before = await everything();
    expect(await route(SAMPLES[type](), sameSite)).toEqual(REFUSED);
    expect(await everything()).toEqual(before);
  });

  it('is refused before its message is read: a malformed import says "not allowed"', async () => {
    expect(await route({ type: 'factmark/import', text: 42 }, sameSite)).toEqual(REFUSED);
    expect(await route({ type: 'factmark/export', format: 'pdf' }, sameSite)).toEqual(REFUSED);
  });
});

describe("users' facts as content scripts get them", () => {
  const seeds = BUNDLED_FACT_BASE.facts;
  const totalCost = seeds.find((f) => f.text === '$7 billion' && f.quote.includes('total cost'));
  if (!totalCost) throw new Error('the bundled fact base has no total-cost fact');
  const underSeedClaim: Fact = {
    ...fact('user:cost'),
    attribute: totalCost.attribute,
    kind: 'money',
    value: 2.5e9,
    unit: 'USD',
    precision: 5e7,
    text: '$2.5 billion',
    quote: 'The total cost of the Reko Diq project is $2.5 billion.',
    quoteStart: 0,
    quoteEnd: 55,
    start: 42,
    end: 54,
    source: {
      type: 'user',
      url: 'https://example.org/private',
      title: 'Private memo',
      date: '2026-01-02',
    },
  };
  const ownClaim: Fact = {
    ...fact('user:royalty'),
    attribute: 'user.1a2b3c4d',
    qualifier: { text: 'up to', sense: 'max' },
    source: { type: 'user', url: 'https://example.org/memo', title: 'Memo', date: null },
  };

  it('carry values, a label and the matching terms; never the source or the quote', () => {
    const [a, b] = factsForContentScript([...seeds, underSeedClaim, ownClaim]).slice(-2);
    for (const [shown, original] of [
      [a, underSeedClaim],
      [b, ownClaim],
    ] as const) {
      expect(shown).toMatchObject({
        id: original.id,
        attribute: original.attribute,
        kind: original.kind,
        value: original.value,
        unit: original.unit,
        precision: original.precision,
        qualifier: original.qualifier,
        text: original.text,
        quote: original.text,
        source: { type: 'user', url: '', title: WITHHELD_SOURCE_TITLE, date: null },
      });
      expect(shown?.terms).toEqual(Object.fromEntries(factTerms(original)));
      expect(JSON.stringify(shown)).not.toMatch(
        /example\.org|Private|Memo|2026-01-02|EXIM approved/,
      );
    }
    // A user's fact under a sources' claim reads as that claim; one of the user's own, by value.
    expect(a?.about).toBe(totalCost.about ?? totalCost.quote);
    expect(b?.about).toBe('Your fact: up to $1.25 billion');
  });

  it('give the same report as the facts themselves', () => {
    const text =
      'Barrick and Pakistan: the Reko Diq copper-gold project.\n' +
      'The total cost of the Reko Diq project is $2.5 billion, the company said.';
    const page = { url: 'https://news.example/', title: 'Reko Diq' };
    const full = [...seeds, underSeedClaim];
    const report = (facts: Fact[]) => {
      const index = indexFacts(facts);
      return buildReport(page, analyzeText(text, page.title, index), index);
    };
    const withheld = report(factsForContentScript(full));
    expect(withheld).toEqual(report(full));
    const figure = withheld.figures.find((f) => f.text === '$2.5 billion');
    expect(figure).toMatchObject({ verdict: 'supported', facts: ['user:cost'] });
  });

  it('are copies: withholding changes nothing stored', () => {
    const copy = structuredClone(underSeedClaim);
    withheldUserFact(copy, new Map());
    expect(copy).toEqual(underSeedClaim);
  });
});
