import type { Fact, ReportFigure } from '../core/types';
import { useDrawnWhole } from '../shared/drawn-whole';
import { FigureRow } from './FigureRow';

/**
 * Rows drawn in the table's first render; the others follow once the browser has painted those
 * (Preact runs effects after the paint). A popup is at most 600 px tall in Chromium and a row
 * takes at least about 36 px, so 40 rows more than fill it, while a long page's hundreds of rows
 * take tens of milliseconds to render (bench/README.md, "popup phases") that the first look at
 * the table need not wait for.
 */
export const FIRST_ROWS = 40;

interface Props {
  figures: readonly ReportFigure[];
  facts: ReadonlyMap<string, Fact>;
  onReveal(index: number): void;
}

/** Every figure of the page, in page order, with what the fact base says about it. */
export function FigureTable({ figures, facts, onReveal }: Props) {
  const busy = !useDrawnWhole(figures, figures.length, FIRST_ROWS);
  return (
    <section class="section" aria-labelledby="figures-heading">
      <h2 id="figures-heading">Figures</h2>
      <p class="muted hint">Select a figure to show it on the page.</p>
      <table class="figures" aria-busy={busy ? 'true' : undefined}>
        <colgroup>
          <col />
          <col />
          <col class="col-verdict" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">On the page</th>
            <th scope="col">Fact base</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        {(busy ? figures.slice(0, FIRST_ROWS) : figures).map((figure, index) => (
          <FigureRow
            key={`${figure.start}:${figure.end}`}
            figure={figure}
            index={index}
            facts={facts}
            onReveal={onReveal}
          />
        ))}
      </table>
    </section>
  );
}
