// @vitest-environment happy-dom
/**
 * The content script's page-text index (annotations): DOM selections to offsets in the visible
 * text and back, across inline tags, blocks and collapsed whitespace.
 */
import { describe, expect, it } from 'vitest';
import { parseTags } from '../../src/editor/editor-form';
import { PageText } from '../../src/content/page-text';

async function pageText(html: string): Promise<PageText> {
  document.body.innerHTML = html;
  return PageText.build(document, new AbortController().signal);
}

function textNode(selector: string, index = 0): Text {
  const el = document.querySelector(selector) as Element;
  const texts = [...el.childNodes].filter((n): n is Text => n.nodeType === Node.TEXT_NODE);
  return texts[index] as Text;
}

describe('PageText', () => {
  it('builds the visible text with blocks joined by newlines', async () => {
    const text = await pageText(
      '<p>  Reko <em>Diq</em>\n  mine </p><div>EXIM <b>lent</b> $1.25<span> billion</span>.</div>',
    );
    expect(text.text).toBe('Reko Diq mine\nEXIM lent $1.25 billion.');
  });

  it('maps a selection inside one text node to offsets and back', async () => {
    const text = await pageText('<p>The total cost is   about $7 billion.</p>');
    const node = textNode('p');
    const range = document.createRange();
    range.setStart(node, node.data.indexOf('about'));
    range.setEnd(node, node.data.indexOf('.'));
    const offsets = text.offsetsOf(range);
    expect(offsets).not.toBeNull();
    expect(text.text.slice(offsets!.start, offsets!.end)).toBe('about $7 billion');
    expect(text.rangeOf(offsets!.start, offsets!.end)?.toString()).toBe('about $7 billion');
  });

  it('maps selections across inline tags and across blocks', async () => {
    const text = await pageText(
      '<p id="a">Officials called Reko <em>Diq</em> a model.</p><p id="b">Barrick holds half.</p>',
    );
    const range = document.createRange();
    range.setStart(textNode('#a'), 'Officials called '.length);
    range.setEnd(textNode('#b'), 'Barrick'.length);
    const offsets = text.offsetsOf(range)!;
    expect(text.text.slice(offsets.start, offsets.end)).toBe('Reko Diq a model.\nBarrick');
    const back = text.rangeOf(offsets.start, offsets.end)!;
    expect(back.startContainer).toBe(textNode('#a'));
    expect(back.endContainer).toBe(textNode('#b'));
  });

  it('moves element-boundary points to the nearest visible text', async () => {
    const text = await pageText('<p id="a">First para.</p><p id="b">Second para.</p>');
    const range = document.createRange();
    range.setStart(document.body, 1); // before <p id="b">
    range.setEnd(document.querySelector('#b') as Element, 1); // after its text
    const offsets = text.offsetsOf(range)!;
    expect(text.text.slice(offsets.start, offsets.end)).toBe('Second para.');
  });

  it('has nothing to say about hidden text', async () => {
    const text = await pageText('<p>Shown.</p><p hidden>Hidden.</p>');
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('[hidden]') as Element);
    expect(text.text).toBe('Shown.');
    expect(text.offsetsOf(range)).toBeNull();
  });
});

describe('parseTags', () => {
  it('splits on commas, trims, drops empties and repeats', () => {
    expect(parseTags(' mining, Pakistan ,, EXIM, mining ')).toEqual(['mining', 'Pakistan', 'EXIM']);
    expect(parseTags('')).toEqual([]);
  });
});
