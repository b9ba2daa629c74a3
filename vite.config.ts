/**
 * Build of the extension, one browser per run: `vite build --mode chrome` → dist/chrome/,
 * `vite build --mode firefox` → dist/firefox/ (`npm run build:ext` runs both).
 *
 * manifest.json is the one source of truth, in Chrome's MV3 form. The Firefox manifest is derived
 * here because @crxjs/vite-plugin does neither of the two things Firefox needs: it wants
 * `background.scripts` (Firefox refuses `background.service_worker`), and it adds no
 * `browser_specific_settings.gecko`. The version comes from package.json, so the zips that
 * scripts/package.mjs names after it and the manifests never disagree.
 *
 * The annotation editor's page (src/editor/index.html) is framed into web pages by the content
 * script, so that what the journalist types is typed into the extension's document, not the
 * page's (src/shared/editor-protocol.ts). Hence, in manifest.json:
 * - it alone is in `web_accessible_resources`. Its scripts and styles need not be listed: a
 *   page's own subresources load from the extension's origin. It is listed with
 *   `use_dynamic_url`: in Chromium (130 and later; checked in 156) runtime.getURL answers a
 *   per-session URL and the fixed-id URL is refused to pages, so a page cannot probe for Factmark
 *   (tests/e2e/editor-url.chromium.e2e.test.ts). crxjs drops the key from the Firefox manifest,
 *   where the moz-extension UUID is random per install anyway;
 * - the extension pages' CSP allows http(s) ancestors (`frame-ancestors http: https:`, was
 *   'none', which blocks the frame in both browsers). The popup and options pages are not
 *   web-accessible, so no web page can frame them all the same.
 * crxjs builds the HTML pages the manifest names as popup and options, not web-accessible ones:
 * the editor page is a rollup input of its own (EXTRA_PAGES).
 *
 * `minimum_chrome_version` 105 is the first Chrome with the CSS Custom Highlight API the content
 * script paints with; Firefox 142 is the first that reads `data_collection_permissions`, and it
 * already has the Highlight API (140).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { DESK_DATA_COLLECTION } from './src/shared/desk-permission';

type Target = 'chrome' | 'firefox';
// crxjs types the manifest; a JSON file read at build time is checked against that type here.
type Manifest = Extract<ManifestV3Export, { manifest_version: number }>;

const GECKO_ID = 'factmark@factmark.dev';
const CONTENT_SCRIPT = 'src/content/index.ts';
const FIREFOX_MIN_VERSION = '142.0';
/** Extension pages that the manifest lists only as web-accessible: built as inputs of their own. */
const EXTRA_PAGES = { editor: 'src/editor/index.html' };

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as T;
}

function targetOf(mode: string): Target {
  if (mode === 'chrome' || mode === 'firefox') return mode;
  throw new Error(`vite.config.ts: build with --mode chrome or --mode firefox (got "${mode}")`);
}

export function manifestFor(target: Target): Manifest {
  const base = readJson<Manifest>('./manifest.json');
  const { version } = readJson<{ version: string }>('./package.json');
  const manifest: Manifest = { ...base, version };
  if (target === 'chrome') return manifest;

  const background = base.background;
  if (!background || !('service_worker' in background)) {
    throw new Error('manifest.json: expected background.service_worker (the Chrome form)');
  }
  const { minimum_chrome_version: _chromeOnly, ...rest } = manifest;
  return {
    ...rest,
    background: { scripts: [background.service_worker] },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // Nothing leaves the machine unless the journalist turns desk sync on; then the shared
        // items' URLs and quotes and the CouchDB credentials go to the desk's server, asked for
        // with its host permission (src/shared/desk-permission.ts, which reads this list).
        data_collection_permissions: {
          required: ['none'],
          optional: [...DESK_DATA_COLLECTION],
        },
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  const target = targetOf(mode);
  return {
    plugins: [
      preact(),
      crx({
        manifest: manifestFor(target),
        browser: target,
        // The content script as one self-contained file, not crxjs' loader that import()s chunks
        // listed in web_accessible_resources: exposing those to every http(s) page would let
        // any site detect Factmark by fetching them, and the import() costs a round trip.
        contentScripts: { standaloneFiles: [CONTENT_SCRIPT] },
      }),
    ],
    resolve: {
      alias: {
        // Desk sync: PouchDB's changes filter without `new Function` (src/background/sync/
        // changes-filter.ts says why).
        'pouchdb-changes-filter': fileURLToPath(
          new URL('./src/background/sync/changes-filter.ts', import.meta.url),
        ),
      },
    },
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      // Both browsers have modulepreload; the polyfill would only add code.
      modulePreload: { polyfill: false },
      // Store builds stay small and readable for review; maps are not shipped.
      sourcemap: false,
      rollupOptions: { input: EXTRA_PAGES },
    },
  };
});
