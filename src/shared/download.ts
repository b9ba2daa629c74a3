/** Saving export text as a file, from the popup or the Library: a Blob behind an <a download>. */
import type { ExportFormat } from './messages';

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

/** Offer `text` as a download named `fileName`. */
export function downloadText(text: string, fileName: string, mime: string): void {
  downloadParts([text], fileName, mime);
}

/**
 * Offer the text made of `parts` (an export received in chunks) as a download: the Blob takes the
 * parts as they are, so 100 M characters are never joined into one string.
 */
export function downloadParts(parts: readonly string[], fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([...parts], { type: `${mime};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
