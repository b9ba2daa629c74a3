/**
 * The user's own facts (`user:<uuid>`): the form's fields, and the Fact they make. Seed facts come
 * from the source articles and are never edited here.
 */
import type { Fact, FigureKind } from '../core/types';

/**
 * A claim a user's fact can be filed under: the claims of the fact base (grouped by the build from
 * the sources' own sentences), named in their source's words.
 */
export interface ClaimChoice {
  id: string;
  label: string;
  kind: FigureKind;
  unit: string;
}

export const isUserFact = (fact: Fact): boolean => fact.id.startsWith('user:');

/** The form's fields, as typed. */
export interface FactFields {
  attribute: string;
  value: string;
  unit: string;
  quote: string;
  url: string;
  title: string;
}

/** The unit a claim's figures carry: the currency, %, "year", or the count's noun. */
export function defaultUnit(attribute: string, claims: readonly ClaimChoice[]): string {
  return claims.find((c) => c.id === attribute)?.unit ?? '';
}

export function emptyFields(claims: readonly ClaimChoice[]): FactFields {
  const attribute = claims[0]?.id ?? '';
  return {
    attribute,
    value: '',
    unit: defaultUnit(attribute, claims),
    quote: '',
    url: '',
    title: '',
  };
}

export function fieldsOf(fact: Fact): FactFields {
  return {
    attribute: fact.attribute,
    value: String(fact.value),
    unit: fact.unit,
    quote: fact.quote,
    url: fact.source.type === 'user' ? fact.source.url : '',
    title: fact.source.title,
  };
}

function scaled(value: number): string {
  const words: [number, string][] = [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
  ];
  for (const [size, word] of words) {
    if (Math.abs(value) >= size) return `${Number((value / size).toFixed(3))} ${word}`;
  }
  return value.toLocaleString('en-US');
}

/** The figure as a writer would put it: "$1.25 billion", "6,000 jobs", "50%", "2028". */
export function figureText(kind: FigureKind, value: number, unit: string): string {
  switch (kind) {
    case 'money':
      return unit === 'USD' ? `$${scaled(value)}` : `${scaled(value)} ${unit}`;
    case 'percent':
      return `${value}%`;
    case 'year':
      return String(value);
    case 'count':
      return `${value.toLocaleString('en-US')}${unit ? ` ${unit}` : ''}`;
  }
}

/**
 * The fact the fields describe, or what is wrong with them. `id` and `date` are the fact's own
 * (an edit keeps them; a new fact gets a fresh id and today's date).
 */
export function buildUserFact(
  fields: FactFields,
  keep: { id: string; date: string | null },
  claims: readonly ClaimChoice[],
): { fact: Fact } | { error: string } {
  const definition = claims.find((c) => c.id === fields.attribute);
  if (!definition) return { error: 'Choose what the fact is about.' };
  const value = Number(fields.value.trim().replace(/,/g, ''));
  if (fields.value.trim() === '' || !Number.isFinite(value)) {
    return { error: 'The value must be a number, such as 1250000000.' };
  }
  const unit = fields.unit.trim();
  if (unit === '') return { error: 'Give the unit: USD, %, year, or what is counted.' };
  const quote = fields.quote.trim().replace(/\s+/g, ' ');
  if (quote === '') return { error: 'Give the sentence that states the fact.' };
  let url: string;
  try {
    const parsed = new URL(fields.url.trim());
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('scheme');
    url = parsed.href;
  } catch {
    return { error: 'The source must be a web address (https://…).' };
  }
  const text = figureText(definition.kind, value, unit);
  const at = quote.indexOf(text);
  return {
    fact: {
      id: keep.id,
      attribute: definition.id,
      kind: definition.kind,
      value,
      unit,
      // A fact the user states is exact; a page's rounding is the page's own precision.
      precision: 0,
      qualifier: null,
      text,
      quote,
      quoteStart: 0,
      quoteEnd: quote.length,
      start: at === -1 ? 0 : at,
      end: at === -1 ? 0 : at + text.length,
      source: { type: 'user', url, title: fields.title.trim() || url, date: keep.date },
    },
  };
}
