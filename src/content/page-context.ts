/**
 * The page's context for attribution, as the content script learns it: the entities named in the
 * title and in every block seen so far (src/core/attribution: a story names its subject once, then
 * says "the project"). It only grows while the page is walked; `add` tells when it did, so that
 * figures attributed before can be redone.
 */
import type { ClaimMatcher } from '../core/claims/matcher';
import { findMentions } from '../core/entities';
import type { EntityId, Mention } from '../core/types';
import type { KeyedContext } from './analysis-cache';

export class PageContextTracker {
  private readonly entities = new Set<EntityId>();
  private keyed: KeyedContext;

  constructor(
    title: string,
    private readonly claims: ClaimMatcher | null,
  ) {
    this.keyed = { page: { entities: new Set(), claims }, key: '' };
    this.add(findMentions(title));
  }

  /** Take in a block's mentions; true when the context grew. */
  add(mentions: readonly Mention[]): boolean {
    let grew = false;
    for (const m of mentions) {
      if (!this.entities.has(m.entity)) {
        this.entities.add(m.entity);
        grew = true;
      }
    }
    if (grew) {
      const entities = new Set(this.entities);
      this.keyed = { page: { entities, claims: this.claims }, key: [...entities].sort().join(' ') };
    }
    return grew;
  }

  get current(): KeyedContext {
    return this.keyed;
  }
}
