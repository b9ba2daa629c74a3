/**
 * Claim matching: which of the fact base's claims a page's figure speaks of, by the words its own
 * clause shares with the claim's source sentences (context.ts), weighted by how rare each word is
 * among the claims (a word every claim has, such as the story's name, tells none apart).
 *
 * Facts that state the same claim share an `attribute` (the claim id, grouped at build time in
 * src/core/facts/build.ts); a claim's terms are the largest weight each term has in any of its
 * facts. Nothing here knows any story: the claims, their words and the weights all come from the
 * facts given.
 *
 * A figure is matched only to claims of its kind and unit, and only on a page that names one of the
 * entities of the claim's sources ("no story, no verdict"). Then:
 * - similarity = shared weight (min of both sides, times rarity) over the geometric mean of both
 *   sides' weight, against the claim's best version (each source's sentence, and their union); words the fact base never uses count at UNSEEN_WORD of the rarest, names
 *   (capitalized words) at full rarity: a clause about another mine, another bank, another country
 *   is diluted by its own names;
 * - a claim within AGREE_RATIO of the best whose value agrees with the figure, at MIN_SUPPORT or
 *   more, is the match (supported);
 * - otherwise the best claim, if at MIN_CONTRADICT or more, with a predicate word of
 *   CONTRADICT_EVIDENCE on both sides, in a block that names the claim's story or subject (or on
 *   a page about the story, in a block that names nothing foreign),
 *   and no claim whose value agrees within AMBIGUOUS_RATIO of
 *   it, is the match (contradicted: it needs a confident match; claims close behind it that
 *   disagree too do not make it less of one — "10,000 jobs" is wrong for the jobs in either
 *   country);
 * - otherwise no claim (unverified).
 */
import { agrees } from '../agreement';
import type { Fact, Figure } from '../types';
import { EACH, RATE, TOGETHER, type FigureContext } from './context';
import { significantDigits } from './digits';

export { significantDigits } from './digits';
import {
  countClass,
  countsCompare,
  countsLoosely,
  classesLoosely,
  isPlaceTerm,
  isPredicateTerm,
  namesIn,
  termOf,
  tokenize,
} from './terms';

// Thresholds, set on the team's own corpus and the seeds (never on the held-out split):
/** Least similarity for a figure whose value agrees with the claim. */
export const MIN_SUPPORT = 0.1;
/** Least similarity for a contradiction. */
export const MIN_CONTRADICT = 0.22;
/** An agreeing claim within this factor of the best is taken over a disagreeing best. */
export const AGREE_RATIO = 0.6;
/**
 * An agreeing claim within this factor of a disagreeing best makes the figure ambiguous: neither
 * supported nor contradicted ("the other half is held by the federal and provincial governments"
 * reads like the governments' 25% each and like the Pakistani side's 50%).
 */
export const AMBIGUOUS_RATIO = 0.4;
/** A word this heavy on the page is right beside the figure (a word or two away): its key word. */
export const KEY_WORD = 0.9;
/** A contradiction needs a predicate word this heavy on both sides: a clause, not a sentence. */
export const CONTRADICT_EVIDENCE = 0.5;
/** A word no fact uses, relative to the rarest word's weight (names count in full). */
export const UNSEEN_WORD = 0.5;
/**
 * A match needs evidence: a predicate word (what happened, what is counted; not who, where or
 * when) weighing at least this much on both sides. Names and dates alone make a dateline match a
 * date, a byline's year the year of an event.
 */
export const EVIDENCE_WEIGHT = 0.3;
/**
 * A figure whose clause names a watched entity close by ("Barrick holds a 50% stake") speaks of
 * that entity: a claim whose sources never name it in the figure's sentence (at least
 * SUBJECT_IN_CLAIM) is about someone else (Manara's intended stake), and its similarity counts
 * SUBJECT_MISMATCH of itself.
 */
export const SUBJECT_IN_CLAIM = 0.15;
export const SUBJECT_MISMATCH = 0.5;
/** A country the claim's clause names at least this near its figure is where the claim is. */
export const OWN_PLACE = 0.5;
/** A word tells two claims apart when one's sources write it this many times closer (weight). */
export const TOLD_APART = 2;
/**
 * A figure that states exactly a claim's value is, by that alone, likelier to be about it: a
 * wrong figure rarely lands on another claim's number. The claim's similarity counts this many
 * times itself — more for a value written with two significant digits or more ("$1.25 billion",
 * "7,500", "15%"), which chance rarely repeats, than for a round one ("$2 billion", "50%"). Years
 * are left out: every event of a story has one, and they repeat. And the wording evidence such a
 * claim needs is EXACT_EVIDENCE of EVIDENCE_WEIGHT ("the figure officials gave in December for
 * the financing": "financing" is a few words off).
 */
export const EXACT_DISTINCT = 2;
export const EXACT_ROUND = 1;
export const EXACT_EVIDENCE = 0.5;

export interface Claim {
  id: string;
  kind: Fact['kind'];
  unit: string;
  facts: Fact[];
  terms: ReadonlyMap<string, number>;
  /**
   * Entities the claim's sources name; null when unknown (a user's fact): any watched name. Claims
   * whose sources name the same entities may share one set: never changed once made.
   */
  story: ReadonlySet<string> | null;
  /** What the claim is about, in its first source's words. */
  about: string;
  /** The terms of the named things its facts are about ("Manara Minerals"), not watched entities. */
  subjectTerms: Set<string>;
}

export interface ClaimMatch {
  claim: Claim;
  similarity: number;
  /** The page's words that matched the claim's, most telling first. */
  matched: string[];
}

/** A fact's terms: stored by the build step, or derived from its quote (users' facts). */
export type FactTerms = (fact: Fact) => ReadonlyMap<string, number>;

// Lists of candidate claims kept (ClaimMatcher.candidates): one per kind and set of names a block
// gives; a page yields a few sets (its own names, plus a block's), and a bound keeps a page that
// names many things in many combinations from growing it.
const CANDIDATE_LISTS = 64;

export class ClaimMatcher {
  readonly claims: Claim[];
  private readonly idf = new Map<string, number>();
  private readonly maxIdf: number;
  private readonly units = new Set<string>();
  private readonly countClasses = new Set<string>();
  /** Each claim's facts as weighted terms, with their mass: a page is compared with each. */
  private readonly versions = new Map<Claim, readonly Version[]>();
  /** Each claim's facts' terms, in the order of its facts (versionsOf). */
  private readonly factTerms = new Map<Claim, ReadonlyMap<string, number>[]>();
  /** candidates(), by kind and the names of the page (see CANDIDATE_LISTS). */
  private readonly candidateLists = new Map<string, readonly Claim[]>();
  /**
   * By kind, the positions in `claims` of the claims with no story, and by entity those of the
   * claims whose story names it: a page's candidates are read from the entities it names, not
   * found by trying every claim of the fact base (candidates()).
   */
  private readonly storyIndex = new Map<Figure['kind'], StoryIndex>();
  /**
   * The words of the names the sources write, watched names' included. A claim's terms have a
   * watched name as its entity ("@hdb"), not its words; a page that shortens the name ("the
   * Harbour bank" for the Harbour Development Bank, "the Arvo group" for Arvo Metals) names the
   * story's thing, not another one.
   */
  private readonly sourceNames = new Set<string>();
  private readonly byId: ReadonlyMap<string, Claim>;
  /** stories(), made at its first call. */
  private storyList: ReadonlySet<string>[] | null = null;

  constructor(facts: readonly Fact[], termsOf: FactTerms) {
    const byId = new Map<string, Claim>();
    // What the constructor makes per fact is kept small: with a journalist's own stories (2,000
    // facts, bench/story.ts) the content script indexes them while the page waits for its first
    // pass, and what it allocated there (a copy of every fact's terms, a set of the 25 names of
    // every claim's source) the collector then paid for during the pass. A claim's terms are its
    // one fact's until a second fact comes (then a union), and the claims whose sources name the
    // same entities share one set of them (StorySets).
    const storySets = new StorySets();
    for (const fact of facts) {
      const own = termsOf(fact);
      let claim = byId.get(fact.attribute);
      if (!claim) {
        claim = {
          id: fact.attribute,
          kind: fact.kind,
          unit: fact.unit,
          facts: [],
          terms: own,
          story: fact.story ? storySets.of(fact.story) : null,
          about: fact.about ?? fact.quote,
          subjectTerms: new Set(),
        };
        byId.set(fact.attribute, claim);
        this.factTerms.set(claim, [own]);
      } else {
        const stated = this.factTerms.get(claim) as ReadonlyMap<string, number>[];
        // Until now the claim's terms were its one fact's map: its union is a map of its own.
        if (stated.length === 1) claim.terms = new Map(claim.terms);
        const union = claim.terms as Map<string, number>;
        for (const [t, w] of own) {
          if ((union.get(t) ?? 0) < w) union.set(t, w);
        }
        stated.push(own);
        claim.story = storySets.union(claim.story, fact.story);
      }
      claim.facts.push(fact);
      for (const name of fact.names ?? namesIn(fact.quote)) this.sourceNames.add(name);
      if (fact.subject && !isEntityId(fact.subject)) {
        for (const t of tokenize(fact.subject, 0, fact.subject.length, [], new Set([0]))) {
          claim.subjectTerms.add(t.term);
        }
      }
    }
    this.claims = [...byId.values()];
    this.byId = byId;
    // By kind: the storyless claims' positions, and per story set those of its claims; an
    // entity's list is then read from the sets that name it (a few dozen), not pushed to for
    // every claim and every name of its story.
    const bySet = new Map<Figure['kind'], Map<ReadonlySet<string>, number[]>>();
    this.claims.forEach((c, i) => {
      if (c.kind === 'count') this.countClasses.add(countClass(c.unit));
      else this.units.add(`${c.kind} ${c.unit}`);
      let index = this.storyIndex.get(c.kind);
      if (!index) this.storyIndex.set(c.kind, (index = { storyless: [], byEntity: new Map() }));
      if (c.story === null) index.storyless.push(i);
      else {
        let sets = bySet.get(c.kind);
        if (!sets) bySet.set(c.kind, (sets = new Map()));
        const list = sets.get(c.story);
        if (list) list.push(i);
        else sets.set(c.story, [i]);
      }
    });
    for (const [kind, sets] of bySet) {
      const byEntity = (this.storyIndex.get(kind) as StoryIndex).byEntity;
      for (const [story, positions] of sets) {
        for (const e of story) {
          const lists = byEntity.get(e);
          if (lists) lists.push(positions);
          else byEntity.set(e, [positions]);
        }
      }
    }
    const df = new Map<string, number>();
    for (const c of this.claims) for (const t of c.terms.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const n = this.claims.length;
    for (const [t, d] of df) this.idf.set(t, Math.log(1 + n / d));
    this.maxIdf = Math.log(1 + Math.max(1, n));
  }

  /** The facts of the claim `id`, in the order they were given; undefined for no such claim. */
  factsOf(id: string): readonly Fact[] | undefined {
    return this.byId.get(id)?.facts;
  }

  /**
   * A claim's versions with their mass, made at its first scoring: a claim stated once is its
   * fact; stated several times, each statement is a version, and so is their union (a page may
   * combine one source's words with another's). Most claims of a large fact base are never
   * scored on a given page (candidates()).
   */
  private versionsOf(claim: Claim): readonly Version[] {
    let made = this.versions.get(claim);
    if (made === undefined) {
      const own = this.factTerms.get(claim) ?? [];
      const versions = own.length > 1 ? [...own, claim.terms] : own;
      made = versions.map((terms) => {
        let mass = 0;
        for (const [t, w] of terms) mass += w * (this.idf.get(t) ?? 0);
        return { terms, mass };
      });
      this.versions.set(claim, made);
    }
    return made;
  }

  /**
   * Could any claim take this figure: one of its kind, in its currency, counting what it counts?
   * People may count jobs, so a count of people is let through.
   */
  mayMatch(figure: Figure): boolean {
    if (figure.kind === 'count') {
      const c = countClass(figure.unit);
      if (c === 'people' || this.countClasses.has(c)) return true;
      for (const f of this.countClasses) if (classesLoosely(c, f)) return true;
      return false;
    }
    return this.units.has(`${figure.kind} ${figure.unit}`);
  }

  /** The claim a figure speaks of, or null. `pageEntities`: entity ids the page names. */
  match(
    figure: Figure,
    context: FigureContext,
    pageEntities: ReadonlySet<string>,
    aboutEntities: ReadonlySet<string> = new Set(),
  ): ClaimMatch | null {
    // The page's own date speaks of the page (LABELLING.md: "the page's own date").
    if (context.dateline) return null;
    const scored = this.score(figure, context, pageEntities);
    if (scored.length === 0) return null;
    const best = scored[0] as Scored;
    const ratio = AGREE_RATIO;
    const agreeing = scored.find(
      (s) =>
        s.similarity >= MIN_SUPPORT &&
        s.similarity >= best.similarity * ratio &&
        !s.foreign &&
        s.claim.facts.some((f) => agrees(figure, f)) &&
        // An agreement that rests on no heavy predicate word, beside a claim that disagrees and
        // does rest on one, is no agreement: "cost $2 billion to build, the largest single bet
        // the bank has made" shares "largest", "single", "bank" with another total, but says
        // "cost" — and the cost is $1.08 billion.
        // (A distinctive exact value is evidence enough by itself: EXACT_DISTINCT.)
        (s.strong ||
          exactFactor(figure, s.claim) > 1 ||
          !scored.some(
            (o) =>
              o !== s &&
              o.strong &&
              o.similarity >= s.similarity * AMBIGUOUS_RATIO &&
              !o.claim.facts.some((f) => agrees(figure, f)),
          )) &&
        // On a page about something else, which names the story in passing, a figure whose
        // block names nothing of the story is the page's own thing's ("First production 2028" in
        // the other mine's fact box), whatever its words share with the story's claim.
        (s.inBlock || this.isAbout(s.claim, aboutEntities)) &&
        !this.keyWordElsewhere(s, context, scored, figure) &&
        !this.aboutOtherThing(s.claim, context) &&
        this.toldApart(s, best, context, figure),
    );
    // The claim a figure may contradict: the most similar of those its own words do not rule
    // out. A place beside it that the claim's sources never use there, or a word saying what it
    // counts that the claim lacks ("700 permanent jobs in Mozambique" beside "support jobs in
    // Sweden"), says the figure is not that claim's; the next may be the one it speaks of.
    const disputed = scored.find(
      (s) =>
        !s.foreign &&
        !s.loose &&
        !context.modifiers.some((m) => !s.claim.terms.has(m)) &&
        !this.otherKindOfCount(figure, s.claim, context),
    );
    const rival =
      disputed &&
      scored.find((s) => s !== disputed && s.claim.facts.some((f) => agrees(figure, f)));
    const chosen =
      agreeing ??
      (disputed !== undefined &&
      disputed.similarity >= MIN_CONTRADICT &&
      disputed.strong &&
      (disputed.inBlock ||
        (this.isAbout(disputed.claim, aboutEntities) && !this.blockIsForeign(context))) &&
      (!this.namesOther(context.local) || this.subjectNamed(disputed.claim, context)) &&
      !this.elsewhere(context) &&
      !context.ownEstimate &&
      (rival === undefined || rival.similarity < disputed.similarity * AMBIGUOUS_RATIO)
        ? disputed
        : null);
    if (!chosen) return null;
    return { ...chosen, matched: this.matchedWords(chosen.claim, context) };
  }

  /**
   * The claims a figure of `kind` is scored against on a page that names `pageEntities`: those of
   * its kind whose story the page names (or that have none), in the order of `claims`. Made once
   * per kind and set of names: with a journalist's own stories (2,000 facts, bench/story.ts) every
   * figure was tried against every claim, the most of what those stories added to a page's first
   * paint, where the engine runs cold.
   */
  private candidates(kind: Figure['kind'], pageEntities: ReadonlySet<string>): readonly Claim[] {
    const key = `${kind}\u0000${[...pageEntities].sort().join('\u0000')}`;
    let list = this.candidateLists.get(key);
    if (list === undefined) {
      if (this.candidateLists.size >= CANDIDATE_LISTS) this.candidateLists.clear();
      list = this.claimsNaming(kind, pageEntities);
      this.candidateLists.set(key, list);
    }
    return list;
  }

  /**
   * The claims of `kind` with no story or whose story names one of `entities`, in the order of
   * `claims`: those of the entities' lists (storyIndex), without repeats.
   */
  private claimsNaming(kind: Figure['kind'], entities: ReadonlySet<string>): Claim[] {
    const index = this.storyIndex.get(kind);
    if (!index) return [];
    const lists = [index.storyless];
    for (const e of entities) {
      for (const list of index.byEntity.get(e) ?? []) lists.push(list);
    }
    const positions = lists.length === 1 ? index.storyless : [...new Set(lists.flat())];
    if (lists.length > 1) positions.sort((a, b) => a - b);
    return positions.map((i) => this.claims[i] as Claim);
  }

  /** Every claim the figure could speak of, most similar first (for matching and for tests). */
  score(figure: Figure, context: FigureContext, pageEntities: ReadonlySet<string>): Scored[] {
    if (pageEntities.size === 0) return [];
    const noun = nounTerms(figure);
    // The page's terms as arrays, read once per figure: the loops below run per claim and per
    // version, and reading a Map's entries there allocated an array and an iterator result per
    // term and time (a third of what the content script allocated on a 50,000-paragraph page,
    // heap sampling in Chromium 156, bench/README.md), which the collector then paid for.
    const words: string[] = [];
    const weights: number[] = [];
    const aliases: (string | undefined)[] = [];
    // Whether the term may be evidence as a predicate.
    const predicate: boolean[] = [];
    let pageMass = 0;
    context.terms.forEach(({ weight, alias }, t) => {
      words.push(t);
      weights.push(weight);
      aliases.push(alias);
      predicate.push(isPredicateTerm(t) && !noun.has(t));
      const idf = this.idf.get(t);
      pageMass +=
        weight * (idf ?? (context.names.has(t) ? this.maxIdf : UNSEEN_WORD * this.maxIdf));
    });
    const scored: Scored[] = [];
    for (const claim of this.candidates(figure.kind, pageEntities)) {
      const loose = figure.kind === 'count' && countsLoosely(figure.unit, claim.unit);
      if (
        figure.kind === 'count'
          ? !countsCompare(figure.unit, claim.unit, context.terms) && !loose
          : figure.unit !== claim.unit
      ) {
        continue;
      }
      // The claim's best version: the source sentence the page's clause says most like.
      let similarity = 0;
      let strong = false;
      const exact = exactFactor(figure, claim);
      const evidenceWeight = exact > 1 ? EVIDENCE_WEIGHT * EXACT_EVIDENCE : EVIDENCE_WEIGHT;
      for (const version of this.versionsOf(claim)) {
        // "25% each" is compared only with shares "each"; a total ("split between", "combined")
        // never with them; a single party's share ("the federal government's 25%") with either.
        if (context.terms.has(EACH) && !version.terms.has(EACH)) continue;
        if (context.terms.has(TOGETHER) && version.terms.has(EACH)) continue;
        // A figure that is not "each" may be one party's share or all of theirs: it can agree
        // with a share "each" but not contradict one.
        if (
          version.terms.has(EACH) &&
          !context.terms.has(EACH) &&
          !claim.facts.some((f) => agrees(figure, f))
        ) {
          continue;
        }
        if (context.terms.has(RATE) && !version.terms.has(RATE)) continue;
        let shared = 0;
        let evidence = false;
        for (let i = 0; i < words.length; i++) {
          const t = words[i] as string;
          const weight = weights[i] as number;
          const alias = aliases[i];
          // A page's ordinary word may be a word of the name the source gives the thing
          // ("the community trust" for the "Community Development Trust"): by its skeleton.
          const own = version.terms.get(t);
          const as = own === undefined && alias !== undefined ? alias : t;
          const w = own ?? version.terms.get(as);
          if (w === undefined) continue;
          shared += Math.min(w, weight) * (this.idf.get(as) ?? 0);
          if (Math.min(w, weight) >= evidenceWeight && predicate[i] === true) {
            evidence = true;
            if (Math.min(w, weight) >= CONTRADICT_EVIDENCE) strong = true;
          } else if (
            exact > 1 &&
            Math.min(w, weight) >= EVIDENCE_WEIGHT &&
            (t.startsWith('@') || claim.subjectTerms.has(t))
          ) {
            // "$1.25 bn from EXIM Bank", "Manara Minerals wants 15%": a distinctive exact value
            // beside the name the claim is about is evidence enough to agree — not to contradict.
            evidence = true;
          }
        }
        if (!evidence || shared === 0 || version.mass === 0) continue;
        similarity = Math.max(similarity, shared / Math.sqrt(pageMass * version.mass));
      }
      if (similarity === 0) continue;
      similarity *= exact;
      for (const subject of context.subjects) {
        if ((claim.terms.get(subject) ?? 0) < SUBJECT_IN_CLAIM) similarity *= SUBJECT_MISMATCH;
      }
      const inBlock = this.inBlock(claim, context);
      scored.push({
        claim,
        similarity,
        strong,
        foreign: this.isForeign(claim, context) || (!inBlock && this.blockIsForeign(context)),
        inBlock,
        loose,
      });
    }
    return scored.sort((a, b) => b.similarity - a.similarity);
  }

  /**
   * A name beside the figure that no source uses (another mine, another company), or a country
   * the claim's sources never name (jobs "in Australia" against jobs "in the US"). Names the
   * sources use elsewhere belong to the story ("Balochistan" beside a stake).
   */
  private isForeign(claim: Claim, context: FigureContext): boolean {
    for (const name of context.near) {
      if (isPlaceTerm(name) ? this.otherPlace(claim, name) : !this.sourcesName(name)) return true;
    }
    return false;
  }

  /**
   * Does the figure's own block (paragraph, table row) name the claim's story — a watched entity of
   * its sources — or the named thing the claim is about? If not, the figure is read only through
   * the page's context, which is not enough to call it wrong: a page about another mine says "the
   * project" too.
   */
  private inBlock(claim: Claim, context: FigureContext): boolean {
    for (const e of context.block.entities) {
      if (!claim.story || claim.story.has(e.slice(1))) return true;
    }
    for (const t of claim.subjectTerms) {
      if (context.block.names.has(t) || (context.terms.get(t)?.weight ?? 0) > 0) return true;
    }
    return false;
  }

  /**
   * Does the figure's key word — a predicate word right beside it ("will cost $2 billion") — belong
   * to another claim, one that disagrees, and not to this one? Then the figure says what that
   * claim says, and agreeing with this one by value is chance.
   */
  private keyWordElsewhere(
    s: Scored,
    context: FigureContext,
    scored: readonly Scored[],
    figure: Figure,
  ): boolean {
    const best = scored[0]?.similarity ?? 0;
    // A count's own noun is no key word for a claim that counts it loosely ("seven countries"
    // for the sources' member states): the loose count classes say what they share.
    const noun = s.loose ? termOf(figure.unit.split(' ').pop() ?? '', false) : null;
    for (const [t, { weight }] of context.terms) {
      if (weight < KEY_WORD || !isPredicateTerm(t) || t.startsWith('unit:') || t === noun) continue;
      if ((s.claim.terms.get(t) ?? 0) >= EVIDENCE_WEIGHT) continue;
      // Only a rival the page could be speaking of counts: one far below the best (a fact box's
      // "graphite concentrate, 94% carbon" beside "has agreed to take 70% of the concentrate",
      // which is the offtake's share) shares the word by chance.
      const other = scored.some(
        (o) =>
          o !== s &&
          o.similarity >= best * AMBIGUOUS_RATIO &&
          (o.claim.terms.get(t) ?? 0) >= CONTRADICT_EVIDENCE &&
          !o.claim.facts.some((f) => agrees(figure, f)),
      );
      if (other) return true;
    }
    return false;
  }

  /**
   * Does the page tell the agreeing claim `s` apart from a better one that disagrees? Some
   * predicate word, place or watched name of the figure's clause must be the agreeing claim's and
   * the better one's only at a TOLD_APART distance or more ("6,000 jobs" in the United States: the
   * sources write "the US" beside 6,000 and farther from 7,500);
   * otherwise every word on the page points at the better claim and the value agreeing with a
   * lesser one is chance ("Ex-Im's $2 billion Reko Diq loan": "loan" is the financing's, which is
   * $1.25 billion, as much as the equipment's, which is $2 billion). A distinctive exact value
   * (exactFactor) tells them apart by itself.
   */
  private toldApart(s: Scored, best: Scored, context: FigureContext, figure: Figure): boolean {
    if (s === best || !best.strong || best.claim.facts.some((f) => agrees(figure, f))) return true;
    if (exactFactor(figure, s.claim) > 1) return true;
    for (const [t, { weight }] of context.terms) {
      if (weight < EVIDENCE_WEIGHT || !(isPredicateTerm(t) || isPlaceTerm(t) || t.startsWith('@')))
        continue;
      const own = s.claim.terms.get(t) ?? 0;
      if (own >= EVIDENCE_WEIGHT && (best.claim.terms.get(t) ?? 0) * TOLD_APART <= own) return true;
    }
    return false;
  }

  /**
   * Does the figure's own sentence name another thing (a mine, a project, a company no source
   * names: "The Tanami Ridge copper-gold project expects first production in 2028") and neither
   * the claim's subject nor a watched name of its story? Then the figure is that thing's, and
   * agreeing with the story's claim by value is chance — however much the paragraph around it
   * speaks of the story.
   */
  private aboutOtherThing(claim: Claim, context: FigureContext): boolean {
    if (!this.namesOther(context.sentence.things) || this.subjectNamed(claim, context))
      return false;
    for (const e of context.sentence.entities) {
      if (!claim.story || claim.story.has(e.slice(1))) return false;
    }
    return true;
  }

  /**
   * Does the figure's own sentence name countries, none of which any source names ("Barrick and
   * Chile's Antofagasta jointly took over TCC, each holding half")? Then it may be about another
   * place's business: not enough to call it wrong.
   */
  private elsewhere(context: FigureContext): boolean {
    const places = context.sentence.places;
    if (places.size === 0) return false;
    for (const p of places) if (this.idf.has(p)) return false;
    return true;
  }

  /**
   * Does a count's clause say what kind of jobs or people it counts — peak, construction,
   * permanent, direct, temporary… — in a word the claim's sources do not use there? Then it may
   * count another kind ("a peak construction workforce of 4,500" against "7,500 jobs"): not
   * enough to call it wrong.
   */
  private otherKindOfCount(figure: Figure, claim: Claim, context: FigureContext): boolean {
    if (figure.kind !== 'count') return false;
    for (const [t, { weight }] of context.terms) {
      if (weight < CONTRADICT_EVIDENCE || !COUNT_KINDS.has(t)) continue;
      if ((claim.terms.get(t) ?? 0) < EVIDENCE_WEIGHT) return true;
    }
    return false;
  }

  /** Is the page about the claim's story (PageContext.aboutEntities)? */
  private isAbout(claim: Claim, aboutEntities: ReadonlySet<string>): boolean {
    return claim.story ? intersects(claim.story, aboutEntities) : aboutEntities.size > 0;
  }

  /** The entity sets of the fact base's stories: what its claims' sources name. */
  stories(): ReadonlySet<string>[] {
    if (this.storyList === null) {
      // Keyed by their names in order, once per set (claims share sets: StorySets).
      const keys = new Map<ReadonlySet<string>, string>();
      const seen = new Map<string, ReadonlySet<string>>();
      for (const c of this.claims) {
        if (!c.story || c.story.size === 0) continue;
        let key = keys.get(c.story);
        if (key === undefined) keys.set(c.story, (key = [...c.story].sort().join(' ')));
        seen.set(key, c.story);
      }
      this.storyList = [...seen.values()];
    }
    return [...this.storyList];
  }

  /** Does the figure's sentence (or the one before) name the thing the claim is about? */
  private subjectNamed(claim: Claim, context: FigureContext): boolean {
    for (const t of claim.subjectTerms) if (context.terms.has(t)) return true;
    return false;
  }

  /** Do these names include a thing no source names (another mine, another company)? */
  private namesOther(names: ReadonlySet<string>): boolean {
    for (const n of names) if (!this.sourcesName(n) && !isPlaceTerm(n)) return true;
    return false;
  }

  /** A block that names no watched entity but names things no source names is about them. */
  private blockIsForeign(context: FigureContext): boolean {
    if (context.block.entities.size > 0) return false;
    for (const n of context.block.names) if (!this.sourcesName(n) && !isPlaceTerm(n)) return true;
    return false;
  }

  /** Do the sources use this name, as a word of a claim or of a watched name (sourceNames)? */
  private sourcesName(n: string): boolean {
    return this.idf.has(n) || this.sourceNames.has(n);
  }

  /** Does the claim's clause name another country near its figure, and not this one? */
  private otherPlace(claim: Claim, place: string): boolean {
    if ((claim.terms.get(place) ?? 0) >= OWN_PLACE) return false;
    for (const [t, w] of claim.terms)
      if (w >= OWN_PLACE && t !== place && isPlaceTerm(t)) return true;
    return false;
  }

  private matchedWords(claim: Claim, context: FigureContext): string[] {
    const words: { surface: string; score: number }[] = [];
    for (const [t, { weight, surface }] of context.terms) {
      const w = claim.terms.get(t);
      if (w === undefined) continue;
      const score = Math.min(w, weight) * (this.idf.get(t) ?? 0);
      if (score > 0) words.push({ surface, score });
    }
    return words.sort((a, b) => b.score - a.score).map((w) => w.surface);
  }
}

/** A claim's terms as one of its sources states them, with their weight (mass) under the idf. */
interface Version {
  terms: ReadonlyMap<string, number>;
  mass: number;
}

/**
 * By kind, the positions in `claims` of the claims with no story, and by entity the lists of
 * positions of the claims whose story names it (one list per set of names: StorySets).
 */
interface StoryIndex {
  storyless: number[];
  byEntity: Map<string, number[][]>;
}

/**
 * The sets of names claims' stories are, shared: the facts of one source name the same entities
 * (a generated source of the bench names 25), and most claims have their story from one source.
 * A fact's names are compared with the previous fact's before any key is made; a claim whose
 * facts' sources name different entities gets a set of its own, their union.
 */
class StorySets {
  private last: readonly string[] = [];
  private lastSet: ReadonlySet<string> | null = null;
  private readonly byKey = new Map<string, ReadonlySet<string>>();
  /** Sets made by union(): a claim's own, which a later fact of it may grow. */
  private readonly owned = new WeakSet<ReadonlySet<string>>();

  of(names: readonly string[]): ReadonlySet<string> {
    if (this.lastSet !== null && sameNames(names, this.last)) return this.lastSet;
    const key = names.join('\u0000');
    let set = this.byKey.get(key);
    if (set === undefined) this.byKey.set(key, (set = new Set(names)));
    this.last = names;
    this.lastSet = set;
    return set;
  }

  /** A claim's story once one more of its facts, naming `names` (absent: unknown), is counted. */
  union(
    story: ReadonlySet<string> | null,
    names: readonly string[] | undefined,
  ): ReadonlySet<string> | null {
    if (story === null || names === undefined) return null;
    if (names.every((e) => story.has(e))) return story;
    if (this.owned.has(story)) {
      for (const e of names) (story as Set<string>).add(e);
      return story;
    }
    const own = new Set(story);
    for (const e of names) own.add(e);
    this.owned.add(own);
    return own;
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface Scored {
  claim: Claim;
  similarity: number;
  /** Some predicate word weighs CONTRADICT_EVIDENCE on both sides. */
  strong: boolean;
  /** The figure's block names the claim's story or subject (a contradiction needs it). */
  inBlock: boolean;
  /** The figure counts what the claim counts only loosely (countsLoosely): it may only agree. */
  loose: boolean;
  /**
   * The figure's clause names, right beside it, a name or a place the claim's sources never use
   * there ("61.5% of Nevada Gold Mines", "2028 at Lumwana", "400 jobs in Australia"): it speaks of
   * something else, and the claim can neither support nor contradict it.
   */
  foreign: boolean;
}

/** Words for kinds of jobs and workforces, as terms (stemmed as the page's words are). */
const COUNT_KINDS: ReadonlySet<string> = new Set(
  'peak construction permanent temporary direct indirect seasonal contract full-time part-time'
    .split(' ')
    .map((w) => termOf(w, false))
    .filter((t): t is string => t !== null),
);

/**
 * The terms of a count of people's own noun ("33 million people": "people" and its class): no
 * evidence of what the figure speaks of. People are counted for anything — a country's
 * population, a town's residents, a crowd — so a claim that counts people too ("employ 1,100
 * people") must share some other word with the clause ("employ", "permanently"). Nouns that say
 * what is counted ("jobs", "countries", "tonnes") are evidence.
 */
function nounTerms(figure: Figure): ReadonlySet<string> {
  if (figure.kind !== 'count' || countClass(figure.unit) !== 'people') return NO_TERMS;
  const out = new Set<string>(['unit:people']);
  const noun = termOf(figure.unit.split(' ').pop() ?? '', false);
  if (noun) out.add(noun);
  return out;
}
const NO_TERMS: ReadonlySet<string> = new Set();

/** How much a figure's value alone says it is about the claim (EXACT_DISTINCT, EXACT_ROUND). */
function exactFactor(figure: Figure, claim: Claim): number {
  if (figure.kind === 'year' || (figure.qualifier && figure.qualifier.sense !== 'approx')) return 1;
  if (!valuesOf(claim).has(valueKey(figure.value))) return 1;
  return significantDigits(figure.value) >= 2 ? EXACT_DISTINCT : EXACT_ROUND;
}

// Values are compared to twelve significant digits: "1.3 billion" parsed twice may differ in the
// last bit of a double, never in the twelfth digit.
function valueKey(value: number): string {
  return value.toPrecision(12);
}

// The stated values of each claim, made once per claim: every figure of a page is tried against
// every claim of its kind.
const claimValues = new WeakMap<Claim, Set<string>>();
function valuesOf(claim: Claim): Set<string> {
  let values = claimValues.get(claim);
  if (!values) {
    values = new Set(claim.facts.map((f) => valueKey(f.value)));
    claimValues.set(claim, values);
  }
  return values;
}

/** Entity ids: lower-case words joined by hyphens (a named thing is written capitalized). */
function isEntityId(subject: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(subject);
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}
