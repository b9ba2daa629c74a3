/**
 * The report's human formats: Markdown for reading and pasting into notes, CSV for a spreadsheet.
 * JSON is the report itself (design.md).
 */
import { claimLabel, claimsOf } from '../claims/label';
import type { FactBase } from '../facts/build';
import type { Fact, Report } from '../types';
import { csvRow } from './csv';
import { escapeMarkdownInline, markdownUrl } from '../markdown';

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

/**
 * Page, source and user text in a heading, a list item or a table cell: one line, escaped so that
 * no link, image or HTML comes out live and no pipe breaks the table (src/core/markdown.ts).
 */
function md(text: string): string {
  return escapeMarkdownInline(text);
}

export function reportToMarkdown(r: Report, facts: ReadonlyMap<string, Fact>): string {
  const lines: string[] = [`## ${md(r.title || r.url)}`, '', markdownUrl(r.url), ''];
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
    lines.push('| Figure | About | Verdict | Source |', '|---|---|---|---|');
    for (const f of r.figures) {
      const claim = claimLabel(f.attribute, f.facts, facts);
      const label = claim
        ? claim +
          (f.matched && f.matched.length > 0
            ? ` (matched: ${f.matched.slice(0, 4).join(', ')})`
            : '')
        : '—';
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
  const source = f.source;
  const date = source.date ? `, ${source.date}` : '';
  switch (source.type) {
    case 'seed':
      return `${source.title}${date}`;
    case 'user':
      return `${source.title} <${source.url}>${date}`;
    case 'source':
      // A source of the extension's Library: its page, else its file, else its title alone.
      if (source.url !== undefined) return `${source.title} <${source.url}>${date}`;
      return source.name !== undefined
        ? `${source.title} (${source.name})${date}`
        : `${source.title}${date}`;
  }
}

/**
 * The fact base for review: one section per claim — what it is about, its values, and every quote
 * that states it with its source.
 */
export function factBaseToMarkdown(base: FactBase): string {
  const claims = claimsOf(base.facts);
  const lines = [
    '# Factmark fact base',
    '',
    `${base.facts.length} facts in ${claims.length} claims from ${base.seeds.length} source articles.`,
    '',
  ];
  for (const claim of claims) {
    const first = claim.facts[0] as Fact;
    const values = [
      ...new Set(claim.facts.map((f) => (f.qualifier ? `${f.qualifier.text} ${f.text}` : f.text))),
    ];
    lines.push(`## ${md(claim.label)}`, '');
    lines.push(
      `- claim: \`${claim.id}\``,
      `- subject: ${md(first.subject ?? '—')}`,
      `- ${first.kind}: ${values.map(md).join(' · ')} (${md(`${first.value} ${first.unit}`)})`,
      '',
    );
    for (const f of claim.facts) lines.push(`> ${md(f.quote)}`, `> — ${md(sourceName(f))}`, '');
  }
  return lines.join('\n');
}
