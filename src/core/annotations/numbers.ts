/**
 * The numbers a passage states, as one comparable string: what anchor.ts requires an approximate
 * match to share with the quote. Edit distance alone cannot tell a re-worded sentence from a
 * different figure: "$1.25 billion" is two edits from "$4.75 billion" and one from "$1.25
 * million", well inside the edits a quote is allowed. A journalist's note on one figure must never
 * end up on another, so a match whose numbers differ from the quote's is no match (an orphan).
 *
 * Deliberately a string comparison, not the figure recognizer's reading (src/core/figures): it
 * must be cheap enough to run on every candidate, and stricter is the safe side here (a number
 * re-typed as "1.250" for "1,250" orphans the note; a wrong figure would mislead).
 */

/**
 * Numbers in digits of any script, with their decimal or group separators, and a scale
 * abbreviation written right after them ("$1.25bn", "Rs 10 m"); currency symbols ("$" and "€"
 * are different figures); number and scale words, South Asian scales included ("Rs 10 crore"),
 * plural or not.
 */
const NUMBER =
  /\p{Sc}|\p{Nd}+(?:[.,٫٬]\p{Nd}+)*(?:\s?(?:bn|mn|mln|bln|tn|trn|m|k|b)(?![\p{L}\p{Nd}]))?|(?<![\p{L}\p{Nd}])(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|lakh|crore|million|billion|trillion|half|dozen)s?(?![\p{L}\p{Nd}])/giu;

/** A character that continues a word or a number across the edge of a span. */
const WORD_CHAR = /^[\p{L}\p{M}\p{Nd}.,٫٬]/u;
/** The run of such characters just before / after a span (a number is rarely longer). */
const RUN_BEFORE = /[\p{L}\p{M}\p{Nd}.,٫٬]{0,64}$/u;
const RUN_AFTER = /^[\p{L}\p{M}\p{Nd}.,٫٬]{0,64}/u;

/** Whether `ch` (one character, or '' at a text's end) would continue a word or number. */
export function continuesWord(ch: string): boolean {
  return WORD_CHAR.test(ch);
}

/**
 * The numbers of `span` read in place: a span that starts or ends inside a word or number is
 * completed from `before` / `after` (the stored context for a quote, the page's text for a match),
 * so "rose 12% in 202|3" is read as 2023, not 202, and a quote cut at "$1.|25 billion" as 1.25.
 * Words are lower-cased and a plural "s" dropped ("billions" is "billion").
 */
export function numberSignature(before: string, span: string, after: string): string {
  let whole = span;
  if (WORD_CHAR.test(span)) whole = (RUN_BEFORE.exec(before.slice(-64))?.[0] ?? '') + whole;
  if (WORD_CHAR.test(span.slice(-1))) whole += RUN_AFTER.exec(after.slice(0, 64))?.[0] ?? '';
  const parts: string[] = [];
  for (const m of whole.matchAll(NUMBER)) {
    const token = m[0].toLowerCase().replace(/\s+/g, '');
    parts.push(/^\p{Nd}/u.test(token) ? token : token.replace(/s$/, ''));
  }
  return parts.join(' ');
}
