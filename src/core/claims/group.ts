/**
 * Grouping a source set's facts into claims: facts of the same kind and unit whose values agree
 * and whose contexts say the same thing ("$1.25 billion in financing" in five seeds, "up to $1.3
 * billion in financing" in a sixth) are one claim with all their quotes. Each claim gets an id made
 * of its subject and its most telling words, stable for the same sources.
 */
import { agrees, sameUnit } from '../agreement';
import type { Fact } from '../types';

/**
 * Least similarity (as the matcher computes it, rarity over facts) for two facts to be one claim.
 * High on purpose: two claims kept apart cost nothing (the page's figure agrees with either), two
 * claims wrongly merged would let a figure pass against the other's value.
 */
export const GROUP_SIMILARITY = 0.1;

export interface DescribedFact {
  fact: Fact;
  terms: Map<string, number>;
  /** Surface words of the terms, for the claim's id. */
  surfaces: Map<string, string>;
}

/** Sets each fact's `attribute` to its claim's id. Facts are taken in the order given. */
export function groupIntoClaims(
  described: readonly DescribedFact[],
  taken: ReadonlySet<string> = new Set(),
): void {
  const df = new Map<string, number>();
  for (const d of described) for (const t of d.terms.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = described.length;
  const idf = (t: string): number => Math.log(1 + n / (df.get(t) ?? n));
  const mass = (terms: Map<string, number>): number =>
    [...terms].reduce((a, [t, w]) => a + w * idf(t), 0);
  const similarity = (a: Map<string, number>, b: Map<string, number>): number => {
    let shared = 0;
    for (const [t, w] of a) {
      const v = b.get(t);
      if (v !== undefined) shared += Math.min(w, v) * idf(t);
    }
    const m = Math.sqrt(mass(a) * mass(b));
    return m === 0 ? 0 : shared / m;
  };

  const groups: DescribedFact[][] = [];
  for (const d of described) {
    const f = d.fact;
    const home = groups.find((g) => {
      const first = (g[0] as DescribedFact).fact;
      return (
        first.kind === f.kind &&
        sameUnit(f.kind, first.unit, f.unit) &&
        g.every((o) => agrees(f, o.fact) || agrees(o.fact, f)) &&
        g.some((o) => similarity(d.terms, o.terms) >= GROUP_SIMILARITY)
      );
    });
    if (home) home.push(d);
    else groups.push([d]);
  }

  const used = new Set<string>(taken);
  for (const g of groups) {
    const id = uniqueId(claimId(g, idf), used);
    for (const d of g) d.fact.attribute = id;
  }
}

// An id part: lower-case words joined by hyphens, as the claim-id pattern of the messages wants.
function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'claim'
  );
}

/** "<subject>.<two most telling words of the figure's clause>", e.g. "exim.financing-approved". */
function claimId(group: readonly DescribedFact[], idf: (t: string) => number): string {
  const subjects = new Map<string, number>();
  for (const d of group) {
    const s = d.fact.subject;
    if (s) subjects.set(s, (subjects.get(s) ?? 0) + 1);
  }
  const subject = [...subjects].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'story';
  const first = group[0] as DescribedFact;
  // The words most of the claim's statements use near their figure, rarest first.
  const shared = new Map<string, { surface: string; count: number }>();
  for (const d of group) {
    for (const [t, w] of d.terms) {
      if (w < 0.45 || t.startsWith('@') || t.startsWith('unit:') || t.startsWith('dist:')) continue;
      const had = shared.get(t);
      if (had) had.count++;
      else shared.set(t, { surface: d.surfaces.get(t) ?? t, count: 1 });
    }
  }
  const words = [...shared]
    .map(([t, x]) => ({ surface: x.surface, score: x.count * idf(t) }))
    .filter(
      (x) =>
        !subject.toLowerCase().includes(x.surface.toLowerCase()) &&
        x.surface.toLowerCase() !== first.fact.unit.toLowerCase(),
    )
    .sort((a, b) => b.score - a.score || (a.surface < b.surface ? -1 : 1))
    .slice(0, 2)
    .map((x) => slug(x.surface));
  const kind = first.fact.kind === 'count' ? slug(first.fact.unit) : first.fact.kind;
  // At most three words of a named subject: an id names, it does not describe.
  const subjectSlug = slug(subject).split('-').slice(0, 3).join('-');
  return `${subjectSlug}.${[kind, ...words].join('-')}`;
}

function uniqueId(id: string, used: Set<string>): string {
  let out = id;
  for (let k = 2; used.has(out); k++) out = `${id}-${k}`;
  used.add(out);
  return out;
}
