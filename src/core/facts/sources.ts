/**
 * The bound on one source article, shared by the CLI (`--sources`, src/cli/story.ts), the
 * background (factmark/source-add) and the Library (which says so before sending): one limit, one
 * way of counting it. Kept apart from the fact-base builder so that the pages that only check a
 * size do not bundle the engine.
 */

/**
 * A source larger than this is not an article (1 MB is about 150,000 words; extracting its facts
 * takes well under a second). A pasted book or a dump is refused with this limit in the reason.
 * In bytes of UTF-8, as a file of it would be.
 */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

/** Bytes of `text` in UTF-8, counted without encoding it (a 5 MB text is not copied). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3; // a lone high surrogate: written as U+FFFD, 3 bytes
    } else bytes += 3;
  }
  return bytes;
}
