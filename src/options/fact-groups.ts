import { ATTRIBUTES } from '../core/attribution';
import type { Fact } from '../core/types';

/** Facts grouped by attribute, groups in the schema's order, facts in source order. */
export function groupByAttribute(facts: readonly Fact[]): [string, Fact[]][] {
  const groups = new Map<string, Fact[]>();
  for (const fact of facts) {
    const list = groups.get(fact.attribute);
    if (list) list.push(fact);
    else groups.set(fact.attribute, [fact]);
  }
  const rank = (id: string) => {
    const i = ATTRIBUTES.findIndex((a) => a.id === id);
    return i === -1 ? ATTRIBUTES.length : i;
  };
  return [...groups].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}
