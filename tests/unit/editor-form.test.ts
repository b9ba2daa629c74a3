// @vitest-environment happy-dom
/**
 * The on-page annotation editor: what the background would refuse (src/core/annotations/limits.ts)
 * is said in the editor before saving, and the editor stays open with what was typed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { AnnotationEditor, type EditorResult } from '../../src/content/annotation-editor';
import { ANNOTATION_LIMITS } from '../../src/core/annotations/limits';

const RECT = { left: 10, top: 10, right: 100, bottom: 30, width: 90, height: 20 } as DOMRect;

let shadow: ShadowRoot;
let editor: AnnotationEditor;

beforeEach(() => {
  document.body.innerHTML = '';
  const host = document.createElement('div');
  document.body.append(host);
  shadow = host.attachShadow({ mode: 'open' });
  editor = new AnnotationEditor(shadow);
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Open the editor and keep track of its answer. */
function openEditor(quote = 'EXIM approved $1.25 billion') {
  let answer: EditorResult | null | undefined;
  void editor.open(RECT, quote).then((result) => {
    answer = result;
  });
  return { answered: () => answer };
}

function field<T extends Element>(selector: string): T {
  const el = shadow.querySelector<T>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
}

function type(selector: string, value: string): void {
  const el = field<HTMLTextAreaElement | HTMLInputElement>(selector);
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

function save(): void {
  field<HTMLButtonElement>('button[type="submit"]').click();
}

function problem(): string {
  return shadow.querySelector('[role="alert"]')?.textContent ?? '';
}

describe('annotation editor limits', () => {
  it('saves within the limits', async () => {
    const { answered } = openEditor();
    type('textarea[name="note"]', 'Check the board minutes.');
    type('input[name="tags"]', 'exim, financing');
    save();
    await settle();
    expect(answered()).toMatchObject({
      note: 'Check the board minutes.',
      tags: ['exim', 'financing'],
    });
    expect(editor.isOpen).toBe(false);
  });

  it('a note over the limit is told, not dropped: the editor stays open with it', async () => {
    const { answered } = openEditor();
    const long = 'x'.repeat(ANNOTATION_LIMITS.note + 1);
    type('textarea[name="note"]', long);
    save();
    await settle();
    expect(answered()).toBeUndefined();
    expect(editor.isOpen).toBe(true);
    expect(problem()).toContain('10,000');
    expect(problem()).toMatch(/note/i);
    expect(field<HTMLTextAreaElement>('textarea[name="note"]').value).toBe(long);
    // Shortened: saved, the message gone.
    type('textarea[name="note"]', long.slice(0, ANNOTATION_LIMITS.note));
    save();
    await settle();
    expect(answered()?.note).toHaveLength(ANNOTATION_LIMITS.note);
  });

  it('more than 50 tags, or a tag over 100 characters, is told', async () => {
    const { answered } = openEditor();
    const tags = Array.from({ length: ANNOTATION_LIMITS.tags + 1 }, (_, i) => `t${i}`);
    type('input[name="tags"]', tags.join(', '));
    save();
    await settle();
    expect(answered()).toBeUndefined();
    expect(problem()).toContain('50');
    expect(problem()).toMatch(/tags/i);

    type('input[name="tags"]', `ok, ${'y'.repeat(ANNOTATION_LIMITS.tag + 1)}`);
    save();
    await settle();
    expect(answered()).toBeUndefined();
    expect(problem()).toContain('100');
  });

  it('a passage over the limit is told when the editor opens, and cannot be saved', async () => {
    const { answered } = openEditor('z'.repeat(ANNOTATION_LIMITS.quote + 1));
    expect(editor.isOpen).toBe(true);
    expect(problem()).toContain('10,000');
    expect(problem()).toMatch(/passage|selection/i);
    save();
    await settle();
    expect(answered()).toBeUndefined();
    expect(editor.isOpen).toBe(true);
    // Cancel still closes it.
    field('form').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect(answered()).toBeNull();
  });
});
