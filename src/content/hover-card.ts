/**
 * The card shown when the pointer rests on a highlighted figure or mention: the page's value, the
 * fact base's values, the verdict, and the source quotes with their titles and dates.
 * Built with DOM calls and textContent only: page text and facts are never parsed as HTML.
 */
import { claimLabel, ENTITIES } from './engine-labels';
import type { Fact, ReportFigure, ReportMention } from '../core/types';
import { VERDICT_SYMBOL, VERDICT_WORD } from './verdict-labels';
import { revealHost } from './ui-root';

// How many source quotes the card shows; the popup lists them all.
// Matched words shown: the most telling few say why; more would be noise.
const MAX_MATCHED = 5;
const MAX_QUOTES = 3;
// Gap in pixels between the highlighted text and the card.
const GAP = 8;

export type CardSubject =
  | { type: 'figure'; figure: ReportFigure; facts: readonly Fact[] }
  | { type: 'mention'; mention: ReportMention };

export class HoverCard {
  private readonly card: HTMLElement;

  /**
   * `userIsPointing`: whether the pointer event being handled now is the user's. The card is
   * shown from page-highlights.ts's `pointermove` handler; a page's synthetic pointer events must
   * not open it (trusted-events.ts).
   */
  constructor(
    private readonly shadow: ShadowRoot,
    private readonly userIsPointing: () => boolean,
    /** An entity's display name (the watched names'); the bundled labels when it gives none. */
    private readonly entityLabel: (id: string) => string | undefined = () => undefined,
  ) {
    const doc = shadow.ownerDocument ?? document;
    this.card = doc.createElement('div');
    this.card.className = 'card';
    this.card.hidden = true;
    this.card.setAttribute('role', 'tooltip');
    shadow.append(this.card);
  }

  show(subject: CardSubject, anchor: DOMRect): void {
    if (!this.userIsPointing()) return;
    const doc = this.card.ownerDocument;
    const el = (tag: string, text?: string, className?: string): HTMLElement => {
      const e = doc.createElement(tag);
      if (text !== undefined) e.textContent = text;
      if (className) e.className = className;
      return e;
    };
    this.card.replaceChildren();
    if (subject.type === 'mention') {
      const id = subject.mention.entity;
      const label = this.entityLabel(id) ?? ENTITIES.find((e) => e.id === id)?.label ?? id;
      this.card.append(el('h2', label), el('p', `“${subject.mention.text}” on this page`, 'muted'));
    } else {
      const f = subject.figure;
      const title = el('h2');
      const badge = el(
        'span',
        `${VERDICT_SYMBOL[f.verdict]} ${VERDICT_WORD[f.verdict]}`,
        `badge ${f.verdict}`,
      );
      title.append(
        badge,
        doc.createTextNode(' ' + (f.qualifier ? `${f.qualifier} ${f.text}` : f.text)),
      );
      this.card.append(title);
      const byId = new Map(subject.facts.map((x) => [x.id, x]));
      const label = claimLabel(f.attribute, f.facts, byId);
      this.card.append(el('p', label ?? 'Not about anything the fact base covers', 'muted'));
      if (label && f.matched && f.matched.length > 0) {
        // Why this claim: the page's words that matched its source sentences.
        this.card.append(
          el('p', `Matched: ${f.matched.slice(0, MAX_MATCHED).join(', ')}`, 'muted'),
        );
      }
      if (subject.facts.length > 0) {
        const values = [
          ...new Set(
            subject.facts.map((x) => (x.qualifier ? `${x.qualifier.text} ${x.text}` : x.text)),
          ),
        ];
        this.card.append(el('p', `Fact base: ${values.join(' · ')}`));
        for (const fact of subject.facts.slice(0, MAX_QUOTES)) {
          this.card.append(el('blockquote', fact.quote));
          const date = fact.source.date ? ` · ${fact.source.date}` : '';
          this.card.append(el('p', `${fact.source.title}${date}`, 'source'));
        }
      } else if (f.attribute) {
        this.card.append(el('p', 'The fact base holds nothing on this yet.', 'muted'));
      }
    }
    revealHost(this.shadow);
    this.card.hidden = false;
    this.place(anchor);
  }

  private place(anchor: DOMRect): void {
    const view = this.card.ownerDocument.defaultView;
    const vw = view?.innerWidth ?? 1024;
    const vh = view?.innerHeight ?? 768;
    const { width, height } = this.card.getBoundingClientRect();
    const below = anchor.bottom + GAP + height <= vh;
    const top = below ? anchor.bottom + GAP : Math.max(GAP, anchor.top - GAP - height);
    const left = Math.min(Math.max(GAP, anchor.left), Math.max(GAP, vw - width - GAP));
    this.card.style.top = `${Math.round(top)}px`;
    this.card.style.left = `${Math.round(left)}px`;
  }

  hide(): void {
    this.card.hidden = true;
  }

  get visible(): boolean {
    return !this.card.hidden;
  }

  contains(node: Node | null): boolean {
    return node !== null && this.card.contains(node);
  }
}
