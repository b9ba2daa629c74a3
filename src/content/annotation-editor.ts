/**
 * The annotation UI on the page, inside our closed shadow root: a small "Annotate" button by the
 * selection, and the editor it opens (colour, note, tags). Built with createElement and
 * textContent only: a note or a page's text is never parsed as HTML.
 *
 * What the background would refuse (src/core/annotations/limits.ts: a passage or note over
 * 10,000 characters, more than 50 tags) is said in the editor before saving, and the editor stays
 * open with what was typed: closing it would lose the note without a word.
 */
import { ANNOTATION_LIMITS, draftProblem } from '../core/annotations/limits';
import { ANNOTATION_COLORS, type AnnotationColor } from '../core/annotations/types';
import { revealHost } from './ui-root';

export interface EditorResult {
  color: AnnotationColor;
  note: string;
  tags: string[];
  /** Set when the user asked to add the selected figure to the fact base, under this attribute. */
  factAttribute: string | null;
}

/** A figure in the selection that may be added to the fact base, and the attributes it may take. */
export interface FactOffer {
  figureText: string;
  attributes: { id: string; label: string }[];
  /** The attribute the engine reads for it, if any: preselected. */
  suggested: string | null;
}

const COLOR_LABELS: Record<AnnotationColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
};

// The button sits this far below the selection's end, clear of the selected line.
const BUTTON_GAP_PX = 6;

export class AnnotationEditor {
  private readonly button: HTMLButtonElement;
  private readonly panel: HTMLFormElement;
  private onButton: (() => void) | null = null;
  private pending: ((result: EditorResult | null) => void) | null = null;
  /** The passage being annotated, and where a draft's problem is said (a live region). */
  private quote = '';
  private problem: HTMLElement | null = null;

  constructor(private readonly shadow: ShadowRoot) {
    const doc = shadow.ownerDocument ?? document;
    this.button = doc.createElement('button');
    this.button.type = 'button';
    this.button.className = 'annotate-button';
    this.button.textContent = 'Annotate';
    this.button.hidden = true;
    // Keep the page's selection: a mousedown on the button would otherwise clear it.
    this.button.addEventListener('mousedown', (e) => e.preventDefault());
    this.button.addEventListener('click', () => this.onButton?.());

    this.panel = doc.createElement('form');
    this.panel.className = 'editor';
    this.panel.hidden = true;
    this.panel.setAttribute('aria-label', 'Annotate the selection');
    this.panel.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
    // Once a problem is shown, it follows the typing: gone as soon as the draft fits.
    this.panel.addEventListener('input', () => {
      if (this.problem?.textContent) this.check();
    });
    this.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.finish(null);
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) this.submit();
      // Keys typed here are ours: the page's shortcuts must not see them.
      e.stopPropagation();
    });
    shadow.append(this.button, this.panel);
  }

  /** Offer the button by a selection; `onClick` opens the editor. */
  offer(rect: DOMRect, onClick: () => void): void {
    this.onButton = onClick;
    place(this.button, rect.right, rect.bottom + BUTTON_GAP_PX);
    revealHost(this.shadow);
    this.button.hidden = false;
  }

  withdraw(): void {
    this.button.hidden = true;
    this.onButton = null;
  }

  get isOpen(): boolean {
    return !this.panel.hidden;
  }

  /** Open the editor by `rect` with `quote` shown; resolves with the user's choice or null. */
  open(
    rect: DOMRect,
    quote: string,
    initial?: Partial<EditorResult>,
    fact?: FactOffer | null,
  ): Promise<EditorResult | null> {
    this.withdraw();
    this.finish(null);
    const doc = this.panel.ownerDocument;
    const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string) => {
      const e = doc.createElement(tag);
      if (text !== undefined) e.textContent = text;
      return e;
    };
    const quoteView = el('blockquote', quote.length > 200 ? `${quote.slice(0, 200)}…` : quote);
    const colors = el('fieldset');
    colors.append(el('legend', 'Colour'));
    const chosen = initial?.color ?? 'yellow';
    for (const color of ANNOTATION_COLORS) {
      const label = el('label');
      label.className = `swatch ${color}`;
      const radio = el('input');
      radio.type = 'radio';
      radio.name = 'color';
      radio.value = color;
      radio.checked = color === chosen;
      label.append(radio, el('span', COLOR_LABELS[color]));
      colors.append(label);
    }
    const noteLabel = el('label', 'Note');
    const note = el('textarea');
    note.name = 'note';
    note.rows = 3;
    note.value = initial?.note ?? '';
    noteLabel.append(note);
    const tagsLabel = el('label', 'Tags (comma-separated)');
    const tags = el('input');
    tags.name = 'tags';
    tags.value = (initial?.tags ?? []).join(', ');
    tagsLabel.append(tags);
    const save = el('button', 'Save');
    save.type = 'submit';
    const problem = el('p');
    problem.className = 'problem';
    problem.setAttribute('role', 'alert');
    this.problem = problem;
    this.quote = quote;
    const cancel = el('button', 'Cancel');
    cancel.type = 'button';
    cancel.addEventListener('click', () => this.finish(null));
    const actions = el('div');
    actions.className = 'actions';
    actions.append(save, cancel);
    const factSection = fact && fact.attributes.length > 0 ? this.factFields(fact) : null;
    this.panel.replaceChildren(
      ...[
        el('h2', 'Annotate'),
        quoteView,
        colors,
        noteLabel,
        tagsLabel,
        factSection,
        problem,
        actions,
      ].filter((x): x is HTMLElement => x !== null),
    );
    revealHost(this.shadow);
    this.panel.hidden = false;
    // A passage too long to save is said at once, Save disabled: nothing typed could make it fit.
    if (quote.length > ANNOTATION_LIMITS.quote) {
      this.check();
      save.disabled = true;
    }
    placeBeside(this.panel, rect);
    note.focus();
    return new Promise((resolve) => {
      this.pending = resolve;
    });
  }

  dispose(): void {
    this.finish(null);
    this.button.remove();
    this.panel.remove();
  }

  /** "Add $2.5 billion to the fact base as [attribute]": a checkbox and a choice of attribute. */
  private factFields(offer: FactOffer): HTMLElement {
    const doc = this.panel.ownerDocument;
    const box = doc.createElement('fieldset');
    box.className = 'fact-offer';
    const check = doc.createElement('label');
    check.className = 'inline';
    const input = doc.createElement('input');
    input.type = 'checkbox';
    input.name = 'add-fact';
    check.append(input, doc.createTextNode(` Add “${offer.figureText}” to the fact base`));
    const choose = doc.createElement('label');
    choose.textContent = 'as';
    const select = doc.createElement('select');
    select.name = 'fact-attribute';
    for (const a of offer.attributes) {
      const option = doc.createElement('option');
      option.value = a.id;
      option.textContent = a.label;
      option.selected = a.id === offer.suggested;
      select.append(option);
    }
    choose.append(select);
    box.append(check, choose);
    return box;
  }

  /** Save, unless the draft is past a limit: then say so and stay open. */
  private submit(): void {
    if (this.check() === null) this.finish(this.read());
  }

  /** Show (or clear) what keeps the draft from being saved; returns it. */
  private check(): string | null {
    const { note, tags } = this.read();
    const problem = draftProblem({ quote: this.quote, note, tags });
    if (this.problem) this.problem.textContent = problem ?? '';
    return problem;
  }

  private read(): EditorResult {
    const form = new FormData(this.panel);
    const color = String(form.get('color') ?? 'yellow');
    const addFact = form.get('add-fact') !== null;
    return {
      factAttribute: addFact ? String(form.get('fact-attribute') ?? '') || null : null,
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

  private finish(result: EditorResult | null): void {
    this.panel.hidden = true;
    const pending = this.pending;
    this.pending = null;
    pending?.(result);
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

/** Below the selection if the panel fits there, else above it; always inside the viewport. */
function placeBeside(panel: HTMLElement, rect: DOMRect): void {
  const height = panel.ownerDocument.defaultView?.innerHeight ?? 768;
  const own = panel.getBoundingClientRect().height;
  const below = rect.bottom + BUTTON_GAP_PX;
  const y = below + own <= height ? below : Math.max(4, rect.top - BUTTON_GAP_PX - own);
  place(panel, rect.left, y);
}

/** Put a fixed-position element at (x, y) in the viewport, kept inside it. */
function place(el: HTMLElement, x: number, y: number): void {
  const view = el.ownerDocument.defaultView;
  const width = view?.innerWidth ?? 1024;
  const height = view?.innerHeight ?? 768;
  el.style.left = `${Math.max(4, Math.min(x, width - 320))}px`;
  el.style.top = `${Math.max(4, Math.min(y, height - 60))}px`;
}
