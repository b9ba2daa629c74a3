import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  BackgroundBrowserApi,
  InstallReason,
  MenuClick,
  MenusBrowserApi,
  MessageListener,
} from '../../src/background/browser-api';
import {
  MIGRATIONS,
  allAnnotations,
  allFacts,
  annotationsForUrl,
  clearAnnotations,
  deleteAnnotations,
  deleteUserFact,
  importAnnotations,
  openFactmarkDb,
  restoreAnnotations,
  saveAnnotation,
  saveUserFact,
  type FactmarkDb,
} from '../../src/background/db';
import {
  ANNOTATE_COMMAND,
  ANNOTATE_MENU_ID,
  createMenusOn,
  registerAnnotateTriggers,
} from '../../src/background/menus';
import { createRouter } from '../../src/background/router';
import { startBackground } from '../../src/background/start';
import type { Annotation } from '../../src/core/annotations/types';
import type { EntityId } from '../../src/core/types';
import {
  MAX_IMPORT_CHARS,
  MAX_NOTE_LENGTH,
  parseAnnotation,
  type ContentRequest,
} from '../../src/shared/messages';
import { annotation, fact, factBase, freshDbName } from './background-fixtures';

const OWN_ID = 'own-extension-id';
const own = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/src/options/index.html` };
const ids = (list: { id: string }[]) => list.map((a) => a.id).sort();

/** Three annotations on two pages. */
function sample(): Annotation[] {
  return [
    annotation('anno:1', { created: 1, updated: 1 }),
    annotation('anno:2', {
      created: 2,
      updated: 5,
      color: 'pink',
      note: '',
      tags: [],
      verdicts: ['contradicted', 'unverified'],
    }),
    annotation('anno:3', {
      url: 'https://other.example/page?id=7',
      created: 3,
      updated: 3,
      entities: ['barrick'],
      tags: ['barrick'],
    }),
  ];
}

// ---- Database --------------------------------------------------------------------------------

describe('annotations in the database', () => {
  let db: FactmarkDb;
  beforeEach(async () => {
    db = await openFactmarkDb({ name: freshDbName() });
  });

  it('saves, lists by page and in all, replaces by id', async () => {
    for (const a of sample()) expect(await saveAnnotation(db, a)).toEqual(a);
    expect(await allAnnotations(db)).toEqual(sample());
    expect(ids(await annotationsForUrl(db, 'https://example.org/story'))).toEqual([
      'anno:1',
      'anno:2',
    ]);
    expect(await annotationsForUrl(db, 'https://nowhere.example/')).toEqual([]);

    const edited = { ...sample()[0]!, note: 'Edited', tags: ['x'], updated: 9 };
    await saveAnnotation(db, edited);
    expect(await db.count('annotations')).toBe(3);
    expect(await db.get('annotations', 'anno:1')).toEqual(edited);
  });

  it('finds annotations by tag (multiEntry index) and by update time', async () => {
    for (const a of sample()) await saveAnnotation(db, a);
    expect(ids(await db.getAllFromIndex('annotations', 'tags', 'exim'))).toEqual(['anno:1']);
    expect(ids(await db.getAllFromIndex('annotations', 'tags', 'barrick'))).toEqual(['anno:3']);
    const newest = await db.getAllFromIndex('annotations', 'updated', IDBKeyRange.lowerBound(4));
    expect(ids(newest)).toEqual(['anno:2']);
  });

  it('deletes and returns the deleted records; restoring them undoes the deletion', async () => {
    for (const a of sample()) await saveAnnotation(db, a);
    const deleted = await deleteAnnotations(db, ['anno:2', 'anno:missing', 'anno:3', 'anno:2']);
    expect(ids(deleted)).toEqual(['anno:2', 'anno:3']);
    expect(deleted).toEqual(expect.arrayContaining([sample()[1], sample()[2]]));
    expect(ids(await allAnnotations(db))).toEqual(['anno:1']);

    expect(await restoreAnnotations(db, deleted)).toBe(2);
    expect(await allAnnotations(db)).toEqual(sample());
  });

  it('clears every annotation and nothing else', async () => {
    for (const a of sample()) await saveAnnotation(db, a);
    await db.put('facts', fact('user:1'));
    await clearAnnotations(db);
    expect(await allAnnotations(db)).toEqual([]);
    expect(await db.count('facts')).toBe(1);
  });

  it('imports in one transaction, replacing an older record with the same id', async () => {
    const [first, ...others] = sample();
    await saveAnnotation(db, { ...first!, note: 'old', updated: first!.updated - 1 });
    expect(await importAnnotations(db, sample())).toMatchObject({
      imported: 3,
      conflicts: 1,
      keptLocal: 0,
    });
    expect(await allAnnotations(db)).toEqual([first, ...others]);
  });

  it('imports all or nothing: one record that cannot be stored writes none', async () => {
    await saveAnnotation(db, annotation('anno:keep'));
    // A function cannot be cloned: the third put() throws after two were issued.
    const broken = { ...annotation('anno:bad'), note: (() => 'x') as unknown as string };
    await expect(importAnnotations(db, [...sample().slice(0, 2), broken])).rejects.toThrow();
    expect(ids(await allAnnotations(db))).toEqual(['anno:keep']);
  });

  it('imports all or nothing: a record without an id writes none', async () => {
    await saveAnnotation(db, annotation('anno:keep'));
    // No id: the key path yields no key, and that put fails.
    const keyless = { ...annotation('x'), id: undefined } as unknown as Annotation;
    await expect(importAnnotations(db, [sample()[0]!, keyless, sample()[1]!])).rejects.toThrow();
    expect(ids(await allAnnotations(db))).toEqual(['anno:keep']);
  });
});

describe('schema upgrade from version 1', () => {
  // Shapes a version-1 database held: the annotation feature's fields of the time, without the
  // fields added since, and a field no version knows (kept as is).
  const oldRecords = [
    {
      id: 'anno:old-1',
      url: 'https://example.org/story',
      created: 100,
      quote: { type: 'TextQuoteSelector', exact: 'Barrick', prefix: '', suffix: ' holds' },
      position: { type: 'TextPositionSelector', start: 0, end: 7 },
    },
    {
      id: 'anno:old-2',
      url: 'https://example.org/story',
      created: 200,
      title: 'Kept title',
      color: 'green',
      note: 'Kept note',
      tags: ['kept'],
      quote: { type: 'TextQuoteSelector', exact: 'Reko Diq', prefix: 'the ', suffix: '' },
      position: { type: 'TextPositionSelector', start: 4, end: 12 },
      legacyField: { nested: [1, 2, 3] },
    },
    ...Array.from({ length: 200 }, (_, i) => ({
      id: `anno:bulk-${i}`,
      url: `https://example.org/p/${i % 7}`,
      created: 1_000 + i,
    })),
  ];

  it('keeps every record and every field, adds the defaults and the new indexes', async () => {
    const name = freshDbName();
    const v1 = await openFactmarkDb({ name, migrations: MIGRATIONS.slice(0, 1) });
    for (const record of oldRecords) await v1.put('annotations', record as unknown as Annotation);
    v1.close();

    const db = await openFactmarkDb({ name });
    expect(db.version).toBe(MIGRATIONS.length);
    const all = await db.getAll('annotations');
    expect(all).toHaveLength(oldRecords.length);
    const byId = new Map(all.map((a) => [a.id, a]));
    for (const old of oldRecords) {
      const now = byId.get(old.id);
      // Every stored field is still there, unchanged.
      expect(now).toMatchObject(old);
      expect(now).toEqual({
        title: '',
        color: 'yellow',
        note: '',
        tags: [],
        entities: [],
        verdicts: [],
        updated: old.created,
        ...old,
      });
    }
    expect(byId.get('anno:old-2')).toMatchObject({ title: 'Kept title', tags: ['kept'] });
    expect(ids(await db.getAllFromIndex('annotations', 'tags', 'kept'))).toEqual(['anno:old-2']);
    expect(await db.countFromIndex('annotations', 'updated')).toBe(oldRecords.length);
    expect(await db.countFromIndex('annotations', 'url', 'https://example.org/p/3')).toBe(29);
    db.close();
  });

  it('gives records that pass the annotation validator', async () => {
    const name = freshDbName();
    const v1 = await openFactmarkDb({ name, migrations: MIGRATIONS.slice(0, 1) });
    await v1.put('annotations', oldRecords[0] as unknown as Annotation);
    v1.close();
    const db = await openFactmarkDb({ name });
    const upgraded = await db.get('annotations', 'anno:old-1');
    expect(upgraded).toMatchObject(oldRecords[0]!);
    // A record filled with defaults is a valid annotation by the messages' validator.
    expect(parseAnnotation(upgraded)).toEqual(upgraded);
    db.close();
  });
});

describe('user facts in the database', () => {
  let db: FactmarkDb;
  beforeEach(async () => {
    db = await openFactmarkDb({ name: freshDbName() });
    await db.put('facts', fact('seed:a.txt:10'));
  });

  it('saves and deletes a user fact', async () => {
    const mine = fact('user:abc');
    expect(await saveUserFact(db, mine)).toEqual(mine);
    expect(ids(await allFacts(db))).toEqual(['seed:a.txt:10', 'user:abc']);
    await deleteUserFact(db, 'user:abc');
    expect(ids(await allFacts(db))).toEqual(['seed:a.txt:10']);
  });

  it('refuses seed ids, seed sources and empty quotes; refuses to delete a seed fact', async () => {
    await expect(saveUserFact(db, fact('seed:a.txt:10', { value: 1 }))).rejects.toThrow();
    await expect(
      saveUserFact(db, fact('user:x', { source: fact('seed:a.txt:1').source })),
    ).rejects.toThrow();
    await expect(saveUserFact(db, fact('user:x', { quote: '' }))).rejects.toThrow();
    await expect(deleteUserFact(db, 'seed:a.txt:10')).rejects.toThrow(/only user facts/);
    expect(await allFacts(db)).toEqual([fact('seed:a.txt:10')]);
  });
});

// ---- Router ----------------------------------------------------------------------------------

describe('background messages for annotations, export/import and user facts', () => {
  let db: FactmarkDb;
  let route: MessageListener;
  let counter: number;
  beforeEach(async () => {
    db = await openFactmarkDb({ name: freshDbName() });
    await db.put('facts', fact('seed:a.txt:10'));
    counter = 0;
    route = createRouter({
      extensionId: OWN_ID,
      extensionOrigin: `chrome-extension://${OWN_ID}/`,
      db: async () => db,
      newAnnotationId: () => `anno:new-${++counter}`,
    });
  });
  const send = (message: unknown) => route(message, own);

  it('saves, lists (one page or all), deletes and restores', async () => {
    for (const a of sample()) {
      expect(await send({ type: 'factmark/annotation-save', annotation: a })).toEqual({
        ok: true,
        annotation: a,
      });
    }
    const page = await send({ type: 'factmark/annotations', url: 'https://example.org/story' });
    expect(page).toEqual({ ok: true, annotations: sample().slice(0, 2) });
    expect(await send({ type: 'factmark/annotations' })).toEqual({
      ok: true,
      annotations: sample(),
    });

    const deleted = await send({ type: 'factmark/annotations-delete', ids: ['anno:1', 'anno:3'] });
    expect(deleted).toEqual({ ok: true, deleted: expect.any(Array) });
    const records = (deleted as { deleted: Annotation[] }).deleted;
    expect(ids(records)).toEqual(['anno:1', 'anno:3']);
    expect(ids(await allAnnotations(db))).toEqual(['anno:2']);

    expect(await send({ type: 'factmark/annotations-restore', annotations: records })).toEqual({
      ok: true,
      restored: 2,
    });
    expect(await allAnnotations(db)).toEqual(sample());
  });

  it('stores only the fields of the model (extra fields of a message are dropped)', async () => {
    const a = annotation('anno:1');
    await send({ type: 'factmark/annotation-save', annotation: { ...a, html: '<b>x</b>' } });
    expect(await db.get('annotations', 'anno:1')).toEqual(a);
  });

  it('export → wipe → import gives back identical records', async () => {
    const many = [
      ...sample(),
      annotation('anno:4', {
        url: 'https://example.org/%C3%BCn%C3%AFcode?q=a%20b&ref=x',
        title: 'Quotes "and" commas, <tags> & ampersands — ünïcode',
        note: 'Line 1\nLine 2, "quoted", <not html> & ampersand',
        tags: ['a,b', 'with space', 'ü'],
        quote: {
          type: 'TextQuoteSelector',
          exact: '$1.3 billion',
          prefix: '',
          suffix: '',
        },
        position: { type: 'TextPositionSelector', start: 0, end: 12 },
        color: 'blue',
        entities: [],
        verdicts: [],
        created: 4,
        updated: 6,
      }),
    ];
    for (const a of many) await saveAnnotation(db, a);
    const exported = await send({ type: 'factmark/export', format: 'jsonld' });
    expect(exported).toEqual({ ok: true, text: expect.any(String) });
    await clearAnnotations(db);
    expect(await allAnnotations(db)).toEqual([]);

    const text = (exported as { text: string }).text;
    expect(await send({ type: 'factmark/import', text })).toEqual({ ok: true, imported: 4 });
    expect(await allAnnotations(db)).toEqual(many);
    // Importing the same export again overwrites: no duplicates.
    expect(await send({ type: 'factmark/import', text })).toEqual({ ok: true, imported: 4 });
    expect(await allAnnotations(db)).toEqual(many);
  });

  it('export → wipe → import gives back identical records whose entity ids are not in the lexicon', async () => {
    const filed = [
      annotation('anno:tembo', { entities: ['tembo-hills' as EntityId, 'exim'] }),
      annotation('anno:new-story', {
        entities: ['kalabagh-dam' as EntityId, 'x2-lithium-mine' as EntityId],
        created: 5,
        updated: 5,
      }),
    ];
    for (const a of filed) await saveAnnotation(db, a);
    const exported = await send({ type: 'factmark/export', format: 'jsonld' });
    const text = (exported as { text: string }).text;
    await clearAnnotations(db);
    expect(await send({ type: 'factmark/import', text })).toEqual({ ok: true, imported: 2 });
    // Oldest first.
    expect(await allAnnotations(db)).toEqual([filed[1], filed[0]]);
  });

  it('an import whose entity id is malformed writes nothing and says where', async () => {
    await saveAnnotation(db, annotation('anno:1'));
    const exported = await send({ type: 'factmark/export', format: 'jsonld' });
    const text = (exported as { text: string }).text.replace(
      '"factmark:entities":["exim"',
      '"factmark:entities":["China Exim"',
    );
    await clearAnnotations(db);
    const answer = await send({ type: 'factmark/import', text });
    expect(answer).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^import: first\.items\[0\]\.factmark:entities\[0\]: expected an entity id/,
      ),
    });
    expect(await allAnnotations(db)).toEqual([]);
  });

  it('a Hypothesis export: what cannot be placed is skipped, counted and explained', async () => {
    const page = 'https://www.dawn.com/news/1840012';
    const quote = {
      type: 'TextQuoteSelector',
      exact: 'about 7,500 jobs',
      prefix: 'create ',
      suffix: '',
    };
    const text = JSON.stringify({
      export_date: '2025-02-01T10:00:00+00:00',
      annotations: [
        {
          id: 'aaaaaaaaaaaaaaaaaaaaaa',
          uri: page,
          text: 'Placed',
          target: [{ source: page, selector: [quote] }],
        },
        { id: 'bbbbbbbbbbbbbbbbbbbbbb', uri: page, text: 'Page note', target: [{ source: page }] },
        {
          id: 'cccccccccccccccccccccc',
          uri: page,
          text: 'Reply',
          references: ['aaaaaaaaaaaaaaaaaaaaaa'],
          target: [{ source: page }],
        },
        {
          id: 'dddddddddddddddddddddd',
          uri: 'urn:x-pdf:6c5f3a8e',
          text: 'PDF',
          target: [
            { source: 'urn:x-pdf:6c5f3a8e', selector: [quote, { type: 'PageSelector', index: 0 }] },
          ],
        },
      ],
    });
    expect(await send({ type: 'factmark/import', text })).toEqual({
      ok: true,
      imported: 1,
      skipped: 3,
      reasons: [
        'page notes (no quoted passage to place): 1 (annotations[1])',
        'replies to other annotations: 1 (annotations[2])',
        'PDF annotations (Factmark annotates web pages): 1 (annotations[3])',
      ],
    });
    const [placed] = await allAnnotations(db);
    expect(placed).toMatchObject({
      id: 'https://hypothes.is/a/aaaaaaaaaaaaaaaaaaaaaa',
      note: 'Placed',
    });
    // Exported with its IRI, and imported back as it was.
    const exported = (await send({ type: 'factmark/export', format: 'jsonld' })) as {
      text: string;
    };
    expect(exported.text).toContain('"id":"https://hypothes.is/a/aaaaaaaaaaaaaaaaaaaaaa"');
    await clearAnnotations(db);
    expect(await send({ type: 'factmark/import', text: exported.text })).toEqual({
      ok: true,
      imported: 1,
    });
    expect(await allAnnotations(db)).toEqual([placed]);
  });

  it('exports one page, and csv and markdown', async () => {
    for (const a of sample()) await saveAnnotation(db, a);
    const page = await send({
      type: 'factmark/export',
      format: 'jsonld',
      url: 'https://other.example/page?id=7',
    });
    expect((page as { text: string }).text).toContain('anno:3');
    expect((page as { text: string }).text).not.toContain('anno:1');
    for (const format of ['csv', 'md']) {
      const answer = await send({ type: 'factmark/export', format });
      expect(answer).toEqual({ ok: true, text: expect.stringContaining('EXIM approved') });
    }
  });

  it('an import with one invalid item writes nothing and says which item and why', async () => {
    for (const a of sample()) await saveAnnotation(db, a);
    // Written past the messages' validator, so that the export carries an over-long note.
    await saveAnnotation(db, annotation('anno:bad', { note: 'x'.repeat(MAX_NOTE_LENGTH + 1) }));
    const exported = await send({ type: 'factmark/export', format: 'jsonld' });
    const text = (exported as { text: string }).text;
    await clearAnnotations(db);
    await saveAnnotation(db, annotation('anno:keep', { note: 'unchanged' }));
    const before = await allAnnotations(db);

    const answer = await send({ type: 'factmark/import', text });
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/^import: .*\[3\]/) });
    expect(await allAnnotations(db)).toEqual(before);
  });

  it("imports another tool's annotation: a new anno: id, its dates, the defaults", async () => {
    const text = JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      items: [
        {
          type: 'Annotation',
          created: '2026-01-02T03:04:05.000Z',
          body: [
            { type: 'TextualBody', value: 'A note', purpose: 'commenting' },
            { type: 'TextualBody', value: 'mining', purpose: 'tagging' },
          ],
          target: {
            source: 'https://example.org/story?utm_source=feed',
            selector: [{ type: 'TextQuoteSelector', exact: 'Barrick', prefix: 'the ', suffix: '' }],
          },
        },
      ],
    });
    expect(await send({ type: 'factmark/import', text })).toEqual({ ok: true, imported: 1 });
    const [imported] = await allAnnotations(db);
    expect(imported).toMatchObject({
      id: 'anno:new-1',
      url: 'https://example.org/story',
      note: 'A note',
      tags: ['mining'],
      color: 'yellow',
      created: Date.parse('2026-01-02T03:04:05.000Z'),
    });
    expect(parseAnnotation(imported)).toEqual(imported);
  });

  it('an import that is not JSON-LD writes nothing and says why', async () => {
    for (const text of ['', 'not json', '{"type":"Nothing"}', '[1,2']) {
      const answer = await send({ type: 'factmark/import', text });
      expect(answer).toMatchObject({ ok: false, error: expect.any(String) });
    }
    expect(await allAnnotations(db)).toEqual([]);
  });

  it('refuses an import text over 50 MB before parsing it', async () => {
    const answer = await send({ type: 'factmark/import', text: ' '.repeat(MAX_IMPORT_CHARS + 1) });
    expect(answer).toMatchObject({ ok: false, error: expect.stringMatching(/50 MB/) });
  });

  it('saves and deletes user facts; refuses to delete a seed fact', async () => {
    const mine = fact('user:0f8e');
    expect(await send({ type: 'factmark/fact-save', fact: mine })).toEqual({
      ok: true,
      fact: mine,
    });
    expect(ids(await allFacts(db))).toEqual(['seed:a.txt:10', 'user:0f8e']);
    expect(await send({ type: 'factmark/fact-delete', id: 'user:0f8e' })).toEqual({ ok: true });
    expect(await send({ type: 'factmark/fact-delete', id: 'seed:a.txt:10' })).toMatchObject({
      ok: false,
    });
    expect(ids(await allFacts(db))).toEqual(['seed:a.txt:10']);
  });

  it('gives a foreign sender no answer at all', async () => {
    const foreign = { id: 'someone-else', url: 'https://evil.example/' };
    for (const message of [
      { type: 'factmark/annotations' },
      { type: 'factmark/annotation-save', annotation: annotation('anno:1') },
      { type: 'factmark/annotations-delete', ids: ['anno:1'] },
      { type: 'factmark/export', format: 'jsonld' },
      { type: 'factmark/import', text: '{}' },
      { type: 'factmark/fact-delete', id: 'user:1' },
    ]) {
      expect(route(message, foreign)).toBeUndefined();
      expect(route(message, {})).toBeUndefined();
    }
    expect(await allAnnotations(db)).toEqual([]);
  });

  const a = annotation('anno:1');
  const userFact = fact('user:1');
  it.each<[string, unknown]>([
    [
      'annotations with a javascript: URL',
      { type: 'factmark/annotations', url: 'javascript:alert(1)' },
    ],
    ['annotations with a relative URL', { type: 'factmark/annotations', url: '/story' }],
    [
      'export with a file: URL',
      { type: 'factmark/export', format: 'csv', url: 'file:///etc/passwd' },
    ],
    ['export in an unknown format', { type: 'factmark/export', format: 'xlsx' }],
    ['save without an annotation', { type: 'factmark/annotation-save' }],
    [
      'save of a javascript: URL',
      { type: 'factmark/annotation-save', annotation: { ...a, url: 'javascript:alert(1)' } },
    ],
    [
      'save of a data: URL',
      { type: 'factmark/annotation-save', annotation: { ...a, url: 'data:text/html,x' } },
    ],
    [
      'save with an oversized note',
      { type: 'factmark/annotation-save', annotation: { ...a, note: 'n'.repeat(10_001) } },
    ],
    [
      'save with 51 tags',
      {
        type: 'factmark/annotation-save',
        annotation: { ...a, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) },
      },
    ],
    [
      'save with a 101-character tag',
      { type: 'factmark/annotation-save', annotation: { ...a, tags: ['t'.repeat(101)] } },
    ],
    [
      'save with an oversized quote',
      {
        type: 'factmark/annotation-save',
        annotation: { ...a, quote: { ...a.quote, exact: 'q'.repeat(10_001) } },
      },
    ],
    [
      'save with an empty quote',
      { type: 'factmark/annotation-save', annotation: { ...a, quote: { ...a.quote, exact: '' } } },
    ],
    [
      'save with an unknown colour',
      { type: 'factmark/annotation-save', annotation: { ...a, color: 'red' } },
    ],
    [
      'save with an id with spaces',
      { type: 'factmark/annotation-save', annotation: { ...a, id: 'a b' } },
    ],
    [
      'save with a URL that is not canonical (fragment)',
      { type: 'factmark/annotation-save', annotation: { ...a, url: `${a.url}#part-2` } },
    ],
    [
      'save with a URL that is not canonical (tracking parameter)',
      { type: 'factmark/annotation-save', annotation: { ...a, url: `${a.url}?utm_source=x` } },
    ],
    [
      'save with a title of two lines',
      { type: 'factmark/annotation-save', annotation: { ...a, title: 'One\ntwo' } },
    ],
    [
      'save with a tag holding a line break',
      { type: 'factmark/annotation-save', annotation: { ...a, tags: ['a\nb'] } },
    ],
    [
      'save with a note holding a control character',
      { type: 'factmark/annotation-save', annotation: { ...a, note: 'bell\u0007' } },
    ],
    [
      'save with a 1,001-character prefix',
      {
        type: 'factmark/annotation-save',
        annotation: { ...a, quote: { ...a.quote, prefix: 'p'.repeat(1_001) } },
      },
    ],
    ['save with an empty id', { type: 'factmark/annotation-save', annotation: { ...a, id: '' } }],
    [
      'save with a missing field',
      { type: 'factmark/annotation-save', annotation: { ...a, updated: undefined } },
    ],
    [
      'save with end before start',
      {
        type: 'factmark/annotation-save',
        annotation: { ...a, position: { type: 'TextPositionSelector', start: 5, end: 2 } },
      },
    ],
    [
      'save with an unknown verdict',
      { type: 'factmark/annotation-save', annotation: { ...a, verdicts: ['maybe'] } },
    ],
    [
      'save with a note that is not a string',
      { type: 'factmark/annotation-save', annotation: { ...a, note: { html: 'x' } } },
    ],
    ['delete with ids not a list', { type: 'factmark/annotations-delete', ids: 'anno:1' }],
    ['delete with a number id', { type: 'factmark/annotations-delete', ids: ['anno:1', 3] }],
    [
      'restore with one bad item',
      { type: 'factmark/annotations-restore', annotations: [a, { id: 'x' }] },
    ],
    ['restore with duplicate ids', { type: 'factmark/annotations-restore', annotations: [a, a] }],
    ['import without text', { type: 'factmark/import' }],
    ['import with a non-string text', { type: 'factmark/import', text: { items: [] } }],
    ['fact-save of a seed fact', { type: 'factmark/fact-save', fact: fact('seed:a.txt:10') }],
    [
      'fact-save with a seed source',
      { type: 'factmark/fact-save', fact: { ...userFact, source: fact('seed:x:1').source } },
    ],
    [
      'fact-save with an empty quote',
      { type: 'factmark/fact-save', fact: { ...userFact, quote: '' } },
    ],
    [
      'fact-save with a javascript: source URL',
      {
        type: 'factmark/fact-save',
        fact: { ...userFact, source: { ...userFact.source, url: 'javascript:alert(1)' } },
      },
    ],
    ['fact-delete without an id', { type: 'factmark/fact-delete' }],
  ])('refuses %s with { ok: false } and writes nothing', async (_name, message) => {
    const answer = await send(message);
    expect(answer).toEqual({
      ok: false,
      error: expect.stringMatching(/^unknown or malformed message/),
    });
    expect(await db.count('annotations')).toBe(0);
    expect(ids(await allFacts(db))).toEqual(['seed:a.txt:10']);
  });

  it('accepts a note of exactly 10,000 characters and 50 tags of 100', async () => {
    const big = {
      ...a,
      note: 'n'.repeat(MAX_NOTE_LENGTH),
      tags: Array.from({ length: 50 }, (_, i) => `${i}`.padEnd(100, 't')),
    };
    expect(await send({ type: 'factmark/annotation-save', annotation: big })).toEqual({
      ok: true,
      annotation: big,
    });
  });
});

// ---- Context menu and keyboard command -------------------------------------------------------

function fakeMenus() {
  const clicks: ((click: MenuClick) => void)[] = [];
  const commands: ((command: string, tabId: number | undefined) => void)[] = [];
  const sent: { tabId: number; message: ContentRequest; frameId: number | undefined }[] = [];
  const menus: MenusBrowserApi = {
    resetContextMenus: vi.fn(async () => undefined),
    onContextMenuClicked: (l) => void clicks.push(l),
    onCommand: (l) => void commands.push(l),
    activeTabId: vi.fn(async () => 42),
    sendToTab: vi.fn(async (tabId: number, message: ContentRequest, frameId?: number) => {
      sent.push({ tabId, message, frameId });
      return { ok: true };
    }),
  };
  return { menus, clicks, commands, sent };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('context menu and keyboard command', () => {
  it('creates the menu items on install and update only', async () => {
    const { menus } = fakeMenus();
    for (const reason of ['browser_update', 'chrome_update', 'shared_module_update'] as const) {
      await createMenusOn(reason, menus);
    }
    expect(menus.resetContextMenus).not.toHaveBeenCalled();
    await createMenusOn('install', menus);
    await createMenusOn('update', menus);
    expect(menus.resetContextMenus).toHaveBeenCalledTimes(2);
    expect(menus.resetContextMenus).toHaveBeenLastCalledWith([
      { id: ANNOTATE_MENU_ID, title: 'Annotate with Factmark', contexts: ['selection'] },
      {
        id: 'factmark-add-page-source',
        title: 'Add this page as a Factmark source',
        contexts: ['page'],
      },
    ]);
  });

  it("a click sends factmark/annotate to the tab's top frame, which annotates its frames' selections too", async () => {
    const { menus, clicks, sent } = fakeMenus();
    registerAnnotateTriggers(menus);
    clicks[0]!({ menuItemId: ANNOTATE_MENU_ID, tabId: 7, frameId: 3 });
    clicks[0]!({ menuItemId: ANNOTATE_MENU_ID, tabId: 8, frameId: 0 });
    clicks[0]!({ menuItemId: 'someone-elses-item', tabId: 9, frameId: 0 });
    clicks[0]!({ menuItemId: ANNOTATE_MENU_ID, tabId: undefined, frameId: 0 });
    clicks[0]!({ menuItemId: ANNOTATE_MENU_ID, tabId: -1, frameId: 0 });
    await settle();
    expect(sent).toEqual([
      { tabId: 7, message: { type: 'factmark/annotate' }, frameId: 0 },
      { tabId: 8, message: { type: 'factmark/annotate' }, frameId: 0 },
    ]);
  });

  it('the command sends factmark/annotate to the tab it names, or the active tab', async () => {
    const { menus, commands, sent } = fakeMenus();
    registerAnnotateTriggers(menus);
    commands[0]!(ANNOTATE_COMMAND, 5);
    commands[0]!('some-other-command', 6);
    await settle();
    expect(menus.activeTabId).not.toHaveBeenCalled();
    commands[0]!(ANNOTATE_COMMAND, undefined);
    await settle();
    expect(sent).toEqual([
      { tabId: 5, message: { type: 'factmark/annotate' }, frameId: undefined },
      { tabId: 42, message: { type: 'factmark/annotate' }, frameId: undefined },
    ]);
  });

  it('a tab without the content script is not an error that escapes', async () => {
    const { menus, clicks } = fakeMenus();
    menus.sendToTab = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    registerAnnotateTriggers(menus);
    clicks[0]!({ menuItemId: ANNOTATE_MENU_ID, tabId: 7, frameId: 0 });
    await settle();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('startBackground wires them: listeners at once, the menu item on install', async () => {
    const { menus, clicks, commands, sent } = fakeMenus();
    const installed: ((reason: InstallReason) => void)[] = [];
    const api: BackgroundBrowserApi = {
      ...menus,
      extensionId: OWN_ID,
      extensionOrigin: `chrome-extension://${OWN_ID}/`,
      onInstalled: (l) => void installed.push(l),
      onMessage: () => undefined,
      onConnect: () => undefined,
      persistStorage: async () => true,
    };
    const background = startBackground(api, factBase([]), { name: freshDbName() });
    expect(clicks).toHaveLength(1);
    expect(commands).toHaveLength(1);
    installed[0]!('install');
    await background.settled();
    expect(menus.resetContextMenus).toHaveBeenCalledTimes(1);
    clicks[0]!({ menuItemId: ANNOTATE_MENU_ID, tabId: 11, frameId: 2 });
    await settle();
    expect(sent).toEqual([{ tabId: 11, message: { type: 'factmark/annotate' }, frameId: 0 }]);
  });
});
