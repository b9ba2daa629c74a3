/**
 * The fact base generated from seeds/ by `npm run build:facts`, as bundled into the extension and
 * the CLI. The JSON is produced by src/core/facts/build.ts, whose types it follows; JSON imports
 * are typed loosely (strings, not unions), hence the cast.
 */
import data from '../generated/facts.json';
import type { FactBase } from '../core/facts/build';

export const BUNDLED_FACT_BASE = data as unknown as FactBase;
