/**
 * Which annotations a Library search or filter asks for, and in what order they are listed: one
 * definition for the background, which evaluates the query over an IndexedDB cursor a page at a
 * time (src/background/db.ts annotationsPage), and for whoever checks it (docs/contracts.md,
 * `factmark/annotations-page`).
 */
import type { Annotation } from './types';

/** A query of the Library: every part given must hold; an absent part matches everything. */
export interface AnnotationQuery {
  /** Words looked for in the quote, note, tags, site and page title; all of them, case-insensitive. */
  text?: string;
  /** One tag, exactly. */
  tag?: string;
  /** One entity id. */
  entity?: string;
  /** One verdict. */
  verdict?: string;
  /** Made at or after this time (`created`, ms since the epoch). */
  from?: number;
  /** Made before this time (`created`, ms since the epoch). */
  until?: number;
  /**
   * Whose (desk sync): annotations whose `creator` is this CouchDB user. With `mine`, the
   * journalist's own: also every annotation without a creator (never shared, or shared before
   * sync named its author).
   */
  author?: string;
  /** The journalist's own annotations: without a `creator`, or by `author` (their own user). */
  mine?: boolean;
}

/** The author of an annotation as desk sync records it (`creator`), when there is one. */
function creatorOf(a: Annotation): string | undefined {
  const creator = (a as { creator?: unknown }).creator;
  return typeof creator === 'string' && creator !== '' ? creator : undefined;
}

/**
 * Where a page of the list starts: just after the annotation with this `updated` and `id` (the
 * last one of the page before). The list is ordered newest first: by `updated` descending, then
 * by `id` descending.
 */
export interface PageCursor {
  updated: number;
  id: string;
}

/** The site of a page as the search box sees it: its host, or the URL itself when it has none. */
export function searchSite(url: string): string {
  try {
    return new URL(url).hostname || url;
  } catch {
    return url;
  }
}

/** The lowercase text the search words are looked for in. */
export function searchText(a: Annotation): string {
  return [a.quote.exact, a.note, ...a.tags, searchSite(a.url), a.title].join('\n').toLowerCase();
}

/** The words of a search, lowercase. */
export function searchWords(text: string | undefined): string[] {
  return (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether the query asks for anything (else every annotation matches). */
export function isEmptyQuery(query: AnnotationQuery | undefined): boolean {
  return (
    query === undefined ||
    (searchWords(query.text).length === 0 &&
      !query.tag &&
      !query.entity &&
      !query.verdict &&
      query.from === undefined &&
      query.until === undefined &&
      !query.author &&
      !query.mine)
  );
}

/** A predicate for the query (the words split once, not per annotation). */
export function queryMatcher(query: AnnotationQuery | undefined): (a: Annotation) => boolean {
  if (query === undefined || isEmptyQuery(query)) return () => true;
  const words = searchWords(query.text);
  const { tag, entity, verdict, from, until, author, mine } = query;
  return (a) => {
    if (mine) {
      const creator = creatorOf(a);
      if (creator !== undefined && creator !== author) return false;
    } else if (author && creatorOf(a) !== author) return false;
    if (tag && !a.tags.includes(tag)) return false;
    if (entity && !(a.entities as readonly string[]).includes(entity)) return false;
    if (verdict && !(a.verdicts as readonly string[]).includes(verdict)) return false;
    if (from !== undefined && !(a.created >= from)) return false;
    if (until !== undefined && !(a.created < until)) return false;
    if (words.length === 0) return true;
    const haystack = searchText(a);
    return words.every((w) => haystack.includes(w));
  };
}

/** The list's order, newest first: `updated` descending, then `id` descending. */
export function newestFirst(a: Annotation, b: Annotation): number {
  return b.updated - a.updated || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Whether `a` comes after the cursor in the list's order. */
export function isAfter(a: Annotation, cursor: PageCursor): boolean {
  return a.updated < cursor.updated || (a.updated === cursor.updated && a.id < cursor.id);
}

/** The cursor just after `a`. */
export function cursorAfter(a: Annotation): PageCursor {
  return { updated: a.updated, id: a.id };
}

/**
 * Whether the stored annotation is newer than the incoming one with the same id, for an import:
 * the newer is kept (docs/contracts.md, `factmark/import`). At the same `updated` time the stored
 * one is kept: an import never replaces a journalist's work without being newer.
 */
export function keepsStored(stored: Annotation, incoming: Annotation): boolean {
  return !(incoming.updated > stored.updated);
}

/** Whether two annotations hold the same data (the model's fields; order of keys aside). */
export function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return (
    a.id === b.id &&
    a.url === b.url &&
    a.title === b.title &&
    a.quote.exact === b.quote.exact &&
    a.quote.prefix === b.quote.prefix &&
    a.quote.suffix === b.quote.suffix &&
    a.position.start === b.position.start &&
    a.position.end === b.position.end &&
    a.color === b.color &&
    a.note === b.note &&
    sameList(a.tags, b.tags) &&
    sameList(a.entities, b.entities) &&
    sameList(a.verdicts, b.verdicts) &&
    a.created === b.created &&
    a.updated === b.updated
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
