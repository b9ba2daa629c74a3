export { BUNDLED_LEXICON, findMentions, Lexicon, lexiconOf, lexiconOfParts } from './match';
export { ENTITIES, type EntityDefinition } from './lexicon';
export { MAX_ENTITY_ID_LENGTH, isEntityId } from './id';
export { watchedEntity, watchedNamesProblem, type WatchedName } from './watched';
export { lexiconOfNames, storyLexicon, type ListedName } from './story';
