/** Figures: money, counts, percentages and years, normalized. See recognize.ts. */
export { findFigures, type FindFiguresOptions } from './recognize';
