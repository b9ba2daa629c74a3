#!/usr/bin/env node
// The `factmark` command. The CLI is built by `npm run build` into dist/cli/factmark.js.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/factmark.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('factmark: the CLI is not built yet; run `npm run build` first\n');
  process.exit(2);
}
await import(built);
