/** Figures: money, counts, percentages and years, normalized. See recognize.ts. */
export {
  findFigures,
  firstFigurePlace,
  mayHaveFigures,
  FIGURE_START_REACH,
  type FindFiguresOptions,
} from './recognize';
