import type { Annotation } from '../core/annotations/types';
import { AnnotationText, shorten } from '../shared/AnnotationText';
import { safeHref, siteOf, type AnnotationGroup, type Grouping } from './annotation-query';

interface Props {
  groups: readonly AnnotationGroup[];
  grouping: Grouping;
  selected: ReadonlySet<string>;
  onSelect(id: string, selected: boolean): void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** The annotations shown, under a heading per site or page, each with a checkbox. */
export function AnnotationGroups({ groups, grouping, selected, onSelect }: Props) {
  return (
    <div class="annotation-groups">
      {groups.map((group) => (
        <section key={group.key} class="annotation-group" aria-label={group.label}>
          <h3>
            <GroupTitle group={group} />{' '}
            <span class="muted group-count">
              {group.total === 1 ? '1 annotation' : `${group.total.toLocaleString()} annotations`}
            </span>
          </h3>
          <ul class="library-annotations">
            {group.annotations.map((annotation) => (
              <Row
                key={annotation.id}
                annotation={annotation}
                showPage={grouping === 'site'}
                checked={selected.has(annotation.id)}
                onSelect={onSelect}
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
}

function Row({ annotation, showPage, checked, onSelect }: RowProps) {
  const href = safeHref(annotation.url);
  return (
    <li class="library-annotation" data-annotation-id={annotation.id}>
      <input
        type="checkbox"
        checked={checked}
        aria-label={`Select “${shorten(annotation.quote.exact)}”`}
        onChange={(e) => onSelect(annotation.id, e.currentTarget.checked)}
      />
      <div class="library-annotation-body">
        <AnnotationText annotation={annotation} />
        <span class="muted annotation-meta">
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
