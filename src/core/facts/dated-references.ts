/**
 * Dates a source gives without their year, resolved against the source's own date: an article
 * dated 2026-02-06 that says the ministerial met "on Wednesday" says it met in 2026; one dated
 * 2025-12-11 that says a memorandum was signed "in September" says September 2025. News writes an
 * event's day or month and leaves the year to the dateline, and pages about the event write the
 * year ("the December 2025 approval"); without this the fact base holds no year for the event.
 *
 * Only a weekday or a month name not followed by a year is read; the reference is taken to be the
 * latest such day or month on or before the source's date (news reports what happened, and an
 * announcement of what will happen names its year). Pure: no DOM, no clock.
 */
import type { Figure } from '../types';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

// A month name, an optional day, and what follows: a year there means the source wrote it.
const REFERENCE =
  /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|January|February|March|April|May|June|July|August|September|October|November|December)\b(\s+\d{1,2}(?:st|nd|rd|th)?\b)?(,?\s+\d{4}\b)?/g;
// "May" is also a verb ("may be"): read it as the month only with a day or after "in"/"on"/"since".
const MAY_AS_MONTH = /\b(?:in|on|since|early|late|mid-?|until|by)\s*$/i;
/** How far back a weekday reaches: the week the article was written in. */
const DAYS_PER_WEEK = 7;

/**
 * Year figures for the weekdays and year-less months of `text` (one block of a source), resolved
 * against `date` ("YYYY-MM-DD"). Each spans the day or month as written; its value is the year.
 */
export interface DatedReference extends Figure {
  /** The month the day or month falls in, as a claim term ("february"). */
  month: string;
}

export function datedReferences(text: string, date: string): DatedReference[] {
  const dated = parseDate(date);
  if (!dated) return [];
  const out: DatedReference[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    if (m[3]) continue; // "December 10, 2025": the year is there, and is a figure already.
    const word = (m[1] as string).toLowerCase();
    const start = m.index;
    let year: number;
    let month: string;
    const weekday = WEEKDAYS.indexOf(word);
    if (weekday >= 0) {
      // The latest such weekday on or before the date, within the week.
      const back = (dated.getUTCDay() - weekday + DAYS_PER_WEEK) % DAYS_PER_WEEK;
      const day = new Date(dated.getTime() - back * 86_400_000);
      year = day.getUTCFullYear();
      month = MONTHS[day.getUTCMonth()] as string;
    } else {
      if (word === 'may' && !m[2] && !MAY_AS_MONTH.test(text.slice(Math.max(0, start - 8), start)))
        continue;
      year = dated.getUTCFullYear() - (MONTHS.indexOf(word) > dated.getUTCMonth() ? 1 : 0);
      month = word;
    }
    const end = start + m[0].length;
    out.push({
      start,
      end,
      kind: 'year',
      value: year,
      unit: 'year',
      precision: 0,
      text: m[0],
      month,
    });
  }
  return out;
}

function parseDate(date: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? null : d;
}
