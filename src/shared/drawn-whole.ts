/**
 * Long lists in extension pages (the popup's figure table, the Library's annotations) drawn first
 * rows first: a new list of more rows than a window shows has its first `first` rows drawn at
 * once and the others once the browser has painted those (Preact runs effects after the paint).
 */
import { useEffect, useState } from 'preact/hooks';

/**
 * Whether `items` (a list, by identity, of `rows` rows) is drawn whole yet. False from its first
 * render until the paint after it, when it has more than `first` rows; a new list starts again.
 */
export function useDrawnWhole(items: object, rows: number, first: number): boolean {
  const [whole, setWhole] = useState<object | null>(null);
  const complete = whole === items || rows <= first;
  useEffect(() => {
    if (!complete) setWhole(items);
  }, [complete, items]);
  return complete;
}
