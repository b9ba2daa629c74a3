/** Journalists' annotations: selectors, anchoring, page identity and the export formats. */
export type { Annotation, AnnotationColor, TextPositionSelector, TextQuoteSelector } from './types';
export { ANNOTATION_COLORS } from './types';
export { TRACKING_PARAMETERS, canonicalUrl, siteOf } from './url';
export { CONTEXT_LENGTH, describe } from './selectors';
export { anchor, anchorAll, type AnchorSelectors, type Anchored } from './anchor';
export {
  ANNO_CONTEXT,
  FACTMARK_NAMESPACE,
  IMPORT_LIMITS,
  parseJsonLd,
  skipReasons,
  toJsonLd,
  type JsonLdExportOptions,
  type JsonLdParseOptions,
  type JsonLdParseResult,
  type SkipKind,
  type SkippedItem,
} from './jsonld';
export { ANNOTATION_LIMITS, draftProblem, type AnnotationDraft } from './limits';
export { ANNOTATION_CSV_HEADER, annotationsToCsv } from './csv';
export { annotationsToMarkdown, escapeMarkdownLine } from './markdown';
