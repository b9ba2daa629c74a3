/**
 * PouchDB's changes-filter plugin without code evaluation: the extension build puts this in place
 * of `pouchdb-changes-filter` (vite.config.ts, resolve.alias). The original compiles a design
 * document's `filters` and `views` functions from their source with `new Function` — code from a
 * database, which an MV3 extension must never run (and web-ext lint flags). Desk sync filters
 * nothing by design document; a request that asks for one is refused with an error.
 * `doc_ids` and plain function filters need no plugin and work as before.
 */
import { BAD_REQUEST, createError } from 'pouchdb-errors';

interface FilterOptions {
  filter?: unknown;
  view?: unknown;
  selector?: unknown;
  doc_ids?: unknown;
  complete: (error: unknown, result?: unknown) => void;
}

function validate(opts: FilterOptions, callback: (error?: unknown) => void): void {
  if (opts.selector !== undefined || opts.view !== undefined || typeof opts.filter === 'string') {
    callback(createError(BAD_REQUEST, 'Factmark evaluates no filter or view code of a database'));
    return;
  }
  callback();
}

function normalize(): void {}

function shouldFilter(_handler: unknown, opts: FilterOptions): boolean {
  return typeof opts.filter === 'string' && opts.doc_ids === undefined;
}

function filter(_handler: unknown, opts: FilterOptions): void {
  opts.complete(
    createError(BAD_REQUEST, 'Factmark evaluates no filter or view code of a database'),
  );
}

export default function applyChangesFilterPlugin(PouchDB: Record<string, unknown>): void {
  PouchDB._changesFilterPlugin = { validate, normalize, shouldFilter, filter };
}
