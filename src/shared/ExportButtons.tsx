import { useEffect, useRef, useState } from 'preact/hooks';
import {
  downloadBlob,
  downloadText,
  EXPORT_FORMATS,
  type ExportFileAnswer,
  type ExportFormatInfo,
} from './download';
import { failureOf, messageOf } from './answers';
import type { ExportAnswer, ExportFormat } from './messages';

interface Props {
  /** What the group exports, for assistive technology: "Export this page's annotations". */
  label: string;
  /**
   * Asks the background for the text in one format: in one message (the popup: one page), or
   * over the export port as a Blob (the Library: everything), calling `onProgress` on the way
   * (annotations, of about the total). `signal` aborts a request that supports it (`cancellable`).
   */
  request(
    format: ExportFormat,
    onProgress: (sent: number, total: number) => void,
    signal: AbortSignal,
  ): Promise<ExportAnswer | ExportFileAnswer>;
  fileName(format: ExportFormatInfo): string;
  /** How many annotations are exported, shown with the progress. */
  count?: number;
  disabled?: boolean;
  /** Offer to cancel while exporting (the request honours its signal). */
  cancellable?: boolean;
}

interface Progress {
  sent: number;
  total: number;
}

/** JSON-LD, CSV and Markdown buttons; each asks the background and downloads its text. */
export function ExportButtons({
  label,
  request,
  fileName,
  count,
  disabled = false,
  cancellable = false,
}: Props) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef<AbortController | null>(null);
  // Leaving the page (or the popup closing) stops an export under way.
  useEffect(() => () => running.current?.abort(), []);

  const run = async (info: ExportFormatInfo) => {
    const controller = new AbortController();
    running.current = controller;
    setBusy(info.format);
    setProgress(null);
    setError(null);
    try {
      const answer = await request(
        info.format,
        (sent, total) => {
          if (!controller.signal.aborted) setProgress({ sent, total });
        },
        controller.signal,
      );
      // Cancelled: the journalist asked for it; there is nothing to say.
      if (controller.signal.aborted) return;
      if (!answer?.ok) {
        setError(`The export failed: ${failureOf(answer)}`);
        return;
      }
      if ('file' in answer) downloadBlob(answer.file, fileName(info), info.mime);
      else downloadText(answer.text, fileName(info), info.mime);
    } catch (thrown) {
      if (!controller.signal.aborted) setError(`The export failed: ${messageOf(thrown)}`);
    } finally {
      if (running.current === controller) running.current = null;
      setBusy(null);
      setProgress(null);
    }
  };

  const what =
    count === undefined
      ? ''
      : ` ${count.toLocaleString()} ${count === 1 ? 'annotation' : 'annotations'}`;
  const cancel =
    cancellable && busy !== null ? (
      <button
        type="button"
        class="button button-quiet"
        onClick={() => {
          running.current?.abort();
        }}
      >
        Cancel
      </button>
    ) : null;
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
          Exporting{what}… {Math.floor((100 * progress.sent) / Math.max(1, progress.total))}%{' '}
          {cancel}
        </p>
      ) : null}
      {/* Before the first progress (the background is starting): the count, no figure yet. */}
      {busy !== null && progress === null && count !== undefined ? (
        <p class="export-progress" role="status">
          <progress aria-label="Exporting" /> Exporting{what}… {cancel}
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
