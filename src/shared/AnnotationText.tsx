import type { Annotation, AnnotationColor } from '../core/annotations/types';

export const COLOR_NAMES: Record<AnnotationColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
};

/** A small square in an annotation's colour, named for assistive technology. */
export function Swatch({ color }: { color: AnnotationColor }) {
  return <span class={`swatch swatch-${color}`} role="img" aria-label={COLOR_NAMES[color]} />;
}

/**
 * An annotation as a reader recognizes it: colour, quote (clamped by CSS), note and tags. Phrasing
 * content only, so that it may sit inside a button. Page and user text go in as text, never HTML.
 */
export function AnnotationText({ annotation }: { annotation: Annotation }) {
  return (
    <span class="annotation-text">
      <span class="annotation-quote-line">
        <Swatch color={annotation.color} />
        <q class="annotation-quote">{annotation.quote.exact}</q>
      </span>
      {annotation.note ? <span class="annotation-note">{annotation.note}</span> : null}
      {annotation.tags.length > 0 ? (
        <span class="annotation-tags">
          {annotation.tags.map((tag) => (
            <span key={tag} class="tag">
              {tag}
            </span>
          ))}
        </span>
      ) : null}
    </span>
  );
}

/** The start of a quote, for the names of buttons that act on its annotation. */
export function shorten(quote: string, max = 40): string {
  return quote.length <= max ? quote : `${quote.slice(0, max - 1).trimEnd()}…`;
}
