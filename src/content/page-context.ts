/**
 * The page's context for attribution, as the content script learns it: the entities named in the
 * title and in every block seen so far (src/core/attribution: a story names its subject once, then
 * says "the project"), and the stories the page is about (it names them often enough). It only
 * grows while the page is walked; `add` tells when it did, so that figures attributed before can
 * be redone.
 */
import { aboutEntities } from '../core/attribution';
import type { ClaimMatcher } from '../core/claims/matcher';
import type { Lexicon } from '../core/entities';
import { findMentions } from '../core/entities';
import type { EntityId, Mention } from '../core/types';
import type { KeyedContext } from './analysis-cache';

export class PageContextTracker {
  private readonly entities = new Set<EntityId>();
  private readonly inTitle = new Map<string, number>();
  private readonly inText = new Map<string, number>();
  private readonly stories: ReadonlySet<string>[];
  private chars = 0;
  private about = new Set<string>();
  private keyed: KeyedContext;
  /** Counts changed since `keyed` was made (the first pass adds every block; it reads once). */
  private dirty = false;

  constructor(
    title: string,
    private readonly claims: ClaimMatcher | null,
    private readonly lang = '',
    private readonly lexicon?: Lexicon,
  ) {
    this.stories = claims?.stories() ?? [];
    for (const m of findMentions(title, false, lexicon)) {
      this.entities.add(m.entity);
      this.inTitle.set(m.entity, (this.inTitle.get(m.entity) ?? 0) + 1);
    }
    this.about = this.aboutNow();
    this.keyed = this.make();
  }

  /**
   * Take in a block's mentions and length; true when the context grew. The first pass takes in
   * every block of the page and reads the context only once it is done: `settle = false` there
   * leaves the reckoning (which stories the page is about) to that read.
   */
  add(mentions: readonly Mention[], chars: number, settle = true): boolean {
    for (const m of mentions) {
      if (!this.entities.has(m.entity)) {
        this.entities.add(m.entity);
        this.dirty = true;
      }
      this.inText.set(m.entity, (this.inText.get(m.entity) ?? 0) + 1);
    }
    this.chars += chars;
    if (mentions.length > 0 || this.about.size > 0) this.dirty = true;
    return settle ? this.settle() : false;
  }

  /** Make the context anew if it changed; true when it did. */
  private settle(): boolean {
    if (!this.dirty) return false;
    this.dirty = false;
    const about = this.aboutNow();
    const entitiesGrew = this.keyed.page.entities.size !== this.entities.size;
    const aboutChanged =
      about.size !== this.about.size || [...about].some((e) => !this.about.has(e));
    if (!entitiesGrew && !aboutChanged) return false;
    this.about = about;
    this.keyed = this.make();
    return true;
  }

  private aboutNow(): Set<string> {
    return aboutEntities(this.inTitle, this.inText, this.chars, this.stories);
  }

  private make(): KeyedContext {
    const entities = new Set(this.entities);
    const about = new Set(this.about);
    const page = { entities, claims: this.claims, aboutEntities: about, lang: this.lang };
    return {
      page: this.lexicon ? { ...page, lexicon: this.lexicon } : page,
      key: `${[...entities].sort().join(' ')}|${[...about].sort().join(' ')}`,
    };
  }

  get current(): KeyedContext {
    this.settle();
    return this.keyed;
  }
}
