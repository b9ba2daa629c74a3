/**
 * PouchDB, as much of it as desk sync uses: the core, the IndexedDB adapter (the local mirror,
 * in the extension's origin), the HTTP adapter (the desk's CouchDB, over fetch) and replication.
 * Not `pouchdb-browser`: it also bundles map/reduce, whose view functions are compiled with
 * `new Function` — code Factmark neither needs nor may carry (MV3 forbids eval; web-ext lint
 * flags it). No replication code of Factmark's own: PouchDB's implements CouchDB's protocol.
 */
import PouchDB from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import idbAdapter from 'pouchdb-adapter-idb';
import replication from 'pouchdb-replication';

PouchDB.plugin(idbAdapter).plugin(httpAdapter).plugin(replication);

/** A document as PouchDB gives it back. */
export interface PouchDoc {
  _id: string;
  _rev: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [field: string]: unknown;
}

export interface ReplicationResult {
  ok: boolean;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
  errors: unknown[];
  last_seq: number | string;
}

export interface Replication extends Promise<ReplicationResult> {
  cancel(): void;
}

export interface ChangesResult {
  results: { id: string; seq: number | string; deleted?: boolean; doc?: PouchDoc }[];
  last_seq: number | string;
}

/** The methods of a PouchDB database that sync calls. */
export interface Pouch {
  get(id: string, options?: { rev?: string; conflicts?: boolean }): Promise<PouchDoc>;
  put(doc: Record<string, unknown>): Promise<{ ok: boolean; id: string; rev: string }>;
  bulkDocs(
    docs: Record<string, unknown>[],
  ): Promise<
    (
      | { ok: true; id: string; rev: string }
      | { error: string; id: string; status?: number; message?: string }
    )[]
  >;
  allDocs(options: { include_docs?: boolean; conflicts?: boolean; keys?: string[] }): Promise<{
    rows: { id: string; value: { rev: string; deleted?: boolean }; doc?: PouchDoc }[];
  }>;
  changes(options: {
    since: number | string;
    limit?: number;
    include_docs?: boolean;
    conflicts?: boolean;
    return_docs?: boolean;
  }): Promise<ChangesResult>;
  info(): Promise<{ update_seq: number | string; doc_count: number }>;
  destroy(): Promise<unknown>;
  close(): Promise<unknown>;
  replicate: {
    to(target: Pouch, options?: Record<string, unknown>): Replication;
    from(source: Pouch, options?: Record<string, unknown>): Replication;
  };
}

/** Where the mirror and the remote come from; tests may put their own. */
export interface PouchFactory {
  /** The local mirror (IndexedDB). */
  local(name: string): Pouch;
  /** The desk's database on its server, with the user's credentials (HTTP Basic). */
  remote(url: string, db: string, user: string, password: string): Pouch;
}

export const pouchFactory: PouchFactory = {
  local(name) {
    return new PouchDB(name, { adapter: 'idb', auto_compaction: true }) as unknown as Pouch;
  },
  remote(url, db, user, password) {
    return new PouchDB(`${url}/${encodeURIComponent(db)}`, {
      adapter: 'http',
      // Never create the database: a desk's database is the server admin's to make; a missing
      // one is an error to show ("no such database"), not something to paper over.
      skip_setup: true,
      auth: { username: user, password },
    }) as unknown as Pouch;
  },
};
