/**
 * A journalist's own story for the CLI: source articles (`--sources`, .txt like the seeds or
 * .html) whose facts join the bundled ones or replace them (`--no-bundled`), and watched names
 * (`--entities`, a JSON list) beside the bundled entities or instead of them. Every file is read and
 * checked before anything is written: bad input fails the run whole with the file and the reason.
 */
import { basename } from 'node:path';
import {
  ENTITIES,
  storyLexicon,
  watchedNamesProblem,
  type Lexicon,
  type WatchedName,
} from '../core/entities';
import { buildFactBase, type FactBase } from '../core/facts/build';
import { MAX_SOURCE_BYTES } from '../core/facts/sources';
import { BUNDLED_FACT_BASE } from '../shared/fact-base';
import { extractVisibleText } from './html-text';
import { InputError, readInput } from './input';

// A source article's bound, shared with the extension (src/core/facts/sources.ts).
export { MAX_SOURCE_BYTES } from '../core/facts/sources';
/** An entities file is a short list. */
const MAX_ENTITIES_BYTES = 1024 * 1024;

export interface StoryOptions {
  sources: readonly string[];
  entities: string | undefined;
  noBundled: boolean;
}

export interface Story {
  lexicon: Lexicon;
  base: FactBase;
}

export function loadStory(options: StoryOptions): Story {
  const watched = options.entities === undefined ? [] : readWatchedNames(options.entities);
  const bundledIds = new Set(ENTITIES.map((e) => e.id));
  if (!options.noBundled && options.entities !== undefined) {
    const clash = watched.find((w) => bundledIds.has(w.id));
    if (clash) {
      throw new InputError(
        options.entities,
        `duplicate id "${clash.id}": it is a bundled entity (use --no-bundled to replace the bundled ones)`,
      );
    }
  }
  // The same composition as the extension's (src/core/entities/story.ts).
  const lexicon = storyLexicon(options.noBundled ? new Set<string>() : 'all', watched);
  const texts = options.sources.map(readSource);
  const bundled = options.noBundled ? null : BUNDLED_FACT_BASE;
  if (texts.length === 0) {
    return { lexicon, base: bundled ?? { version: 1, seeds: [], facts: [] } };
  }
  const added = buildFactBase(texts, {
    lexicon,
    idPrefix: 'source',
    takenClaimIds: new Set(bundled?.facts.map((f) => f.attribute) ?? []),
  });
  if (!bundled) return { lexicon, base: added };
  return {
    lexicon,
    base: {
      version: 1,
      seeds: [...bundled.seeds, ...added.seeds],
      facts: [...bundled.facts, ...added.facts],
    },
  };
}

function readWatchedNames(file: string): WatchedName[] {
  const doc = readInput(file);
  if (Buffer.byteLength(doc.content) > MAX_ENTITIES_BYTES) {
    throw new InputError(
      file,
      `is over ${MAX_ENTITIES_BYTES / 1024} KB; an entities list is short`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(doc.content);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : 'unreadable';
    throw new InputError(file, `is not valid JSON (${why})`);
  }
  const problem = watchedNamesProblem(parsed);
  if (problem) throw new InputError(file, problem);
  return parsed as WatchedName[];
}

/** A source as the fact-base builder reads it: a .txt as it is, an .html as its visible text. */
function readSource(file: string): { file: string; text: string } {
  const doc = readInput(file);
  const size = Buffer.byteLength(doc.content);
  if (size > MAX_SOURCE_BYTES) {
    throw new InputError(
      file,
      `is ${(size / 1048576).toFixed(1)} MB; a source article is at most ${MAX_SOURCE_BYTES / 1048576} MB`,
    );
  }
  if (doc.type === 'html') {
    const page = extractVisibleText(doc.content);
    if (page.text.trim() === '') throw new InputError(file, 'has no visible text');
    // The page's title is the source's headline: the first line, as a seed's is.
    return { file: basename(file), text: `${page.title}\n${page.text}` };
  }
  return { file: basename(file), text: doc.content };
}
