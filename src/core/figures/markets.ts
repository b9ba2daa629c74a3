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
const SHARES_TO = new RegExp(
  String.raw`\b(?:shares?|stocks?|share price|stock price)\b${CLAUSE}{0,40}\b(?:at|to)${QUALIFIER} +$`,
);
const QUOTE_WORDS_BEFORE = new RegExp(
  String.raw`\b(?:shares?|stocks?|closed|closing|traded|trading)\b${CLAUSE}{0,60}$`,
);
const QUOTE_WORDS_AFTER = new RegExp(
  String.raw`^${CLAUSE}{0,30}\b(?:shares?|stocks?|closed|closing|traded|trading)\b`,
);
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
  if (scaled) return false;
  PER_SHARE.lastIndex = end;
  if (PER_SHARE.test(lower)) return true;
  if (header !== null && decimals === 2 && PRICE_HEADER.test(header)) return true;
  const before = lower.slice(Math.max(0, start - WINDOW), start);
  if (TRADED_TO.test(before) || SHARES_TO.test(before)) return true;
  if (decimals !== 2) return false;
  return QUOTE_WORDS_BEFORE.test(before) || QUOTE_WORDS_AFTER.test(lower.slice(end, end + 40));
}
