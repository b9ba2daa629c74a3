/**
 * Bundle sizes of the built extension's entries (dist/chrome): content script, background,
 * popup, options. An entry is found from manifest.json (content_scripts[].js,
 * background.service_worker, action.default_popup, options_ui.page / options_page); for an HTML
 * page, its <script src> tags. Its size is the sum of every JS file it loads: the entry file and,
 * transitively, the files its static `import` / `export … from` statements name (modulepreload
 * links name the same files). Files loaded only by dynamic `import()` are listed apart
 * (`lazy_bytes`), not in the sum. Gzip is node:zlib's gzip at its default level, per file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface EntrySize {
  files: string[];
  raw_bytes: number;
  gzip_bytes: number;
  lazy_files: string[];
  lazy_bytes: number;
  css_raw_bytes: number;
}

interface Manifest {
  content_scripts?: { js?: string[]; css?: string[] }[];
  background?: { service_worker?: string; scripts?: string[] };
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
}

const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{},\s]*?\s*from\s*)?["']([^"']+\.m?js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+\.m?js)["']\s*\)/g;
const SCRIPT_SRC = /<script\b[^>]*\bsrc=["']([^"']+)["']/g;
const STYLESHEET =
  /<link\b[^>]*rel=["']stylesheet["'][^>]*href=["']([^"']+)["']|<link\b[^>]*href=["']([^"']+)["'][^>]*rel=["']stylesheet["']/g;

/** A path as a file of dist: "/x" is from the root, "./x" from the referring file's folder. */
function resolveIn(dist: string, from: string, ref: string): string {
  const path = ref.startsWith('/') ? join(dist, ref) : join(dirname(from), ref);
  return normalize(path);
}

function closure(dist: string, entries: string[]): { files: string[]; lazy: string[] } {
  const seen = new Set<string>();
  const lazy = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(resolveIn(dist, file, m[1] as string));
    for (const m of code.matchAll(DYNAMIC_IMPORT)) lazy.add(resolveIn(dist, file, m[1] as string));
  }
  for (const f of seen) lazy.delete(f);
  return { files: [...seen], lazy: [...lazy].filter((f) => existsSync(f)) };
}

function sizeOf(dist: string, jsEntries: string[], css: string[]): EntrySize {
  const { files, lazy } = closure(dist, jsEntries);
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(f);
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  const lazyBytes = lazy.reduce((sum, f) => sum + readFileSync(f).length, 0);
  const cssBytes = css
    .filter((f) => existsSync(f))
    .reduce((sum, f) => sum + readFileSync(f).length, 0);
  return {
    files: files.map((f) => relative(dist, f)).sort(),
    raw_bytes: raw,
    gzip_bytes: gzip,
    lazy_files: lazy.map((f) => relative(dist, f)).sort(),
    lazy_bytes: lazyBytes,
    css_raw_bytes: cssBytes,
  };
}

function htmlEntry(dist: string, page: string): EntrySize {
  const file = join(dist, page);
  const html = readFileSync(file, 'utf8');
  const scripts = [...html.matchAll(SCRIPT_SRC)].map((m) => resolveIn(dist, file, m[1] as string));
  const css = [...html.matchAll(STYLESHEET)].map((m) =>
    resolveIn(dist, file, (m[1] ?? m[2]) as string),
  );
  return sizeOf(dist, scripts, css);
}

export function bundleSizes(
  dist: string,
): Record<'content' | 'background' | 'popup' | 'options', EntrySize> {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as Manifest;
  const contentJs = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  const contentCss = (manifest.content_scripts ?? []).flatMap((c) => c.css ?? []);
  const background = manifest.background?.service_worker
    ? [manifest.background.service_worker]
    : (manifest.background?.scripts ?? []);
  const popup = manifest.action?.default_popup;
  const options = manifest.options_ui?.page ?? manifest.options_page;
  if (!popup || !options) throw new Error('manifest.json: no popup or options page');
  return {
    content: sizeOf(
      dist,
      contentJs.map((f) => join(dist, f)),
      contentCss.map((f) => join(dist, f)),
    ),
    background: sizeOf(
      dist,
      background.map((f) => join(dist, f)),
      [],
    ),
    popup: htmlEntry(dist, popup),
    options: htmlEntry(dist, options),
  };
}
