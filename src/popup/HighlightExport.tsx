import { reportsToCsv, reportToMarkdown } from '../core/report/formats';
import { reportToJsonLd } from '../core/report/jsonld';
import type { Fact, Report } from '../core/types';
import { exportFileName } from '../shared/download';
import { ExportButtons } from '../shared/ExportButtons';
import type { ExportAnswer, ExportFormat } from '../shared/messages';

interface Props {
  report: Report;
  facts: ReadonlyMap<string, Fact>;
  host: string;
}

/**
 * The page's automatic highlights (mentions and figures with verdicts) exported like annotations:
 * JSON-LD Web Annotations, CSV, Markdown. Made here from the report the popup already holds.
 */
export function HighlightExport({ report, facts, host }: Props) {
  const request = (format: ExportFormat): Promise<ExportAnswer> => {
    const text =
      format === 'jsonld'
        ? reportToJsonLd(report)
        : format === 'csv'
          ? reportsToCsv([report])
          : reportToMarkdown(report, facts);
    return Promise.resolve({ ok: true, text });
  };
  return (
    <section class="highlight-export" aria-label="Export this page's highlights">
      <ExportButtons
        label="Export this page's highlights"
        request={request}
        fileName={(info) => exportFileName(`highlights-${host || 'page'}`, info)}
      />
    </section>
  );
}
