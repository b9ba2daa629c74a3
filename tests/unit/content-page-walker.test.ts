// @vitest-environment happy-dom
/**
 * The page walker's whole-leaf-block path gives exactly the blocks of the node-by-node walk:
 * same owners, same texts, and — asked for later — the same segments.
 */
import { describe, expect, it } from 'vitest';
import { PageWalker, type PageBlock } from '../../src/content/page-walker';

function walk(root: Node, wholeLeafBlocks: boolean): PageBlock[] {
  const blocks: PageBlock[] = [];
  new PageWalker(root, (b) => blocks.push(b), { wholeLeafBlocks }).step();
  return blocks;
}

function same(html: string): PageBlock[] {
  document.body.innerHTML = html;
  const slow = walk(document.body, false);
  const fast = walk(document.body, true);
  expect(fast.map((b) => [b.owner, b.text])).toEqual(slow.map((b) => [b.owner, b.text]));
  fast.forEach((b, i) => expect(b.segments).toEqual(slow[i]?.segments));
  return fast;
}

describe('PageWalker with wholeLeafBlocks', () => {
  it('matches the node-by-node walk on plain paragraphs with inline tags and odd white space', () => {
    const blocks = same(
      '<article>\n  <p>  The <em>Reko</em> Diq\n\tmine  </p>\n<p>US <a href="/x">Ex-Im</a>\u00a0Bank: <strong>$1.25</strong> billion</p>' +
        '<p> </p><p><span>Barrick</span> holds <b>50</b><i>%</i></p><h2>Heading  two</h2></article>',
    );
    expect(blocks.map((b) => b.text)).toEqual([
      'The Reko Diq mine',
      'US Ex-Im\u00a0Bank: $1.25 billion',
      'Barrick holds 50%',
      'Heading two',
    ]);
  });

  it('walks node by node where a block holds anything but plain inline content', () => {
    same(
      '<p>one<br>two</p><p>a <span hidden>secret</span> b</p><p>c <em style="display:none">x</em> d</p>' +
        '<div>outer <p>inner</p> tail</div><table><tr><td>EXIM</td><td>$5</td></tr></table>' +
        '<p>e <button>no</button> f</p><p contenteditable>g</p><p>h <custom-el>i</custom-el></p>' +
        '<p>k <script>var x = 1;</script> l</p><p><span>m</span> <em hidden>n</em> o</p>' +
        // Nested: what hides or is not plain may sit inside a plain element.
        '<p>a <b>bold <i hidden>x</i></b> c</p><p><a href="/y"><em style="display:none">y</em></a> z</p>' +
        '<p><b><span contenteditable>w</span></b> v</p><p><em>q<br>r</em></p><p><i><svg></svg>s</i></p>',
    );
  });

  it('reads a shadow root in a span, as the node-by-node walk does', () => {
    document.body.innerHTML = '<p>Stake: <span id="s">light</span> per cent</p>';
    const span = document.getElementById('s') as HTMLElement;
    span.attachShadow({ mode: 'open' }).innerHTML = '25';
    const fast = walk(document.body, true);
    expect(fast.map((b) => b.text)).toEqual(walk(document.body, false).map((b) => b.text));
    expect(fast[0]?.text).toBe('Stake: 25 per cent');
  });

  it('gives no segments for a block the page changed before they were asked for', () => {
    document.body.innerHTML = '<p>EXIM lent $1 billion</p>';
    const [block] = walk(document.body, true);
    (document.querySelector('p') as Element).textContent = 'something else';
    expect(block?.segments).toEqual([]);
  });
});
