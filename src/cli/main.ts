/**
 * `factmark`: the engine over saved pages, from the command line.
 *
 *   factmark annotate FILE… [--format json|md|csv] [--out PATH]
 *   factmark facts [--format json|md]
 *
 * Exit 0 on success; 2 on bad input or usage, with one line on stderr naming the file and the
 * reason; 1 on an internal error (also one line: a stack trace helps nobody reading a terminal).
 */
import { renameSync, writeFileSync, unlinkSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { indexFacts } from '../core/compare';
import { factBaseToMarkdown, reportToMarkdown, reportsToCsv } from '../core/report/formats';
import type { Fact, Report } from '../core/types';
import { BUNDLED_FACT_BASE } from '../shared/fact-base';
import { reportForDocument } from './annotate';
import { InputError, readInput } from './input';

const USAGE =
  'usage: factmark annotate FILE... [--format json|md|csv] [--out PATH] | factmark facts [--format json|md]';

class UsageError extends Error {}

export function run(argv: readonly string[]): { code: number; stdout: string; stderr: string } {
  try {
    return { code: 0, stdout: execute(argv), stderr: '' };
  } catch (e) {
    if (e instanceof InputError) return { code: 2, stdout: '', stderr: `factmark: ${e.file}: ${e.reason}\n` };
    if (e instanceof UsageError) return { code: 2, stdout: '', stderr: `factmark: ${e.message}\n${USAGE}\n` };
    const message = e instanceof Error ? e.message : String(e);
    return { code: 1, stdout: '', stderr: `factmark: internal error: ${message.split('\n')[0]}\n` };
  }
}

function execute(argv: readonly string[]): string {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
  const { values, positionals } = parsed;
  const [command, ...files] = positionals;
  if (values.help) return USAGE + '\n';
  const facts = BUNDLED_FACT_BASE.facts;
  let output: string;
  if (command === 'annotate') {
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'md' && format !== 'csv') {
      throw new UsageError(`unknown format '${format}' for annotate (json, md or csv)`);
    }
    if (files.length === 0) throw new UsageError('annotate needs at least one FILE');
    // Read and check every file before writing anything: a bad one among several fails the run whole.
    const docs = files.map(readInput);
    const index = indexFacts(facts);
    const reports = docs.map((d) => reportForDocument(d, index));
    output = formatReports(reports, format, facts);
  } else if (command === 'facts') {
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'md') throw new UsageError(`unknown format '${format}' for facts (json or md)`);
    if (files.length > 0) throw new UsageError('facts takes no FILE');
    output = format === 'json' ? JSON.stringify(BUNDLED_FACT_BASE, null, 2) + '\n' : factBaseToMarkdown(BUNDLED_FACT_BASE);
  } else {
    throw new UsageError(command === undefined ? 'no command' : `unknown command '${command}'`);
  }
  if (values.out !== undefined) {
    writeAtomically(values.out, output);
    return '';
  }
  return output;
}

function formatReports(reports: Report[], format: 'json' | 'md' | 'csv', facts: readonly Fact[]): string {
  if (format === 'json') return JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2) + '\n';
  if (format === 'csv') return reportsToCsv(reports);
  const byId = new Map(facts.map((f) => [f.id, f]));
  return reports.map((r) => reportToMarkdown(r, byId)).join('\n');
}

/** Write to a temporary file beside the target, then rename: a reader never sees half a report. */
function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
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
