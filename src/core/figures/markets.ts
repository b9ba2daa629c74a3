/**
 * Markets text: the sign of a percentage, and share prices, which are not figures.
 *
 * The sign. A figure's value is negative only when the text writes a minus sign right before the
 * number ("−3.1%", "-0.4%": U+2212 or the hyphen-minus, not after a letter, a digit or "%", so
 * that "2-3%", "4%-5%" and "year-on-year" stay what they are), or when the percentage is explicitly a decline:
 * it stands right after a verb of falling ("fell 3.1%", "down 1.2%", "declined by about 3%").
 * That is the team's labelling convention, and what a reader understands: "fell 3.1%" is a change
 * of −3.1%. A level reached ("fell to 3.1%") is not a change and keeps its sign, as does a share
 * ("lost half its value": half is a share of the value, not a move). An en dash is a dash, not a
 * minus sign. Only percentages take a sign here: a move in markets text is a percentage, and
 * amounts of money or counts are written with words ("a loss of $5 million") that say what the
 * sign would.
 *
 * Share prices and index levels. The labelling rule: a share price or an index level is not a
 * figure to check (it changes every minute and no source states it as a claim). Money is a share
 * price when it is written in full, without a scale word ("$24.10", not "$1.25 billion": nobody
 * quotes a share in billions, and an amount in billions is a claim), and
 *   - it is priced per share ("A$0.41 per share", "Rs 133.50 a share"), or
 *   - a trading verb leads to it in the same clause ("closed at $24.10", "traded at SEK 48.20",
 *     "ended the day at Rs 133.50"), or shares or stock do ("shares rose to $5.83", "its shares
 *     fell 3% to C$58.20"), or
 *   - it has two decimals, as quotes do, and shares, stock, closing or trading are spoken of in
 *     the same clause, or
 *   - it is a table row's value whose header is a price or a close ("Price | C$58.20").
 * Index levels are numbers with "points" (lexicon: "points" is no count noun but in "basis
 * points"). Other prices with two decimals ("petrol rose to $3.45 a gallon") stay money.
 *
 * Other market quotes, by the same rule (a price that changes every day, which no source states as
 * a claim), are dropped too, in any currency and in either order of sign and number:
 *   - a quote with its move: a price followed by a signed percentage, as tickers and movers tables
 *     write it ("LQVR 48.20 SEK +4.6%", "SEK 48.20 | +9.8%", "C$3.10 (−2.1%)");
 *   - an exchange rate: a currency pair before the number ("EUR/SEK 11.12", "USD/ZAR 18.40") or
 *     "to the dollar" after it ("R18.40 to the dollar");
 *   - an analyst's price target ("lifted his target to SEK 62", "a price target of $9");
 *   - a commodity's price per unit traded ("$9,850/t", "$600 a tonne", "eighty thousand dollars a
 *     tonne", "$2,350 an ounce"), unlike a retail price per gallon or litre, which stays money;
 *   - and the earlier price a quote is compared with in its clause ("$600 a tonne, down from more
 *     than $1,000"; "target to SEK 62 from SEK 51": `quoteComparedBefore`).
 * The languages pages come in write the same quotes with their own words: a share and a
 * preposition of reaching ("la acción subió hasta 14,20 dólares", "die Aktie schloss bei 41,20
 * Euro"), a unit after the price ("la tonelada", "le baril", "pro Unze"), and a currency's rate
 * after its name ("Dólar observado $ 948,20").
 */

const MINUS_SIGNS = new Set(['-', '\u2212']);
// Before a minus sign: a letter, a digit or a percent sign makes the "-" a hyphen or a range
// ("COVID-19", "2-3%", "4%-5%").
const LETTER_OR_DIGIT = /[\p{L}\p{N}%]/u;

/**
 * Is the number at folded offset `start` written with a minus sign right before it? `lower` is
 * the folded lower-cased text, `originalAt` gives the original character at a folded offset
 * (fold turns U+2212 and the en dash alike into "-").
 */
export function minusBefore(
  lower: string,
  start: number,
  originalAt: (i: number) => string,
): boolean {
  if (start === 0 || lower[start - 1] !== '-') return false;
  if (!MINUS_SIGNS.has(originalAt(start - 1))) return false;
  return !LETTER_OR_DIGIT.test(lower[start - 2] ?? '');
}

// The verbs of falling and their forms, then "by" and a qualifier, right before the percentage.
// 40 characters hold "decreasing by no more than ".
const DECLINE_BEFORE =
  /(?:^|[^a-z])(?:fell|falls?|falling|fallen|dropped|drops?|dropping|declined|declines?|declining|slid|slides?|sliding|lost|loses?|losing|down|slipped|slips?|slipping|decreased|decreases?|decreasing)(?: by)?(?: (?:about|around|almost|nearly|roughly|some|approximately|an estimated|more than|just over|just under|less than|close to|over|under|another|a further))? +$/;
const DECLINE_WINDOW = 40;

/** Does a verb of falling stand right before the percentage at `start` (English)? */
export function declineBefore(lower: string, start: number): boolean {
  return DECLINE_BEFORE.test(lower.slice(Math.max(0, start - DECLINE_WINDOW), start));
}

const PER_SHARE = / ?(?:per|a|an|each|\/) ?(?:ordinary |common )?share(?![a-z])/y;
// A clause ends at a full stop (not a decimal point), a semicolon, "!" or "?".
const CLAUSE = String.raw`(?:[^.;!?]|\.\d)`;
const QUALIFIER = String.raw`(?: (?:about|around|nearly|almost|some|just over|just under|over|under))?`;
const TRADED_TO = new RegExp(
  String.raw`\b(?:closed|closing|opened|opening|ended|finished|settled|traded|trading|trades|changed hands)\b${CLAUSE}{0,30}\b(?:at|to)${QUALIFIER} +$`,
);
// A share and a preposition of reaching, in the languages pages come in: "la acción subió un
// 6,8 % hasta 14,20 dólares", "l'action a clôturé à 12,40 €", "a ação fechou a R$ 38,10",
// "die Aktie schloss bei 41,20 Euro".
const FOREIGN_SHARES_TO = new RegExp(
  String.raw`(?:^|[^a-zß-ÿ])(?:acci[oó]n|acciones|t[ií]tulos?|action|actions|titre|a[cç][aã]o|a[cç][oõ]es|aktien?|kurs)(?![a-zß-ÿ])${CLAUSE}{0,60}(?:^|[^a-zß-ÿ])(?:hasta|a|à|até|para|en|auf|bei|zu)(?: (?:los|las|unos|unas|environ|cerca de|rund|etwa))? +$`,
);
// A currency named right before a price is its exchange rate ("Dólar observado $ 948,20",
// "Euro: 1,08 $").
const CURRENCY_NAMED_BEFORE =
  /(?:^|[^a-z\u00df-\u00ff])(?:d[oó]lar|dollar|euro|yen|yuan|peso|rand|libra|real)(?: [a-z]+)? ?:? *$/;
// So is an oil benchmark's name right before a price: its barrel's price ("Brent: US$ 68,40",
// "Brent 68,90 $", "WTI crude $64.10").
const BENCHMARK_NAMED_BEFORE =
  /(?:^|[^a-z\u00df-\u00ff])(?:brent|wti)(?: crude| crudo| oil)? ?:? *$/;
const SHARES_TO = new RegExp(
  String.raw`\b(?:shares?|stocks?|share price|stock price)\b${CLAUSE}{0,40}\b(?:at|to)${QUALIFIER} +$`,
);
const QUOTE_WORDS_BEFORE = new RegExp(
  String.raw`\b(?:shares?|stocks?|closed|closing|traded|trading)\b${CLAUSE}{0,60}$`,
);
const QUOTE_WORDS_AFTER = new RegExp(
  String.raw`^${CLAUSE}{0,30}\b(?:shares?|stocks?|closed|closing|traded|trading)\b`,
);
// A quote's move right after it: a signed percentage, maybe in parentheses or after a tab.
const SIGNED_MOVE_AFTER = /^[ \t]*\(?[+-] ?\d+(?:[.,]\d+)? ?%/;
// A currency pair before the quote ("eur/sek 11.12": the money is read from "sek").
const CURRENCY_PAIR_BEFORE = /(?:^|[^a-z])[a-z]{3} ?\/ ?$/;
const RATE_AFTER =
  /^ (?:to|per|against) (?:the|one|a|1) (?:us )?(?:dollar|euro|pound|yen|yuan|rand|franc)(?![a-z])/;
const TARGET_BEFORE = new RegExp(
  String.raw`\b(?:price target|target price|(?:his|her|their) target)\b${CLAUSE}{0,30}\b(?:at|to|of|from)${QUALIFIER} +$`,
);
// The units commodities are traded in: "/t", "a tonne", "per ounce", "a barrel", "/lb", and
// wholesale power's megawatt-hour ("84,12 €/MWh").
// The same in the languages pages come in: "US$ 4,35 la libra", "80 dólares por barril", "2 400
// dollars l'once", "pro Tonne".
const PER_TRADED_UNIT =
  /^ ?(?:\/ ?|l'|(?:per|a|an|each|la|el|le|por|por la|por el|par|pro|je|o) )(?:t|mt|dmt|tonnes?|tons?|metric tons?|oz|ounces?|troy ounces?|lbs?|pounds?|barrels?|bbl|mmbtu|bushels?|carats?|kg|kilograms?|libras?|toneladas?|onzas?|barril(?:es)?|once|baril|livres?|unze|fass|pfund|barris?|on[cç]as?|mwh)(?![a-z\u00df-\u00ff])/;
// An earlier price in the clause of a quote: "down from", "up from", "compared with", "than".
const COMPARED_BEFORE = new RegExp(
  String.raw`\b(?:from|than|versus|vs\.?|against|compared (?:with|to))${QUALIFIER}(?: (?:more|less) than)? +$`,
);
// How far a compared price may stand after its quote: a clause, without a sentence end.
const COMPARED_WINDOW = 80;
const ONE_CLAUSE = new RegExp(`^${CLAUSE}*$`);

/**
 * Money at [start, end) of `lower` that is a price quoted per traded unit, or an exchange rate:
 * market quotes whether or not written with a scale word ("eighty thousand dollars a tonne").
 */
export function isUnitPrice(lower: string, start: number, end: number): boolean {
  const after = lower.slice(end, end + 30);
  if (PER_TRADED_UNIT.test(after) || RATE_AFTER.test(after)) return true;
  return CURRENCY_PAIR_BEFORE.test(lower.slice(Math.max(0, start - 8), start));
}

/**
 * Is unscaled money at `start` the earlier price a market quote that ended at `quoteEnd` (dropped)
 * is compared with, in the same clause ("$600 a tonne, down from more than $1,000")?
 */
export function quoteComparedBefore(lower: string, start: number, quoteEnd: number): boolean {
  if (quoteEnd > start || start - quoteEnd > COMPARED_WINDOW) return false;
  const between = lower.slice(quoteEnd, start);
  if (!ONE_CLAUSE.test(between)) return false;
  return COMPARED_BEFORE.test(between);
}

const PRICE_HEADER =
  /^(?:(?:share|stock|closing|last|close|opening) )?(?:price|close|closing)(?: \([^)]*\))?:?$/;
// How far before the figure the clause is read: the longest pattern above with its verb.
const WINDOW = 80;

/**
 * Is the money at [start, end) of `lower` (folded, lower-cased) a share price? `scaled`: written
 * with a scale word; `decimals`: digits after the decimal point; `header`: the header cell of the
 * table row it is alone in, if it is.
 */
export function isSharePrice(
  lower: string,
  start: number,
  end: number,
  scaled: boolean,
  decimals: number,
  header: string | null,
): boolean {
  if (isUnitPrice(lower, start, end)) return true;
  if (scaled) return false;
  if (SIGNED_MOVE_AFTER.test(lower.slice(end, end + 16))) return true;
  if (header !== null && decimals === 2 && PRICE_HEADER.test(header)) return true;
  const before = lower.slice(Math.max(0, start - WINDOW), start);
  if (TRADED_TO.test(before) || SHARES_TO.test(before) || TARGET_BEFORE.test(before)) return true;
  if (FOREIGN_SHARES_TO.test(before) || CURRENCY_NAMED_BEFORE.test(before)) return true;
  if (BENCHMARK_NAMED_BEFORE.test(before)) return true;
  PER_SHARE.lastIndex = end;
  if (PER_SHARE.test(lower)) return true;
  if (decimals !== 2) return false;
  return QUOTE_WORDS_BEFORE.test(before) || QUOTE_WORDS_AFTER.test(lower.slice(end, end + 40));
}
