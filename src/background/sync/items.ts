/**
 * Factmark's records as desk documents, and back. One CouchDB document per shared item, id
 * `<kind>:<item id>`:
 *
 * ```json
 * { "_id": "annotation:anno:…", "kind": "annotation", "author": "alice", "editor"?: "bob",
 *   "created": "2026-12-02T08:00:00.000Z", "modified": "2026-12-02T08:05:00.000Z",
 *   "item": { …the record, without what is this profile's own… } }
 * ```
 *
 * - `annotation`: the Annotation without `shared` and `creator` (they are the document's: it is
 *   shared, and its creator is `author`);
 * - `fact`: a journalist's fact (`user:…`), whole;
 * - `source`: a journalist's source with its text, the facts dropped and edited (`dropped`,
 *   `edits`) — its facts are extracted again by each profile — without `enabled` (each profile's
 *   own switch);
 * - `entity`: a watched name `{ id, name, aliases }` (its switch is each profile's).
 *
 * A deletion is a CouchDB deletion (a tombstone) carrying `kind`, `author`, `modified` and
 * `removal`: `deleted` (the item is gone: teammates drop it too) or `unshared` (the author keeps
 * it, private: teammates drop it, the author's other profiles keep it as private).
 *
 * Everything pulled is checked as a message from a page would be (src/shared/messages.ts,
 * sources-protocol.ts) before it is written: a desk's server is not trusted with Factmark's
 * stores.
 */
import type { Annotation } from '../../core/annotations/types';
import type { Fact } from '../../core/types';
import { checkAnnotation, checkUserFact } from '../../shared/messages';
import { checkSourcesRequest, type WatchedName } from '../../shared/sources-protocol';
import type { DeskKind } from '../../shared/sync-protocol';
import { DESK_KINDS } from '../../shared/sync-protocol';
import { USER_FACT_PREFIX, type FactmarkDb } from '../db';
import type { FactEdit, StoredSource } from '../sources';

export type Removal = 'deleted' | 'unshared';

export interface DeskDocBody {
  kind: DeskKind;
  author: string;
  editor?: string;
  created: string;
  modified: string;
  item?: unknown;
  removal?: Removal;
}

export function docIdOf(kind: DeskKind, id: string): string {
  return `${kind}:${id}`;
}

export function parseDocId(docId: string): { kind: DeskKind; id: string } | null {
  const colon = docId.indexOf(':');
  if (colon <= 0) return null;
  const kind = docId.slice(0, colon);
  const id = docId.slice(colon + 1);
  if (!(DESK_KINDS as readonly string[]).includes(kind) || id === '') return null;
  return { kind: kind as DeskKind, id };
}

// ---- Local items -----------------------------------------------------------------------------

/** An item of Factmark's stores, as the desk sees it. */
export interface LocalItem {
  /** The shared fields (the document's `item`). */
  item: unknown;
  /** An annotation's `shared` (others: whether the desk store lists it, decided by the caller). */
  shared: boolean;
  /** An annotation's `creator`. */
  creator?: string;
  /** ms since the epoch, when the record knows (annotations). */
  created?: number;
  modified?: number;
}

/** The annotation's shared fields: everything but `shared` and `creator`. */
export function annotationItem(a: Annotation): Omit<Annotation, 'shared' | 'creator'> {
  const { shared: _shared, creator: _creator, ...item } = a;
  return item;
}

function sourceItem(s: StoredSource): Omit<StoredSource, 'enabled'> {
  const { enabled: _enabled, ...item } = s;
  return item;
}

function entityItem(e: WatchedName): { id: string; name: string; aliases: string[] } {
  return { id: e.id, name: e.name, aliases: [...e.aliases] };
}

/** The item as Factmark's stores hold it now, or null when it is not there (or not shareable). */
export async function readLocal(
  db: FactmarkDb,
  kind: DeskKind,
  id: string,
): Promise<LocalItem | null> {
  switch (kind) {
    case 'annotation': {
      const a = await db.get('annotations', id);
      if (a === undefined) return null;
      const local: LocalItem = {
        item: annotationItem(a),
        shared: a.shared === true,
        created: a.created,
        modified: a.updated,
      };
      if (a.creator !== undefined) local.creator = a.creator;
      return local;
    }
    case 'fact': {
      if (!id.startsWith(USER_FACT_PREFIX)) return null;
      const f = await db.get('facts', id);
      return f === undefined ? null : { item: f, shared: true };
    }
    case 'source': {
      const s = await db.get('sources', id);
      return s === undefined || s.origin === 'bundled'
        ? null
        : { item: sourceItem(s), shared: true };
    }
    case 'entity': {
      const e = await db.get('entities', id);
      return e === undefined || e.bundled ? null : { item: entityItem(e), shared: true };
    }
  }
}

// ---- Pulled items, checked -------------------------------------------------------------------

const SOURCE_ID = /^[A-Za-z0-9._-]{1,200}$/;
const FIGURE_KINDS = new Set(['money', 'count', 'percent', 'year']);

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function checkEdits(x: unknown): Record<string, FactEdit> | string {
  if (!isRecord(x)) return 'edits: not an object';
  const edits: Record<string, FactEdit> = {};
  for (const [id, e] of Object.entries(x)) {
    if (
      !isRecord(e) ||
      !FIGURE_KINDS.has(e.kind as string) ||
      typeof e.value !== 'number' ||
      !Number.isFinite(e.value) ||
      typeof e.unit !== 'string' ||
      typeof e.precision !== 'number' ||
      typeof e.text !== 'string' ||
      (e.attribute !== null && typeof e.attribute !== 'string') ||
      (e.qualifier !== null && !(isRecord(e.qualifier) && typeof e.qualifier.text === 'string'))
    ) {
      return `edits.${id}: not an edit of a fact`;
    }
    edits[id] = {
      kind: e.kind as FactEdit['kind'],
      value: e.value,
      unit: e.unit,
      precision: e.precision,
      qualifier: e.qualifier === null ? null : (e.qualifier as unknown as FactEdit['qualifier']),
      text: e.text,
      attribute: e.attribute as string | null,
    };
  }
  return edits;
}

/** A pulled source, checked as factmark/source-add checks one, or what is wrong. */
export function checkDeskSource(id: string, x: unknown): StoredSource | string {
  if (!isRecord(x) || x.id !== id || !SOURCE_ID.test(id)) return 'source: not a source';
  if (x.origin !== 'file' && x.origin !== 'paste' && x.origin !== 'page') {
    return 'source.origin: not file, paste or page';
  }
  const input: Record<string, unknown> = {
    title: x.title,
    text: x.text,
    origin: x.origin,
    date: x.date ?? null,
  };
  if (x.name !== undefined) input.name = x.name;
  if (x.url !== undefined) input.url = x.url;
  const checked = checkSourcesRequest({ type: 'factmark/source-add', source: input });
  if (checked === null || typeof checked === 'string') return checked ?? 'source: not a source';
  if (checked.type !== 'factmark/source-add') return 'source: not a source';
  const dropped = x.dropped ?? [];
  if (!Array.isArray(dropped) || !dropped.every((d) => typeof d === 'string')) {
    return 'source.dropped: not a list of fact ids';
  }
  if (typeof x.addedAt !== 'number' || !Number.isFinite(x.addedAt)) {
    return 'source.addedAt: not a time';
  }
  const source: StoredSource = {
    id,
    title: checked.source.title,
    origin: checked.source.origin,
    date: checked.source.date ?? null,
    text: checked.source.text,
    addedAt: x.addedAt,
    enabled: true,
    dropped: [...(dropped as string[])],
  };
  if (checked.source.name !== undefined) source.name = checked.source.name;
  if (checked.source.url !== undefined) source.url = checked.source.url;
  if (x.edits !== undefined) {
    const edits = checkEdits(x.edits);
    if (typeof edits === 'string') return edits;
    source.edits = edits;
  }
  return source;
}

/** A pulled watched name, checked as factmark/entity-save checks one, or what is wrong. */
export function checkDeskEntity(id: string, x: unknown): WatchedName | string {
  if (!isRecord(x) || x.id !== id) return 'entity: not a watched name';
  const checked = checkSourcesRequest({
    type: 'factmark/entity-save',
    entity: { id: x.id, name: x.name, aliases: x.aliases },
  });
  if (checked === null || typeof checked === 'string')
    return checked ?? 'entity: not a watched name';
  if (checked.type !== 'factmark/entity-save') return 'entity: not a watched name';
  return { ...checked.entity, aliases: [...checked.entity.aliases], bundled: false, enabled: true };
}

/** A pulled annotation, as this profile stores it: shared, its creator the document's author. */
export function checkDeskAnnotation(id: string, author: string, x: unknown): Annotation | string {
  if (!isRecord(x) || x.id !== id) return 'annotation: not an annotation';
  return checkAnnotation({ ...x, shared: true, creator: author });
}

export function checkDeskFact(id: string, x: unknown): Fact | string {
  if (!isRecord(x) || x.id !== id) return 'fact: not a fact';
  return checkUserFact(x);
}

/** A document's body as pulled, or null when it is not one of Factmark's. */
export function deskBody(doc: Record<string, unknown>): DeskDocBody | null {
  const kind = doc.kind;
  if (typeof kind !== 'string' || !(DESK_KINDS as readonly string[]).includes(kind)) return null;
  if (typeof doc.author !== 'string' || doc.author.length === 0 || doc.author.length > 200) {
    return null;
  }
  const body: DeskDocBody = {
    kind: kind as DeskKind,
    author: doc.author,
    created: typeof doc.created === 'string' ? doc.created : '',
    modified: typeof doc.modified === 'string' ? doc.modified : '',
  };
  if (typeof doc.editor === 'string') body.editor = doc.editor;
  if (doc.item !== undefined) body.item = doc.item;
  if (doc.removal === 'deleted' || doc.removal === 'unshared') body.removal = doc.removal;
  return body;
}

// ---- Comparing -------------------------------------------------------------------------------

/** JSON with every object's keys sorted: two items compare equal whatever their keys' order. */
export function stableJson(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(stableJson).join(',')}]`;
  if (isRecord(x)) {
    const keys = Object.keys(x)
      .filter((k) => x[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(x[k])}`).join(',')}}`;
  }
  return JSON.stringify(x) ?? 'null';
}

export function sameItem(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}
