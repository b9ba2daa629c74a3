import { ENTITIES } from '../core/entities';
import type { ReportMention } from '../core/types';

// More spellings than this are summarized as "…": the list must stay one line or two.
const MAX_SPELLINGS = 4;

interface EntityCount {
  id: string;
  label: string;
  count: number;
  /** How the page wrote it, each spelling once, in order of first appearance. */
  spellings: string[];
}

export function countEntities(mentions: readonly ReportMention[]): EntityCount[] {
  const byId = new Map<string, EntityCount>();
  for (const m of mentions) {
    let entry = byId.get(m.entity);
    if (!entry) {
      const label = ENTITIES.find((e) => e.id === m.entity)?.label ?? m.entity;
      entry = { id: m.entity, label, count: 0, spellings: [] };
      byId.set(m.entity, entry);
    }
    entry.count++;
    if (!entry.spellings.includes(m.text)) entry.spellings.push(m.text);
  }
  return [...byId.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** The story's entities the page mentions, with counts and the spellings it used. */
export function EntityList({ mentions }: { mentions: readonly ReportMention[] }) {
  const entities = countEntities(mentions);
  return (
    <section class="section" aria-labelledby="entities-heading">
      <h2 id="entities-heading">Entities</h2>
      {entities.length === 0 ? (
        <p class="muted">No mention of Reko Diq, the US Export-Import Bank or Barrick.</p>
      ) : (
        <ul class="entities">
          {entities.map((e) => (
            <li key={e.id} class="entity" data-entity={e.id}>
              <span class="entity-name">{e.label}</span>
              <span class="entity-count" aria-label={`${e.count} mentions`}>
                {e.count}
              </span>
              {e.spellings.some((s) => s !== e.label) ? (
                <span class="entity-spellings muted">
                  Written as {e.spellings.slice(0, MAX_SPELLINGS).join(' · ')}
                  {e.spellings.length > MAX_SPELLINGS ? ' · …' : ''}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
