/**
 * runtime.onMessage for the background: only this extension's own parts are answered, and only
 * with messages that pass the validator of src/shared/messages.ts. A foreign sender gets no answer
 * at all; our own part sending something malformed gets { ok: false, error }.
 */
import {
  isOwnSender,
  parseBackgroundRequest,
  type BackgroundRequest,
  type FactsAnswer,
  type Failure,
  type SiteAnswer,
} from '../shared/messages';
import type { MessageListener } from './browser-api';
import { allFacts, factsByIds, isSiteEnabled, setSiteEnabled, type FactmarkDb } from './db';

export interface RouterDeps {
  extensionId: string;
  /** The database, once it is open and seeded. */
  db(): Promise<FactmarkDb>;
}

export type BackgroundAnswer = FactsAnswer | SiteAnswer;

export function createRouter(deps: RouterDeps): MessageListener {
  return (message, sender) => {
    if (!isOwnSender(sender, deps.extensionId)) return undefined;
    const request = parseBackgroundRequest(message);
    if (!request) return Promise.resolve(failure('unknown or malformed message'));
    return answer(request, deps).catch((error: unknown) =>
      failure(error instanceof Error ? error.message : String(error)),
    );
  };
}

async function answer(request: BackgroundRequest, deps: RouterDeps): Promise<BackgroundAnswer> {
  const db = await deps.db();
  switch (request.type) {
    case 'factmark/facts':
      return { ok: true, facts: await allFacts(db) };
    case 'factmark/facts-get':
      return { ok: true, facts: await factsByIds(db, [...new Set(request.ids)]) };
    case 'factmark/site-get':
      return { ok: true, enabled: await isSiteEnabled(db, request.host) };
    case 'factmark/site-set':
      // The popup tells the page's content script itself (factmark/site-enabled): reaching a
      // site's other tabs would need the "tabs" permission, which Factmark does not ask for.
      await setSiteEnabled(db, request.host, request.enabled);
      return { ok: true, enabled: request.enabled };
  }
}

function failure(error: string): Failure {
  return { ok: false, error };
}
