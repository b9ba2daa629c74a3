/**
 * A source's facts in the Library: where the figure sits in its quote (to highlight it), and a fact
 * corrected by hand — its value, unit or qualifier, when the extraction read the source wrong.
 * What the source wrote (the figure's text, the quote, the offsets, the provenance) is never
 * edited: a fact keeps the words that prove it.
 */
import type { Fact, Qualifier, QualifierSense } from '../core/types';

/** The qualifiers the form offers, one per sense, in the words pages use most. */
export const QUALIFIER_CHOICES: readonly Qualifier[] = [
  { text: 'about', sense: 'approx' },
  { text: 'up to', sense: 'max' },
  { text: 'at least', sense: 'min' },
];

/** The edit form's fields, as typed; `qualifier` is a sense, or '' for none. */
export interface SourceFactFields {
  value: string;
  unit: string;
  qualifier: QualifierSense | '';
}

/**
 * What the engine read the figure as, in full: "640,000,000 USD", "60%", "2029" (a year without
 * a thousands separator), "150,000 tonnes"; the qualifier first when there is one.
 */
export function factReading(fact: Fact): string {
  const number =
    fact.kind === 'year'
      ? String(fact.value)
      : fact.kind === 'percent'
        ? `${fact.value}%`
        : `${fact.value.toLocaleString('en-US')} ${fact.unit}`.trim();
  return fact.qualifier ? `${fact.qualifier.text} ${number}` : number;
}

export function sourceFactFields(fact: Fact): SourceFactFields {
  return { value: String(fact.value), unit: fact.unit, qualifier: fact.qualifier?.sense ?? '' };
}

/**
 * The figure's place in the fact's quote, or null when it cannot be found there. The offsets are
 * the source's (the quote's own start subtracted); the quote's white space is collapsed, so when
 * they no longer land on the figure's text, the text is looked for instead.
 */
export function figureInQuote(fact: Fact): { start: number; end: number } | null {
  const start = fact.start - fact.quoteStart;
  const end = fact.end - fact.quoteStart;
  if (start >= 0 && end <= fact.quote.length && fact.quote.slice(start, end) === fact.text) {
    return { start, end };
  }
  if (fact.text === '') return null;
  const at = fact.quote.indexOf(fact.text);
  return at === -1 ? null : { start: at, end: at + fact.text.length };
}

/** The fact with the corrected fields, or what is wrong with them. */
export function editedSourceFact(
  fact: Fact,
  fields: SourceFactFields,
): { fact: Fact } | { error: string } {
  const typed = fields.value.trim().replace(/,/g, '');
  const value = Number(typed);
  if (typed === '' || !Number.isFinite(value)) {
    return { error: 'The value must be a number, such as 640000000 for $640 million.' };
  }
  const unit = fields.unit.trim();
  if (unit === '') return { error: 'Give the unit: USD, %, year, or what is counted.' };
  if (unit.length > 50) return { error: 'The unit is at most 50 characters.' };
  const qualifier =
    fields.qualifier === ''
      ? null
      : fact.qualifier?.sense === fields.qualifier
        ? fact.qualifier // the source's own words for it ("as much as") stay
        : (QUALIFIER_CHOICES.find((q) => q.sense === fields.qualifier) ?? null);
  return { fact: { ...fact, value, unit, qualifier } };
}
