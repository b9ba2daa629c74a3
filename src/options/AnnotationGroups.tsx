import type { Annotation } from '../core/annotations/types';
import { AnnotationText, shorten } from '../shared/AnnotationText';
import { useDrawnWhole } from '../shared/drawn-whole';
import { isTeammates, type Authored } from '../shared/desk-sync-client';
import { safeHref, siteOf, type AnnotationGroup, type Grouping } from './annotation-query';

interface Props {
  groups: readonly AnnotationGroup[];
  grouping: Grouping;
  selected: ReadonlySet<string>;
  onSelect(id: string, selected: boolean): void;
  /** The journalist's own CouchDB user (desk sync): annotations by anyone else are a teammate's. */
  self?: string;
  /** The desk lets its members change each other's annotations: theirs are not read-only. */
  teamEditing?: boolean;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/**
 * Rows drawn in a new list's first render; the others follow once the browser has painted those
 * (Preact runs effects after the paint). A window of the Library shows a dozen rows, and drawing
 * a page of 200 at once kept its main thread busy for 60 ms after an import (Chromium 156,
 * bench/README.md "export_import"), past the 50 ms that a reader's input may wait.
 */
export const FIRST_ROWS = 40;

/** The annotations shown, under a heading per site or page, each with a checkbox. */
export function AnnotationGroups({
  groups,
  grouping,
  selected,
  onSelect,
  self,
  teamEditing = false,
}: Props) {
  // A new list (new groups) is drawn first rows first again.
  const rowCount = groups.reduce((n, g) => n + g.annotations.length, 0);
  const complete = useDrawnWhole(groups, rowCount, FIRST_ROWS);
  let budget = complete ? Infinity : FIRST_ROWS;
  const drawn = groups.map((group) => {
    const annotations =
      budget >= group.annotations.length
        ? group.annotations
        : group.annotations.slice(0, Math.max(0, budget));
    budget -= annotations.length;
    return { group, annotations };
  });
  return (
    <div class="annotation-groups" aria-busy={complete ? undefined : 'true'}>
      {drawn.map(({ group, annotations }) => (
        <section key={group.key} class="annotation-group" aria-label={group.label}>
          <h3>
            <GroupTitle group={group} />{' '}
            <span class="muted group-count">
              {group.total === 1 ? '1 annotation' : `${group.total.toLocaleString()} annotations`}
            </span>
          </h3>
          <ul class="library-annotations">
            {annotations.map((annotation) => (
              <Row
                key={annotation.id}
                annotation={annotation}
                showPage={grouping === 'site'}
                checked={selected.has(annotation.id)}
                onSelect={onSelect}
                teammate={
                  isTeammates(annotation as Authored, self)
                    ? ((annotation as Authored).creator ?? null)
                    : null
                }
                readOnly={!teamEditing && isTeammates(annotation as Authored, self)}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function GroupTitle({ group }: { group: AnnotationGroup }) {
  const href = group.url === null ? null : safeHref(group.url);
  if (!href) return <span>{group.label}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {group.label}
    </a>
  );
}

interface RowProps {
  annotation: Annotation;
  showPage: boolean;
  checked: boolean;
  onSelect(id: string, selected: boolean): void;
  /** The teammate who wrote it (desk sync). Null for the journalist's own. */
  teammate: string | null;
  /** A teammate's, and the desk does not let its members change each other's. */
  readOnly: boolean;
}

function Row({ annotation, showPage, checked, onSelect, teammate, readOnly }: RowProps) {
  const href = safeHref(annotation.url);
  const shared = (annotation as Authored).shared === true;
  return (
    <li
      class={teammate === null ? 'library-annotation' : 'library-annotation teammates'}
      data-annotation-id={annotation.id}
      data-author={teammate ?? undefined}
    >
      <input
        type="checkbox"
        checked={checked && !readOnly}
        disabled={readOnly}
        aria-label={
          readOnly
            ? `“${shorten(annotation.quote.exact)}” is ${teammate}’s: read-only`
            : `Select “${shorten(annotation.quote.exact)}”`
        }
        onChange={(e) => onSelect(annotation.id, e.currentTarget.checked)}
      />
      <div class="library-annotation-body">
        <AnnotationText annotation={annotation} />
        <span class="muted annotation-meta">
          {teammate !== null ? (
            <>
              <span class="author-badge">
                by {teammate}
                {readOnly ? ' · read-only' : ''}
              </span>{' '}
            </>
          ) : shared ? (
            <>
              <span class="author-badge">shared with the desk</span>{' '}
            </>
          ) : null}
          {Number.isFinite(annotation.created) ? (
            <time dateTime={new Date(annotation.created).toISOString()}>
              {dateFormat.format(annotation.created)}
            </time>
          ) : null}
          {showPage ? (
            <>
              {' · '}
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {annotation.title || siteOf(annotation.url)}
                </a>
              ) : (
                annotation.title || annotation.url
              )}
            </>
          ) : null}
        </span>
      </div>
    </li>
  );
}
