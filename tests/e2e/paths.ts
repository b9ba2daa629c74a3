/** Where the end-to-end tests find the built extension and put what they produce. */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * The builds under test: dist/ unless FACTMARK_DIST_CHROME / FACTMARK_DIST_FIREFOX name a copy (a
 * run that must not see a rebuild of dist/ halfway, which wipes the folder the browser loads).
 */
export const DIST_CHROME = process.env.FACTMARK_DIST_CHROME ?? join(ROOT, 'dist', 'chrome');
export const DIST_FIREFOX = process.env.FACTMARK_DIST_FIREFOX ?? join(ROOT, 'dist', 'firefox');
/** Screenshots of each run (gitignored). */
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');

export const GECKO_ID = 'factmark@factmark.dev';

export function assertBuilt(dist: string): void {
  if (!existsSync(join(dist, 'manifest.json'))) {
    throw new Error(`${dist} is not built: run \`npm run build\` before the end-to-end tests`);
  }
}

/** A path for an artifact of this run, its directory created. */
export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}
