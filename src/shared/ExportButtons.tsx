import { useState } from 'preact/hooks';
import { downloadParts, EXPORT_FORMATS, type ExportFormatInfo } from './download';
import { failureOf, messageOf } from './answers';
import type { ExportAnswer, ExportFormat, ExportPartsAnswer } from './messages';

interface Props {
  /** What the group exports, for assistive technology: "Export this page's annotations". */
  label: string;
  /**
   * Asks the background for the text in one format: in one message (the popup: one page), or
   * over the export port in chunks (the Library: everything), calling `onProgress` on the way.
   */
  request(
    format: ExportFormat,
    onProgress: (sent: number, total: number) => void,
  ): Promise<ExportAnswer | ExportPartsAnswer>;
  fileName(format: ExportFormatInfo): string;
  /** How many annotations are exported, shown with the progress. */
  count?: number;
  disabled?: boolean;
}

interface Progress {
  sent: number;
  total: number;
}

/** JSON-LD, CSV and Markdown buttons; each asks the background and downloads its text. */
export function ExportButtons({ label, request, fileName, count, disabled = false }: Props) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (info: ExportFormatInfo) => {
    setBusy(info.format);
    setProgress(null);
    setError(null);
    try {
      const answer = await request(info.format, (sent, total) => setProgress({ sent, total }));
      if (!answer?.ok) {
        setError(`The export failed: ${failureOf(answer)}`);
        return;
      }
      downloadParts('parts' in answer ? answer.parts : [answer.text], fileName(info), info.mime);
    } catch (thrown) {
      setError(`The export failed: ${messageOf(thrown)}`);
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  const what =
    count === undefined
      ? ''
      : ` ${count.toLocaleString()} ${count === 1 ? 'annotation' : 'annotations'}`;
  return (
    <div class="export">
      <div class="export-buttons" role="group" aria-label={label}>
        <span class="export-label muted" aria-hidden="true">
          Export
        </span>
        {EXPORT_FORMATS.map((info) => (
          <button
            key={info.format}
            type="button"
            class="button"
            disabled={disabled || busy !== null}
            aria-busy={busy === info.format}
            onClick={() => void run(info)}
          >
            {info.label}
          </button>
        ))}
      </div>
      {busy !== null && progress !== null ? (
        <p class="export-progress" role="status">
          <progress
            aria-label="Exporting"
            value={progress.sent}
            max={Math.max(1, progress.total)}
          />{' '}
          Exporting{what}… {Math.floor((100 * progress.sent) / Math.max(1, progress.total))}%
        </p>
      ) : null}
      {/* Before the first chunk (the background is making the text): the count, no figure yet. */}
      {busy !== null && progress === null && count !== undefined ? (
        <p class="export-progress" role="status">
          <progress aria-label="Exporting" /> Exporting{what}…
        </p>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
