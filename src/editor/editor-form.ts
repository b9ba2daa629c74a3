/**
 * The annotation editor's form (colour, note, tags, "add to the fact base"), built in the
 * extension's own document (index.html, framed into the page by the content script). Built with
 * createElement and textContent only: a note or a page's text is never parsed as HTML.
 *
 * What the background would refuse (src/core/annotations/limits.ts: a passage or note over
 * 10,000 characters, more than 50 tags) is said before saving, and the form stays with what was
 * typed: closing it would lose the note without a word.
 *
 * Its events need no `isTrusted` check: this document is the extension's, which no page script
 * can reach or dispatch events in.
 */
import { ANNOTATION_LIMITS, draftProblem } from '../core/annotations/limits';
import { ANNOTATION_COLORS, type AnnotationColor } from '../core/annotations/types';
import type { EditorDraft, EditorResult, FactOffer } from '../shared/editor-protocol';

const COLOR_LABELS: Record<AnnotationColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
};

// The passage is shown up to this many characters; the page holds the rest.
const QUOTE_SHOWN = 200;

export interface EditorFormEvents {
  save(result: EditorResult): void;
  cancel(): void;
}

export class EditorForm {
  readonly element: HTMLFormElement;
  private readonly note: HTMLTextAreaElement;
  private readonly problem: HTMLElement;
  private readonly quote: string;

  constructor(
    private readonly doc: Document,
    draft: EditorDraft,
    private readonly events: EditorFormEvents,
  ) {
    this.quote = draft.quote;
    const form = doc.createElement('form');
    form.className = 'editor';
    form.setAttribute('aria-label', 'Annotate the selection');
    this.element = form;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
    // Once a problem is shown, it follows the typing: gone as soon as the draft fits.
    form.addEventListener('input', () => {
      if (this.problem.textContent) this.check();
    });
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.events.cancel();
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) this.submit();
    });

    const quoteView = this.el(
      'blockquote',
      draft.quote.length > QUOTE_SHOWN ? `${draft.quote.slice(0, QUOTE_SHOWN)}…` : draft.quote,
    );
    const colors = this.el('fieldset');
    colors.append(this.el('legend', 'Colour'));
    for (const color of ANNOTATION_COLORS) {
      const label = this.el('label');
      label.className = `swatch ${color}`;
      const radio = this.el('input');
      radio.type = 'radio';
      radio.name = 'color';
      radio.value = color;
      radio.checked = color === draft.color;
      label.append(radio, this.el('span', COLOR_LABELS[color]));
      colors.append(label);
    }
    const noteLabel = this.el('label', 'Note');
    this.note = this.el('textarea');
    this.note.name = 'note';
    this.note.rows = 3;
    this.note.value = draft.note;
    noteLabel.append(this.note);
    const tagsLabel = this.el('label', 'Tags (comma-separated)');
    const tags = this.el('input');
    tags.name = 'tags';
    tags.value = draft.tags.join(', ');
    tagsLabel.append(tags);
    const share = this.el('label');
    share.className = 'inline share';
    const shareBox = this.el('input');
    shareBox.type = 'checkbox';
    shareBox.name = 'shared';
    shareBox.checked = draft.shared === true;
    const shareHint = this.el('span', 'sent to the desk’s server while desk sync is on');
    shareHint.className = 'hint';
    share.append(shareBox, this.doc.createTextNode(' Shared with the desk '), shareHint);
    const save = this.el('button', 'Save');
    save.type = 'submit';
    this.problem = this.el('p');
    this.problem.className = 'problem';
    this.problem.setAttribute('role', 'alert');
    const cancel = this.el('button', 'Cancel');
    cancel.type = 'button';
    cancel.addEventListener('click', () => this.events.cancel());
    const actions = this.el('div');
    actions.className = 'actions';
    actions.append(save, cancel);
    const factSection =
      draft.fact && draft.fact.attributes.length > 0 ? this.factFields(draft.fact) : null;
    form.append(
      ...[
        this.el('h1', 'Annotate'),
        quoteView,
        colors,
        noteLabel,
        tagsLabel,
        factSection,
        // After the fact offer: the keyboard path note → tags → "add to the fact base" stays.
        share,
        this.problem,
        actions,
      ].filter((x): x is HTMLElement => x !== null),
    );
    // A passage too long to save is said at once, Save disabled: nothing typed could make it fit.
    if (draft.quote.length > ANNOTATION_LIMITS.quote) {
      this.check();
      save.disabled = true;
    }
  }

  /** Put the caret in the note. */
  focus(): void {
    this.note.focus();
  }

  /**
   * The annotation is saved but "Shared with the desk" did not take: say so, with the reason and
   * where to share it again, and stay open until the journalist closes (the Close button, Escape).
   * The fields are locked: what they hold is saved already.
   */
  saveDoneShareFailed(reason: string, close: () => void): void {
    for (const field of this.element.querySelectorAll('input, textarea, select, button')) {
      (field as HTMLInputElement).disabled = true;
    }
    this.problem.textContent = `Saved, but not shared with the desk: ${reason} You can share it from the Library.`;
    const closeButton = this.el('button', 'Close');
    closeButton.type = 'button';
    closeButton.addEventListener('click', close, { once: true });
    this.element.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') close();
    });
    this.element.querySelector('.actions')?.replaceChildren(closeButton);
    closeButton.focus();
  }

  private el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    text?: string,
  ): HTMLElementTagNameMap[K] {
    const e = this.doc.createElement(tag);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** "Add $2.5 billion to the fact base as [attribute]": a checkbox and a choice of attribute. */
  private factFields(offer: FactOffer): HTMLElement {
    const box = this.el('fieldset');
    box.className = 'fact-offer';
    const check = this.el('label');
    check.className = 'inline';
    const input = this.el('input');
    input.type = 'checkbox';
    input.name = 'add-fact';
    check.append(input, this.doc.createTextNode(` Add “${offer.figureText}” to the fact base`));
    const choose = this.el('label', 'as');
    const select = this.el('select');
    select.name = 'fact-attribute';
    for (const a of offer.attributes) {
      const option = this.el('option', a.label);
      option.value = a.id;
      option.selected = a.id === offer.suggested;
      select.append(option);
    }
    choose.append(select);
    box.append(check, choose);
    return box;
  }

  /** Save, unless the draft is past a limit: then say so and stay open. */
  private submit(): void {
    if (this.check() === null) this.events.save(this.read());
  }

  /** Show (or clear) what keeps the draft from being saved; returns it. */
  private check(): string | null {
    const { note, tags } = this.read();
    const problem = draftProblem({ quote: this.quote, note, tags });
    this.problem.textContent = problem ?? '';
    return problem;
  }

  private read(): EditorResult {
    const form = new FormData(this.element);
    const color = String(form.get('color') ?? 'yellow');
    const addFact = form.get('add-fact') !== null;
    return {
      factAttribute: addFact ? String(form.get('fact-attribute') ?? '') || null : null,
      shared: form.get('shared') !== null,
      color: (ANNOTATION_COLORS as readonly string[]).includes(color)
        ? (color as AnnotationColor)
        : 'yellow',
      // Line breaks as \n whatever the platform: the background refuses other control characters.
      note: String(form.get('note') ?? '')
        .replace(/\r\n?/g, '\n')
        .trim(),
      tags: parseTags(String(form.get('tags') ?? '')),
    };
  }
}

/** "mining, Pakistan ,, EXIM" → ["mining", "Pakistan", "EXIM"]: trimmed, no empties, no repeats. */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  for (const t of input.split(',')) {
    const tag = t.trim().replace(/\s+/g, ' ');
    if (tag) seen.add(tag);
  }
  return [...seen];
}
