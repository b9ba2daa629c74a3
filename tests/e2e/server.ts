/**
 * A static file server for the end-to-end tests, on 127.0.0.1 and a port the OS picks:
 * `/corpus/<file>` serves tests/corpus/pages/, `/fixtures/<path>` tests/fixtures/ (the story-tembo
 * pages), every other path tests/e2e/pages/.
 * Content scripts match http(s) pages only, so the test pages must come over http, not file:.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { ROOT } from './paths';

const PAGES = join(ROOT, 'tests', 'e2e', 'pages');
const CORPUS = join(ROOT, 'tests', 'corpus', 'pages');
const FIXTURES = join(ROOT, 'tests', 'fixtures');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** The file a request path names, or null when it is outside the served folders. */
function fileFor(urlPath: string): string | null {
  const path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const [base, rest] = path.startsWith('/corpus/')
    ? [CORPUS, path.slice('/corpus/'.length)]
    : path.startsWith('/fixtures/')
      ? [FIXTURES, path.slice('/fixtures/'.length)]
      : [PAGES, path.slice(1)];
  const file = normalize(join(base, rest || 'index.html'));
  return file === base || file.startsWith(base + sep) ? file : null;
}

export async function startServer(): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const file = fileFor(req.url ?? '/');
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => origin + (path.startsWith('/') ? path : `/${path}`),
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
