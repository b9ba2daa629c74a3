/**
 * The page's report (page-report.ts), kept while nothing it was made from changes: a popup opened
 * again on the same page is answered without a second walk. At 1,000 paragraphs a report is 10–22
 * ms of the content script's work, and took 20–60 ms of the popup's first render on the benchmark,
 * sharing 2 cores with the popup's load (bench/README.md, "popup_first_render_ms").
 *
 * What a report is made from, and how each change is seen:
 * - the page's nodes, text and attributes (visibility is read from attributes, never from computed
 *   style: page-walker.ts), its title and its `lang`: a MutationObserver on the whole document,
 *   attributes included. It is connected only while a report is held or being made, and
 *   disconnects at its first record: a page that changes all the time pays for one record.
 * - trees the document's observer does not see (an open shadow root, a same-origin frame, loaded
 *   or still loading, whose document can also be navigated without a record in ours): such a
 *   report is not kept.
 * - the URL (pushState changes no node), the facts and the watched names: compared when asked.
 *
 * Our own UI host (ui-root.ts) is in the document; its records are not the page's.
 *
 * One change makes no record anywhere: a shadow root attached later to an element whose light
 * children the walk read (a custom element defined after the report). The report keeps the light
 * text, which a slot usually still shows, until the page's next change of any kind.
 */
import type { FactIndex } from '../core/compare';
import type { Lexicon } from '../core/entities';
import type { PageReport } from './page-report';
import { safely } from './safe';
import { isOurs } from './ui-root';

/** What a report depends on besides the document's nodes. */
export interface ReportInputs {
  url: string;
  facts: FactIndex;
  lexicon: Lexicon;
}

const WATCH: MutationObserverInit = {
  subtree: true,
  childList: true,
  characterData: true,
  attributes: true,
};

export class ReportCache {
  private held: { report: PageReport; inputs: ReportInputs } | null = null;
  /** Counts the page's changes seen while watching: a report made across one is not kept. */
  private changes = 0;
  /** Reports being made now (two popups may ask at once). */
  private making = 0;
  private observer: MutationObserver | null = null;
  private watching = false;

  constructor(private readonly doc: Document) {}

  /** The held report when it still holds for `inputs`; otherwise `make`'s, kept if it may be. */
  async get(inputs: ReportInputs, make: () => Promise<PageReport>): Promise<PageReport> {
    this.drain();
    const held = this.held;
    if (held && sameInputs(held.inputs, inputs)) return held.report;
    this.held = null;
    this.watch();
    const before = this.changes;
    this.making++;
    let report: PageReport;
    try {
      report = await make();
    } finally {
      this.making--;
    }
    this.drain();
    if (this.changes === before && report.inOneTree) this.held = { report, inputs };
    else if (this.making === 0 && !this.held) this.unwatch();
    return report;
  }

  /** Forget the held report and stop watching (the content script stops). */
  clear(): void {
    this.held = null;
    this.unwatch();
  }

  private watch(): void {
    if (this.watching) return;
    // The content script's own constructor, as page-highlights.ts uses: never one the page
    // could have replaced on its window.
    this.observer ??= new MutationObserver(
      safely((records: MutationRecord[]) => this.onRecords(records)),
    );
    this.observer.observe(this.doc, WATCH);
    this.watching = true;
  }

  private unwatch(): void {
    if (!this.watching) return;
    this.observer?.disconnect();
    this.watching = false;
  }

  /** Records not yet delivered (a change in this very task) counted now. */
  private drain(): void {
    if (!this.watching || !this.observer) return;
    const pending = this.observer.takeRecords();
    if (pending.length > 0) this.onRecords(pending);
  }

  private onRecords(records: MutationRecord[]): void {
    if (records.every(isOurRecord)) return;
    this.changes++;
    this.held = null;
    if (this.making === 0) this.unwatch();
  }
}

function sameInputs(a: ReportInputs, b: ReportInputs): boolean {
  return a.url === b.url && a.facts === b.facts && a.lexicon === b.lexicon;
}

/** A record about our UI host only: its own attributes, or it coming or going. */
function isOurRecord(record: MutationRecord): boolean {
  if (record.type === 'attributes') return isOurs(record.target);
  if (record.type !== 'childList') return false;
  for (const node of record.addedNodes) if (!isOurs(node)) return false;
  for (const node of record.removedNodes) if (!isOurs(node)) return false;
  return record.addedNodes.length + record.removedNodes.length > 0;
}
