/**
 * Grouping a source set's facts into claims: facts of the same kind and unit whose values agree
 * and whose contexts say the same thing ("$1.25 billion in financing" in five seeds, "up to $1.3
 * billion in financing" in a sixth) are one claim with all their quotes. Each claim gets an id made
 * of its subject and its most telling words, stable for the same sources.
 */
import { agrees } from '../agreement';
import { significantDigits } from './digits';
import { countClass } from './terms';
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
  const mass = (terms: ReadonlyMap<string, number>): number => {
    let m = 0;
    for (const [t, w] of terms) m += w * idf(t);
    return m;
  };
  const similarity = (a: Described, b: Described): number => {
    let shared = 0;
    for (const [t, w] of a.d.terms) {
      const v = b.d.terms.get(t);
      if (v !== undefined) shared += Math.min(w, v) * idf(t);
    }
    const m = Math.sqrt(a.mass * b.mass);
    return m === 0 ? 0 : shared / m;
  };

  // Groups are looked for only among those of the same kind, unit and value bucket (agreement is
  // within 5%: a bucket is a 5% step of the value, and a fact is tried against its bucket and the
  // two beside it), so a long source is grouped in about linear time.
  const buckets = new Map<string, Group[]>();
  const groups: Group[] = [];
  for (const d of described) {
    const f = d.fact;
    const item = { d, mass: mass(d.terms) };
    const step = valueStep(f.value);
    let home: Group | undefined;
    for (const k of [step - 1, step, step + 1]) {
      home = buckets
        .get(bucketKey(f, k))
        ?.find(
          (g) =>
            agreesBothWays(f, g.first) &&
            (g.members.some((o) => similarity(item, o) >= GROUP_SIMILARITY) ||
              sameDistinctiveValue(f, g)),
        );
      if (home) break;
    }
    if (home) {
      // A claim stated many times needs no more versions to be recognized by: its first few.
      if (home.members.length < MAX_COMPARED) home.members.push(item);
      home.all.push(d);
      continue;
    }
    const group: Group = { first: f, members: [item], all: [d] };
    groups.push(group);
    const key = bucketKey(f, step);
    const list = buckets.get(key);
    if (list) list.push(group);
    else buckets.set(key, [group]);
  }

  const used = new Set<string>(taken);
  for (const g of groups) {
    const id = uniqueId(claimId(g.all, idf), used);
    for (const d of g.all) d.fact.attribute = id;
  }
}

/** A fact grouped: a claim's statements are compared with its first MAX_COMPARED ones. */
const MAX_COMPARED = 8;

interface Described {
  d: DescribedFact;
  mass: number;
}

interface Group {
  first: Fact;
  members: Described[];
  all: DescribedFact[];
}

/**
 * One story's sources that state the same value written with DISTINCT_DIGITS significant digits
 * or more ("$1.08bn" in a fact box, "US$1.08 billion" in a paragraph that says it otherwise) state
 * one claim: such a value is not repeated by chance. Rounder values ("25%", "$2 billion") and
 * years are often two claims of one value, and need their words to agree too.
 */
const DISTINCT_DIGITS = 3;

function sameDistinctiveValue(f: Fact, g: Group): boolean {
  if (f.kind === 'year' || significantDigits(f.value) < DISTINCT_DIGITS) return false;
  return g.all.some((o) => o.fact.value === f.value && sameStory(o.fact, f));
}

function sameStory(a: Fact, b: Fact): boolean {
  if (!a.story || !b.story) return true;
  return a.story.some((e) => b.story?.includes(e));
}

function agreesBothWays(a: Fact, b: Fact): boolean {
  return agrees(a, b) || agrees(b, a);
}

/** A 5% step of a value (its bucket), for grouping: values that agree are in adjacent steps. */
function valueStep(value: number): number {
  return value === 0 ? 0 : Math.round(Math.log(Math.abs(value)) / Math.log(1.05));
}

function bucketKey(f: Fact, step: number): string {
  const unit = f.kind === 'count' ? countClass(f.unit) : f.unit;
  return `${f.kind}|${unit}|${step}`;
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
