/**
 * The page's context for attribution, as the content script learns it: the entities named in the
 * title and in every block seen so far (src/core/attribution: a story names its subject once, then
 * says "the project"), and whether the page is about a watched story (it names one often enough).
 * It only grows while the page is walked; `add` tells when it did, so that figures attributed
 * before can be redone.
 */
import { isAboutStory } from '../core/attribution';
import type { ClaimMatcher } from '../core/claims/matcher';
import { findMentions } from '../core/entities';
import type { EntityId, Mention } from '../core/types';
import type { KeyedContext } from './analysis-cache';

export class PageContextTracker {
  private readonly entities = new Set<EntityId>();
  private readonly titleMentions: number;
  private textMentions = 0;
  private chars = 0;
  private keyed: KeyedContext;

  constructor(
    title: string,
    private readonly claims: ClaimMatcher | null,
    private readonly lang = '',
  ) {
    const inTitle = findMentions(title);
    this.titleMentions = inTitle.length;
    for (const m of inTitle) this.entities.add(m.entity);
    this.keyed = this.make();
  }

  /** Take in a block's mentions and length; true when the context grew. */
  add(mentions: readonly Mention[], chars: number): boolean {
    let grew = false;
    for (const m of mentions) {
      if (!this.entities.has(m.entity)) {
        this.entities.add(m.entity);
        grew = true;
      }
    }
    const wasAbout = this.aboutStory;
    this.textMentions += mentions.length;
    this.chars += chars;
    if (this.aboutStory !== wasAbout) grew = true;
    if (grew) this.keyed = this.make();
    return grew;
  }

  private get aboutStory(): boolean {
    return isAboutStory(this.titleMentions, this.textMentions, this.chars);
  }

  private make(): KeyedContext {
    const entities = new Set(this.entities);
    const aboutStory = this.aboutStory;
    return {
      page: { entities, claims: this.claims, aboutStory, lang: this.lang },
      key: [...entities].sort().join(' ') + (aboutStory ? ' +story' : ''),
    };
  }

  get current(): KeyedContext {
    return this.keyed;
  }
}
