/**
 * A newsroom's CouchDB for the tests: `pouchdb-server` (npm; a CouchDB-compatible server on the
 * same HTTP API and replication protocol — Debian has no CouchDB package) on 127.0.0.1, a port the
 * OS picks, started in a fresh working directory of its own (it writes config.json and log.txt
 * into its cwd) and stopped by the test.
 *
 * What it sets up, as a newsroom's CouchDB 3 would be (README, "Desk sync"):
 * - a database per desk (`desk`, and any `extraDatabases`), created before the admin is set
 *   (pouchdb-server 4.2.0 crashes creating a database once an admin exists);
 * - three users in `_users`: `alice` and `bob` (members of every desk database) and `outsider`
 *   (a user of the server, member of none);
 * - each database's `_security` listing alice and bob as members;
 * - an admin (`admin`), after which anonymous requests to the databases answer 401.
 *
 * By default the data is kept on disk (LevelDB, in the server's directory), so that `stop()` then
 * `restart()` (same port, same data) plays a server that goes away and comes back; `inMemory`
 * keeps it in memory (lost on restart).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface DeskUser {
  name: string;
  password: string;
}

export interface DeskServer {
  /** The server's root URL, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  /** The desk database's name: `desk`. */
  db: string;
  admin: DeskUser;
  users: { alice: DeskUser; bob: DeskUser; outsider: DeskUser };
  /** Every document of a database (default the desk's), as the admin sees it: `_all_docs` with the docs. */
  allDocs(db?: string): Promise<{ id: string; rev: string; doc: Record<string, unknown> }[]>;
  /** A request to the server as the admin (or as `as`), answering the status and the JSON body. */
  request(
    path: string,
    init?: { method?: string; body?: unknown; as?: DeskUser | null },
  ): Promise<{ status: number; body: unknown }>;
  /** Stop the server (the port is free again; on-disk data stays for `restart`). */
  stop(): Promise<void>;
  /** Start it again on the same port (and, unless in memory, with the same data). */
  restart(): Promise<void>;
  /** Stop it for good and remove its directory. */
  close(): Promise<void>;
}

export interface DeskServerOptions {
  /** Keep the data in memory rather than on disk (then `restart` starts empty). */
  inMemory?: boolean;
  /** More desk databases to create, with the same members. */
  extraDatabases?: string[];
  /**
   * Documents to put before the admin is set: a list (into the desk database), or lists by
   * database name (e.g. `{ "desk-open": [{ _id: "_design/factmark", teamEditing: true }] }`: a
   * desk whose members may edit each other's items).
   */
  designDocs?: Record<string, unknown>[] | Record<string, Record<string, unknown>[]>;
}

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');

/** A TCP port free on 127.0.0.1 now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

function basic(user: DeskUser): string {
  return `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}`;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startDeskServer(options: DeskServerOptions = {}): Promise<DeskServer> {
  const dir = mkdtempSync(join(tmpdir(), 'factmark-desk-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const admin: DeskUser = { name: 'admin', password: 'admin-secret' };
  const users = {
    alice: { name: 'alice', password: 'alice-secret' },
    bob: { name: 'bob', password: 'bob-secret' },
    outsider: { name: 'outsider', password: 'outsider-secret' },
  };
  const db = 'desk';
  let child: ChildProcess | null = null;
  let adminSet = false;

  const request: DeskServer['request'] = async (path, init = {}) => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const as = init.as === undefined ? (adminSet ? admin : null) : init.as;
    if (as !== null) headers.Authorization = basic(as);
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${url}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: kept as text.
    }
    return { status: response.status, body };
  };

  const start = async (): Promise<void> => {
    const args = ['--host', '127.0.0.1', '--port', String(port)];
    if (options.inMemory === true) args.push('--in-memory');
    else args.push('-d', join(dir, 'data'));
    const proc = spawn(process.execPath, [BIN, ...args], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = proc;
    let stderr = '';
    proc.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4_000);
    });
    // Ready when it answers; a bounded wait (some 30 s), never an assertion on time.
    for (let attempt = 0; attempt < 300; attempt++) {
      if (proc.exitCode !== null) {
        throw new Error(`pouchdb-server exited (${proc.exitCode}): ${stderr}`);
      }
      try {
        const response = await fetch(`${url}/`);
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      await pause(100);
    }
    proc.kill();
    throw new Error(`pouchdb-server did not answer on ${url}: ${stderr}`);
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    child = null;
    if (proc === null || proc.exitCode !== null) return;
    const exited = new Promise<void>((done) => proc.once('exit', () => done()));
    proc.kill('SIGTERM');
    await exited;
  };

  const must = async (path: string, init: Parameters<DeskServer['request']>[1]) => {
    const answer = await request(path, init);
    if (answer.status >= 300) {
      throw new Error(
        `desk server setup: ${path}: ${answer.status} ${JSON.stringify(answer.body)}`,
      );
    }
    return answer;
  };

  await start();
  try {
    const databases = [db, ...(options.extraDatabases ?? [])];
    for (const name of databases) await must(`/${name}`, { method: 'PUT' });
    const designDocs = Array.isArray(options.designDocs)
      ? { [db]: options.designDocs }
      : (options.designDocs ?? {});
    for (const [name, docs] of Object.entries(designDocs)) {
      for (const doc of docs) {
        await must(`/${name}/${String(doc._id)}`, { method: 'PUT', body: doc });
      }
    }
    for (const user of Object.values(users)) {
      await must(`/_users/org.couchdb.user:${user.name}`, {
        method: 'PUT',
        body: { name: user.name, password: user.password, roles: [], type: 'user' },
      });
    }
    for (const name of databases) {
      await must(`/${name}/_security`, {
        method: 'PUT',
        body: {
          admins: { names: [], roles: [] },
          members: { names: [users.alice.name, users.bob.name], roles: [] },
        },
      });
    }
    await must(`/_config/admins/${admin.name}`, { method: 'PUT', body: admin.password });
    adminSet = true;
  } catch (error) {
    await stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  return {
    url,
    db,
    admin,
    users,
    request,
    async allDocs(name = db) {
      const answer = await must(`/${name}/_all_docs?include_docs=true`, {});
      const rows = (answer.body as { rows: { id: string; value: { rev: string }; doc: never }[] })
        .rows;
      return rows.map((row) => ({ id: row.id, rev: row.value.rev, doc: row.doc }));
    },
    stop,
    restart: start,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
