/**
 * Which elements hold visible text: the rules shared by the content script's walk over the live DOM
 * (src/content/page-walker.ts) and the CLI's parser of saved pages (src/cli/html-text.ts).
 *
 * The report's offsets are offsets into the page's visible text, and the CLI and the browser must
 * agree on them to the character. The CLI has no layout engine: it cannot fetch or apply
 * stylesheets, nor run scripts. So both sides apply only rules that can be read off an element's
 * own tag and attributes (and the UA stylesheet's rules that depend on nothing else), and both
 * treat a hidden element as hiding its whole subtree. What a page hides through its stylesheets
 * counts as visible on both sides alike, which keeps them in agreement.
 *
 * Every function here takes the attributes through a getter `(name) => value | null` so the DOM
 * (`el.getAttribute`) and the parser (an attribute record) can both call it.
 */

/**
 * Elements that start (and end) a block of text. Text in one block is one line of the visible
 * text; a figure or a sentence is never matched across two blocks. These are the elements the UA
 * stylesheet displays as block, list-item, table, table row/cell/caption or table section, so that
 * the text on either side of them is never on the same line as a reader sees it.
 */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
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
  'html',
  'legend',
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
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
  'xmp',
]);

/**
 * Elements whose whole subtree is not visible text:
 * - not rendered at all: script, style, template, head and what is in it (title, meta…), noscript
 *   (the extension runs with scripting on, so its content is never shown), noembed, noframes,
 *   map/area (image-map definitions);
 * - form controls, whose text is a value the reader edits or picks, not page prose (design.md:
 *   "not … form fields"): textarea, input, select, option, optgroup, datalist, button;
 * - replaced or embedded content, whose text (if any) is fallback that is not shown when the embed
 *   works, or is another document: iframe, frame, frameset, object, embed, canvas, video, audio;
 * - foreign content (svg, math), whose text nodes are drawings' labels, not prose.
 * Comments are never text anyway.
 */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'area',
  'audio',
  'button',
  'canvas',
  'datalist',
  'embed',
  'frame',
  'frameset',
  'head',
  'iframe',
  'input',
  'map',
  'math',
  'noembed',
  'noframes',
  'noscript',
  'object',
  'optgroup',
  'option',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'video',
]);

type AttributeGetter = (name: string) => string | null;

/**
 * True when the element is not rendered, judging by its own tag and attributes only:
 * - the `hidden` attribute (any value): the UA stylesheet gives it `display: none`
 *   (`hidden="until-found"`: `content-visibility: hidden`, which hides the content as well);
 * - a `<dialog>` without `open`: the UA stylesheet gives it `display: none`;
 * - an inline `style` declaring `display: none`, or `visibility: hidden` / `collapse`.
 * An inline `display` other than `none` overrides the UA's `display: none` of `hidden` and of a
 * closed dialog (author styles beat the UA stylesheet), as in a browser; `until-found` is not
 * overridden that way.
 * Not a reason: `aria-hidden` (it hides from assistive technology, not from the eye), and anything a
 * stylesheet says (the CLI cannot compute it; see the top of this file). A descendant that sets
 * `visibility: visible` under a `visibility: hidden` element is still treated as hidden: both
 * walkers skip a hidden element's whole subtree.
 */
export function isHiddenByAttributes(tag: string, get: AttributeGetter): boolean {
  const hidden = get('hidden');
  const closedDialog = tag === 'dialog' && get('open') === null;
  const style = get('style');
  const declared = style === null || style === '' ? NO_STYLE : readStyle(style);
  if (declared.visibility === 'hidden' || declared.visibility === 'collapse') return true;
  if (declared.display === 'none') return true;
  if (hidden !== null && asciiLower(hidden) === 'until-found') return true;
  if (hidden !== null || closedDialog) {
    // The UA's `display: none` stands unless the inline style sets another display (`revert` and
    // `revert-layer` go back to the UA's value).
    const d = declared.display;
    return d === null || d === 'revert' || d === 'revert-layer';
  }
  return false;
}

/**
 * True when the element is the host of an editing area (`contenteditable` "", "true" or
 * "plaintext-only", ASCII case-insensitive). Its text is being written by the reader (a comment box,
 * a rich-text editor): it is not page prose, and highlights inside it would break the editing. An
 * invalid value is the "inherit" state of the HTML spec, and "false" is not editable: neither makes
 * the element a host.
 */
export function isEditableHost(get: AttributeGetter): boolean {
  const value = get('contenteditable');
  if (value === null) return false;
  const v = asciiLower(value);
  return v === '' || v === 'true' || v === 'plaintext-only';
}

// ---------------------------------------------------------------------------------------------
// Inline style: just enough of CSS's "parse a list of declarations" to find `display` and
// `visibility`, in one linear pass (no regular expression runs over the style string).

interface DeclaredStyle {
  /** The winning `display` value, lower-cased, or null when none is declared. */
  display: string | null;
  /** The winning `visibility` value, lower-cased, or null when none is declared. */
  visibility: string | null;
}

const NO_STYLE: DeclaredStyle = { display: null, visibility: null };

// Keywords of `display` (CSS Display 3, the legacy keywords, and prefixed box keywords). A value
// made of other words is invalid and the declaration is dropped, so it cannot override an earlier
// one (as in a browser).
const DISPLAY_KEYWORDS: ReadonlySet<string> = new Set([
  'block',
  'inline',
  'run-in',
  'flow',
  'flow-root',
  'table',
  'flex',
  'grid',
  'ruby',
  'math',
  'list-item',
  'table-row-group',
  'table-header-group',
  'table-footer-group',
  'table-row',
  'table-cell',
  'table-column-group',
  'table-column',
  'table-caption',
  'ruby-base',
  'ruby-text',
  'ruby-base-container',
  'ruby-text-container',
  'contents',
  'none',
  'inline-block',
  'inline-table',
  'inline-flex',
  'inline-grid',
  'inline-list-item',
  '-webkit-box',
  '-webkit-inline-box',
  '-webkit-flex',
  '-webkit-inline-flex',
  '-moz-box',
  '-moz-inline-box',
  '-ms-flexbox',
  '-ms-inline-flexbox',
  '-ms-grid',
  '-ms-inline-grid',
]);

const VISIBILITY_KEYWORDS: ReadonlySet<string> = new Set(['visible', 'hidden', 'collapse']);

const CSS_WIDE_KEYWORDS: ReadonlySet<string> = new Set([
  'inherit',
  'initial',
  'unset',
  'revert',
  'revert-layer',
]);

interface Winner {
  value: string;
  important: boolean;
}

function readStyle(style: string): DeclaredStyle {
  // Fast exit: no declaration of either property can be there without its name.
  const lower = asciiLower(style);
  if (!lower.includes('display') && !lower.includes('visibility')) return NO_STYLE;
  const text = lower.includes('/*') ? stripComments(lower) : lower;
  const won: { display: Winner | null; visibility: Winner | null } = {
    display: null,
    visibility: null,
  };
  forEachDeclaration(text, (name, value) => {
    if (name !== 'display' && name !== 'visibility') return;
    const parsed = parseValue(value);
    if (parsed === null) return;
    const valid =
      name === 'display'
        ? isValidDisplay(parsed.value)
        : isValidKeyword(parsed.value, VISIBILITY_KEYWORDS);
    // An invalid declaration is dropped. Of the valid ones, an !important declaration beats a
    // normal one; otherwise the later one wins.
    if (!valid) return;
    const current = won[name];
    if (current === null || parsed.important || !current.important) won[name] = parsed;
  });
  return {
    display: won.display ? won.display.value : null,
    visibility: won.visibility ? won.visibility.value : null,
  };
}

/**
 * Calls `fn(name, value)` for each declaration `name: value` of a declaration list, splitting at
 * `;` and `:` that are outside strings, parentheses/brackets/braces and escapes. Names are
 * trimmed; values are raw. Comments must have been removed.
 */
function forEachDeclaration(text: string, fn: (name: string, value: string) => void): void {
  let start = 0;
  let colon = -1;
  let depth = 0;
  let quote = 0;
  const n = text.length;
  const emit = (end: number): void => {
    if (colon !== -1) fn(cssTrim(text.slice(start, colon)), text.slice(colon + 1, end));
    start = end + 1;
    colon = -1;
    depth = 0;
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === BACKSLASH) i++;
      else if (c === quote || c === NEWLINE) quote = 0;
      continue;
    }
    switch (c) {
      case BACKSLASH:
        i++;
        break;
      case QUOTE:
      case APOSTROPHE:
        quote = c;
        break;
      case PAREN_OPEN:
      case BRACKET_OPEN:
      case BRACE_OPEN:
        depth++;
        break;
      case PAREN_CLOSE:
      case BRACKET_CLOSE:
      case BRACE_CLOSE:
        if (depth > 0) depth--;
        break;
      case COLON:
        if (depth === 0 && colon === -1) colon = i;
        break;
      case SEMICOLON:
        if (depth === 0) emit(i);
        break;
    }
  }
  // The end of the attribute ends the last declaration, open strings and blocks included.
  if (start < n) emit(n);
}

/** A declaration's value without `!important`, trimmed; null when it is empty. */
function parseValue(raw: string): Winner | null {
  let value = cssTrim(raw);
  let important = false;
  const bang = value.lastIndexOf('!');
  if (bang !== -1 && cssTrim(value.slice(bang + 1)) === 'important') {
    important = true;
    value = cssTrim(value.slice(0, bang));
  }
  if (value === '') return null;
  return { value: collapseCssWhitespace(value), important };
}

function isValidDisplay(value: string): boolean {
  if (isCssWideOrVar(value)) return true;
  const words = value.split(' ');
  if (words.length > 3) return false;
  for (const w of words) if (!DISPLAY_KEYWORDS.has(w)) return false;
  // `none`, `contents` and the legacy/internal keywords stand alone.
  return words.length === 1 || !words.includes('none');
}

function isValidKeyword(value: string, keywords: ReadonlySet<string>): boolean {
  return keywords.has(value) || isCssWideOrVar(value);
}

/** A CSS-wide keyword, or a value computed at run time (var(), attr()…): valid, and not `none`. */
function isCssWideOrVar(value: string): boolean {
  return CSS_WIDE_KEYWORDS.has(value) || value.includes('(');
}

/** Removes `/* … *\/` comments outside strings, in one pass. */
function stripComments(text: string): string {
  const parts: string[] = [];
  let from = 0;
  let quote = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === BACKSLASH) i++;
      else if (c === quote || c === NEWLINE) quote = 0;
      continue;
    }
    if (c === BACKSLASH) {
      i++;
    } else if (c === QUOTE || c === APOSTROPHE) {
      quote = c;
    } else if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
      const close = text.indexOf('*/', i + 2);
      parts.push(text.slice(from, i), ' ');
      if (close === -1) return parts.join('');
      from = close + 2;
      i = close + 1;
    }
  }
  parts.push(text.slice(from));
  return parts.join('');
}

function isCssWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;
}

function cssTrim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isCssWhitespace(s.charCodeAt(a))) a++;
  while (b > a && isCssWhitespace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** Runs of CSS whitespace inside a trimmed value become one space ("block  flow" → "block flow"). */
function collapseCssWhitespace(s: string): string {
  let simple = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isCssWhitespace(c) && (c !== 0x20 || isCssWhitespace(s.charCodeAt(i + 1)))) {
      simple = false;
      break;
    }
  }
  if (simple) return s;
  const out: string[] = [];
  let word = -1;
  for (let i = 0; i <= s.length; i++) {
    const ws = i === s.length || isCssWhitespace(s.charCodeAt(i));
    if (!ws && word === -1) word = i;
    else if (ws && word !== -1) {
      out.push(s.slice(word, i));
      word = -1;
    }
  }
  return out.join(' ');
}

/** ASCII lower case: attribute keywords and CSS are matched ASCII case-insensitively. */
function asciiLower(s: string): string {
  // toLowerCase alone would also fold non-ASCII letters, and U+212A KELVIN SIGN becomes "k".
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  }
  return s.toLowerCase();
}

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const PAREN_OPEN = 0x28;
const PAREN_CLOSE = 0x29;
const STAR = 0x2a;
const SLASH = 0x2f;
const COLON = 0x3a;
const SEMICOLON = 0x3b;
const BRACKET_OPEN = 0x5b;
const BACKSLASH = 0x5c;
const BRACKET_CLOSE = 0x5d;
const BRACE_OPEN = 0x7b;
const BRACE_CLOSE = 0x7d;

/**
 * Table cells: not blocks of their own but parts of their row's block, separated by a tab
 * (VisibleTextBuilder.addCellBreak), so a row reads as one line: "EXIM financing\t$1.25 billion".
 */
export const CELL_TAGS: ReadonlySet<string> = new Set(['td', 'th']);
