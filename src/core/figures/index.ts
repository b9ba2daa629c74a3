/** Figures: money, counts, percentages and years, normalized. See recognize.ts. */
export { findFigures, mayHaveFigures, type FindFiguresOptions } from './recognize';
