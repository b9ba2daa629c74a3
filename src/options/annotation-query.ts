/**
 * The Library's search and filters as its form holds them, turned into the query the background
 * evaluates over its cursor (factmark/annotations-page, src/core/annotations/query.ts); and the
 * grouping of one page of the list. The list itself is never all in the page: it comes a page at
 * a time.
 */
import type { AnnotationQuery as PageQuery } from '../core/annotations/query';
import type { Annotation } from '../core/annotations/types';

export interface AnnotationQuery {
  /** Words looked for in the quote, note, tags, site and page title; case-insensitive. */
  text: string;
  /** '' for any; otherwise one tag, exactly. */
  tag: string;
  entity: string;
  verdict: string;
  /** Dates made, as <input type=date> gives them (YYYY-MM-DD, local), inclusive; '' for open. */
  from: string;
  to: string;
  /** Whose (desk sync): '' for anyone's, MINE for the journalist's own, else `author:<user>`. */
  author: string;
}

export const ANY_ANNOTATION: AnnotationQuery = {
  text: '',
  tag: '',
  entity: '',
  verdict: '',
  from: '',
  to: '',
  author: '',
};

/** The author filter's value for the journalist's own annotations. */
export const MINE = 'mine';
/** The author filter's value for one teammate's annotations. */
export const authorChoice = (user: string) => `author:${user}`;

export type Grouping = 'site' | 'page';

/** The site of a page: its host, or the URL itself when it has none. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname || url;
  } catch {
    return url;
  }
}

/** Midnight at the start of a local date, in ms; NaN for '' or a malformed date. */
function startOfDay(date: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00`).getTime() : NaN;
}

/** The end of a local date: the next midnight (DST days are not 24 h long); NaN for ''. */
function endOfDay(date: string): number {
  const start = startOfDay(date);
  if (Number.isNaN(start)) return NaN;
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return next.getTime();
}

/**
 * The form's query as the background takes it: only the parts given, dates as times in the
 * journalist's own time zone (from midnight of "from" to the midnight after "to"); the author as
 * desk sync names it (`self`: the journalist's own CouchDB user, when sync has one).
 */
export function toPageQuery(query: AnnotationQuery, self?: string): PageQuery {
  const out: PageQuery = {};
  if (query.text.trim() !== '') out.text = query.text;
  if (query.tag) out.tag = query.tag;
  if (query.entity) out.entity = query.entity;
  if (query.verdict) out.verdict = query.verdict;
  const from = startOfDay(query.from);
  if (!Number.isNaN(from)) out.from = from;
  const until = endOfDay(query.to);
  if (!Number.isNaN(until)) out.until = until;
  if (query.author === MINE) {
    out.mine = true;
    if (self) out.author = self;
  } else if (query.author.startsWith('author:')) {
    out.author = query.author.slice('author:'.length);
  }
  return out;
}

export interface AnnotationGroup {
  /** The site's host, or the page's URL. */
  key: string;
  /** What the group is called: the host, or the page's title. */
  label: string;
  /** The page's URL, for a group per page; null for a group per site. */
  url: string | null;
  /** How many of the page's annotations are in the group. */
  total: number;
  /** The ones shown, newest first. */
  annotations: Annotation[];
}

/**
 * One page's annotations in groups (by site or by page), the group with the newest annotation
 * first, newest first within each; only the first `limit` annotations in that order are shown.
 */
export function groupAnnotations(
  list: readonly Annotation[],
  grouping: Grouping,
  limit: number,
): AnnotationGroup[] {
  const newestFirst = [...list].sort((a, b) => b.updated - a.updated);
  const byKey = new Map<string, Annotation[]>();
  for (const a of newestFirst) {
    const key = grouping === 'site' ? siteOf(a.url) : a.url;
    const group = byKey.get(key);
    if (group) group.push(a);
    else byKey.set(key, [a]);
  }
  const groups: AnnotationGroup[] = [];
  let left = limit;
  for (const [key, members] of byKey) {
    if (left <= 0) break;
    const shown = members.slice(0, left);
    left -= shown.length;
    const first = members[0]!;
    groups.push({
      key,
      label: grouping === 'site' ? key : first.title || first.url,
      url: grouping === 'page' ? first.url : null,
      total: members.length,
      annotations: shown,
    });
  }
  return groups;
}

/** A URL a link may point to: http(s) only, never javascript: or data: from stored text. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
