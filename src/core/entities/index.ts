export { findMentions } from './match';
export { ENTITIES, type EntityDefinition } from './lexicon';
