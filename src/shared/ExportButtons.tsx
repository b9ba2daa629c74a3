import { useState } from 'preact/hooks';
import { downloadText, EXPORT_FORMATS, type ExportFormatInfo } from './download';
import { failureOf, messageOf } from './answers';
import type { ExportAnswer, ExportFormat } from './messages';

interface Props {
  /** What the group exports, for assistive technology: "Export this page's annotations". */
  label: string;
  /** Asks the background for the text in one format. */
  request(format: ExportFormat): Promise<ExportAnswer>;
  fileName(format: ExportFormatInfo): string;
  disabled?: boolean;
}

/** JSON-LD, CSV and Markdown buttons; each asks the background and downloads its text. */
export function ExportButtons({ label, request, fileName, disabled = false }: Props) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (info: ExportFormatInfo) => {
    setBusy(info.format);
    setError(null);
    try {
      const answer = await request(info.format);
      if (!answer?.ok) {
        setError(`The export failed: ${failureOf(answer)}`);
        return;
      }
      downloadText(answer.text, fileName(info), info.mime);
    } catch (thrown) {
      setError(`The export failed: ${messageOf(thrown)}`);
    } finally {
      setBusy(null);
    }
  };

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
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
