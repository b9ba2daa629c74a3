/** Labels of entities and claims, from the engine's own tables and the facts themselves. */
export { claimLabel } from '../core/claims/label';
export { ENTITIES } from '../core/entities/lexicon';
