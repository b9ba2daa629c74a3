/**
 * Build step: the fact base from seeds/*.txt, written to src/generated/facts.json, which the
 * extension and the CLI bundle. Never edit the output by hand; change a seed or the engine.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFactBase } from '../src/core/facts/build';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const seedDir = join(root, 'seeds');
const out = join(root, 'src', 'generated', 'facts.json');

const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .map((file) => ({ file, text: readFileSync(join(seedDir, file), 'utf8') }));
if (seeds.length === 0) throw new Error(`no seed articles in ${seedDir}`);

const base = buildFactBase(seeds);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(base) + '\n');

const byClaim = new Map<string, number>();
for (const f of base.facts) byClaim.set(f.attribute, (byClaim.get(f.attribute) ?? 0) + 1);
console.log(
  `fact base: ${base.facts.length} facts in ${byClaim.size} claims from ${seeds.length} seeds → ${out}` +
    (process.env.FACTS_VERBOSE
      ? '\n' + [...byClaim].map(([a, n]) => `  ${a}: ${n}`).join('\n')
      : ''),
);
