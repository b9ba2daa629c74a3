/**
 * `factmark`: the engine over saved pages, from the command line.
 *
 *   factmark annotate FILE… [--format json|md|csv] [--out PATH] [--sources FILE…] [--entities FILE]
 *                   [--no-bundled]
 *   factmark facts [--format json|md] [--sources FILE…] [--entities FILE] [--no-bundled]
 *
 * `--sources` takes every argument after it up to the next option (docs/contracts.md).
 *
 * Exit 0 on success; 2 on bad input or usage, with one line on stderr naming the file and the
 * reason; 1 on an internal error (also one line: a stack trace helps nobody reading a terminal).
 */
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { indexFacts } from '../core/compare';
import { factBaseToMarkdown, reportToMarkdown, reportsToCsv } from '../core/report/formats';
import type { Fact, Report } from '../core/types';
import { reportForDocument } from './annotate';
import { InputError, readInput } from './input';
import { loadStory } from './story';

const USAGE =
  'usage: factmark annotate FILE... [--format json|md|csv] [--out PATH] [--sources FILE...] [--entities FILE] [--no-bundled] | factmark facts [--format json|md] [--sources FILE...] [--entities FILE] [--no-bundled]';

class UsageError extends Error {}

/**
 * Run the command. Output goes to `write` chunk by chunk when given (the real command: a report of
 * a huge page may be larger than one string can be), else it is returned joined as `stdout`.
 */
export function run(
  argv: readonly string[],
  write?: (chunk: string) => void,
): { code: number; stdout: string; stderr: string } {
  try {
    const chunks = execute(argv);
    if (write) {
      for (const c of chunks) write(c);
      return { code: 0, stdout: '', stderr: '' };
    }
    return { code: 0, stdout: chunks.join(''), stderr: '' };
  } catch (e) {
    if (e instanceof InputError)
      return { code: 2, stdout: '', stderr: `factmark: ${e.file}: ${e.reason}\n` };
    if (e instanceof UsageError)
      return { code: 2, stdout: '', stderr: `factmark: ${e.message}\n${USAGE}\n` };
    const message = e instanceof Error ? e.message : String(e);
    return { code: 1, stdout: '', stderr: `factmark: internal error: ${message.split('\n')[0]}\n` };
  }
}

/** `--sources A B C` takes the arguments up to the next option; the rest is parsed as usual. */
function splitSources(argv: readonly string[]): { rest: string[]; sources: string[] | null } {
  const rest: string[] = [];
  let sources: string[] | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg !== '--sources') {
      rest.push(arg);
      continue;
    }
    sources ??= [];
    while (i + 1 < argv.length && !(argv[i + 1] as string).startsWith('-')) {
      sources.push(argv[++i] as string);
    }
  }
  return { rest, sources };
}

function execute(argv: readonly string[]): string[] {
  const split = splitSources(argv);
  if (split.sources !== null && split.sources.length === 0) {
    throw new UsageError('--sources needs at least one FILE');
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: split.rest,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        entities: { type: 'string' },
        'no-bundled': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
  const { values, positionals } = parsed;
  const [command, ...files] = positionals;
  if (values.help) return [USAGE + '\n'];
  const storyOptions = {
    sources: split.sources ?? [],
    entities: values.entities,
    noBundled: values['no-bundled'] === true,
  };
  let output: string[];
  if (command === 'annotate') {
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'md' && format !== 'csv') {
      throw new UsageError(`unknown format '${format}' for annotate (json, md or csv)`);
    }
    if (files.length === 0) throw new UsageError('annotate needs at least one FILE');
    // Read and check every file before writing anything: a bad one among several fails the run whole.
    const docs = files.map(readInput);
    const story = loadStory(storyOptions);
    const facts = story.base.facts;
    const index = indexFacts(facts);
    const reports = docs.map((d) => reportForDocument(d, index, story.lexicon));
    output = formatReports(reports, format, facts);
  } else if (command === 'facts') {
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'md')
      throw new UsageError(`unknown format '${format}' for facts (json or md)`);
    if (files.length > 0) throw new UsageError('facts takes no FILE (sources go after --sources)');
    const { base } = loadStory(storyOptions);
    output = [format === 'json' ? JSON.stringify(base, null, 2) + '\n' : factBaseToMarkdown(base)];
  } else {
    throw new UsageError(command === undefined ? 'no command' : `unknown command '${command}'`);
  }
  if (values.out !== undefined) {
    writeAtomically(values.out, output);
    return [];
  }
  return output;
}

function formatReports(
  reports: Report[],
  format: 'json' | 'md' | 'csv',
  facts: readonly Fact[],
): string[] {
  if (format === 'json') return reportsJson(reports);
  if (format === 'csv') return [reportsToCsv(reports)];
  const byId = new Map(facts.map((f) => [f.id, f]));
  return [reports.map((r) => reportToMarkdown(r, byId)).join('\n')];
}

/**
 * JSON of one report (an object) or several (an array), in chunks: one line per mention and per
 * figure, so that no single string has to hold the report of a page with a million figures.
 */
function reportsJson(reports: Report[]): string[] {
  const out: string[] = [];
  const one = reports.length === 1;
  const pad = one ? '' : '  ';
  if (!one) out.push('[\n');
  reports.forEach((r, i) => {
    out.push(`${pad}{\n`);
    const entries = Object.entries(r);
    entries.forEach(([key, value], k) => {
      const comma = k < entries.length - 1 ? ',' : '';
      if (Array.isArray(value) && value.length > 0) {
        out.push(`${pad}  ${JSON.stringify(key)}: [\n`);
        let lines: string[] = [];
        value.forEach((item: unknown, j) => {
          lines.push(`${pad}    ${JSON.stringify(item)}${j < value.length - 1 ? ',' : ''}\n`);
          // Join lines in batches: fewer, larger writes.
          if (lines.length === 4096) {
            out.push(lines.join(''));
            lines = [];
          }
        });
        out.push(lines.join(''), `${pad}  ]${comma}\n`);
      } else {
        out.push(`${pad}  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}\n`);
      }
    });
    out.push(`${pad}}${!one && i < reports.length - 1 ? ',' : ''}\n`);
  });
  if (!one) out.push(']\n');
  return out;
}

/** Write to a temporary file beside the target, then rename: a reader never sees half a report. */
function writeAtomically(path: string, chunks: readonly string[]): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      for (const c of chunks) writeSync(fd, c);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // The temporary file was never created; nothing to clean.
    }
    const code = (e as { code?: string }).code;
    throw new InputError(path, `cannot write the output (${code ?? 'error'})`);
  }
}
