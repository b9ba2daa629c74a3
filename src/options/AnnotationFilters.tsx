import { useId } from 'preact/hooks';
import { ENTITIES } from '../core/entities';
import {
  ANY_ANNOTATION,
  MINE,
  authorChoice,
  type AnnotationQuery,
  type Grouping,
} from './annotation-query';

const VERDICT_LABELS: [string, string][] = [
  ['supported', 'Supported'],
  ['contradicted', 'Contradicted'],
  ['unverified', 'Unverified'],
];

interface Props {
  query: AnnotationQuery;
  /** Changes the query: given the change, not the new query, so quick edits never undo each other. */
  onQuery(change: (query: AnnotationQuery) => AnnotationQuery): void;
  grouping: Grouping;
  onGrouping(grouping: Grouping): void;
  /** The choices the annotations offer. */
  tags: readonly string[];
  entities: readonly string[];
  /**
   * Teammates whose annotations desk sync brought (their CouchDB users): with any, the author
   * filter is shown ("Me", or one of them). Empty without desk sync.
   */
  authors?: readonly string[];
}

/** The search box, the filters and the grouping of the Library's annotation list. */
export function AnnotationFilters({
  query,
  onQuery,
  grouping,
  onGrouping,
  tags,
  entities,
  authors = [],
}: Props) {
  const id = useId();
  const set = (field: keyof AnnotationQuery) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    onQuery((current) => ({ ...current, [field]: value }));
  };
  const entityLabel = (entity: string) => ENTITIES.find((e) => e.id === entity)?.label ?? entity;
  const filtered = Object.entries(query).some(
    ([field, value]) => value !== ANY_ANNOTATION[field as keyof AnnotationQuery],
  );

  return (
    <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <div class="field field-wide">
        <label for={`${id}-text`}>Search</label>
        <input
          id={`${id}-text`}
          type="search"
          placeholder="Quote, note, tag or site"
          value={query.text}
          onInput={set('text')}
        />
      </div>
      <div class="field">
        <label for={`${id}-tag`}>Tag</label>
        <select id={`${id}-tag`} value={query.tag} onChange={set('tag')}>
          <option value="">Any tag</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-entity`}>Entity</label>
        <select id={`${id}-entity`} value={query.entity} onChange={set('entity')}>
          <option value="">Any entity</option>
          {entities.map((entity) => (
            <option key={entity} value={entity}>
              {entityLabel(entity)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-verdict`}>Verdict</label>
        <select id={`${id}-verdict`} value={query.verdict} onChange={set('verdict')}>
          <option value="">Any verdict</option>
          {VERDICT_LABELS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {authors.length > 0 || query.author !== '' ? (
        <div class="field">
          <label for={`${id}-author`}>Author</label>
          <select id={`${id}-author`} value={query.author} onChange={set('author')}>
            <option value="">Anyone</option>
            <option value={MINE}>Me</option>
            {authors.map((author) => (
              <option key={author} value={authorChoice(author)}>
                {author}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div class="field">
        <label for={`${id}-from`}>Made from</label>
        <input id={`${id}-from`} type="date" value={query.from} onChange={set('from')} />
      </div>
      <div class="field">
        <label for={`${id}-to`}>to</label>
        <input id={`${id}-to`} type="date" value={query.to} onChange={set('to')} />
      </div>
      <div class="field">
        <label for={`${id}-group`}>Group by</label>
        <select
          id={`${id}-group`}
          value={grouping}
          onChange={(e) => onGrouping(e.currentTarget.value === 'page' ? 'page' : 'site')}
        >
          <option value="site">Site</option>
          <option value="page">Page</option>
        </select>
      </div>
      {filtered ? (
        <button
          type="button"
          class="button button-quiet"
          onClick={() => onQuery(() => ANY_ANNOTATION)}
        >
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
