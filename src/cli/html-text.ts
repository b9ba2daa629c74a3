/**
 * A saved page's visible text, as the content script sees it on the live page.
 *
 * The report's offsets are offsets into the visible text, so this must give, to the character, what
 * src/content/page-walker.ts gives on the page: the same rules (src/core/visibility.ts), the same
 * blocks, the same whitespace collapsing (src/core/text/visible-text.ts). It streams through
 * htmlparser2's tokenizer-level Parser — no DOM tree — so a 50 MB file costs little more than its
 * text. The parser's events are balanced (every element it opens, it closes, with `isImplied` for
 * closes that no end tag wrote: void elements, implied ends such as `<p>` before `<div>`, and all
 * open elements at the end), so a stack mirroring its events stays in step with its tree. Implied
 * opens (`</p>` alone makes an empty `p`, `</br>` a `br`, as in a browser) count as elements too.
 *
 * Where htmlparser2's tree differs from a browser's in a way that would lose or invent text, this
 * corrects it:
 * - content that a browser moves out of `<head>` (a `<div>` or text before `</head>` is written)
 *   ends the head, so it is not skipped with it;
 * - a second `<head>` (ignored by browsers), and nested `<html>`/`<body>` tags (merged by
 *   browsers into the first) are transparent;
 * - `<html>` and `<body>` are never hidden: the content script starts its walk at the body without
 *   testing it.
 */
import { Parser } from 'htmlparser2';
import { VisibleTextBuilder } from '../core/text/visible-text';
import {
  BLOCK_TAGS,
  CELL_TAGS,
  SKIPPED_TAGS,
  isEditableHost,
  isHiddenByAttributes,
} from '../core/visibility';

export interface PageText {
  /** The `<title>`, white space collapsed and trimmed; else the first `<h1>`'s text; else ''. */
  title: string;
  /** The visible text: the blocks joined with '\n'. */
  text: string;
  /** How many (non-empty) blocks the text has. */
  blocks: number;
  /** The first `<link rel="canonical">`'s href, when it is an absolute http(s) URL. */
  canonical: string | null;
  /** The first `<html lang>`, as written ('' when there is none): how its numbers are written. */
  lang: string;
}

export function extractVisibleText(html: string): PageText {
  const page = readPage(html);
  return {
    title: page.title,
    text: page.blocks.join('\n'),
    blocks: page.blocks.length,
    canonical: page.canonical,
    lang: page.lang,
  };
}

/** The visible text's blocks (lines), in document order. */
export function htmlTextBlocks(html: string): string[] {
  return readPage(html).blocks;
}

// What a `<head>` may hold without a browser ending it (the "in head" insertion mode).
const HEAD_CONTENT: ReadonlySet<string> = new Set([
  'base',
  'basefont',
  'bgsound',
  'link',
  'meta',
  'noframes',
  'noscript',
  'script',
  'style',
  'template',
  'title',
]);

// Elements whose content is not part of the document's element tree as a browser builds it
// (template content, noscript's raw text with scripting on, foreign content): a `<title>` or
// `<link>` inside them is not the page's.
const INERT_TAGS: ReadonlySet<string> = new Set(['template', 'noscript', 'svg', 'math']);

// Start tags that close an open <p> (in button scope) in a browser. htmlparser2 closes it for only
// some of them (not dialog, li, dd, dt, center, menu, summary…): for those, the block boundary that
// the browser's implied </p> makes is made here, so that a hidden one (a closed <dialog>) still
// parts the paragraph's text before and after it, as on the page.
const CLOSES_P: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'plaintext',
  'pre',
  'search',
  'section',
  'summary',
  'table',
  'ul',
  'xmp',
]);
// Elements that bound "button scope" in the HTML tree builder (HTML ones, and foreign roots).
const BUTTON_SCOPE: ReadonlySet<string> = new Set([
  'applet',
  'button',
  'caption',
  'html',
  'marquee',
  'math',
  'object',
  'svg',
  'table',
  'td',
  'template',
  'th',
]);

/** ASCII white space: what separates tokens of `rel`, and what `head` may hold as text. */
const ASCII_WHITESPACE = /[\t\n\f\r ]+/;
const NON_WHITESPACE = /[^\t\n\f\r ]/;
/** The content script collapses the title this way (`doc.title.replace(/\s+/g, ' ').trim()`). */
const ANY_WHITESPACE = /\s+/g;

interface Frame {
  readonly name: string;
  /** Hides its subtree (skipped tag, hidden by attributes, editable host, the head). */
  hides: boolean;
  /** Starts and ends a block. */
  readonly block: boolean;
  /** Its subtree is not in the document proper (see INERT_TAGS). */
  readonly inert: boolean;
}

interface Page {
  title: string;
  blocks: string[];
  canonical: string | null;
  lang: string;
}

function readPage(html: string): Page {
  const blocks: string[] = [];
  const stack: Frame[] = [];
  let hiddenDepth = 0;
  let inertDepth = 0;
  let builder = new VisibleTextBuilder<null>();

  let headFrame: Frame | null = null;
  let headSeen = false;
  let htmlOpen = 0;
  let bodyOpen = 0;
  let bodySeen = false;
  // The document element's lang, as a browser reads it: the first <html> tag's.
  let lang: string | null = null;

  let title: string | null = null;
  let titleFrame: Frame | null = null;
  let titleParts: string[] = [];

  let h1: string | null = null;
  let h1Frame: Frame | null = null;
  let h1Builder = new VisibleTextBuilder<null>();

  let canonical: string | null = null;
  let canonicalSeen = false;

  const boundary = (): void => {
    const { text } = builder.finish();
    if (text.length > 0) {
      blocks.push(text);
      builder = new VisibleTextBuilder<null>();
    }
    // Within the first <h1>, blocks inside it are still apart.
    if (h1Frame !== null) h1Builder.addBreak();
  };

  /** Content that a browser does not keep in the head: the head ends, the content is visible. */
  const leaveHead = (): void => {
    if (headFrame !== null && headFrame.hides) {
      headFrame.hides = false;
      hiddenDepth--;
    }
    headFrame = null;
    bodySeen = true;
  };

  const closeFrame = (frame: Frame): void => {
    if (frame.hides) hiddenDepth--;
    if (frame.inert) inertDepth--;
    if (frame.block) boundary();
    if (frame === headFrame) headFrame = null;
    if (frame.name === 'html') htmlOpen--;
    else if (frame.name === 'body' && bodyOpen > 0) bodyOpen--;
    if (frame === titleFrame) {
      title = titleParts.join('').replace(ANY_WHITESPACE, ' ').trim();
      titleFrame = null;
      titleParts = [];
    }
    if (frame === h1Frame) {
      const text = h1Builder.finish().text.replace(ANY_WHITESPACE, ' ').trim();
      if (text !== '') h1 = text;
      h1Frame = null;
      h1Builder = new VisibleTextBuilder<null>();
    }
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const get = (attr: string): string | null =>
          Object.prototype.hasOwnProperty.call(attribs, attr) ? (attribs[attr] ?? null) : null;
        const parent = stack[stack.length - 1];
        if (headFrame !== null && parent === headFrame && !HEAD_CONTENT.has(name)) leaveHead();

        if (hiddenDepth === 0 && CLOSES_P.has(name) && visibleParagraphOpen(stack)) boundary();

        let hides = false;
        let block = false;
        let role: 'head' | 'html' | 'body' | null = null;
        if (name === 'html' && lang === null) lang = (get('lang') ?? '').trim();
        if (name === 'html' || name === 'body') {
          // Never hidden (the walk starts at the body unconditionally); a repeated one is merged
          // into the first by a browser, so it is no element of its own: transparent.
          const nested = name === 'html' ? htmlOpen > 0 : bodyOpen > 0 || bodySeen;
          role = name;
          block = !nested && hiddenDepth === 0;
          if (name === 'body') bodySeen = true;
        } else if (name === 'head') {
          if (!headSeen && !bodySeen) {
            headSeen = true;
            role = 'head';
            hides = true;
          }
        } else if (hiddenDepth === 0) {
          if (SKIPPED_TAGS.has(name) || isHiddenByAttributes(name, get) || isEditableHost(get)) {
            hides = true;
          } else if (BLOCK_TAGS.has(name)) {
            block = true;
          } else if (CELL_TAGS.has(name)) {
            builder.addCellBreak();
          } else if (name === 'br') {
            builder.addBreak();
            if (h1Frame !== null) h1Builder.addBreak();
          }
        }
        // Body content (visible or not) before any <head>: a later <head> tag is ignored.
        if (role === null && headFrame === null && !HEAD_CONTENT.has(name)) bodySeen = true;

        const inert = INERT_TAGS.has(name);
        const frame: Frame = { name, hides, block, inert };
        if (role === 'head') headFrame = frame;
        else if (role === 'html') htmlOpen++;
        else if (role === 'body') bodyOpen++;

        if (inertDepth === 0) {
          if (name === 'title' && title === null && titleFrame === null) {
            titleFrame = frame;
          } else if (name === 'link' && !canonicalSeen) {
            const href = get('href');
            if (href !== null && hasToken(get('rel'), 'canonical')) {
              canonicalSeen = true;
              canonical = absoluteHttpUrl(href);
            }
          }
        }
        if (name === 'h1' && h1 === null && h1Frame === null && hiddenDepth === 0 && !hides) {
          h1Frame = frame;
        }

        if (block) boundary();
        if (hides) hiddenDepth++;
        if (inert) inertDepth++;
        stack.push(frame);
      },

      onclosetag(name) {
        // The parser closes what it opened, innermost first; an end tag it never emitted an open
        // for (the end of the input inside a start tag) matches nothing here and is ignored.
        let i = stack.length - 1;
        while (i >= 0 && (stack[i] as Frame).name !== name) i--;
        if (i < 0) return;
        while (stack.length > i) closeFrame(stack.pop() as Frame);
      },

      ontext(data) {
        if (titleFrame !== null) {
          titleParts.push(data);
        } else if (!bodySeen && headFrame === null && NON_WHITESPACE.test(data)) {
          bodySeen = true;
        }
        if (hiddenDepth > 0) {
          // Text straight in the head is moved to the body by a browser, unless it is white space.
          const parent = stack[stack.length - 1];
          if (headFrame === null || parent !== headFrame || !NON_WHITESPACE.test(data)) return;
          leaveHead();
          if (hiddenDepth > 0) return;
        }
        builder.addText(data, null);
        if (h1Frame !== null) h1Builder.addText(data, null);
      },
    },
    {
      xmlMode: false,
      decodeEntities: true,
      lowerCaseTags: true,
      lowerCaseAttributeNames: true,
      recognizeSelfClosing: false,
      recognizeCDATA: false,
    },
  );
  parser.end(html);
  // The parser has closed every open element (onend); what is left in the builder is the last block.
  while (stack.length > 0) closeFrame(stack.pop() as Frame);
  boundary();

  return { title: title || h1 || '', blocks, canonical, lang: lang ?? '' };
}

/** Whether a space-separated token list (`rel`) holds `token`, ASCII case-insensitively. */
function hasToken(list: string | null, token: string): boolean {
  if (list === null) return false;
  for (const t of list.split(ASCII_WHITESPACE)) if (t.toLowerCase() === token) return true;
  return false;
}

/** The URL when it is absolute http or https (leading and trailing white space stripped). */
function absoluteHttpUrl(href: string): string | null {
  const trimmed = href.trim();
  if (!/^https?:/i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.host === '') return null;
    return url.href;
  } catch {
    return null;
  }
}

/** Whether a visible <p> is open in button scope (so a browser would close it). */
function visibleParagraphOpen(stack: readonly Frame[]): boolean {
  for (let i = stack.length - 1; i >= 0; i--) {
    const frame = stack[i] as Frame;
    if (frame.name === 'p') return frame.block;
    if (BUTTON_SCOPE.has(frame.name)) return false;
  }
  return false;
}
