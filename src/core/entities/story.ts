/**
 * The lexicon of a story: which entities are watched. The CLI (`--entities`, `--no-bundled`,
 * src/cli/story.ts), the background (its sources' facts) and the content script (a page's
 * mentions) all build it here, so that the same names give the same mentions, subjects and
 * stories everywhere.
 */
import { ENTITIES } from './lexicon';
import { BUNDLED_LEXICON, lexiconOfParts, type Lexicon } from './match';
import { watchedEntity, type WatchedName } from './watched';

/**
 * The bundled entities watched (`bundled`: their ids, or 'all'), then the journalist's own
 * names, in order. All three bundled and no name of one's own is the bundled lexicon itself; all
 * three and names of one's own is `BUNDLED_LEXICON.with(own)`, as the CLI builds it without
 * `--no-bundled` (and `lexiconOfParts([[], own])` with it, which is no bundled id here). The bundled
 * names and one's own are two parts of the lexicon, each with its own pre-check (match.ts).
 */
export function storyLexicon(
  bundled: 'all' | ReadonlySet<string>,
  own: readonly WatchedName[],
): Lexicon {
  const definitions = own.map(watchedEntity);
  const all = bundled === 'all' || ENTITIES.every((e) => bundled.has(e.id));
  if (all) return definitions.length === 0 ? BUNDLED_LEXICON : BUNDLED_LEXICON.with(definitions);
  return lexiconOfParts([ENTITIES.filter((e) => bundled.has(e.id)), definitions]);
}

/** A watched name as the extension stores it: bundled or the journalist's, on or off. */
export interface ListedName extends WatchedName {
  bundled: boolean;
  enabled: boolean;
}

/**
 * The lexicon of the names switched on: a bundled one by its own hand-written rules (its
 * `aliases` are shown, not matched), one of the journalist's by its name and aliases.
 */
export function lexiconOfNames(names: readonly ListedName[]): Lexicon {
  const bundled = new Set(names.filter((n) => n.bundled && n.enabled).map((n) => n.id));
  return storyLexicon(
    bundled,
    names.filter((n) => !n.bundled && n.enabled),
  );
}
