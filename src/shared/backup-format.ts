/**
 * The backup file (docs/contracts.md, "Backup"): ONE versioned JSON file of everything the
 * journalist has made — annotations, their own facts, their sources (with the edits and drops of
 * the sources' facts), their watched names, the switches of the bundled sources and names, and
 * the per-site switches. The other export formats (JSON-LD, CSV, Markdown) stay as they are;
 * they hold annotations only.
 *
 * This module is pure (no browser API, no database): the one definition of the format, both ways.
 * The background writes the text with the pieces below (src/background/backup.ts streams it over
 * a port a section at a time; `toBackupText` writes the same text at once) and reads it with
 * `parseBackup`, which checks every field strictly and says what is wrong and where
 * (`sources[2] (id 1f0…): dropped[0]: not a fact of this source`).
 *
 * Never anything secret: a backup is a file the journalist hands around. Each record is built here
 * field by field from an allow-list (backupSourceOf, backupEntityOf, backupSiteOf; annotations and
 * facts through their strict validators' copies), never by copying a stored record whole, so that
 * a field added to a store later — a desk-sync password, a token — cannot slip into a backup
 * unseen. Keep it that way: a secret never belongs in this format.
 */
import type { Annotation } from '../core/annotations/types';
import { ENTITIES } from '../core/entities';
import type { Fact } from '../core/types';
import { checkAnnotation, checkUserFact, MAX_IMPORT_STREAM_ANNOTATIONS } from './messages';
import { BACKUP_SECTIONS, type BackupSection } from './backup-protocol';
import {
  checkNewSource,
  checkWatchedNameInput,
  isSourceId,
  MAX_SOURCES,
  type Source,
  type WatchedName,
} from './sources-protocol';

/** The `format` of every backup: what tells a backup from any other JSON file. */
export const BACKUP_FORMAT = 'factmark-backup';
/**
 * The version this Factmark writes, and the newest it reads. A change of the format that an older
 * Factmark could misread gets a new version, and an upgrade of the older versions' files in
 * UPGRADES, so that every backup ever written keeps restoring.
 */
export const BACKUP_VERSION = 1;

export { BACKUP_SECTIONS, type BackupSection } from './backup-protocol';

// ---- Records ---------------------------------------------------------------------------------

/** A per-site switch (the `sites` store). */
export interface BackupSite {
  /** The host name, lower-case. */
  host: string;
  enabled: boolean;
  /** When the journalist last flipped it (ms since the epoch): the newer switch wins a restore. */
  updated: number;
}

/**
 * A watched name: the journalist's own whole; a bundled one (built into Factmark, matched by its
 * own rules) only by its switch.
 */
export type BackupEntity =
  | { id: string; bundled: true; enabled: boolean }
  | { id: string; bundled: false; name: string; aliases: string[]; enabled: boolean };

/** The journalist's change to one of a source's facts (src/background/sources.ts FactEdit). */
export interface BackupFactEdit {
  kind: Fact['kind'];
  value: number;
  unit: string;
  precision: number;
  qualifier: Fact['qualifier'];
  text: string;
  /** The claim the journalist filed it under, or null when left where it was grouped. */
  attribute: string | null;
}

/**
 * A source. The journalist's own carries everything it is restored from: its text (its facts are
 * extracted from it again, with the watched names of the restore, as the Library does — the facts
 * themselves are not in the backup), its provenance, its switch, and the journalist's drops and
 * edits of its facts (by fact id, `source:<id>:<offset>`: the offset into the text). A bundled
 * seed is built into Factmark: only its switch.
 */
export type BackupSource =
  | { id: string; origin: 'bundled'; enabled: boolean }
  | {
      id: string;
      title: string;
      origin: 'file' | 'paste' | 'page';
      name?: string;
      url?: string;
      date: string | null;
      text: string;
      addedAt: number;
      enabled: boolean;
      dropped: string[];
      /** Absent when the journalist edited none of its facts. */
      edits?: Record<string, BackupFactEdit>;
    };

/** A whole backup, as read (parseBackup) or to be written (toBackupText). */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When it was written: ISO 8601, UTC. */
  exportedAt: string;
  sites: BackupSite[];
  entities: BackupEntity[];
  sources: BackupSource[];
  /** The journalist's own facts (`user:` ids). Bundled and sources' facts are rebuilt, not kept. */
  facts: Fact[];
  annotations: Annotation[];
}

/** What a section's records are. */
export interface BackupRecords {
  sites: BackupSite;
  entities: BackupEntity;
  sources: BackupSource;
  facts: Fact;
  annotations: Annotation;
}

// ---- From the stores ---------------------------------------------------------------------------

/** A stored source as the backup has it: the fields named here, nothing else. */
export function backupSourceOf(
  source: Source & { edits?: Record<string, BackupFactEdit> },
): BackupSource {
  if (source.origin === 'bundled') {
    return { id: source.id, origin: 'bundled', enabled: source.enabled };
  }
  // One order of fields whatever the record's own (toBackupText of what parseBackup read gives
  // back the same text): the optional ones where the contract lists them.
  const out: BackupSource = {
    id: source.id,
    title: source.title,
    origin: source.origin,
    ...(source.name !== undefined ? { name: source.name } : {}),
    ...(source.url !== undefined ? { url: source.url } : {}),
    date: source.date,
    text: source.text,
    addedAt: source.addedAt,
    enabled: source.enabled,
    dropped: [...source.dropped],
  };
  if (source.edits !== undefined) {
    out.edits = Object.fromEntries(
      Object.entries(source.edits).map(([id, e]) => [id, backupEditOf(e)]),
    );
  }
  return out;
}

function backupEditOf(e: BackupFactEdit): BackupFactEdit {
  return {
    kind: e.kind,
    value: e.value,
    unit: e.unit,
    precision: e.precision,
    qualifier: e.qualifier === null ? null : { text: e.qualifier.text, sense: e.qualifier.sense },
    text: e.text,
    attribute: e.attribute,
  };
}

/** A stored watched name as the backup has it. */
export function backupEntityOf(name: WatchedName): BackupEntity {
  if (name.bundled) return { id: name.id, bundled: true, enabled: name.enabled };
  return {
    id: name.id,
    bundled: false,
    name: name.name,
    aliases: [...name.aliases],
    enabled: name.enabled,
  };
}

/** A stored per-site switch as the backup has it. */
export function backupSiteOf(site: BackupSite): BackupSite {
  return { host: site.host, enabled: site.enabled, updated: site.updated };
}

/** A stored user's fact as the backup has it: the fields of a Fact, its source a user's. */
export function backupFactOf(fact: Fact): Fact {
  const s = fact.source;
  return {
    id: fact.id,
    attribute: fact.attribute,
    kind: fact.kind,
    value: fact.value,
    unit: fact.unit,
    precision: fact.precision,
    qualifier:
      fact.qualifier === null ? null : { text: fact.qualifier.text, sense: fact.qualifier.sense },
    text: fact.text,
    quote: fact.quote,
    quoteStart: fact.quoteStart,
    quoteEnd: fact.quoteEnd,
    start: fact.start,
    end: fact.end,
    // Only users' facts are backed up (the rest are rebuilt); anything else fails the restore's
    // check of the fact, with its place, rather than passing unseen.
    source:
      s.type === 'user' ? { type: 'user', url: s.url, title: s.title, date: s.date } : { ...s },
  };
}

/**
 * A stored annotation as the backup has it: the model's fields (src/core/annotations/types.ts),
 * desk sync's `shared` and `creator` (a user name, no secret) when it has them, in the order
 * checkAnnotation gives them.
 */
export function backupAnnotationOf(a: Annotation): Annotation {
  return {
    ...(a.shared !== undefined ? { shared: a.shared } : {}),
    ...(a.creator !== undefined ? { creator: a.creator } : {}),
    id: a.id,
    url: a.url,
    title: a.title,
    quote: {
      type: 'TextQuoteSelector',
      exact: a.quote.exact,
      prefix: a.quote.prefix,
      suffix: a.quote.suffix,
    },
    position: { type: 'TextPositionSelector', start: a.position.start, end: a.position.end },
    color: a.color,
    note: a.note,
    tags: [...a.tags],
    entities: [...a.entities],
    verdicts: [...a.verdicts],
    created: a.created,
    updated: a.updated,
  };
}

// ---- Writing -----------------------------------------------------------------------------------
// The text is written in pieces, so that a backup of a million annotations never has to be one
// string: the head, then per section its opening, its records and its closing, then the end.
// `toBackupText` joins the same pieces; the tests check that both give the same text.

/** The opening of a backup up to its first section: `format` first, so a reader can tell it. */
export function backupHead(exportedAt: string): string {
  return (
    `{\n  "format": ${JSON.stringify(BACKUP_FORMAT)},\n  "version": ${BACKUP_VERSION},\n` +
    `  "exportedAt": ${JSON.stringify(exportedAt)},\n`
  );
}

/** A section's opening, up to its first record. */
export function sectionOpening(section: BackupSection): string {
  return `  ${JSON.stringify(section)}: [`;
}

/** One record of a section on a line of its own; `first`: the section's first record. */
export function recordText(record: unknown, first: boolean): string {
  return `${first ? '\n' : ',\n'}    ${JSON.stringify(record)}`;
}

/** A section's closing; `empty`: it had no record. */
export function sectionClosing(section: BackupSection, empty: boolean): string {
  const last = section === BACKUP_SECTIONS[BACKUP_SECTIONS.length - 1];
  return `${empty ? '' : '\n  '}]${last ? '\n' : ',\n'}`;
}

/** The end of a backup, after its last section. */
export const BACKUP_END = '}\n';

/** The whole text of a backup at once (small backups, tests): the pieces above, joined. */
export function toBackupText(backup: Omit<Backup, 'format' | 'version'>): string {
  // Each record through its picker, as the background writes them: one order of fields.
  const records: { [S in BackupSection]: readonly unknown[] } = {
    sites: backup.sites.map(backupSiteOf),
    entities: backup.entities.map((e) =>
      e.bundled ? { id: e.id, bundled: true, enabled: e.enabled } : backupEntityOf({ ...e }),
    ),
    sources: backup.sources.map((s) =>
      s.origin === 'bundled'
        ? { id: s.id, origin: s.origin, enabled: s.enabled }
        : backupSourceOf(s),
    ),
    facts: backup.facts.map(backupFactOf),
    annotations: backup.annotations.map(backupAnnotationOf),
  };
  let text = backupHead(backup.exportedAt);
  for (const section of BACKUP_SECTIONS) {
    const list = records[section];
    text += sectionOpening(section);
    list.forEach((r, i) => (text += recordText(r, i === 0)));
    text += sectionClosing(section, list.length === 0);
  }
  return text + BACKUP_END;
}

/** Whether the start of a file (its first few hundred characters) is a backup's: its `format`. */
export function looksLikeBackup(start: string): boolean {
  return new RegExp(`^\\uFEFF?\\s*\\{\\s*"format"\\s*:\\s*"${BACKUP_FORMAT}"`).test(start);
}

// ---- Reading -----------------------------------------------------------------------------------

export type BackupParseResult = { ok: true; backup: Backup } | { ok: false; error: string };

/** Records per section, at most: far above real use, and a bound on what one restore asks. */
export const BACKUP_LIMITS: { readonly [S in BackupSection]: number } = {
  sites: 1_000_000,
  entities: 100_000,
  sources: MAX_SOURCES,
  facts: 1_000_000,
  annotations: MAX_IMPORT_STREAM_ANNOTATIONS,
};

/**
 * Upgrades of older versions' files to the next version's shape, by the version they read:
 * UPGRADES[n] takes a version-n backup (parsed JSON) to version n + 1. Version 1 is the first;
 * there is none yet. Never edit a shipped upgrade: append one with every new version.
 */
const UPGRADES: Readonly<
  Record<number, (raw: Record<string, unknown>) => Record<string, unknown>>
> = {};

const TOP_FIELDS: ReadonlySet<string> = new Set([
  'format',
  'version',
  'exportedAt',
  ...BACKUP_SECTIONS,
]);
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const HOST = /^[a-z0-9.\-:[\]]{1,253}$/i;
const FIGURE_KINDS: ReadonlySet<unknown> = new Set(['money', 'count', 'percent', 'year']);
const QUALIFIER_SENSES: ReadonlySet<unknown> = new Set(['approx', 'max', 'min']);
const ATTRIBUTE_ID = /^[a-z0-9-]{1,100}(\.[a-z0-9-]{1,100}){1,5}$/;
const BUNDLED_ENTITY_IDS: ReadonlySet<string> = new Set(ENTITIES.map((e) => e.id));

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** ms since the epoch, as Date.now() gives it. */
function isTime(x: unknown): x is number {
  return Number.isSafeInteger(x) && (x as number) >= 0;
}

/**
 * Read a backup's text: the backup, or what is wrong and where. Every record is checked with the
 * validator its store's requests use (an annotation as factmark/annotation-save checks it, a
 * fact as factmark/fact-save, a source's fields as factmark/source-add, a name as
 * factmark/entity-save), and ids must be distinct within a section. A file of a newer version is
 * refused: it may hold what this Factmark would lose.
 */
export function parseBackup(text: string): BackupParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return fail(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const problem = checkBackup(raw);
  return typeof problem === 'string' ? fail(problem) : { ok: true, backup: problem };
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

/** The backup, or what is wrong with it. */
export function checkBackup(raw: unknown): Backup | string {
  if (!isRecord(raw))
    return `not a Factmark backup (a JSON object with "format": "${BACKUP_FORMAT}")`;
  if (raw.format !== BACKUP_FORMAT) {
    return `format: not "${BACKUP_FORMAT}" (${describe(raw.format)}): this is not a Factmark backup`;
  }
  const version = raw.version;
  if (!Number.isSafeInteger(version) || (version as number) < 1) {
    return `version: not a whole number from 1 (${describe(version)})`;
  }
  if ((version as number) > BACKUP_VERSION) {
    return `version: ${version as number} is newer than this Factmark reads (up to ${BACKUP_VERSION}); update Factmark to restore this backup`;
  }
  let current = raw;
  for (let v = version as number; v < BACKUP_VERSION; v++) {
    const upgrade = UPGRADES[v];
    if (upgrade === undefined) return `version: ${v} cannot be read (no upgrade from it)`;
    current = upgrade(current);
  }
  for (const key of Object.keys(current)) {
    if (!TOP_FIELDS.has(key)) {
      return `${JSON.stringify(key).slice(0, 80)}: not a field of a version-${BACKUP_VERSION} backup`;
    }
  }
  const at = current.exportedAt;
  if (typeof at !== 'string' || !ISO_UTC.test(at) || Number.isNaN(Date.parse(at))) {
    return `exportedAt: not an ISO 8601 date in UTC (${describe(at)})`;
  }
  const sites = checkSection(current, 'sites', checkSite, (s) => s.host);
  if (typeof sites === 'string') return sites;
  const entities = checkSection(current, 'entities', checkEntity, (e) => e.id);
  if (typeof entities === 'string') return entities;
  const sources = checkSection(current, 'sources', checkSource, (s) => s.id);
  if (typeof sources === 'string') return sources;
  const facts = checkSection(current, 'facts', checkUserFact, (f) => f.id);
  if (typeof facts === 'string') return facts;
  const annotations = checkSection(current, 'annotations', checkAnnotation, (a) => a.id);
  if (typeof annotations === 'string') return annotations;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: at,
    sites,
    entities,
    sources,
    facts,
    annotations,
  };
}

/** A value as an error message shows it: its JSON, cut short. */
function describe(x: unknown): string {
  if (x === undefined) return 'missing';
  const json = JSON.stringify(x) ?? String(x);
  return `found ${json.length > 60 ? `${json.slice(0, 59)}…` : json}`;
}

/** One section: a list of at most its limit, each record valid, no id twice. */
function checkSection<S extends BackupSection>(
  backup: Record<string, unknown>,
  section: S,
  check: (x: unknown) => BackupRecords[S] | string,
  key: (record: BackupRecords[S]) => string,
): BackupRecords[S][] | string {
  const list = backup[section];
  if (!Array.isArray(list)) return `${section}: not a list (${describe(list)})`;
  const limit = BACKUP_LIMITS[section];
  if (list.length > limit) return `${section}: more than ${limit.toLocaleString('en-US')} records`;
  const out: BackupRecords[S][] = [];
  const seen = new Map<string, number>();
  for (const [i, item] of list.entries()) {
    const checked = check(item);
    if (typeof checked === 'string') {
      const id = isRecord(item) ? (item.id ?? item.host) : undefined;
      const named =
        typeof id === 'string'
          ? ` (${section === 'sites' ? 'host' : 'id'} ${id.slice(0, 80)})`
          : '';
      return `${section}[${i}]${named}: ${checked}`;
    }
    const k = key(checked);
    const first = seen.get(k);
    if (first !== undefined)
      return `${section}[${i}]: same ${section === 'sites' ? 'host' : 'id'} as ${section}[${first}] (${k.slice(0, 80)})`;
    seen.set(k, i);
    out.push(checked);
  }
  return out;
}

function checkSite(x: unknown): BackupSite | string {
  if (!isRecord(x)) return 'not an object';
  if (typeof x.host !== 'string' || !HOST.test(x.host)) return 'host: not a host name';
  if (typeof x.enabled !== 'boolean') return 'enabled: not true or false';
  if (!isTime(x.updated)) return 'updated: not a time (ms since the epoch)';
  return { host: x.host.toLowerCase(), enabled: x.enabled, updated: x.updated };
}

function checkEntity(x: unknown): BackupEntity | string {
  if (!isRecord(x)) return 'not an object';
  if (typeof x.enabled !== 'boolean') return 'enabled: not true or false';
  if (x.bundled === true) {
    if (typeof x.id !== 'string' || !BUNDLED_ENTITY_IDS.has(x.id)) {
      return `id: not a bundled entity (${[...BUNDLED_ENTITY_IDS].join(', ')})`;
    }
    return { id: x.id, bundled: true, enabled: x.enabled };
  }
  if (x.bundled !== false) return 'bundled: not true or false';
  const name = checkWatchedNameInput(x);
  if (typeof name === 'string') return name;
  if (BUNDLED_ENTITY_IDS.has(name.id)) {
    return `id: "${name.id}" is a bundled entity's; a backup holds only its switch ("bundled": true)`;
  }
  return {
    id: name.id,
    bundled: false,
    name: name.name,
    aliases: name.aliases,
    enabled: x.enabled,
  };
}

function checkSource(x: unknown): BackupSource | string {
  if (!isRecord(x)) return 'not an object';
  if (!isSourceId(x.id)) return 'id: not a source id (letters, digits, ".", "_", "-")';
  if (typeof x.enabled !== 'boolean') return 'enabled: not true or false';
  if (x.origin === 'bundled') return { id: x.id, origin: 'bundled', enabled: x.enabled };
  if (x.date !== null && typeof x.date !== 'string') return 'date: not null or YYYY-MM-DD';
  // Its title, text, origin, file name, URL and date: as factmark/source-add checks them.
  const fields = checkNewSource({
    title: x.title,
    text: x.text,
    origin: x.origin,
    name: x.name,
    url: x.url,
    date: x.date,
  });
  if (typeof fields === 'string') {
    return fields.startsWith('origin:')
      ? 'origin: not "bundled", "file", "paste" or "page"'
      : fields;
  }
  if (!isTime(x.addedAt)) return 'addedAt: not a time (ms since the epoch)';
  const prefix = `source:${x.id}:`;
  const ofThisSource = (id: unknown): id is string =>
    typeof id === 'string' && id.startsWith(prefix) && /^\d{1,9}$/.test(id.slice(prefix.length));
  if (!Array.isArray(x.dropped)) return 'dropped: not a list';
  for (const [i, id] of x.dropped.entries()) {
    if (!ofThisSource(id)) return `dropped[${i}]: not a fact of this source ("${prefix}<offset>")`;
  }
  const out: BackupSource = {
    id: x.id,
    title: fields.title,
    origin: fields.origin,
    date: fields.date ?? null,
    text: fields.text,
    addedAt: x.addedAt,
    enabled: x.enabled,
    dropped: [...new Set(x.dropped as string[])],
  };
  if (fields.name !== undefined) out.name = fields.name;
  if (fields.url !== undefined) out.url = fields.url;
  if (x.edits !== undefined) {
    if (!isRecord(x.edits)) return 'edits: not an object of edits by fact id';
    const edits: Record<string, BackupFactEdit> = {};
    for (const [id, e] of Object.entries(x.edits)) {
      if (!ofThisSource(id))
        return `edits: ${JSON.stringify(id).slice(0, 80)} is not a fact of this source`;
      const edit = checkEdit(e);
      if (typeof edit === 'string') return `edits["${id}"].${edit}`;
      edits[id] = edit;
    }
    out.edits = edits;
  }
  return backupSourceOf(out);
}

/** An edit of a source's fact: the value fields of a fact, and the claim chosen or null. */
function checkEdit(x: unknown): BackupFactEdit | string {
  if (!isRecord(x)) return 'not an object';
  if (!FIGURE_KINDS.has(x.kind)) return 'kind: not money, count, percent or year';
  if (typeof x.value !== 'number' || !Number.isFinite(x.value)) return 'value: not a number';
  if (typeof x.unit !== 'string' || x.unit.length < 1 || x.unit.length > 50) {
    return 'unit: not a string of 1 to 50 characters';
  }
  if (typeof x.precision !== 'number' || !Number.isFinite(x.precision) || x.precision < 0) {
    return 'precision: not a number >= 0';
  }
  let qualifier: Fact['qualifier'] = null;
  if (x.qualifier !== null) {
    const q = x.qualifier;
    if (
      !isRecord(q) ||
      typeof q.text !== 'string' ||
      q.text.length < 1 ||
      q.text.length > 100 ||
      !QUALIFIER_SENSES.has(q.sense)
    ) {
      return 'qualifier: not null or { text, sense }';
    }
    qualifier = { text: q.text, sense: q.sense as NonNullable<Fact['qualifier']>['sense'] };
  }
  if (typeof x.text !== 'string' || x.text.length < 1 || x.text.length > 1_000) {
    return 'text: not a string of 1 to 1000 characters';
  }
  if (
    x.attribute !== null &&
    (typeof x.attribute !== 'string' || !ATTRIBUTE_ID.test(x.attribute))
  ) {
    return 'attribute: not null or a claim id';
  }
  return {
    kind: x.kind as Fact['kind'],
    value: x.value,
    unit: x.unit,
    precision: x.precision,
    qualifier,
    text: x.text,
    attribute: x.attribute,
  };
}
