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

  /** Take in a block's mentions and length; true when the context grew. */
  add(mentions: readonly Mention[], chars: number): boolean {
    let grew = false;
    for (const m of mentions) {
      if (!this.entities.has(m.entity)) {
        this.entities.add(m.entity);
        grew = true;
      }
      this.inText.set(m.entity, (this.inText.get(m.entity) ?? 0) + 1);
    }
    this.chars += chars;
    const about = this.aboutNow();
    if (about.size !== this.about.size || [...about].some((e) => !this.about.has(e))) {
      this.about = about;
      grew = true;
    }
    if (grew) this.keyed = this.make();
    return grew;
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
    return this.keyed;
  }
}
