/**
 * The shape of an entity id (design.md: "lower-case words joined by hyphens"): `reko-diq`,
 * `exim`, `barrick`, and any entity added later or watched from a user's list. Checked by shape,
 * never against today's lexicon, so that an annotation filed under an entity Factmark no longer
 * (or does not yet) watch is still stored, exported and imported back.
 */
import type { EntityId } from '../types';

/** Words of a–z and 0–9, joined by single hyphens; 64 characters at most. */
const ENTITY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_ENTITY_ID_LENGTH = 64;

export function isEntityId(x: unknown): x is EntityId {
  return typeof x === 'string' && x.length <= MAX_ENTITY_ID_LENGTH && ENTITY_ID.test(x);
}
