import { describe, it, expect } from 'vitest';
import { extractVisibleText, htmlTextBlocks } from '../../src/cli/html-text';
import {
  BLOCK_TAGS,
  SKIPPED_TAGS,
  isEditableHost,
  isHiddenByAttributes,
} from '../../src/core/visibility';

const text = (html: string): string => extractVisibleText(html).text;
const attrs =
  (record: Record<string, string>) =>
  (name: string): string | null =>
    Object.prototype.hasOwnProperty.call(record, name) ? (record[name] as string) : null;
const hidden = (record: Record<string, string>, tag = 'div'): boolean =>
  isHiddenByAttributes(tag, attrs(record));

describe('visibility rules', () => {
  it('lists block and skipped tags in lower case', () => {
    for (const t of ['p', 'div', 'li', 'tr', 'h1', 'h6', 'section', 'body', 'center']) {
      expect(BLOCK_TAGS.has(t)).toBe(true);
    }
    // Cells are parts of their row's block (separated by tabs), not blocks.
    for (const t of ['td', 'th']) expect(BLOCK_TAGS.has(t)).toBe(false);
    for (const t of ['span', 'em', 'a', 'b', 'br']) expect(BLOCK_TAGS.has(t)).toBe(false);
    for (const t of ['script', 'style', 'noscript', 'template', 'textarea', 'input', 'svg']) {
      expect(SKIPPED_TAGS.has(t)).toBe(true);
    }
  });

  it('hides with the hidden attribute, whatever its value', () => {
    expect(hidden({ hidden: '' })).toBe(true);
    expect(hidden({ hidden: 'hidden' })).toBe(true);
    expect(hidden({ hidden: 'until-found' })).toBe(true);
    expect(hidden({ 'aria-hidden': 'true' })).toBe(false);
    expect(hidden({})).toBe(false);
  });

  it('reads display and visibility from the inline style', () => {
    expect(hidden({ style: 'display:none' })).toBe(true);
    expect(hidden({ style: '  DISPLAY : None ; color: red' })).toBe(true);
    expect(hidden({ style: 'color:red;display:\n none\t' })).toBe(true);
    expect(hidden({ style: 'visibility: hidden' })).toBe(true);
    expect(hidden({ style: 'visibility:collapse' })).toBe(true);
    expect(hidden({ style: 'display: none !important' })).toBe(true);
    expect(hidden({ style: 'display:none!IMPORTANT' })).toBe(true);
    expect(hidden({ style: 'display: block' })).toBe(false);
    expect(hidden({ style: 'display: inline-block; visibility: visible' })).toBe(false);
    expect(hidden({ style: 'content: "display:none"' })).toBe(false);
    expect(hidden({ style: "background: url('x;display:none')" })).toBe(false);
    expect(hidden({ style: 'background: url(x;display:none)' })).toBe(false);
    expect(hidden({ style: 'font-display: none' })).toBe(false);
    expect(hidden({ style: '/* display:none */ color: red' })).toBe(false);
    expect(hidden({ style: 'display:/* x */none' })).toBe(true);
    expect(hidden({ style: 'display' })).toBe(false);
    expect(hidden({ style: ';;display:none;;' })).toBe(true);
  });

  it('lets the last declaration win, unless an earlier one is !important', () => {
    expect(hidden({ style: 'display:none; display:block' })).toBe(false);
    expect(hidden({ style: 'display:block; display:none' })).toBe(true);
    expect(hidden({ style: 'display:none !important; display:block' })).toBe(true);
    expect(hidden({ style: 'display:block !important; display:none' })).toBe(false);
    expect(hidden({ style: 'visibility:hidden; visibility:visible' })).toBe(false);
    // An invalid value is dropped and overrides nothing.
    expect(hidden({ style: 'display:none; display:nonsense' })).toBe(true);
  });

  it('lets an inline display override the UA display:none of hidden and closed dialogs', () => {
    expect(hidden({ hidden: '', style: 'display:block' })).toBe(false);
    expect(hidden({ hidden: '', style: 'display:revert' })).toBe(true);
    expect(hidden({ hidden: 'until-found', style: 'display:block' })).toBe(true);
    expect(hidden({}, 'dialog')).toBe(true);
    expect(hidden({ open: '' }, 'dialog')).toBe(false);
    expect(hidden({ style: 'display:block' }, 'dialog')).toBe(false);
  });

  it('parses long style strings in linear time', () => {
    const long = 'a:('.repeat(200_000) + '"'.repeat(100_000) + ';display:none;'.repeat(50_000);
    expect(typeof hidden({ style: long })).toBe('boolean');
    expect(hidden({ style: 'color:red;'.repeat(100_000) + 'display:none' })).toBe(true);
  });

  it('tells editable hosts', () => {
    const editable = (v: string | null) =>
      isEditableHost(attrs(v === null ? {} : { contenteditable: v }));
    expect(editable('')).toBe(true);
    expect(editable('true')).toBe(true);
    expect(editable('TRUE')).toBe(true);
    expect(editable('plaintext-only')).toBe(true);
    expect(editable('false')).toBe(false);
    expect(editable(null)).toBe(false);
  });
});

describe('extractVisibleText', () => {
  it('skips non-text elements', () => {
    const html = `<body><p>One</p>
      <script>var x = "Reko Diq $1 billion";</script>
      <style>.a::after { content: 'Barrick 75%'; }</style>
      <noscript><p>No script</p></noscript>
      <template><p>Template</p></template>
      <textarea>Typed</textarea><input value="Value"><select><option>Opt</option></select>
      <button>Press</button><svg><text>Drawn</text></svg><iframe>Frame</iframe>
      <p>Two</p></body>`;
    expect(text(html)).toBe('One\nTwo');
  });

  it('never reads comments or attributes', () => {
    expect(
      text('<p title="Title attr" data-x="$5">A<!-- comment $9 --> B<img alt="Alt"></p>'),
    ).toBe('A B');
  });

  it('skips hidden subtrees, nested ones included', () => {
    const html = `<div>
      <p>Seen</p>
      <div hidden>Hidden <p>also hidden <span style="display:block">deep</span></p></div>
      <section style="display: none"><div><p>gone</p></div></section>
      <div style="visibility:hidden"><p>invisible</p></div>
      <p>Kept <span style="DISPLAY:NONE">not this</span>and this</p>
      <p aria-hidden="true">Aria is visible</p>
      <div contenteditable="true"><p>Draft</p></div>
      <div contenteditable="false">Fixed</div>
    </div>`;
    expect(htmlTextBlocks(html)).toEqual(['Seen', 'Kept and this', 'Aria is visible', 'Fixed']);
  });

  it('splits blocks on block elements and joins inline ones without spaces', () => {
    const html =
      '<p>Officials called Re<b>ko</b> <em>Diq</em> a model.</p>' +
      '<div>EXIM approved $1.25<span> billion</span>.</div>' +
      '<ul><li>one</li><li>two<li>three</ul>' +
      '<table><tr><th> label </th><td>cell 1</td><td> cell 2</td></tr><tr><td>next</td></tr></table>' +
      'tail';
    expect(htmlTextBlocks(html)).toEqual([
      'Officials called Reko Diq a model.',
      'EXIM approved $1.25 billion.',
      'one',
      'two',
      'three',
      'label\tcell 1\tcell 2',
      'next',
      'tail',
    ]);
    const page = extractVisibleText(html);
    expect(page.blocks).toBe(8);
    expect(page.text.split('\n')).toHaveLength(8);
  });

  it('turns <br> into a space', () => {
    expect(text('<p>Reko<br>Diq</p>')).toBe('Reko Diq');
    expect(text('<p>Reko <br/> <br> Diq<br></p>')).toBe('Reko Diq');
    expect(text('<p><br>Reko</br>Diq</p>')).toBe('Reko Diq');
    expect(text('<p>a<br hidden>b</p>')).toBe('ab');
  });

  it('collapses whitespace and decodes entities', () => {
    expect(text('<p>\n  AT&amp;T   paid\t&nbsp;$1&#8217;s &#x2014; &euro;5 &lt;b&gt;\n</p>')).toBe(
      'AT&T paid \u00a0$1’s — €5 <b>',
    );
    expect(text('<p>Reko&nbsp;Diq</p>')).toBe('Reko\u00a0Diq');
  });

  it('reads the title, falling back to the first h1', () => {
    expect(extractVisibleText('<title>\n A &amp; B\n</title><h1>H</h1>').title).toBe('A & B');
    expect(
      extractVisibleText('<body><h1 hidden>No</h1><h1> The <em>real</em>\nhead </h1>').title,
    ).toBe('The real head');
    expect(extractVisibleText('<p>none</p>').title).toBe('');
    expect(extractVisibleText('<svg><title>icon</title></svg><h1>Head</h1>').title).toBe('Head');
    // The title is not visible text.
    expect(text('<head><title>T</title></head><body>B</body>')).toBe('B');
  });

  it('finds the canonical URL', () => {
    const canonical = (html: string) => extractVisibleText(html).canonical;
    expect(canonical('<link rel="canonical" href="https://example.org/story">')).toBe(
      'https://example.org/story',
    );
    expect(
      canonical('<link rel="stylesheet" href="a.css"><link REL="Canonical" href="http://x.org/a">'),
    ).toBe('http://x.org/a');
    expect(canonical('<link rel="alternate canonical" href="https://x.org/b">')).toBe(
      'https://x.org/b',
    );
    expect(canonical('<link rel="canonicalize" href="https://x.org/c">')).toBeNull();
    expect(canonical('<link rel="canonical" href="/relative">')).toBeNull();
    expect(canonical('<link rel="canonical" href="javascript:alert(1)">')).toBeNull();
    expect(canonical('<link rel="canonical" href="ftp://x.org/">')).toBeNull();
    expect(canonical('<p>none</p>')).toBeNull();
  });

  it('does not leak script content, and ends a script where a browser does', () => {
    expect(text('<script>var s = "<\\/script><p>leak</p>";</script><p>after</p>')).toBe('after');
    expect(text('<script>document.write("</scr" + "ipt><p>leak</p>")</script><p>after</p>')).toBe(
      'after',
    );
    expect(text('<style>p::after{content:"</p>leak"}</style><p>after</p>')).toBe('after');
    // A browser ends the script at the first "</script>", even inside a string: the rest is text.
    expect(text('<script>var s = "</script>";</script><p>after</p>')).toBe('";\nafter');
  });

  it('survives malformed HTML', () => {
    const cases = [
      '<div><p>unclosed <b>bold <i>both</div></div></div></p></span>after',
      '</p></div></li>stray<p>',
      '<p>a<li>b</li>c</p>',
      '<div class="x',
      '<div><p>text<!-- unterminated comment',
      '<<<>>> <p =x>< /p> & &amp &#; &#xZZ;',
      '<table><td>cell<tr>row</table>',
      '<svg><p>html in svg</p></svg><math>',
      '<select><p>x</select>y',
      '',
    ];
    for (const html of cases) {
      expect(() => extractVisibleText(html)).not.toThrow();
    }
    expect(htmlTextBlocks(cases[0] as string)).toEqual(['unclosed bold both', 'after']);
    expect(htmlTextBlocks('<p>a<dialog>d</dialog>b</p>')).toEqual(['a', 'b']);
  });

  it('keeps void elements out of the skip stack', () => {
    const html =
      '<div><img src=a><input value=x><br><hr><meta><link><wbr>A<embed>B<source>C</div><p>D</p>';
    expect(htmlTextBlocks(html)).toEqual(['ABC', 'D']);
    expect(text('<p>x<input type=hidden>y<img>z<br>w</p>')).toBe('xyz w');
  });

  it('moves what a browser moves out of the head', () => {
    expect(text('<head><title>T</title><meta charset=utf-8></head><body><p>B</p></body>')).toBe(
      'B',
    );
    expect(text('<html><head><title>T</title><p>in body</p></head><body><p>B</p></body>')).toBe(
      'in body\nB',
    );
    expect(text('<head><noscript><img src=x></noscript></head><p>B</p>')).toBe('B');
  });

  it('processes a 5 MB page', () => {
    const parts: string[] = ['<!doctype html><html><head><title>Big</title></head><body>'];
    let size = 0;
    let paragraphs = 0;
    while (size < 5_000_000) {
      const p =
        `<p class="p${paragraphs}">Paragraph ${paragraphs}: EXIM approved $1.25<span> billion</span>` +
        ` for <em>Reko Diq</em>.<script>var n = ${paragraphs};</script>` +
        `<span hidden>hidden ${paragraphs}</span> &amp; more\n</p>\n`;
      parts.push(p);
      size += p.length;
      paragraphs++;
    }
    parts.push('</body></html>');
    const page = extractVisibleText(parts.join(''));
    expect(page.title).toBe('Big');
    expect(page.blocks).toBe(paragraphs);
    const lines = page.text.split('\n');
    expect(lines).toHaveLength(paragraphs);
    expect(lines[7]).toBe('Paragraph 7: EXIM approved $1.25 billion for Reko Diq. & more');
  });
});
