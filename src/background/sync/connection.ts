/**
 * "Test connection": whether a desk's settings work, and if not, why, in words the journalist can
 * act on. Three requests, each answered by the server as CouchDB 3 answers them:
 * 1. `GET /` — no answer: `unreachable` (also when it is not a CouchDB server);
 * 2. `GET /_session` with the user's name and password — 401: `unauthorized`;
 * 3. `GET /<db>` with them — 404: `no-database`; 401 or 403: `forbidden` (the user is not among
 *    the database's members in its `_security`).
 * The URL rule comes first (`insecure-url`), and the host permission for the server must be held
 * (without it the browser would not let the request through: `unreachable`, saying so).
 * Nothing is written, here or on the server.
 */
import { checkDeskUrl, deskOriginPattern, type SyncTestAnswer } from '../../shared/sync-protocol';

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface DeskSettingsInput {
  url: string;
  db: string;
  user: string;
  password: string;
}

/** How long one request of the test may take. */
const TEST_TIMEOUT_MS = 15_000;

export function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

async function request(
  fetchImpl: Fetch,
  url: string,
  auth: string | null,
): Promise<{ status: number; body: Record<string, unknown> | null } | { failed: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TEST_TIMEOUT_MS);
  try {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (auth !== null) headers.Authorization = auth;
    const response = await fetchImpl(url, {
      headers,
      signal: controller.signal,
      credentials: 'omit',
    });
    let body: Record<string, unknown> | null = null;
    try {
      const parsed: unknown = await response.json();
      if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
    } catch {
      body = null;
    }
    return { status: response.status, body };
  } catch (error) {
    return {
      failed: error instanceof Error && error.message !== '' ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}

export async function testConnection(
  input: DeskSettingsInput,
  fetchImpl: Fetch,
  hasPermission: (pattern: string) => Promise<boolean>,
): Promise<SyncTestAnswer> {
  const checked = checkDeskUrl(input.url);
  if (!checked.ok) {
    return {
      ok: false,
      reason: checked.reason === 'insecure-url' ? 'insecure-url' : 'unreachable',
      error: checked.error,
    };
  }
  const url = checked.url;
  const origin = new URL(url).origin;
  if (!(await hasPermission(deskOriginPattern(url)))) {
    return {
      ok: false,
      reason: 'unreachable',
      error: `Factmark may not reach ${origin} yet: allow it when the browser asks (the permission for that server only).`,
    };
  }
  const root = await request(fetchImpl, `${url}/`, null);
  if ('failed' in root) {
    return {
      ok: false,
      reason: 'unreachable',
      error: `The server at ${origin} did not answer (${root.failed}). Check the address, or try again when it is back.`,
    };
  }
  // CouchDB welcomes with `couchdb`; pouchdb-server (the tests') with `express-pouchdb`; both
  // name their `vendor`.
  const body = root.body;
  if (body === null || !('couchdb' in body || 'express-pouchdb' in body || 'vendor' in body)) {
    return {
      ok: false,
      reason: 'unreachable',
      error: `${url} answered, but it is not a CouchDB server (HTTP ${root.status}). Check the address.`,
    };
  }
  const auth = basicAuth(input.user, input.password);
  const session = await request(fetchImpl, `${url}/_session`, auth);
  if ('failed' in session) {
    return {
      ok: false,
      reason: 'unreachable',
      error: `The server at ${origin} stopped answering (${session.failed}).`,
    };
  }
  const userCtx = session.body?.userCtx as { name?: unknown } | undefined;
  if (
    session.status === 401 ||
    (session.status === 200 && userCtx !== undefined && userCtx.name === null)
  ) {
    return {
      ok: false,
      reason: 'unauthorized',
      error: `The server refused the user "${input.user}": wrong user name or password.`,
    };
  }
  const database = await request(fetchImpl, `${url}/${encodeURIComponent(input.db)}`, auth);
  if ('failed' in database) {
    return {
      ok: false,
      reason: 'unreachable',
      error: `The server at ${origin} stopped answering (${database.failed}).`,
    };
  }
  if (database.status === 404) {
    return {
      ok: false,
      reason: 'no-database',
      error: `There is no database "${input.db}" on ${origin}: ask the server's admin to create the desk's database, or check its name.`,
    };
  }
  if (database.status === 401 || database.status === 403) {
    const reason = String(database.body?.reason ?? '');
    if (database.status === 401 && /name or password/i.test(reason)) {
      return {
        ok: false,
        reason: 'unauthorized',
        error: `The server refused the user "${input.user}": wrong user name or password.`,
      };
    }
    return {
      ok: false,
      reason: 'forbidden',
      error: `"${input.user}" is not a member of the desk's database "${input.db}": ask its admin to add the user to its members (_security).`,
    };
  }
  if (database.status >= 300) {
    return {
      ok: false,
      reason: 'unreachable',
      error: `The server answered HTTP ${database.status} for the database "${input.db}"${database.body?.reason ? `: ${String(database.body.reason)}` : ''}.`,
    };
  }
  return { ok: true };
}
