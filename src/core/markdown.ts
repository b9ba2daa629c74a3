/**
 * Writing text that pages and users wrote into Markdown, so that it renders as the characters it
 * is: no link, image, HTML, entity, emphasis, code, table cell, heading, list, blockquote or math
 * can come out of it. Every Markdown Factmark writes goes through here: the annotations export
 * (annotations/markdown.ts) and the report and fact-base formats (report/formats.ts), which the
 * popup's "Export this page's highlights" and the CLI's `--format md` write.
 *
 * A page's title, a figure's text or a quote is the page's to choose: "![](http://tracker/…)"
 * would load an image from wherever the notes are read, "[x](javascript:…)" would be a link, and
 * "<img onerror=…>" raw HTML.
 */

/**
 * ASCII punctuation with a meaning somewhere inside a line; CommonMark lets all be escaped.
 * `$` is inline math on GitHub ("$1.25 billion and $1.3 billion"); `@` ends GFM's email
 * autolinks ("a@b.org", "mailto:a@b.org") once escaped.
 */
const INLINE_SIGNIFICANT = /[\\`*_[\]<>&|~$@]/g;
/** GFM autolinks bare `scheme://` and `www.` addresses: breaking them up leaves them as text. */
const AUTOLINK_SCHEME = /\b([a-z][a-z0-9+.-]*):(?=\/\/)/gi;
const AUTOLINK_WWW = /\b(www)\./gi;
/** What would open a block at the start of a line (after the escapes above). */
const BLOCK_START = /^(#|>|-|\+|=)/;
const ORDERED_LIST = /^(\d{1,9})([.)])/;

/** One line of page or user text, escaped, leading white space dropped (it would make a code block). */
export function escapeMarkdownLine(line: string): string {
  return line
    .replace(/\t/g, ' · ')
    .trimStart()
    .replace(INLINE_SIGNIFICANT, '\\$&')
    .replace(AUTOLINK_SCHEME, '$1\\:')
    .replace(AUTOLINK_WWW, '$1\\.')
    .replace(BLOCK_START, '\\$1')
    .replace(ORDERED_LIST, '$1\\$2');
}

/** Text of any shape as one escaped line: white space (line breaks too) collapsed. */
export function escapeMarkdownInline(text: string): string {
  return escapeMarkdownLine(text.replace(/\s+/g, ' ').trim());
}

/**
 * The URL as a link destination (to be written inside `<…>`), or null when it is not a plain
 * http(s) URL: a javascript:, data: or file: address is never made a link.
 */
export function markdownLinkTarget(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // href has no spaces or angle brackets left; parentheses are safe inside <…>.
  return parsed.href.replace(/[<>\s]/g, (c) => encodeURIComponent(c));
}

/** The URL as an autolink `<…>` when it is http(s), else as escaped text. */
export function markdownUrl(url: string): string {
  const target = markdownLinkTarget(url);
  return target === null ? escapeMarkdownInline(url) : `<${target}>`;
}
