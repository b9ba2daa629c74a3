/**
 * The `factmark` command: the seeds come out fully supported, reports follow the contract, and
 * bad input gets one line and exit 2, never a stack trace.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import type { Report } from '../../src/core/types';

const root = join(__dirname, '..', '..');
const seeds = readdirSync(join(root, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => join(root, 'seeds', f));
const example = join(root, 'tests', 'fixtures', 'reko-diq-story.html');
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'factmark-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function annotate(...args: string[]): Report[] {
  const result = run(['annotate', ...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const parsed = JSON.parse(result.stdout) as Report | Report[];
  return Array.isArray(parsed) ? parsed : [parsed];
}

function expectOneLineError(args: string[], pattern: RegExp): void {
  const result = run(args);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
}

describe('seed articles', () => {
  it.each(seeds.map((s) => [s.slice(s.lastIndexOf('/') + 1), s]))(
    '%s: every figure is a fact, and supported',
    (_name, file) => {
      const [report] = annotate(file);
      expect(report!.figures.length).toBeGreaterThan(0);
      expect(report!.figures.filter((f) => f.verdict !== 'supported')).toEqual([]);
      for (const f of report!.figures) expect(f.facts.length).toBeGreaterThan(0);
      expect(report!.mentions.length).toBeGreaterThan(0);
    },
  );

  it('together mention all three entities', () => {
    const entities = new Set(annotate(...seeds).flatMap((r) => r.mentions.map((m) => m.entity)));
    expect([...entities].sort()).toEqual(['barrick', 'exim', 'reko-diq']);
  });
});

describe('reports', () => {
  it('follow the contract of design.md for one file (an object) and several (an array)', () => {
    const one = JSON.parse(run(['annotate', example]).stdout) as Report;
    expect(Object.keys(one)).toEqual(['version', 'url', 'title', 'mentions', 'figures']);
    expect(one.version).toBe(1);
    expect(one.url).toMatch(/^(file:|https?:)/);
    for (const f of one.figures) {
      expect(['money', 'count', 'percent', 'year']).toContain(f.kind);
      expect(['supported', 'contradicted', 'unverified']).toContain(f.verdict);
      expect(f.end).toBeGreaterThan(f.start);
    }
    const several = JSON.parse(run(['annotate', example, seeds[0]!]).stdout) as Report[];
    expect(Array.isArray(several)).toBe(true);
    expect(several).toHaveLength(2);
  });

  it('writes markdown and spreadsheet-safe CSV', () => {
    const md = run(['annotate', example, '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^#+ /m);
    const csv = run(['annotate', example, '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/text/);
  });

  it('--out writes the file and nothing to stdout', () => {
    const out = join(dir, 'report.json');
    const result = run(['annotate', example, '--out', out]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((JSON.parse(readFileSync(out, 'utf8')) as Report).version).toBe(1);
  });

  it('factmark facts lists the generated fact base with provenance', () => {
    const base = JSON.parse(run(['facts']).stdout) as {
      facts: { source: { file: string }; quote: string }[];
    };
    expect(base.facts.length).toBeGreaterThan(10);
    for (const f of base.facts) {
      expect(f.source.file).toMatch(/\.txt$/);
      expect(f.quote.length).toBeGreaterThan(10);
    }
  });
});

describe('bad input', () => {
  it('a missing file', () => {
    expectOneLineError(
      ['annotate', join(dir, 'nope.html')],
      /nope\.html: .*(no such|not found|does not exist)/i,
    );
  });

  it('a directory', () => {
    const sub = join(dir, 'a-dir');
    mkdirSync(sub, { recursive: true });
    expectOneLineError(['annotate', sub], /a-dir: is a directory/);
  });

  it('a PNG', () => {
    const png = join(dir, 'image.html');
    writeFileSync(
      png,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]),
    );
    expectOneLineError(['annotate', png], /image\.html: is a PNG image/);
  });

  it('an empty file', () => {
    const empty = join(dir, 'empty.html');
    writeFileSync(empty, '');
    expectOneLineError(['annotate', empty], /empty\.html: is empty/);
  });

  it('binary junk without a known header', () => {
    const junk = join(dir, 'junk.txt');
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    writeFileSync(junk, bytes);
    expectOneLineError(['annotate', junk], /junk\.txt: .*binary/);
  });

  it('a bad file among good ones fails the run whole and writes nothing', () => {
    const out = join(dir, 'never.json');
    const result = run(['annotate', example, join(dir, 'nope.html'), '--out', out]);
    expect(result.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('unknown flags and formats are usage errors', () => {
    expect(run(['annotate', example, '--format', 'xml']).code).toBe(2);
    expect(run(['annotate', example, '--frobnicate']).code).toBe(2);
    expect(run(['bogus']).code).toBe(2);
  });

  it('a 50 MB HTML file gets a correct report', () => {
    const big = join(dir, 'big.html');
    const paragraph =
      '<p>The <em>US Export-Import Bank</em> approved $1.25 billion for Reko Diq, creating 6,000 jobs in the US.</p>\n';
    const count = Math.ceil((50 * 1024 * 1024) / paragraph.length);
    writeFileSync(
      big,
      '<!doctype html><html><head><title>Big</title></head><body>' +
        paragraph.repeat(count) +
        '</body></html>',
    );
    const out = join(dir, 'big.json');
    const result = run(['annotate', big, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // The report is too large for one string: check it line by line (one item per line).
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines).toContain('  "title": "Big",');
    const figures = lines.filter(
      (l) => l.includes('"kind":"money"') || l.includes('"kind":"count"'),
    );
    expect(figures).toHaveLength(2 * count);
    expect(figures.every((l) => l.includes('"verdict":"supported"'))).toBe(true);
    expect(lines.filter((l) => l.includes('"entity":"exim"'))).toHaveLength(count);
  }, 180_000);
});

describe('the built command', () => {
  it('runs as `npx factmark` after npm run build, with exit codes', () => {
    const bin = join(root, 'node_modules', '.bin', 'factmark');
    expect(existsSync(join(root, 'dist', 'cli', 'factmark.js')), 'run `npm run build` first').toBe(
      true,
    );
    const report = JSON.parse(
      execFileSync(bin, ['annotate', example], { encoding: 'utf8' }),
    ) as Report;
    expect(report.figures.length).toBeGreaterThan(0);
    const missing = spawnSync(bin, ['annotate', join(dir, 'missing.html')], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
