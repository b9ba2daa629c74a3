export { findMentions } from './match';
export { ENTITIES, type EntityDefinition } from './lexicon';
export { MAX_ENTITY_ID_LENGTH, isEntityId } from './id';
