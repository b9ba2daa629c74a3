/**
 * Feature: the journalist's annotations on the page. `init(signal)` loads this page's annotations
 * from the background (keyed by canonical URL), anchors them in the page's visible text — exactly
 * where the text is unchanged, approximately where it was edited (src/core/annotations/anchor.ts)
 * — paints them, and keeps them placed as content arrives. It also offers an "Annotate" button by
 * a selection and saves what the user writes. Aborting the signal takes everything down.
 *
 * Annotations that cannot be placed are orphans: kept, reported (`anchored: false`) and listed by
 * the popup, never dropped.
 */
import { anchor, canonicalUrl, describe } from '../core/annotations';
import type { Annotation } from '../core/annotations/types';
import { countClass } from '../core/claims/terms';
import type { AttributedFigure, EntityId, Fact, ReportAnnotation, Verdict } from '../core/types';
import { parseAnnotation } from '../shared/messages';
import { AnnotationEditor, type FactOffer } from './annotation-editor';
import { AnnotationPaint } from './annotation-paint';
import type { ContentBrowserApi } from './browser-api';
import type { Highlighter } from './highlighter';
import { PageText } from './page-text';
import { safely } from './safe';
import { rectInTop, sameOriginFrameDocs, watchSameOriginFrames } from './same-origin-frames';
import { trustedOnly } from './trusted-events';
import { isOurs } from './ui-root';

export interface AnnotationDeps {
  doc: Document;
  api: ContentBrowserApi;
  shadow: ShadowRoot;
  highlighter: () => Highlighter | null;
  /** What Factmark finds in a passage, to file the annotation under (the Library's filters). */
  classify(text: string): { entities: EntityId[]; verdicts: Verdict[] };
  /** The figures in a passage, attributed in the page's context (for "add to fact base"). */
  figuresIn(text: string): AttributedFigure[];
  /** The fact base's claims, named in their sources' words (for "add to fact base"). */
  claims(): readonly { id: string; label: string; kind: string; unit: string }[];
  /** A user's fact was added: comparisons must take it in. */
  onFactAdded(): void;
}

// Changes to the page are handled in batches: a page that streams content in (a live blog, a
// framework rendering) settles within this long, and one re-anchoring then covers all of it.
const REANCHOR_DELAY_MS = 300;

export class AnnotationsFeature {
  private list: Annotation[] = [];
  /** Desk sync: the journalist's own CouchDB user, when the page's annotations include shared ones. */
  private deskUser: string | undefined;
  private readonly placed = new Map<string, Range>();
  private readonly paint = new AnnotationPaint();
  private readonly editor: AnnotationEditor;
  private signal: AbortSignal | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  /**
   * The loading or placing under way, if any: a report asked meanwhile waits for it, or it would
   * list the page's annotations as missing, or as not found on the page, while they are placed.
   */
  private busy: Promise<void> = Promise.resolve();

  constructor(private readonly deps: AnnotationDeps) {
    this.editor = new AnnotationEditor(deps.shadow, deps.api);
  }

  /** The page's annotation key (annotationKey). */
  get url(): string {
    return annotationKey(this.deps.doc);
  }

  async init(signal: AbortSignal): Promise<void> {
    this.signal = signal;
    signal.addEventListener('abort', () => this.teardown(), { once: true });
    const { doc } = this.deps;
    // The user's events only (trusted-events.ts): a page's synthetic mouseup or keyup offers
    // no button.
    const onPointerUp = trustedOnly(
      safely(() =>
        setTimeout(
          safely(() => this.offerButton()),
          0,
        ),
      ),
    );
    const onKeyUp = trustedOnly(
      safely((e: KeyboardEvent) => {
        if (e.shiftKey || e.key === 'Shift') this.offerButton();
      }),
    );
    doc.addEventListener('mouseup', onPointerUp, { passive: true, signal });
    doc.addEventListener('keyup', onKeyUp, { passive: true, signal });
    // Selections in same-origin frames are annotated from here too (same-origin-frames.ts); a
    // frame that loads after the annotations were placed may hold an orphan's passage.
    watchSameOriginFrames(doc, signal, (frameDoc) => {
      frameDoc.addEventListener('mouseup', onPointerUp, { passive: true, signal });
      frameDoc.addEventListener('keyup', onKeyUp, { passive: true, signal });
      if (this.list.length > 0) this.scheduleReanchor();
    });
    doc.defaultView?.addEventListener(
      'scroll',
      trustedOnly(() => this.editor.withdraw()),
      { passive: true, signal },
    );
    if (doc.body) {
      const observer = new MutationObserver(
        safely((records: MutationRecord[]) => {
          if (this.list.length === 0) return;
          if (records.every((r) => isInsideOurs(r.target))) return;
          this.scheduleReanchor();
        }),
      );
      observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
      signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    }
    await this.reload();
  }

  /** Load this page's annotations again (after an edit in the popup or the Library) and place them. */
  reload(): Promise<void> {
    return this.track(this.load());
  }

  private async load(): Promise<void> {
    // Typed by the contract, and still checked: the receiver checks what it is sent, whoever
    // the sender (and `answer` is undefined when no background listens).
    const answer = await this.deps.api.request({ type: 'factmark/annotations', url: this.url });
    this.list =
      answer?.ok && Array.isArray(answer.annotations)
        ? answer.annotations.map(parseAnnotation).filter((a): a is Annotation => a !== null)
        : [];
    this.deskUser = answer?.ok && typeof answer.deskUser === 'string' ? answer.deskUser : undefined;
    await this.anchorAll();
  }

  /** For the report: every annotation of the page, placed or not, once the placing under way ends. */
  async settledState(): Promise<ReportAnnotation[]> {
    // A placing may start while we wait for another (a re-anchoring after the page changed).
    for (let waited: Promise<void> | null = null; waited !== this.busy;) {
      waited = this.busy;
      await waited;
    }
    return this.state();
  }

  /** Every annotation of the page, placed or not, as things stand. */
  private state(): ReportAnnotation[] {
    return this.list.map((a) => ({
      id: a.id,
      quote: a.quote.exact,
      anchored: this.isPlaced(a.id),
    }));
  }

  reveal(id: string): boolean {
    const range = this.placed.get(id);
    if (!range || !this.isPlaced(id)) return false;
    const view = this.deps.doc.defaultView;
    const owner = range.startContainer.ownerDocument ?? this.deps.doc;
    const rect = rectInTop(range.getBoundingClientRect(), owner, this.deps.doc);
    view?.scrollTo({ top: view.scrollY + rect.top - view.innerHeight / 3, behavior: 'smooth' });
    this.deps.highlighter()?.flash(range);
    return true;
  }

  /** Open the editor for the current selection (the button, the context menu, the shortcut). */
  async annotateSelection(): Promise<boolean> {
    const { doc } = this.deps;
    const selected = annotatableSelection(doc);
    const signal = this.signal;
    if (!selected || !signal) return false;
    const { range } = selected;
    const text = await PageText.build(doc, signal);
    const offsets = text.offsetsOf(range);
    if (!offsets) return false;
    const { quote, position } = describe(text.text, offsets.start, offsets.end);
    const rect = rectInTop(range.getBoundingClientRect(), selected.doc, doc);
    const figure = this.deps.figuresIn(quote.exact)[0] ?? null;
    // The annotation as the background stored it (store below), once saved.
    const saving: { stored?: Annotation } = {};
    const outcome = await this.editor.open(
      rect,
      quote.exact,
      async (result) => {
        const now = Date.now();
        const { entities, verdicts } = this.deps.classify(quote.exact);
        // Without `shared`: the background stores a content script's new annotation private,
        // whatever it says. "Shared with the desk" is the editor frame's to ask the background
        // once this is stored (src/shared/editor-protocol.ts); its outcome comes back below.
        const annotation: Annotation = {
          id: `anno:${uuid()}`,
          url: this.url,
          title: doc.title.replace(/\s+/g, ' ').trim(),
          quote,
          position,
          color: result.color,
          note: result.note,
          tags: result.tags,
          entities,
          verdicts,
          created: now,
          updated: now,
        };
        const answer = await this.deps.api.request({
          type: 'factmark/annotation-save',
          annotation,
        });
        if (!answer?.ok) return null;
        saving.stored = parseAnnotation(answer.annotation) ?? annotation;
        return saving.stored.id;
      },
      undefined,
      figure && factOffer(figure, this.deps.claims()),
    );
    const stored = saving.stored;
    if (!outcome || !stored) return false;
    const { result, desk } = outcome;
    // The page's copy agrees with what the background stored: its desk switch as the editor
    // left it (the creator of one's own shared annotation is the journalist's desk user).
    const annotation: Annotation = desk === null ? stored : withDesk(stored, desk);
    if (desk?.shared === true && desk.creator !== null) this.deskUser ??= desk.creator;
    this.list.push(annotation);
    const placed = text.rangeOf(offsets.start, offsets.end);
    if (placed) {
      this.placed.set(annotation.id, placed);
      this.paint.add(annotation.color, placed);
    }
    selected.doc.getSelection()?.removeAllRanges();
    if (figure && result.factAttribute) {
      const fact = userFact(figure, result.factAttribute, annotation, offsets.start);
      // The background files it under this frame's own page, whatever URL it carries.
      const saved = await this.deps.api.request({ type: 'factmark/fact-save', fact });
      if (!saved?.ok) return false;
      this.deps.onFactAdded();
    }
    return true;
  }

  private offerButton(): void {
    if (this.editor.isOpen) return;
    const selected = annotatableSelection(this.deps.doc);
    if (!selected) {
      this.editor.withdraw();
      return;
    }
    const rects = selected.range.getClientRects();
    const last = rects[rects.length - 1] ?? selected.range.getBoundingClientRect();
    this.editor.offer(rectInTop(last, selected.doc, this.deps.doc), () => {
      this.annotateSelection().catch(() => undefined);
    });
  }

  private scheduleReanchor(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(
      safely(() => {
        this.timer = undefined;
        const needed = this.list.some((a) => !this.isPlaced(a.id));
        if (needed) this.track(this.anchorAll()).catch(() => undefined);
      }),
      REANCHOR_DELAY_MS,
    );
  }

  /** `work`, as the work under way that settledState waits for (its failure is the caller's). */
  private track(work: Promise<void>): Promise<void> {
    this.busy = work.catch(() => undefined);
    return work;
  }

  private async anchorAll(): Promise<void> {
    const generation = ++this.generation;
    const signal = this.signal;
    if (!signal || signal.aborted) return;
    this.paint.clear();
    this.placed.clear();
    if (this.list.length === 0) return;
    const text = await PageText.build(this.deps.doc, signal);
    // A newer anchoring started while this one walked the page: it wins.
    if (generation !== this.generation) return;
    for (const a of this.list) {
      const found = anchor(text.text, { quote: a.quote, position: a.position });
      const range = found ? text.rangeOf(found.start, found.end) : null;
      if (!range) continue;
      this.placed.set(a.id, range);
      this.paint.add(a.color, range, this.isTeammates(a));
    }
  }

  /** A teammate's annotation (desk sync): it names a creator who is not the journalist. */
  private isTeammates(a: Annotation): boolean {
    return a.creator !== undefined && a.creator !== '' && a.creator !== this.deskUser;
  }

  private isPlaced(id: string): boolean {
    const range = this.placed.get(id);
    return (
      range !== undefined && range.startContainer.isConnected && range.endContainer.isConnected
    );
  }

  private teardown(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.paint.dispose();
    this.editor.dispose();
    this.placed.clear();
  }
}

/**
 * The key a page's annotations are filed under: its canonical URL, tracking parameters dropped.
 * The page's `<link rel=canonical>` counts only when it names a URL of the page's own origin
 * (src/core/annotations/url.ts): a link to another site would load and paint that site's
 * annotations here, and file new ones under its URL.
 */
export function annotationKey(doc: Document): string {
  // In <head>, where a canonical link belongs (it is not body-ok): this runs once a second
  // (navigation-lifecycle.ts), and a page without one would otherwise be searched whole.
  const canonical = (doc.head ?? doc)
    .querySelector('link[rel~="canonical" i]')
    ?.getAttribute('href');
  return canonicalUrl(doc.location?.href ?? '', canonical ?? null);
}

/**
 * The selection to annotate and its document: the page's, or a same-origin frame's. The document
 * that has focus comes first (a frame's selection stays when the user goes on in another).
 */
function annotatableSelection(doc: Document): { range: Range; doc: Document } | null {
  const docs = [doc, ...sameOriginFrameDocs(doc)];
  const focused = docs.filter((d) => d.hasFocus());
  for (const d of [...focused, ...docs.filter((x) => !focused.includes(x))]) {
    const range = selectedRange(d);
    if (range) return { range, doc: d };
  }
  return null;
}

/** The selection, when it is one a journalist can annotate: page text, not a form field or ours. */
function selectedRange(doc: Document): Range | null {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (range.toString().trim() === '') return null;
  if (isEditable(range.startContainer) || isEditable(range.endContainer)) return null;
  return range;
}

function isEditable(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as HTMLElement) : node.parentElement;
  if (!el) return false;
  if (el.isContentEditable) return true;
  return el.closest('input, textarea, select') !== null;
}

function isInsideOurs(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (isOurs(n)) return true;
  return false;
}

/** An annotation with the desk switch the background stored for it. */
function withDesk(a: Annotation, desk: { shared: boolean; creator: string | null }): Annotation {
  const { shared: _shared, creator: _creator, ...rest } = a;
  const next: Annotation = { ...rest, shared: desk.shared };
  if (desk.creator !== null) next.creator = desk.creator;
  return next;
}

/** A random UUID (v4). crypto.randomUUID needs a secure context; many news sites are still http. */
function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The claims a figure may be filed under: those of its kind and unit (for counts, what they count),
 * and a claim of its own, described by the passage itself, for a fact the sources do not hold.
 */
function factOffer(
  figure: AttributedFigure,
  claims: readonly { id: string; label: string; kind: string; unit: string }[],
): FactOffer {
  const attributes = claims
    .filter(
      (c) =>
        c.kind === figure.kind &&
        (figure.kind === 'count'
          ? countClass(c.unit) === countClass(figure.unit)
          : c.unit === figure.unit),
    )
    .map((c) => ({ id: c.id, label: c.label }));
  attributes.push({
    id: `user.${uuid().slice(0, 8)}`,
    label: 'Something new, as this passage says',
  });
  return { figureText: figure.text, attributes, suggested: figure.attribute };
}

/**
 * A journalist's fact from a figure they selected: the figure's value as the engine read it, the
 * selection as its quote, and the page as its source (design.md: users' facts carry the page's URL
 * and quote). Offsets are into the page's visible text.
 */
function userFact(
  figure: AttributedFigure,
  attribute: string,
  annotation: Annotation,
  quoteStart: number,
): Fact {
  return {
    id: `user:${uuid()}`,
    attribute,
    kind: figure.kind,
    value: figure.value,
    unit: figure.unit,
    precision: figure.precision,
    qualifier: figure.qualifier ?? null,
    text: figure.text,
    quote: annotation.quote.exact.replace(/\s+/g, ' ').trim(),
    quoteStart,
    quoteEnd: quoteStart + annotation.quote.exact.length,
    start: quoteStart + figure.start,
    end: quoteStart + figure.end,
    source: {
      type: 'user',
      url: annotation.url,
      title: annotation.title || annotation.url,
      date: new Date(annotation.created).toISOString().slice(0, 10),
    },
  };
}
