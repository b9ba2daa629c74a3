// PouchDB's packages ship no types; desk sync types what it uses in ./pouch.ts.
declare module 'pouchdb-core' {
  interface PouchConstructor {
    new (name: string, options?: Record<string, unknown>): unknown;
    plugin(plugin: unknown): PouchConstructor;
  }
  const PouchDB: PouchConstructor;
  export default PouchDB;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-idb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-errors' {
  export const BAD_REQUEST: unknown;
  export function createError(kind: unknown, reason?: string): Error;
}
