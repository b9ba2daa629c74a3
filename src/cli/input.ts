/**
 * Reading one input file for `factmark annotate`, or a one-line reason why it cannot be read.
 * Every refusal is an InputError; main.ts prints it as "factmark: FILE: reason" and exits 2.
 */
import { readFileSync, statSync } from 'node:fs';

export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

export interface InputDocument {
  file: string;
  type: 'html' | 'text';
  content: string;
}

// V8 strings hold at most about 512 M UTF-16 units; a page's text and its analysis need room too.
// 256 MB is far beyond any saved news page (a heavy one is 5 MB) and safely under that ceiling.
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;
// How much of the start of a file is inspected to tell binary from text: enough for any header.
const SNIFF_BYTES = 64 * 1024;
// Text has almost no C0 control characters; more than 1 % of the sniffed bytes means binary.
const MAX_CONTROL_RATIO = 0.01;

const MAGIC: ReadonlyArray<[string, number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a WebP or other RIFF file', [0x52, 0x49, 0x46, 0x46]],
];

const HTML_EXTENSION = /\.(?:html?|xhtml|shtml|mhtml?)$/i;
const TEXT_EXTENSION = /\.(?:txt|text|md)$/i;
const HTML_START =
  /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b/i;

export function readInput(file: string): InputDocument {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new InputError(file, 'is a directory, not a file');
    if (!stat.isFile()) throw new InputError(file, 'is not a regular file');
    size = stat.size;
  } catch (e) {
    throw e instanceof InputError ? e : new InputError(file, systemReason(e));
  }
  if (size === 0) throw new InputError(file, 'is empty');
  if (size > MAX_INPUT_BYTES) {
    throw new InputError(
      file,
      `is ${(size / 1048576).toFixed(0)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new InputError(file, systemReason(e));
  }
  const binary = binaryKind(bytes);
  if (binary) throw new InputError(file, `is ${binary}, not HTML or text`);
  const content = decode(bytes);
  if (content.trim() === '') throw new InputError(file, 'holds only whitespace');
  const type = HTML_EXTENSION.test(file)
    ? 'html'
    : TEXT_EXTENSION.test(file)
      ? 'text'
      : HTML_START.test(content)
        ? 'html'
        : 'text';
  return { file, type, content };
}

function binaryKind(bytes: Buffer): string | null {
  for (const [name, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) return name;
  }
  const sniff = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const b of sniff) {
    if (b === 0) return 'a binary file (it contains NUL bytes)';
    // Tab, line feed, form feed, carriage return and escape occur in text; other C0 bytes do not.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  return control > sniff.length * MAX_CONTROL_RATIO ? 'a binary file (control bytes)' : null;
}

/** UTF-8 (with or without BOM, and UTF-16 with BOM); a page that is not valid UTF-8 is read as Windows-1252, as browsers do. */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function systemReason(e: unknown): string {
  const code = (e as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENAMETOOLONG':
      return 'file name too long';
    default:
      return `cannot be read (${code ?? (e instanceof Error ? e.message : String(e))})`;
  }
}
