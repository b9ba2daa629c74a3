/**
 * The figures tests' one view of what findFigures reads: each figure as [text, kind, value, unit].
 */
import { findFigures } from '../../src/core/figures';

export type Row = [string, string, number, string];

export function summary(text: string, lang?: string): Row[] {
  return findFigures(text, false, lang === undefined ? {} : { lang }).map((f) => [
    f.text,
    f.kind,
    f.value,
    f.unit,
  ]);
}
