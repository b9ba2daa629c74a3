/**
 * The Watched names form's rules: an id suggested from the display name, the spellings as typed,
 * and what is wrong with a name before it is saved. The rules are the engine's (the id pattern of
 * src/core/entities/id.ts, the limits and the list check of src/core/entities/watched.ts), the
 * same the CLI's `--entities` and the background apply, so a name the form accepts is not refused
 * later.
 */
import { isEntityId, MAX_ENTITY_ID_LENGTH, watchedNamesProblem } from '../core/entities';
import { MAX_ALIASES, MAX_NAME_LENGTH } from '../core/entities/watched';
import type { WatchedNameInput } from '../shared/sources-protocol';

/** The form's fields, as typed: spellings one per line. */
export interface WatchedNameFields {
  name: string;
  id: string;
  spellings: string;
}

/** What is wrong with each field, when anything is. */
export interface WatchedNameProblems {
  name?: string;
  id?: string;
  spellings?: string;
}

/**
 * An id from a display name: its words lower-cased, accents dropped, joined by hyphens
 * ("Tembo Hills" → "tembo-hills", "Société Générale" → "societe-generale"), cut at a word so it
 * stays within the id's 64 characters.
 */
export function suggestId(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  let id = '';
  for (const word of words) {
    const next = id === '' ? word : `${id}-${word}`;
    if (next.length > MAX_ENTITY_ID_LENGTH) break;
    id = next;
  }
  return id === '' ? (words[0]?.slice(0, MAX_ENTITY_ID_LENGTH) ?? '') : id;
}

/** The spellings typed one per line: trimmed, blank lines and repeats (any case) left out. */
export function spellingsOf(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const spelling = line.trim().replace(/\s+/g, ' ');
    const key = spelling.toLowerCase();
    if (spelling === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(spelling);
  }
  return out;
}

/**
 * What is wrong with the fields, field by field; empty when nothing is. `taken`: the ids of the
 * other watched names, bundled ones included (an edit keeps its own id, so it is not among them).
 */
export function watchedNameProblems(
  fields: WatchedNameFields,
  taken: ReadonlySet<string>,
): WatchedNameProblems {
  const problems: WatchedNameProblems = {};
  const name = fields.name.trim();
  if (name === '') problems.name = 'Give the name as pages write it.';
  else if (name.length > MAX_NAME_LENGTH) {
    problems.name = `At most ${MAX_NAME_LENGTH} characters: a name, not a sentence.`;
  }
  const id = fields.id.trim();
  if (id === '') problems.id = 'Give an id, such as tembo-hills.';
  else if (!isEntityId(id)) {
    problems.id = `Lower-case words of a–z and 0–9 joined by single hyphens, at most ${MAX_ENTITY_ID_LENGTH} characters.`;
  } else if (taken.has(id)) problems.id = `“${id}” is already watched: choose another id.`;
  const spellings = spellingsOf(fields.spellings);
  if (spellings.length > MAX_ALIASES) {
    problems.spellings = `At most ${MAX_ALIASES} spellings.`;
  } else {
    const long = spellings.find((s) => s.length > MAX_NAME_LENGTH);
    if (long !== undefined) {
      problems.spellings = `Each spelling at most ${MAX_NAME_LENGTH} characters: “${long.slice(0, 40)}…” is longer.`;
    }
  }
  return problems;
}

/**
 * The watched name the fields make, or what is wrong: the field checks above, then the engine's
 * own check of a list (watchedNamesProblem), which the background applies too.
 */
export function buildWatchedName(
  fields: WatchedNameFields,
  taken: ReadonlySet<string>,
): { entity: WatchedNameInput } | { error: string } {
  const problems = watchedNameProblems(fields, taken);
  const first = problems.name ?? problems.id ?? problems.spellings;
  if (first !== undefined) return { error: first };
  const name = fields.name.trim().replace(/\s+/g, ' ');
  // The name is watched as it is: a spelling that repeats it adds nothing.
  const aliases = spellingsOf(fields.spellings).filter(
    (s) => s.toLowerCase() !== name.toLowerCase(),
  );
  const entity: WatchedNameInput = { id: fields.id.trim(), name, aliases };
  const problem = watchedNamesProblem([entity]);
  if (problem !== null) return { error: problem.replace(/^entry 1( \("[^"]*"\))?: /, '') };
  return { entity };
}

export function emptyWatchedNameFields(): WatchedNameFields {
  return { name: '', id: '', spellings: '' };
}

/** The fields of a watched name being edited: its spellings one per line. */
export function watchedNameFields(entity: WatchedNameInput): WatchedNameFields {
  return { name: entity.name, id: entity.id, spellings: entity.aliases.join('\n') };
}
