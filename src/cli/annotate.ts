/** One input document to one report: the same engine the content script runs. */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { FactIndex } from '../core/compare';
import { BUNDLED_LEXICON, type Lexicon } from '../core/entities';
import { seedMetadata } from '../core/facts/build';
import { analyzeText, buildReport } from '../core/report/analyze';
import type { Report } from '../core/types';
import { extractVisibleText } from './html-text';
import type { InputDocument } from './input';

export function reportForHtml(
  html: string,
  url: string,
  facts: FactIndex,
  lexicon: Lexicon = BUNDLED_LEXICON,
): Report {
  const page = extractVisibleText(html);
  return buildReport(
    { url: page.canonical ?? url, title: page.title },
    analyzeText(page.text, page.title, facts, page.lang, lexicon),
    facts,
  );
}

/**
 * Plain text: the visible text is the text itself; blocks are its lines. A leading
 * `date YYYY-MM-DD` marker (as the seeds have) is metadata, not prose: blanked, offsets kept.
 */
export function reportForText(
  raw: string,
  url: string,
  facts: FactIndex,
  lexicon: Lexicon = BUNDLED_LEXICON,
): Report {
  const text = seedMetadata(raw).body;
  const title =
    text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.replace(/\s+/g, ' ')
      .trim() ?? '';
  return buildReport(
    { url, title: title.slice(0, 200) },
    analyzeText(text, title, facts, '', lexicon),
    facts,
  );
}

export function reportForDocument(
  doc: InputDocument,
  facts: FactIndex,
  lexicon: Lexicon = BUNDLED_LEXICON,
): Report {
  const url = pathToFileURL(resolve(doc.file)).href;
  return doc.type === 'html'
    ? reportForHtml(doc.content, url, facts, lexicon)
    : reportForText(doc.content, url, facts, lexicon);
}
