/** Labels of entities and attributes, from the engine's own tables. */
export { ATTRIBUTE_BY_ID } from '../core/attribution/schema';
export { ENTITIES } from '../core/entities/lexicon';
