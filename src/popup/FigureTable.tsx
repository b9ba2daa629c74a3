import type { Fact, ReportFigure } from '../core/types';
import { FigureRow } from './FigureRow';

interface Props {
  figures: readonly ReportFigure[];
  facts: ReadonlyMap<string, Fact>;
  onReveal(index: number): void;
}

/** Every figure of the page, in page order, with what the fact base says about it. */
export function FigureTable({ figures, facts, onReveal }: Props) {
  return (
    <section class="section" aria-labelledby="figures-heading">
      <h2 id="figures-heading">Figures</h2>
      <p class="muted hint">Select a figure to show it on the page.</p>
      <table class="figures">
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
        {figures.map((figure, index) => (
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
