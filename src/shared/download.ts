/** Saving export text as a file, from the popup or the Library: a Blob behind an <a download>. */
import type { ExportFormat, Failure } from './messages';

export interface ExportFormatInfo {
  format: ExportFormat;
  label: string;
  extension: string;
  mime: string;
}

export const EXPORT_FORMATS: readonly ExportFormatInfo[] = [
  { format: 'jsonld', label: 'JSON-LD', extension: 'jsonld', mime: 'application/ld+json' },
  { format: 'csv', label: 'CSV', extension: 'csv', mime: 'text/csv' },
  { format: 'md', label: 'Markdown', extension: 'md', mime: 'text/markdown' },
];

/** The local date as YYYY-MM-DD. */
export function isoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `factmark-<what>-<date>.<ext>`, `what` being a host ("news.example") or a word ("all"). */
export function exportFileName(what: string, format: ExportFormatInfo, now?: Date): string {
  const safe = what.replace(/[^a-z0-9.-]+/gi, '-').replace(/^-+|-+$/g, '') || 'page';
  return `factmark-${safe}-${isoDate(now)}.${format.extension}`;
}

/** How long a download's object URL outlives the click (downloadBlob). */
const REVOKE_AFTER_MS = 60_000;

/**
 * An export received over the Library's export port: the whole text as one Blob made of the
 * chunks it came in (src/options/transfer.ts), never one string.
 */
export type ExportFileAnswer = { ok: true; file: Blob; chars: number } | Failure;

/** Offer `text` as a download named `fileName`. */
export function downloadText(text: string, fileName: string, mime: string): void {
  downloadBlob(new Blob([text]), fileName, mime);
}

/**
 * Offer `file` as a download named `fileName`, typed `mime` in UTF-8. A Blob made of Blobs refers
 * to their bytes, copies none of them: a file of 500 MB costs the page no more than one of 5 kB.
 */
export function downloadBlob(file: Blob, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([file], { type: `${mime};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click, but the browser may still be reading a large file's
  // bytes through the URL (a Library export of 500 MB was seen cancelled once in Chromium 156 with
  // the URL revoked at once): it is given a minute, as FileSaver.js gives 40 s.
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
