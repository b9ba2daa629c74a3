// npm links the bins of dependencies into node_modules/.bin, never the package's own. Link ours so
// that `npx factmark …` (and node_modules/.bin/factmark) work in the repository after a build.
import { chmodSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'bin', 'factmark.js');
const link = join(root, 'node_modules', '.bin', 'factmark');
mkdirSync(dirname(link), { recursive: true });
rmSync(link, { force: true });
symlinkSync(relative(dirname(link), target), link);
chmodSync(target, 0o755);
console.log(`linked ${relative(root, link)} → ${relative(root, target)}`);
