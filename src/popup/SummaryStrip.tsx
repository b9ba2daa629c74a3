import type { ReportFigure, Verdict } from '../core/types';
import { VERDICT_SYMBOL, VERDICTS } from './verdicts';

export function countVerdicts(figures: readonly ReportFigure[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { supported: 0, contradicted: 0, unverified: 0 };
  for (const f of figures) counts[f.verdict]++;
  return counts;
}

/** How many of the page's figures are supported, contradicted and unverified. */
export function SummaryStrip({ figures }: { figures: readonly ReportFigure[] }) {
  const counts = countVerdicts(figures);
  return (
    <ul class="summary" aria-label="Figures by verdict">
      {VERDICTS.map((verdict) => (
        <li key={verdict} class={`summary-item summary-${verdict}`} data-verdict={verdict}>
          <span class="summary-symbol" aria-hidden="true">
            {VERDICT_SYMBOL[verdict]}
          </span>{' '}
          <strong class="summary-count">{counts[verdict]}</strong> {verdict}
        </li>
      ))}
    </ul>
  );
}
