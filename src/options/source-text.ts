/**
 * A source article's file as the fact-base builder reads it, by the CLI's rules (src/cli/input.ts,
 * src/cli/story.ts): binary files refused, UTF-8 (or UTF-16 with a byte-order mark, else
 * Windows-1252, as browsers read a page), a `.txt` as it is — its first line the headline and an
 * optional `date YYYY-MM-DD` marker, as the seeds have — and an `.html` as its visible text under
 * its title, extracted with the engine's own rules (htmlparser2, no DOM). The same file therefore
 * gives the Library the same facts as `factmark annotate --sources`.
 *
 * Pure and synchronous: it runs in the Library's worker (source-file-worker.ts), off the page's
 * main thread, or in the page where no worker can start (a test's DOM).
 */
import { extractVisibleText } from '../cli/html-text';
import { seedMetadata } from '../core/facts/build';

/** A source a file gives: what `factmark/source-add` is sent, less its origin. */
export interface SourceFromFile {
  title: string;
  text: string;
  name: string;
  /** A `.txt`'s date marker; absent, the background reads the text as the CLI does. */
  date?: string;
}

export type SourceTextResult = { ok: true; source: SourceFromFile } | { ok: false; error: string };

/** How much of a file's start is inspected to tell binary from text: enough for any header. */
export const SNIFF_BYTES = 64 * 1024;
// Text has almost no C0 control characters; more than 1 % of the sniffed bytes means binary.
const MAX_CONTROL_RATIO = 0.01;

const MAGIC: ReadonlyArray<[string, number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (a Word or OpenDocument file is one)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a WebP or other RIFF file', [0x52, 0x49, 0x46, 0x46]],
];

const HTML_NAME = /\.(?:html?|xhtml|shtml)$/i;
const TEXT_NAME = /\.(?:txt|text|md)$/i;
const HTML_START =
  /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b/i;

/** What kind of binary file the bytes are, or null for text. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const [name, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) return name;
  }
  // UTF-16 text is full of NUL bytes; its byte-order mark says it is text.
  const bom16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (bom16) return null;
  const sniff = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const b of sniff) {
    if (b === 0) return 'a binary file (it contains NUL bytes)';
    // Tab, line feed, form feed, carriage return and escape occur in text; other C0 bytes do not.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  return control > sniff.length * MAX_CONTROL_RATIO ? 'a binary file (control bytes)' : null;
}

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The source a file's bytes make, or why they make none (the reason follows the file's name). */
export function sourceFromBytes(name: string, bytes: Uint8Array): SourceTextResult {
  const binary = binaryKind(bytes);
  if (binary) return { ok: false, error: `is ${binary}, not text or HTML` };
  const content = decode(bytes);
  if (content.trim() === '') return { ok: false, error: 'is empty (it holds only white space)' };
  const html = HTML_NAME.test(name) || (!TEXT_NAME.test(name) && HTML_START.test(content));
  if (html) {
    const page = extractVisibleText(content);
    if (page.text.trim() === '') return { ok: false, error: 'has no visible text' };
    // The page's title is the source's headline: its first line, as a seed's is (as the CLI does).
    const title = page.title || name;
    return { ok: true, source: { title, text: `${title}\n${page.text}`, name } };
  }
  const meta = seedMetadata(content);
  const source: SourceFromFile = { title: meta.title || name, text: content, name };
  if (meta.date !== null) source.date = meta.date;
  return { ok: true, source };
}
