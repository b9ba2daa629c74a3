// @vitest-environment happy-dom
/**
 * The annotation editor's form, as the extension's editor page shows it (src/editor/): what the
 * background would refuse (src/core/annotations/limits.ts) is said before saving, and the form
 * stays with what was typed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ANNOTATION_LIMITS } from '../../src/core/annotations/limits';
import { EditorForm } from '../../src/editor/editor-form';
import type { EditorDraft, EditorResult } from '../../src/shared/editor-protocol';

let saved: EditorResult[];
let cancelled: number;
let form: EditorForm;

function openForm(draft: Partial<EditorDraft> = {}): void {
  saved = [];
  cancelled = 0;
  form = new EditorForm(
    document,
    {
      quote: 'EXIM approved $1.25 billion',
      color: 'yellow',
      note: '',
      tags: [],
      fact: null,
      ...draft,
    },
    { save: (r) => saved.push(r), cancel: () => cancelled++ },
  );
  document.body.replaceChildren(form.element);
}

beforeEach(() => openForm());

function field<T extends Element>(selector: string): T {
  const el = form.element.querySelector<T>(selector);
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
  return form.element.querySelector('[role="alert"]')?.textContent ?? '';
}

describe('annotation editor form', () => {
  it('saves within the limits', () => {
    type('textarea[name="note"]', 'Check the board minutes.\r\nSecond line');
    type('input[name="tags"]', 'exim, financing, exim');
    field<HTMLInputElement>('input[value="green"]').checked = true;
    save();
    expect(saved).toEqual([
      {
        color: 'green',
        note: 'Check the board minutes.\nSecond line',
        tags: ['exim', 'financing'],
        factAttribute: null,
        shared: false,
      },
    ]);
  });

  it('opens with the draft: passage shown (cut at 200 characters), colour, note, tags', () => {
    openForm({ quote: 'q'.repeat(300), color: 'blue', note: 'Kept', tags: ['a', 'b'] });
    expect(field('blockquote').textContent).toBe(`${'q'.repeat(200)}…`);
    expect(field<HTMLInputElement>('input[value="blue"]').checked).toBe(true);
    expect(field<HTMLTextAreaElement>('textarea').value).toBe('Kept');
    expect(field<HTMLInputElement>('input[name="tags"]').value).toBe('a, b');
  });

  it('shows the passage and a note as text, never as HTML', () => {
    openForm({ quote: '<img src=x onerror="window.__pwned=1">' });
    expect(form.element.querySelector('img')).toBeNull();
    expect(field('blockquote').textContent).toBe('<img src=x onerror="window.__pwned=1">');
  });

  it('a note over the limit is told, not dropped: the form stays with it', () => {
    const long = 'x'.repeat(ANNOTATION_LIMITS.note + 1);
    type('textarea[name="note"]', long);
    save();
    expect(saved).toEqual([]);
    expect(problem()).toContain('10,000');
    expect(problem()).toMatch(/note/i);
    expect(field<HTMLTextAreaElement>('textarea[name="note"]').value).toBe(long);
    // Shortened: the message goes as the typing follows, and it saves.
    type('textarea[name="note"]', long.slice(0, ANNOTATION_LIMITS.note));
    expect(problem()).toBe('');
    save();
    expect(saved[0]?.note).toHaveLength(ANNOTATION_LIMITS.note);
  });

  it('more than 50 tags, or a tag over 100 characters, is told', () => {
    const tags = Array.from({ length: ANNOTATION_LIMITS.tags + 1 }, (_, i) => `t${i}`);
    type('input[name="tags"]', tags.join(', '));
    save();
    expect(saved).toEqual([]);
    expect(problem()).toContain('50');
    expect(problem()).toMatch(/tags/i);

    type('input[name="tags"]', `ok, ${'y'.repeat(ANNOTATION_LIMITS.tag + 1)}`);
    save();
    expect(saved).toEqual([]);
    expect(problem()).toContain('100');
  });

  it('a passage over the limit is told at once, and cannot be saved; Escape cancels', () => {
    openForm({ quote: 'z'.repeat(ANNOTATION_LIMITS.quote + 1) });
    expect(problem()).toContain('10,000');
    expect(problem()).toMatch(/passage|selection/i);
    expect(field<HTMLButtonElement>('button[type="submit"]').disabled).toBe(true);
    form.element.dispatchEvent(new SubmitEvent('submit', { cancelable: true }));
    expect(saved).toEqual([]);
    form.element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(cancelled).toBe(1);
  });

  it('Ctrl+Enter saves; Cancel cancels', () => {
    type('textarea[name="note"]', 'n');
    field('textarea').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }),
    );
    expect(saved).toHaveLength(1);
    [...form.element.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')?.click();
    expect(cancelled).toBe(1);
  });

  it('offers to add the selected figure to the fact base, the suggested attribute chosen', () => {
    openForm({
      fact: {
        figureText: '$2.5 billion',
        attributes: [
          { id: 'reko-diq.cost', label: 'Total cost' },
          { id: 'exim.financing', label: 'EXIM financing' },
        ],
        suggested: 'exim.financing',
      },
    });
    expect(form.element.textContent).toContain('Add “$2.5 billion” to the fact base');
    expect(field<HTMLSelectElement>('select').value).toBe('exim.financing');
    save();
    expect(saved[0]?.factAttribute).toBeNull();
    field<HTMLInputElement>('input[name="add-fact"]').checked = true;
    save();
    expect(saved[1]?.factAttribute).toBe('exim.financing');
  });
});
