/**
 * The CLI with a journalist's own story: `--sources` (facts from their articles), `--entities`
 * (their watched names) and `--no-bundled`. The story here is invented for the test (Tembo Hills,
 * a graphite mine in Tanzania); nothing in the engine names it.
 */
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import type { Fact, Report } from '../../src/core/types';

const story = join(__dirname, '..', 'fixtures', 'story-tembo');
const sources = [join(story, '001_afdb-loan.txt'), join(story, '002_output.txt')];
const entities = join(story, 'entities.json');
const page = join(story, 'page.html');
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'factmark-story-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function report(args: string[]): Report {
  const result = run(['annotate', page, ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Report;
}

function oneLineError(args: string[], pattern: RegExp): void {
  const result = run(args);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
}

describe('a story of the journalist’s own', () => {
  it('watches its names, look-alikes aside, and checks its figures against its sources', () => {
    const r = report(['--sources', ...sources, '--entities', entities]);
    const mentions = r.mentions.map((m) => `${m.entity}:${m.text}`);
    expect(mentions).toContain('afdb:African Development Bank');
    expect(mentions).toContain('tembo-hills:Tembo Hills');
    expect(mentions).toContain('kilimani:Kilimani Resources');
    // A person titled before the name and a road named after it are not mentions.
    expect(mentions.filter((m) => m.startsWith('kilimani:')).length).toBe(2);
    expect(mentions).not.toContain('tembo-hills:Tembo Hills Road');
    const verdict = (text: string) => r.figures.find((f) => f.text === text)?.verdict;
    expect(verdict('$640 million')).toBe('supported');
    expect(verdict('60%')).toBe('supported');
    expect(verdict('2029')).toBe('supported');
    expect(verdict('$1.5 billion')).toBe('contradicted');
    // The bundled story is still watched, and its facts do not cross into this one.
    expect(verdict('$1.25 billion')).toBe('supported');
  });

  it('--no-bundled: only the journalist’s names and facts', () => {
    const r = report(['--sources', ...sources, '--entities', entities, '--no-bundled']);
    expect(r.mentions.some((m) => m.entity === 'reko-diq' || m.entity === 'exim')).toBe(false);
    expect(r.figures.find((f) => f.text === '$1.25 billion')?.verdict).toBe('unverified');
    expect(r.figures.find((f) => f.text === '$640 million')?.verdict).toBe('supported');
  });

  it('factmark facts lists the sources’ facts with their quotes and provenance', () => {
    const result = run(['facts', '--sources', ...sources, '--entities', entities, '--no-bundled']);
    expect(result.code).toBe(0);
    const base = JSON.parse(result.stdout) as { facts: Fact[]; seeds: { file: string }[] };
    expect(base.seeds.map((s) => s.file)).toEqual(['001_afdb-loan.txt', '002_output.txt']);
    const loan = base.facts.filter((f) => f.value === 640_000_000);
    // Stated in the headline, the first source and the second: one claim with every quote.
    expect(loan.length).toBe(3);
    expect(new Set(loan.map((f) => f.attribute)).size).toBe(1);
    for (const f of base.facts) {
      expect(f.id).toMatch(/^source:00[12]_/);
      expect(f.quote).toContain(f.text);
      expect(f.story).toContain('tembo-hills');
    }
  });
});

describe('bad story input: exit 2, one line naming the file, nothing written', () => {
  it('malformed entities JSON, a duplicate id, a bundled id, a bad id', () => {
    const bad = (name: string, text: string) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    };
    oneLineError(
      ['annotate', page, '--entities', bad('a.json', '[{"id": "x",')],
      /a\.json: is not valid JSON/,
    );
    oneLineError(
      [
        'annotate',
        page,
        '--entities',
        bad('b.json', '[{"id":"x","name":"X"},{"id":"x","name":"Y"}]'),
      ],
      /b\.json: entry 2: duplicate id "x"/,
    );
    oneLineError(
      ['annotate', page, '--entities', bad('c.json', '[{"id":"exim","name":"EXIM"}]')],
      /c\.json: duplicate id "exim"/,
    );
    oneLineError(
      ['annotate', page, '--entities', bad('d.json', '[{"id":"Tembo Hills","name":"X"}]')],
      /d\.json: entry 1: id "Tembo Hills" is not lower-case words joined by hyphens/,
    );
    oneLineError(
      ['annotate', page, '--entities', bad('e.json', '{"id":"x"}')],
      /e\.json: not a JSON array/,
    );
  });

  it('a missing, empty, binary or oversized source', () => {
    oneLineError(['facts', '--sources', join(dir, 'nope.txt')], /nope\.txt: /);
    writeFileSync(join(dir, 'empty.txt'), '');
    oneLineError(['facts', '--sources', join(dir, 'empty.txt')], /empty\.txt: is empty/);
    writeFileSync(join(dir, 'bin.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3]));
    oneLineError(['facts', '--sources', join(dir, 'bin.txt')], /bin\.txt: is .*not HTML or text/);
    writeFileSync(join(dir, 'huge.txt'), 'Tembo Hills costs $1 billion. '.repeat(1_800_000));
    oneLineError(
      ['facts', '--sources', join(dir, 'huge.txt')],
      /huge\.txt: is 5\d\.\d MB; a source article is at most 5 MB/,
    );
  });

  it('a bad source among good ones writes nothing', () => {
    const out = join(dir, 'out.json');
    oneLineError(
      ['annotate', page, '--sources', sources[0]!, join(dir, 'nope.txt'), '--out', out],
      /nope\.txt/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('--sources with no file is a usage error', () => {
    const result = run(['annotate', page, '--sources', '--no-bundled']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--sources needs at least one FILE/);
  });
});
