/**
 * The Library's Desk sync calls: a seam of its own beside OptionsBrowserApi (browser-api.ts), so
 * the section's unit tests fake only what it asks. The requests are the sync contract
 * (docs/contracts.md, "Desk sync"); the desk's permissions (src/shared/desk-permission.ts: the host
 * permission for the desk's server, and in Firefox the consent to transmit data) are asked of the
 * browser here, in the click that turns sync on (permissions.request needs a user gesture).
 */
import browser, { type Permissions } from 'webextension-polyfill';
import { deskPermissions, giveBackDeskPermissions } from '../shared/desk-permission';
import { ask } from '../shared/protocol';
import type { DeskItemsAnswer, DeskKind, ShareAnswer } from '../shared/sync-protocol';
import type {
  OkOrFailure,
  SyncConflictsAnswer,
  SyncNowAnswer,
  SyncResolution,
  SyncSetAnswer,
  SyncSettings,
  SyncStatusAnswer,
  SyncTestAnswer,
  SyncFailure,
} from '../shared/desk-sync-client';

export interface DeskSyncApi {
  status(): Promise<SyncStatusAnswer>;
  /** Checks a server, database, user and password without saving them. */
  test(settings: SyncSettings): Promise<SyncTestAnswer | SyncFailure>;
  /** Saves the settings and turns sync on. */
  turnOn(settings: SyncSettings): Promise<SyncSetAnswer>;
  /** Turns sync off; the background forgets the password and drops the host permission. */
  turnOff(): Promise<SyncSetAnswer>;
  syncNow(): Promise<SyncNowAnswer>;
  conflicts(): Promise<SyncConflictsAnswer>;
  resolve(id: string, resolution: SyncResolution): Promise<OkOrFailure>;
  /** Every item on the desk this profile knows (its own shared ones and teammates'). */
  items(): Promise<DeskItemsAnswer>;
  /** Share (or stop sharing) items of one kind. */
  share(kind: DeskKind, ids: string[], shared: boolean): Promise<ShareAnswer>;
  /**
   * Asks the browser for the desk's permissions at `pattern` (e.g. `https://couch.example/*`):
   * the host, and in Firefox the data consent, in one prompt. Must be the first thing a click
   * handler awaits: the browser grants only during a user gesture.
   */
  requestHost(pattern: string): Promise<boolean>;
  /** Gives back what requestHost got (a test that was not followed by sync). */
  removeHost(pattern: string): Promise<boolean>;
}

/** runtime.sendMessage, whose answer `ask` types by the contract (src/shared/protocol.ts). */
function send(message: unknown): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

export const deskSyncBrowserApi: DeskSyncApi = {
  status: () => ask(send, { type: 'factmark/sync-status' }),
  test: (settings) => ask(send, { type: 'factmark/sync-test', ...settings }),
  turnOn: (settings) => ask(send, { type: 'factmark/sync-set', ...settings }),
  turnOff: () => ask(send, { type: 'factmark/sync-set', off: true }),
  syncNow: () => ask(send, { type: 'factmark/sync-now' }),
  conflicts: () => ask(send, { type: 'factmark/sync-conflicts' }),
  resolve: (id, resolution) => ask(send, { type: 'factmark/sync-resolve', id, ...resolution }),
  items: () => ask(send, { type: 'factmark/desk-items' }),
  share: (kind, ids, shared) => ask(send, { type: 'factmark/share', ids, shared, kind }),
  requestHost: (pattern) =>
    browser.permissions.request(
      deskPermissions(pattern, browser.runtime.getManifest()) as Permissions.Permissions,
    ),
  removeHost: (pattern) =>
    giveBackDeskPermissions(pattern, browser.runtime.getManifest(), (part) =>
      browser.permissions.remove(part as Permissions.Permissions),
    ),
};
