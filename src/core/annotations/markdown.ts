/**
 * Annotations as Markdown, for reading and pasting into notes: grouped by page (in the order the
 * pages first appear), each page a `##` heading linking to it, each annotation the quoted passage
 * as a blockquote, then the note, then its tags and colour. Within a page, annotations follow the
 * passages' order in the text (then their creation).
 *
 * Everything users or pages wrote (titles, quotes, notes, tags) is escaped so that it renders as
 * the characters it is: no link, image, HTML, entity, emphasis, code, table, heading, list,
 * blockquote or math can come out of it (src/core/markdown.ts). Only http(s) page URLs become
 * links.
 */
import { escapeMarkdownLine, markdownLinkTarget } from '../markdown';
import type { Annotation } from './types';

// The escaping is shared with every other Markdown Factmark writes (src/core/markdown.ts).
export { escapeMarkdownLine };

/** User text of any number of lines: paragraphs kept, line breaks kept as hard breaks. */
function escapeBlock(text: string): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\n[ \t]*\n/)) {
    const escaped = paragraph
      .split('\n')
      .map(escapeMarkdownLine)
      .filter((l) => l.trim() !== '');
    if (escaped.length === 0) continue;
    if (lines.length > 0) lines.push('');
    lines.push(escaped.join('  \n'));
  }
  return lines;
}

function oneLine(text: string): string {
  return escapeMarkdownLine(text.replace(/[\r\n]+/g, ' '));
}

function annotationLines(a: Annotation): string[] {
  const lines: string[] = [];
  const quoteLines = a.quote.exact
    .split('\n')
    .map(escapeMarkdownLine)
    .filter((l) => l.trim() !== '');
  quoteLines.forEach((l, i) => {
    if (i > 0) lines.push('>');
    lines.push(`> ${l}`);
  });
  const note = escapeBlock(a.note);
  if (note.length > 0) lines.push('', ...note);
  const meta: string[] = [];
  const tags = a.tags.map(oneLine).filter((t) => t !== '');
  if (tags.length > 0) meta.push(`Tags: ${tags.join(', ')}`);
  meta.push(`Colour: ${oneLine(a.color)}`);
  lines.push('', meta.join(' · '));
  return lines;
}

export function annotationsToMarkdown(annotations: readonly Annotation[]): string {
  const pages = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const list = pages.get(a.url);
    if (list) list.push(a);
    else pages.set(a.url, [a]);
  }
  const out: string[] = ['# Factmark annotations'];
  for (const [url, list] of pages) {
    const target = markdownLinkTarget(url);
    const title = list.find((a) => a.title.trim() !== '')?.title ?? url;
    out.push('', target === null ? `## ${oneLine(title)}` : `## [${oneLine(title)}](<${target}>)`);
    if (target !== null) out.push('', `<${target}>`);
    const sorted = [...list].sort(
      (x, y) => x.position.start - y.position.start || x.created - y.created,
    );
    for (const a of sorted) out.push('', ...annotationLines(a));
  }
  return out.join('\n') + '\n';
}
