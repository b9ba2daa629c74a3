/**
 * What one content script may see and touch (docs/contracts.md, "Who may call"). A content script
 * runs in a web page's renderer, which the page may have compromised: everything here is decided
 * from the frame the browser says sent the message (`sender.url`), never from a URL the message
 * carries. It reads and writes its own origin's annotations, and gets the facts it needs to
 * compare: seed facts whole, users' facts as values and labels — a journalist's fact names the
 * page it came from and quotes it, and those are shown only in the extension's own pages.
 */
import { canonicalUrl } from '../core/annotations/url';
import { factTerms } from '../core/claims/describe';
import { factLabel } from '../core/claims/label';
import { namesIn } from '../core/claims/terms';
import type { Fact } from '../core/types';
import { SEED_PREFIX, SOURCE_FACT_PREFIX } from './db';

/** The title a user's fact carries in a content script: the source itself stays in the Library. */
export const WITHHELD_SOURCE_TITLE = 'Your fact (its source is in the Library)';
/** The title a fact of the journalist's own source carries in a content script. */
export const WITHHELD_OWN_SOURCE_TITLE = 'Your source (it is in the Library)';

/** Whether `url` (an http(s) URL, already validated) is of `origin` ("https://news.example"). */
export function isOfOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/**
 * The URL a user's fact added by a content script is filed under: the frame's own page, as the
 * annotations key it (canonical: no fragment, no tracking parameters), whatever the fact said.
 */
export function ownPageUrl(senderUrl: string): string {
  return canonicalUrl(senderUrl);
}

// A user's fact's terms and names are derived from its quote (the engine's matching needs them),
// terms by a recognizer pass per fact: kept per fact while the background lives, so a page load
// costs a lookup. Keyed by id, checked against the quote and figure they were made from (a fact
// edited in the Library gets new ones).
interface Derived {
  quote: string;
  text: string;
  terms?: Record<string, number>;
  names?: string[];
}
const derivedCache = new Map<string, Derived>();
const DERIVED_CACHE_MAX = 50_000;

function derivedOf(fact: Fact): Derived {
  let derived = derivedCache.get(fact.id);
  if (derived === undefined || derived.quote !== fact.quote || derived.text !== fact.text) {
    if (derivedCache.size >= DERIVED_CACHE_MAX) derivedCache.clear();
    derived = { quote: fact.quote, text: fact.text };
    derivedCache.set(fact.id, derived);
  }
  return derived;
}

function termsOf(fact: Fact): Record<string, number> {
  const derived = derivedOf(fact);
  return (derived.terms ??= Object.fromEntries(factTerms(fact)));
}

/**
 * The names a fact's quote uses (claims/terms.ts namesIn), as stored with it by the fact-base
 * build, else read here (a user's fact): the quote is withheld from content scripts, its names
 * are not — the claim matcher reads them (a shortened watched name, a name the sources use).
 */
function namesOf(fact: Fact): string[] {
  if (fact.names) return [...fact.names];
  const derived = derivedOf(fact);
  return [...(derived.names ??= namesIn(fact.quote))];
}

/**
 * A user's fact as a content script gets it: its value (kind, value, unit, precision, qualifier,
 * the figure as written), its claim, a label, and the weighted words the claim matcher compares a
 * page with (derived here from the quote: the words, not the sentence). Its source URL, title and
 * date and its quote are withheld: the quote becomes the figure itself, the source "your fact".
 *
 * `labels`: each claim's label from the seed facts, so a user's fact filed under a sources' claim
 * reads as that claim; a claim of the user's own reads "Your fact: <figure>".
 */
export function withheldUserFact(fact: Fact, labels: ReadonlyMap<string, string>): Fact {
  const qualified = fact.qualifier ? `${fact.qualifier.text} ${fact.text}` : fact.text;
  return {
    id: fact.id,
    attribute: fact.attribute,
    kind: fact.kind,
    value: fact.value,
    unit: fact.unit,
    precision: fact.precision,
    qualifier: fact.qualifier === null ? null : { ...fact.qualifier },
    text: fact.text,
    quote: fact.text,
    quoteStart: 0,
    quoteEnd: fact.text.length,
    start: 0,
    end: fact.text.length,
    source: { type: 'user', url: '', title: WITHHELD_SOURCE_TITLE, date: null },
    about: labels.get(fact.attribute) ?? `Your fact: ${qualified}`,
    terms: termsOf(fact),
    names: namesOf(fact),
  };
}

/**
 * A fact of one of the journalist's own sources as a content script gets it, withheld as a
 * user's fact is: its value, its claim and the claim's label, and what the engine matches and
 * attributes with — its context terms (stored with it), its subject and its story (the watched
 * entities its source names). Its source (title, page URL or file name, date) and its quote are
 * withheld: the quote becomes the figure itself. A report built from these is the report built
 * from the facts themselves (the matcher reads nothing else of a fact: src/core/claims/matcher.ts).
 */
export function withheldSourceFact(fact: Fact, labels: ReadonlyMap<string, string>): Fact {
  const out: Fact = {
    id: fact.id,
    attribute: fact.attribute,
    kind: fact.kind,
    value: fact.value,
    unit: fact.unit,
    precision: fact.precision,
    qualifier: fact.qualifier === null ? null : { ...fact.qualifier },
    text: fact.text,
    quote: fact.text,
    quoteStart: 0,
    quoteEnd: fact.text.length,
    start: 0,
    end: fact.text.length,
    source: { type: 'source', sourceId: '', title: WITHHELD_OWN_SOURCE_TITLE, date: null },
    about: labels.get(fact.attribute) ?? factLabel(fact),
    terms: fact.terms ?? termsOf(fact),
    names: namesOf(fact),
  };
  if (fact.subject !== undefined) out.subject = fact.subject;
  if (fact.story !== undefined) out.story = [...fact.story];
  return out;
}

/**
 * The fact base as content scripts get it: seed facts whole; users' facts and the facts of the
 * journalist's own sources withheld. A claim's label is that of its first fact from a source.
 */
export function factsForContentScript(facts: readonly Fact[]): Fact[] {
  const labels = new Map<string, string>();
  for (const fact of facts) {
    if ((isSeedFact(fact) || isOwnSourceFact(fact)) && !labels.has(fact.attribute)) {
      labels.set(fact.attribute, factLabel(fact));
    }
  }
  return facts.map((fact) =>
    isSeedFact(fact)
      ? fact
      : isOwnSourceFact(fact)
        ? withheldSourceFact(fact, labels)
        : withheldUserFact(fact, labels),
  );
}

/** A fact extracted from one of the journalist's own sources (sources.ts). */
function isOwnSourceFact(fact: Fact): boolean {
  return fact.source.type === 'source' && fact.id.startsWith(SOURCE_FACT_PREFIX);
}

/** A fact of the bundled fact base (anything else is the journalist's, and withheld). */
function isSeedFact(fact: Fact): boolean {
  return fact.source.type === 'seed' && fact.id.startsWith(SEED_PREFIX);
}
