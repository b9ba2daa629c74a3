/**
 * Factmark's content script. Runs in every frame of http(s) pages, in the extension's isolated
 * world: it defines nothing the page can see, adds one closed-shadow UI host, paints highlights
 * through the CSS Custom Highlight API, and stores nothing in the page's storage — facts and
 * settings come from the background by message.
 */
import { compareFigure, indexFacts, type FactIndex } from '../core/compare';
import { analyzeBlock } from '../core/report/analyze';
import { claimsOf } from '../core/claims/label';
import { BUNDLED_LEXICON, lexiconOfNames, type Lexicon } from '../core/entities';
import type { EntityId, Fact, Verdict } from '../core/types';
import { annotationKey, AnnotationsFeature } from './annotations-feature';
import { parseContentRequest, type ContentRequest } from '../shared/messages';
import type { ContentAnswer } from '../shared/protocol';
import {
  parseWatchedNames,
  sourceTextProblem,
  type PageTextAnswer,
} from '../shared/sources-protocol';
import { contentBrowserApi, type ContentBrowserApi } from './browser-api';
import { Highlighter } from './highlighter';
import { HoverCard } from './hover-card';
import { OverviewStrip } from './overview-strip';
import { PageHighlights, revealRange } from './page-highlights';
import { PageText } from './page-text';
import { rangeOfItem } from './page-items';
import { buildPageReport, type PageReport } from './page-report';
import { NavigationLifecycle } from './navigation-lifecycle';
import { ReportCache } from './report-cache';
import { report as reportError, safely } from './safe';
import { warmUpEngine } from './engine-warm-up';
import { TrustedEventGate } from './trusted-events';
import { createUiRoot, type UiRoot } from './ui-root';
import { UI_CSS } from './ui-styles';

/** The fact base's claims as the annotation editor offers them. */
function claimChoices(
  facts: Iterable<Fact>,
): { id: string; label: string; kind: string; unit: string }[] {
  return claimsOf(facts).map((c) => ({
    id: c.id,
    label: c.label,
    kind: (c.facts[0] as Fact).kind,
    unit: (c.facts[0] as Fact).unit,
  }));
}

export class ContentApp {
  private facts: FactIndex = indexFacts([]);
  private factsById = new Map<string, Fact>();
  /** The names watched now (factmark/entities), and their display names for the hover card. */
  private lexicon: Lexicon = BUNDLED_LEXICON;
  private entityLabels = new Map<string, string>();
  private enabled = true;
  private highlightsRun: AbortController | null = null;
  private readonly life = new AbortController();
  private ui: UiRoot | null = null;
  private highlighter: Highlighter | null = null;
  private lastReport: PageReport | null = null;
  private readonly reports: ReportCache;
  private highlights: PageHighlights | null = null;
  private annotationPages: NavigationLifecycle<AnnotationsFeature> | null = null;
  /** When start() was called (ContentStats.startMs). */
  private startMs = 0;

  constructor(
    private readonly doc: Document,
    private readonly api: ContentBrowserApi,
  ) {
    this.reports = new ReportCache(doc);
  }

  async start(): Promise<void> {
    this.startMs = performance.now();
    const unsubscribe = this.api.onMessage((message, senderId) =>
      this.onMessage(message, senderId),
    );
    this.life.signal.addEventListener('abort', unsubscribe, { once: true });
    // The facts and the site's switch are asked for at once: two round trips to the background
    // in turn were one more wait before the page's highlights.
    const host = this.doc.location?.hostname ?? '';
    const answers = Promise.all([
      this.loadFacts(),
      host ? this.api.request({ type: 'factmark/site-get', host }) : null,
    ]);
    // While the background answers, the engine's code is compiled on texts of its own
    // (engine-warm-up.ts): a task of its own, so the script's load stays as long as it was. Only
    // in the page the journalist reads: a frame's (an embed's, an advertisement's) is mostly
    // short, and would pay more for the warm-up than its pass saves.
    if (this.isTopFrame) {
      setTimeout(
        safely(() => {
          if (!this.highlightsRun && !this.life.signal.aborted) {
            warmUpEngine(this.doc.documentElement?.lang ?? '', this.lexicon);
          }
        }),
        0,
      );
    }
    const [, site] = await answers;
    if (site) this.enabled = site.ok ? site.enabled : true;
    if (this.enabled) this.startHighlights();
  }

  stop(): void {
    this.highlightsRun?.abort();
    this.reports.clear();
    this.life.abort();
  }

  private async loadFacts(): Promise<void> {
    const [answer, names] = await Promise.all([
      this.api.request({ type: 'factmark/facts' }),
      this.api.request({ type: 'factmark/entities' }).catch(() => null),
    ]);
    if (!answer.ok) throw new Error(`facts unavailable: ${answer.error}`);
    this.facts = indexFacts(answer.facts);
    this.factsById = new Map(answer.facts.map((f) => [f.id, f]));
    // The watched names switched on, made into a lexicon by the engine as the CLI makes it; an
    // answer of the wrong shape (an older background) leaves the bundled names.
    const watched = parseWatchedNames(names);
    if (watched !== null) {
      this.lexicon = lexiconOfNames(watched);
      this.entityLabels = new Map(watched.filter((n) => !n.bundled).map((n) => [n.id, n.name]));
    }
  }

  private startHighlights(): void {
    if (this.highlightsRun) return;
    const run = new AbortController();
    this.highlightsRun = run;
    this.ui ??= createUiRoot(this.doc, UI_CSS);
    this.highlighter ??= new Highlighter();
    const view = this.doc.defaultView;
    const pointer = view ? new TrustedEventGate(view, ['pointermove'], run.signal) : null;
    const highlights = new PageHighlights({
      doc: this.doc,
      facts: this.facts,
      factsById: this.factsById,
      lexicon: this.lexicon,
      highlighter: this.highlighter,
      card: new HoverCard(
        this.ui.shadow,
        () => pointer?.trusted ?? false,
        (id) => this.entityLabels.get(id),
      ),
      strip: new OverviewStrip(this.ui.shadow),
    });
    this.highlights = highlights;
    highlights.init(run.signal).catch(reportError);
    // Annotations live in the top frame, whose visible text includes same-origin frames' (the
    // text their offsets are into). One AnnotationsFeature per page of a single-page app: a
    // navigation to another page takes the old page's down and loads the new page's.
    if (this.isTopFrame && view) {
      const ui = this.ui;
      this.annotationPages = new NavigationLifecycle({
        view,
        signal: run.signal,
        key: () => annotationKey(this.doc),
        start: (signal) => {
          const annotations = new AnnotationsFeature({
            doc: this.doc,
            api: this.api,
            shadow: ui.shadow,
            highlighter: () => this.highlighter,
            classify: (text) => this.classify(text),
            claims: () => claimChoices(this.factsById.values()),
            figuresIn: (text) =>
              analyzeBlock(text.replace(/\n/g, ' '), this.highlights?.pageContext).figures,
            onFactAdded: () => {
              this.refreshFacts().catch(reportError);
            },
          });
          annotations.init(signal).catch(reportError);
          return annotations;
        },
      });
    }
  }

  /** The annotations of the page the tab shows now (top frame only). */
  private get annotations(): AnnotationsFeature | null {
    return this.annotationPages?.current ?? null;
  }

  /** Facts changed (a user's fact added): load them again and redo the page's highlights. */
  private async refreshFacts(): Promise<void> {
    await this.loadFacts();
    if (!this.enabled) return;
    this.stopHighlights();
    this.startHighlights();
  }

  private get isTopFrame(): boolean {
    const view = this.doc.defaultView;
    return !view || view === view.top;
  }

  /** Entities and verdicts in a passage, for filing an annotation. */
  private classify(text: string): { entities: EntityId[]; verdicts: Verdict[] } {
    const analysis = analyzeBlock(text.replace(/\n/g, ' '), this.highlights?.pageContext);
    const entities = [...new Set(analysis.mentions.map((m) => m.entity))];
    const verdicts = [
      ...new Set(analysis.figures.map((f) => compareFigure(f, this.facts).verdict)),
    ];
    return { entities, verdicts };
  }

  private stopHighlights(): void {
    this.highlightsRun?.abort();
    this.highlightsRun = null;
    this.annotationPages = null;
    this.highlighter?.dispose();
    this.highlighter = null;
    this.ui?.remove();
    this.ui = null;
  }

  private onMessage(message: unknown, senderId: string | undefined): Promise<unknown> | undefined {
    if (senderId !== this.api.extensionId) return undefined;
    const request = parseContentRequest(message);
    if (!request) return undefined;
    // Only the top frame answers: the popup asks the tab, and the top frame's report includes
    // same-origin frames. Sub-frames answering too would race it.
    if (this.doc.defaultView && this.doc.defaultView !== this.doc.defaultView.top) return undefined;
    return this.handle(request);
  }

  /** Answers typed by the contract (src/shared/protocol.ts ContentCalls). */
  private async handle(request: ContentRequest): Promise<ContentAnswer> {
    switch (request.type) {
      case 'factmark/report': {
        const inputs = {
          url: this.doc.location?.href ?? '',
          facts: this.facts,
          lexicon: this.lexicon,
        };
        this.lastReport = await this.reports.get(inputs, () =>
          buildPageReport(this.doc, inputs.facts, this.life.signal, inputs.lexicon),
        );
        return {
          ...this.lastReport.report,
          annotations: (await this.annotations?.settledState()) ?? [],
        };
      }
      case 'factmark/reveal': {
        const items =
          request.target === 'figure'
            ? this.lastReport?.figureItems
            : this.lastReport?.mentionItems;
        const item = items?.[request.index];
        const range = item ? rangeOfItem(item) : null;
        if (!range || range.collapsed) return { ok: false, error: 'not on the page any more' };
        const highlighter = this.highlighter ?? new Highlighter();
        this.highlighter = highlighter;
        revealRange(this.doc, range, highlighter);
        return { ok: true };
      }
      case 'factmark/stats':
        return this.highlights ? { ...this.highlights.stats, startMs: this.startMs } : null;
      case 'factmark/annotate':
        return { ok: (await this.annotations?.annotateSelection()) ?? false };
      case 'factmark/reveal-annotation':
        return { ok: this.annotations?.reveal(request.id) ?? false };
      case 'factmark/annotations-changed':
        await this.annotations?.reload();
        return { ok: true };
      case 'factmark/site-enabled': {
        this.enabled = request.enabled;
        if (request.enabled) this.startHighlights();
        else this.stopHighlights();
        return { ok: true, enabled: this.enabled };
      }
      case 'factmark/page-text':
        return this.pageText();
    }
  }

  /**
   * The page as a source (factmark/page-text): its visible text as the report reads it, its title,
   * URL and language. Only the extension can ask (onMessage), and only the top frame answers.
   * A page too large to be a source is refused here, before its text is sent anywhere.
   */
  private async pageText(): Promise<PageTextAnswer> {
    const url = this.doc.location?.href ?? '';
    const page = await PageText.build(this.doc, this.life.signal);
    const problem = sourceTextProblem(page.text);
    if (problem !== null) return { ok: false, error: `this page's text ${problem}` };
    return {
      ok: true,
      title: this.doc.title.replace(/\s+/g, ' ').trim(),
      url,
      lang: this.doc.documentElement?.lang ?? '',
      text: page.text,
    };
  }
}

// Start once per document; a module runs once per injection, so module state is the guard.
new ContentApp(document, contentBrowserApi).start().catch(reportError);
