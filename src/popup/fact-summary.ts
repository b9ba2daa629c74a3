/** What the figure table shows of a figure's facts: their distinct values and their sources. */
import type { Fact } from '../core/types';

export interface FactSourceLine {
  title: string;
  date: string | null;
  quote: string;
}

/** The facts a figure names, in the report's order; ids the background did not return are left out. */
export function factsOf(ids: readonly string[], facts: ReadonlyMap<string, Fact>): Fact[] {
  return ids.flatMap((id) => facts.get(id) ?? []);
}

/**
 * The values the sources state, each once, as the first source to state it wrote it: "around
 * 6,000 jobs" and "approximately 6,000 jobs" say the same, "up to $1.3 billion" and "$1.25
 * billion" do not. Same value, unit and qualifier sense make the same value.
 */
export function distinctValues(facts: readonly Fact[]): string[] {
  const byValue = new Map<string, string>();
  for (const f of facts) {
    const key = `${f.value}|${f.unit}|${f.qualifier?.sense ?? ''}`;
    if (!byValue.has(key)) byValue.set(key, f.qualifier ? `${f.qualifier.text} ${f.text}` : f.text);
  }
  return [...byValue.values()];
}

/** One line per distinct quote: several seeds often repeat the same sentence word for word. */
export function distinctSources(facts: readonly Fact[]): FactSourceLine[] {
  const byQuote = new Map<string, FactSourceLine>();
  for (const f of facts) {
    if (!byQuote.has(f.quote)) {
      byQuote.set(f.quote, { title: f.source.title, date: f.source.date, quote: f.quote });
    }
  }
  return [...byQuote.values()];
}
