/**
 * The popup page opened in a tab of its own (end-to-end tests, debugging) cannot use "the active
 * tab": that is itself. `?tab=<id>` in its URL names the tab to speak about instead. Only the
 * extension can open its own pages, so a web page cannot point the popup elsewhere.
 */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  // Tab ids are non-negative integers; ten digits is more than any browser hands out.
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  return Number(raw);
}
