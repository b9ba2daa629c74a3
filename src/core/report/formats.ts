/**
 * The report's human formats: Markdown for reading and pasting into notes, CSV for a spreadsheet.
 * JSON is the report itself (design.md).
 */
import { ATTRIBUTE_BY_ID } from '../attribution';
import type { FactBase } from '../facts/build';
import type { Fact, Report } from '../types';
import { csvRow } from './csv';

export const REPORT_CSV_HEADER = [
  'url',
  'type',
  'entity_or_kind',
  'text',
  'start',
  'end',
  'value',
  'unit',
  'qualifier',
  'attribute',
  'verdict',
  'facts',
] as const;

export function reportsToCsv(reports: readonly Report[]): string {
  let out = csvRow(REPORT_CSV_HEADER);
  for (const r of reports) {
    for (const m of r.mentions) {
      out += csvRow([
        r.url,
        'mention',
        m.entity,
        m.text,
        m.start,
        m.end,
        null,
        null,
        null,
        null,
        null,
        null,
      ]);
    }
    for (const f of r.figures) {
      out += csvRow([
        r.url,
        'figure',
        f.kind,
        f.text,
        f.start,
        f.end,
        f.value,
        f.unit,
        f.qualifier ?? null,
        f.attribute,
        f.verdict,
        f.facts.join(' '),
      ]);
    }
  }
  return out;
}

const VERDICT_MARK = {
  supported: '✔ supported',
  contradicted: '✖ contradicted',
  unverified: '? unverified',
};

/** Markdown table cells: pipes and line breaks would break the table. */
function md(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

export function reportToMarkdown(r: Report, facts: ReadonlyMap<string, Fact>): string {
  const lines: string[] = [`## ${md(r.title || r.url)}`, '', `<${r.url}>`, ''];
  const counts = new Map<string, number>();
  for (const m of r.mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  lines.push(
    `**Entities:** ${counts.size === 0 ? 'none' : [...counts].map(([e, n]) => `${e} ×${n}`).join(', ')}`,
  );
  const tally = { supported: 0, contradicted: 0, unverified: 0 };
  for (const f of r.figures) tally[f.verdict]++;
  lines.push(
    `**Figures:** ${r.figures.length} — ${tally.supported} supported, ${tally.contradicted} contradicted, ${tally.unverified} unverified`,
    '',
  );
  if (r.figures.length > 0) {
    lines.push('| Figure | Attribute | Verdict | Source |', '|---|---|---|---|');
    for (const f of r.figures) {
      const label = f.attribute ? (ATTRIBUTE_BY_ID.get(f.attribute)?.label ?? f.attribute) : '—';
      const first = f.facts.map((id) => facts.get(id)).find((x) => x !== undefined);
      const source = first
        ? `${md(first.text)}: “${md(first.quote)}” (${md(sourceName(first))})`
        : '';
      const figure = f.qualifier ? `${f.qualifier} ${f.text}` : f.text;
      lines.push(`| ${md(figure)} | ${md(label)} | ${VERDICT_MARK[f.verdict]} | ${source} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function sourceName(f: Fact): string {
  const date = f.source.date ? `, ${f.source.date}` : '';
  return f.source.type === 'seed'
    ? `${f.source.title}${date}`
    : `${f.source.title} <${f.source.url}>${date}`;
}

export function factBaseToMarkdown(base: FactBase): string {
  const lines = [
    '# Factmark fact base',
    '',
    `${base.facts.length} facts from ${base.seeds.length} seed articles.`,
    '',
  ];
  lines.push('| Attribute | Value | As written | Quote | Source |', '|---|---|---|---|---|');
  for (const f of base.facts) {
    const value = `${f.value} ${f.unit}`;
    const written = f.qualifier ? `${f.qualifier.text} ${f.text}` : f.text;
    lines.push(
      `| ${f.attribute} | ${md(value)} | ${md(written)} | ${md(f.quote)} | ${md(sourceName(f))} |`,
    );
  }
  return lines.join('\n') + '\n';
}
