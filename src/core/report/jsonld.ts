/**
 * A page's automatic highlights (the report's mentions and figures) as W3C Web Annotations, in the
 * same AnnotationCollection form as the user's annotations (src/core/annotations/jsonld.ts), so a
 * tool that reads one reads the other.
 *
 * - A mention is motivated `identifying`; its body names the entity (`factmark:entity/<id>`).
 * - A figure is motivated `assessing`; its body states the verdict in words, and Factmark's terms
 *   carry the normalized value, unit, attribute, verdict and the ids of the facts behind it.
 * - Targets point at the page with a TextQuoteSelector (the text as the reader sees it) and a
 *   TextPositionSelector (offsets into the page's visible text, as in the report).
 * Ids are derived from the page URL and the offsets, so the same page exports the same ids.
 */
import { ANNO_CONTEXT, FACTMARK_NAMESPACE } from '../annotations/jsonld';
import type { Report, ReportFigure, ReportMention } from '../types';

const VERDICT_WORDS: Record<ReportFigure['verdict'], string> = {
  supported: 'Supported by the fact base',
  contradicted: 'Contradicted by the fact base',
  unverified: 'Not in the fact base',
};

function target(report: Report, item: { text: string; start: number; end: number }) {
  return {
    source: report.url,
    selector: [
      { type: 'TextQuoteSelector', exact: item.text },
      { type: 'TextPositionSelector', start: item.start, end: item.end },
    ],
  };
}

function itemId(report: Report, kind: string, item: { start: number; end: number }): string {
  return `${report.url}#factmark-${kind}-${item.start}-${item.end}`;
}

function mentionItem(report: Report, m: ReportMention) {
  return {
    id: itemId(report, 'mention', m),
    type: 'Annotation',
    motivation: 'identifying',
    body: { id: `${FACTMARK_NAMESPACE}entity/${m.entity}`, purpose: 'identifying' },
    target: target(report, m),
    'factmark:entity': m.entity,
  };
}

function figureItem(report: Report, f: ReportFigure) {
  return {
    id: itemId(report, 'figure', f),
    type: 'Annotation',
    motivation: 'assessing',
    body: {
      type: 'TextualBody',
      value: VERDICT_WORDS[f.verdict],
      format: 'text/plain',
      purpose: 'assessing',
    },
    target: target(report, f),
    'factmark:kind': f.kind,
    'factmark:value': f.value,
    'factmark:unit': f.unit,
    'factmark:attribute': f.attribute,
    'factmark:verdict': f.verdict,
    'factmark:facts': f.facts,
  };
}

export function reportToJsonLd(report: Report): string {
  // In page order: mentions and figures interleaved by where they start.
  const placed = [
    ...report.mentions.map((m) => ({ start: m.start, item: mentionItem(report, m) as object })),
    ...report.figures.map((f) => ({ start: f.start, item: figureItem(report, f) as object })),
  ].sort((a, b) => a.start - b.start);
  const items = placed.map((p) => p.item);
  const collection = {
    '@context': [ANNO_CONTEXT, { factmark: FACTMARK_NAMESPACE }],
    id: `${report.url}#factmark-highlights`,
    type: 'AnnotationCollection',
    label: `Factmark highlights: ${report.title || report.url}`,
    total: items.length,
    first: {
      id: `${report.url}#factmark-highlights-page1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items,
    },
  };
  return JSON.stringify(collection, null, 2) + '\n';
}
