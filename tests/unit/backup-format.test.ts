/**
 * The backup file (src/shared/backup-format.ts): written and read back the same, every malformed
 * file refused with what is wrong and where, a newer version refused, and a version-1 file as
 * this version wrote it (frozen below) still read.
 */
import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_LIMITS,
  BACKUP_VERSION,
  backupAnnotationOf,
  backupEntityOf,
  backupFactOf,
  backupSourceOf,
  looksLikeBackup,
  parseBackup,
  toBackupText,
  type Backup,
} from '../../src/shared/backup-format';
import { annotation, fact } from './background-fixtures';

const OWN_SOURCE = {
  id: '6f1c2a8e-0000-4000-8000-000000000001',
  title: 'AfDB approves $640 million loan',
  origin: 'file' as const,
  name: '001_afdb-loan.txt',
  date: '2026-03-12',
  text: 'AfDB approves $640 million loan for Tembo Hills.\nKilimani holds 60% of the project.',
  addedAt: 1_760_000_000_001,
  enabled: true,
  dropped: ['source:6f1c2a8e-0000-4000-8000-000000000001:49'],
  edits: {
    'source:6f1c2a8e-0000-4000-8000-000000000001:14': {
      kind: 'money' as const,
      value: 650_000_000,
      unit: 'USD',
      precision: 500_000,
      qualifier: { text: 'about', sense: 'approx' as const },
      text: '$650 million',
      attribute: null,
    },
  },
};

function sample(): Omit<Backup, 'format' | 'version'> {
  return {
    exportedAt: '2026-12-02T08:00:00.000Z',
    sites: [{ host: 'news.example', enabled: false, updated: 1_760_000_000_500 }],
    entities: [
      { id: 'exim', bundled: true, enabled: false },
      {
        id: 'tembo-hills',
        bundled: false,
        name: 'Tembo Hills',
        aliases: ['Tembo Hill project'],
        enabled: true,
      },
    ],
    sources: [
      { id: '000_b86a0c93525f4882.txt', origin: 'bundled', enabled: false },
      OWN_SOURCE,
      {
        id: '6f1c2a8e-0000-4000-8000-000000000002',
        title: 'A page',
        origin: 'page',
        url: 'https://news.example/tembo',
        date: null,
        text: 'Output will reach 60,000 tonnes a year by 2028.',
        addedAt: 1_760_000_000_002,
        enabled: false,
        dropped: [],
      },
    ],
    facts: [fact('user:1')],
    annotations: [
      annotation('anno:1'),
      annotation('anno:2', { note: 'Line\nbreak “quoted” 💡' }),
      // Shared with the desk (desk sync): its author is kept with it.
      { ...annotation('anno:3'), shared: true, creator: 'alice' },
    ],
  };
}

/** The sample as JSON, one field of it changed by `change` (which may delete or add fields). */
function malformed(change: (raw: Record<string, unknown>) => void): string {
  const raw = JSON.parse(toBackupText(sample())) as Record<string, unknown>;
  change(raw);
  return JSON.stringify(raw);
}

function errorOf(text: string): string {
  const parsed = parseBackup(text);
  if (parsed.ok) throw new Error('parsed, but should have been refused');
  return parsed.error;
}

const list = (raw: Record<string, unknown>, section: string) =>
  raw[section] as Record<string, unknown>[];

describe('the backup format', () => {
  it('reads back what it writes, record for record', () => {
    const backup = sample();
    const text = toBackupText(backup);
    const parsed = parseBackup(text);
    expect(parsed).toEqual({
      ok: true,
      backup: { format: BACKUP_FORMAT, version: BACKUP_VERSION, ...backup },
    });
    // Written again from what was read: the same text.
    if (parsed.ok) expect(toBackupText(parsed.backup)).toBe(text);
  });

  it('starts with its format, one record per line, annotations last', () => {
    const text = toBackupText(sample());
    expect(text.startsWith('{\n  "format": "factmark-backup",\n  "version": 1,\n')).toBe(true);
    expect(looksLikeBackup(text.slice(0, 200))).toBe(true);
    expect(looksLikeBackup('\uFEFF' + text.slice(0, 200))).toBe(true);
    expect(looksLikeBackup('{"@context": "http://www.w3.org/ns/anno.jsonld"}')).toBe(false);
    const lines = text.split('\n');
    expect(lines.filter((l) => l.includes('"id":"anno:'))).toHaveLength(3);
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'format',
      'version',
      'exportedAt',
      'sites',
      'entities',
      'sources',
      'facts',
      'annotations',
    ]);
  });

  it('writes empty sections as empty lists', () => {
    const text = toBackupText({
      exportedAt: '2026-12-02T08:00:00.000Z',
      sites: [],
      entities: [],
      sources: [],
      facts: [],
      annotations: [],
    });
    expect(JSON.parse(text)).toMatchObject({ sites: [], annotations: [] });
    expect(parseBackup(text).ok).toBe(true);
  });

  it('takes only the fields it names from stored records: nothing else (no secret) slips in', () => {
    const stored = {
      ...OWN_SOURCE,
      syncPassword: 'hunter2',
    };
    expect(JSON.stringify(backupSourceOf(stored))).not.toContain('hunter2');
    expect(backupSourceOf({ ...stored, id: 'seed.txt', origin: 'bundled' })).toEqual({
      id: 'seed.txt',
      origin: 'bundled',
      enabled: true,
    });
    const name = {
      id: 'exim',
      name: 'EXIM',
      aliases: [],
      bundled: true,
      enabled: false,
      token: 'secret',
    };
    expect(backupEntityOf(name)).toEqual({ id: 'exim', bundled: true, enabled: false });
    expect(
      JSON.stringify(backupFactOf({ ...fact('user:1'), password: 'x' } as never)),
    ).not.toContain('password');
    expect(
      JSON.stringify(backupAnnotationOf({ ...annotation('anno:1'), password: 'x' } as never)),
    ).not.toContain('password');
  });

  it('reads a version-1 backup as this version wrote it (old backups keep restoring)', () => {
    // Frozen: never regenerate this text from the code. A change of the format that stops it
    // reading is a new version, with an upgrade of version 1's files.
    const v1 = [
      '{',
      '  "format": "factmark-backup",',
      '  "version": 1,',
      '  "exportedAt": "2026-12-02T08:00:00.000Z",',
      '  "sites": [',
      '    {"host":"news.example","enabled":false,"updated":1760000000500}',
      '  ],',
      '  "entities": [',
      '    {"id":"exim","bundled":true,"enabled":false},',
      '    {"id":"tembo-hills","bundled":false,"name":"Tembo Hills","aliases":["Tembo Hill project"],"enabled":true}',
      '  ],',
      '  "sources": [',
      '    {"id":"000_b86a0c93525f4882.txt","origin":"bundled","enabled":false},',
      '    {"id":"6f1c2a8e-0000-4000-8000-000000000001","title":"AfDB approves $640 million loan","origin":"file","date":"2026-03-12","text":"AfDB approves $640 million loan for Tembo Hills.","addedAt":1760000000001,"enabled":true,"dropped":[],"name":"001_afdb-loan.txt","edits":{"source:6f1c2a8e-0000-4000-8000-000000000001:14":{"kind":"money","value":650000000,"unit":"USD","precision":500000,"qualifier":null,"text":"$650 million","attribute":"tembo-hills.loan"}}}',
      '  ],',
      '  "facts": [',
      '    {"id":"user:1","attribute":"exim.financing","kind":"money","value":1250000000,"unit":"USD","precision":5000000,"qualifier":null,"text":"$1.25 billion","quote":"EXIM approved $1.25 billion for Reko Diq.","quoteStart":0,"quoteEnd":41,"start":13,"end":26,"source":{"type":"user","url":"https://example.org/a","title":"A page","date":null}}',
      '  ],',
      '  "annotations": [',
      '    {"id":"anno:1","url":"https://example.org/story","title":"The story","quote":{"type":"TextQuoteSelector","exact":"EXIM approved $1.25 billion","prefix":"On Tuesday ","suffix":" for Reko Diq."},"position":{"type":"TextPositionSelector","start":11,"end":38},"color":"yellow","note":"Check against the board minutes.","tags":["exim","financing"],"entities":["exim","reko-diq"],"verdicts":["supported"],"created":1760000000000,"updated":1760000000000}',
      '  ]',
      '}',
      '',
    ].join('\n');
    const parsed = parseBackup(v1);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.backup.sources).toHaveLength(2);
    expect(parsed.backup.entities.map((e) => e.id)).toEqual(['exim', 'tembo-hills']);
    expect(parsed.backup.annotations[0]).toEqual(annotation('anno:1'));
    expect(parsed.backup.facts[0]).toEqual(fact('user:1'));
  });

  it('refuses a backup of a newer version, saying to update Factmark', () => {
    expect(errorOf(malformed((raw) => (raw.version = 2)))).toBe(
      'version: 2 is newer than this Factmark reads (up to 1); update Factmark to restore this backup',
    );
  });

  it.each<[string, string, (raw: Record<string, unknown>) => void]>([
    ['version missing', 'version: not a whole number from 1 (missing)', (r) => delete r.version],
    ['version 0', 'version: not a whole number from 1 (found 0)', (r) => (r.version = 0)],
    ['version 1.5', 'version: not a whole number from 1 (found 1.5)', (r) => (r.version = 1.5)],
    ['version "1"', 'version: not a whole number from 1 (found "1")', (r) => (r.version = '1')],
    [
      'another format',
      'format: not "factmark-backup" (found "something-else"): this is not a Factmark backup',
      (r) => (r.format = 'something-else'),
    ],
    [
      'format missing',
      'format: not "factmark-backup" (missing): this is not a Factmark backup',
      (r) => delete r.format,
    ],
    [
      'exportedAt not a date',
      'exportedAt: not an ISO 8601 date in UTC (found "yesterday")',
      (r) => (r.exportedAt = 'yesterday'),
    ],
    [
      'exportedAt missing',
      'exportedAt: not an ISO 8601 date in UTC (missing)',
      (r) => delete r.exportedAt,
    ],
    [
      'an unknown field (a typo would lose data)',
      '"annotation": not a field of a version-1 backup',
      (r) => (r.annotation = []),
    ],
    ['a section missing', 'facts: not a list (missing)', (r) => delete r.facts],
    ['a section not a list', 'sites: not a list (found {})', (r) => (r.sites = {})],
    [
      'a site without a host',
      'sites[0]: host: not a host name',
      (r) => delete list(r, 'sites')[0]!.host,
    ],
    [
      'a site switch not a boolean',
      'sites[0] (host news.example): enabled: not true or false',
      (r) => (list(r, 'sites')[0]!.enabled = 'no'),
    ],
    [
      'a site time not a time',
      'sites[0] (host news.example): updated: not a time (ms since the epoch)',
      (r) => (list(r, 'sites')[0]!.updated = -1),
    ],
    [
      'a site twice',
      'sites[1]: same host as sites[0] (news.example)',
      (r) => list(r, 'sites').push({ ...list(r, 'sites')[0]! }),
    ],
    [
      'a bundled entity this version does not have',
      'entities[0] (id nope): id: not a bundled entity (reko-diq, exim, barrick)',
      (r) => (list(r, 'entities')[0]!.id = 'nope'),
    ],
    [
      'an own entity with a bundled id',
      'entities[1] (id barrick): id: "barrick" is a bundled entity\'s; a backup holds only its switch ("bundled": true)',
      (r) => (list(r, 'entities')[1]!.id = 'barrick'),
    ],
    [
      'an entity neither bundled nor not',
      'entities[1] (id tembo-hills): bundled: not true or false',
      (r) => delete list(r, 'entities')[1]!.bundled,
    ],
    [
      'an entity id not lower-case words',
      'entities[1] (id Tembo Hills): id "Tembo Hills" is not lower-case words joined by hyphens',
      (r) => (list(r, 'entities')[1]!.id = 'Tembo Hills'),
    ],
    [
      'an entity without a name',
      'entities[1] (id tembo-hills): name must be a non-empty string of at most 120 characters',
      (r) => (list(r, 'entities')[1]!.name = ' '),
    ],
    [
      'an entity switch missing',
      'entities[0] (id exim): enabled: not true or false',
      (r) => delete list(r, 'entities')[0]!.enabled,
    ],
    [
      'an entity twice',
      'entities[2]: same id as entities[1] (tembo-hills)',
      (r) => list(r, 'entities').push({ ...list(r, 'entities')[1]! }),
    ],
    [
      'a source id with a colon',
      'sources[1] (id a:b): id: not a source id (letters, digits, ".", "_", "-")',
      (r) => (list(r, 'sources')[1]!.id = 'a:b'),
    ],
    [
      'a source of no known origin',
      `sources[1] (id ${OWN_SOURCE.id}): origin: not "bundled", "file", "paste" or "page"`,
      (r) => (list(r, 'sources')[1]!.origin = 'email'),
    ],
    [
      'a source without text',
      `sources[1] (id ${OWN_SOURCE.id}): text: is empty (a source needs the text of an article)`,
      (r) => (list(r, 'sources')[1]!.text = '  '),
    ],
    [
      'a source title of two lines',
      `sources[1] (id ${OWN_SOURCE.id}): title: not one line of 1 to 2000 characters`,
      (r) => (list(r, 'sources')[1]!.title = 'a\nb'),
    ],
    [
      'a page source without its URL',
      'sources[2] (id 6f1c2a8e-0000-4000-8000-000000000002): url: a page source needs its URL',
      (r) => delete list(r, 'sources')[2]!.url,
    ],
    [
      'a source URL not http(s)',
      'sources[2] (id 6f1c2a8e-0000-4000-8000-000000000002): url: not an http(s) URL',
      (r) => (list(r, 'sources')[2]!.url = 'javascript:alert(1)'),
    ],
    [
      'a source date not a date',
      `sources[1] (id ${OWN_SOURCE.id}): date: not a date written YYYY-MM-DD`,
      (r) => (list(r, 'sources')[1]!.date = '2026-02-30'),
    ],
    [
      'a source date missing',
      `sources[1] (id ${OWN_SOURCE.id}): date: not null or YYYY-MM-DD`,
      (r) => delete list(r, 'sources')[1]!.date,
    ],
    [
      'a source added at no time',
      `sources[1] (id ${OWN_SOURCE.id}): addedAt: not a time (ms since the epoch)`,
      (r) => (list(r, 'sources')[1]!.addedAt = 'today'),
    ],
    [
      'a dropped fact of another source',
      `sources[1] (id ${OWN_SOURCE.id}): dropped[0]: not a fact of this source ("source:${OWN_SOURCE.id}:<offset>")`,
      (r) => (list(r, 'sources')[1]!.dropped = ['source:other:12']),
    ],
    [
      'dropped not a list',
      `sources[1] (id ${OWN_SOURCE.id}): dropped: not a list`,
      (r) => delete list(r, 'sources')[1]!.dropped,
    ],
    [
      'an edit of another source’s fact',
      `sources[1] (id ${OWN_SOURCE.id}): edits: "seed:a.txt:1" is not a fact of this source`,
      (r) => (list(r, 'sources')[1]!.edits = { 'seed:a.txt:1': {} }),
    ],
    [
      'an edit of no known kind',
      `sources[1] (id ${OWN_SOURCE.id}): edits["source:${OWN_SOURCE.id}:14"].kind: not money, count, percent or year`,
      (r) => {
        const edits = list(r, 'sources')[1]!.edits as Record<string, Record<string, unknown>>;
        edits[`source:${OWN_SOURCE.id}:14`]!.kind = 'weight';
      },
    ],
    [
      'an edit filed under no claim id',
      `sources[1] (id ${OWN_SOURCE.id}): edits["source:${OWN_SOURCE.id}:14"].attribute: not null or a claim id`,
      (r) => {
        const edits = list(r, 'sources')[1]!.edits as Record<string, Record<string, unknown>>;
        edits[`source:${OWN_SOURCE.id}:14`]!.attribute = 'Not A Claim';
      },
    ],
    [
      'a source twice',
      `sources[3]: same id as sources[1] (${OWN_SOURCE.id})`,
      (r) => list(r, 'sources').push({ ...list(r, 'sources')[1]! }),
    ],
    [
      'a fact that is not a user’s',
      'facts[0] (id seed:a.txt:1): id: not a user fact id ("user:…")',
      (r) => (list(r, 'facts')[0]!.id = 'seed:a.txt:1'),
    ],
    [
      'a fact without a value',
      'facts[0] (id user:1): value: not a number',
      (r) => delete list(r, 'facts')[0]!.value,
    ],
    [
      'an annotation of a note too long, named by its place',
      'annotations[1] (id anno:2): note: not a string of at most 10000 characters',
      (r) => (list(r, 'annotations')[1]!.note = 'x'.repeat(10_001)),
    ],
    [
      'an annotation of a page not http(s)',
      'annotations[0] (id anno:1): url: not an http(s) URL',
      (r) => (list(r, 'annotations')[0]!.url = 'file:///etc/passwd'),
    ],
    [
      'an annotation twice',
      'annotations[3]: same id as annotations[0] (anno:1)',
      (r) => list(r, 'annotations').push({ ...list(r, 'annotations')[0]! }),
    ],
  ])('refuses %s', (_what, error, change) => {
    expect(errorOf(malformed(change))).toBe(error);
  });

  it('refuses what is not a backup at all', () => {
    expect(errorOf('')).toMatch(/^not JSON \(/);
    expect(errorOf('{"format": "factmark-backup", "version": 1,')).toMatch(/^not JSON \(/);
    expect(errorOf('[]')).toBe(
      'not a Factmark backup (a JSON object with "format": "factmark-backup")',
    );
    expect(errorOf('null')).toBe(
      'not a Factmark backup (a JSON object with "format": "factmark-backup")',
    );
  });

  it('refuses more records than a section may hold', () => {
    const seeds = Array.from({ length: BACKUP_LIMITS.sources + 1 }, (_, i) => ({
      id: `seed-${i}.txt`,
      origin: 'bundled',
      enabled: true,
    }));
    expect(errorOf(malformed((r) => (r.sources = seeds)))).toBe('sources: more than 1,000 records');
  });
});
