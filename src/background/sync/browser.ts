/**
 * The extension APIs desk sync uses, behind a seam that unit tests replace (the polyfill throws
 * outside an extension): the desk's permissions (src/shared/desk-permission.ts: the host
 * permission for the desk's server only, `optional_host_permissions`, and in Firefox the consent
 * to transmit data; asked for by the Library at run time, checked before every sync and given
 * back when sync is turned off) and alarms (a sync every few minutes; MV3 ends a service worker that waits on a
 * stream, so sync never runs as one).
 */
import browser, { type Permissions } from 'webextension-polyfill';
import { deskPermissions, giveBackDeskPermissions } from '../../shared/desk-permission';

export interface SyncBrowserApi {
  /** Whether sync may reach the server at `pattern` (permissions.contains, desk-permission.ts). */
  mayReach(pattern: string): Promise<boolean>;
  /**
   * Gives back what turning sync on asked for (permissions.remove, part by part): whether the
   * host permission itself went (Chromium keeps an origin its content scripts' matches cover).
   */
  dropAccess(pattern: string): Promise<boolean>;
  /**
   * A repeating alarm, created unless one of that name exists (creating it again would push it
   * back each time the background wakes, and a busy browser wakes it often).
   */
  ensureAlarm(name: string, periodInMinutes: number): Promise<void>;
  clearAlarm(name: string): Promise<void>;
  /** alarms.onAlarm, registered on the background's first turn. */
  onAlarm(listener: (name: string) => void): void;
}

export const syncBrowserApi: SyncBrowserApi = {
  mayReach(pattern) {
    return browser.permissions.contains(asPermissions(deskPermissions(pattern, manifest())));
  },
  dropAccess(pattern) {
    return giveBackDeskPermissions(pattern, manifest(), (part) =>
      browser.permissions.remove(asPermissions(part)),
    );
  },
  async ensureAlarm(name, periodInMinutes) {
    if ((await browser.alarms.get(name)) !== undefined) return;
    await browser.alarms.create(name, { periodInMinutes, delayInMinutes: periodInMinutes });
  },
  async clearAlarm(name) {
    await browser.alarms.clear(name);
  },
  onAlarm(listener) {
    browser.alarms.onAlarm.addListener((alarm) => listener(alarm.name));
  },
};

function manifest(): object {
  return browser.runtime.getManifest();
}

/**
 * The polyfill's Permissions type predates Firefox's `data_collection` (Firefox 140); the object
 * is what the browser's API takes (desk-permission.ts builds it only from what the manifest
 * declares).
 */
function asPermissions(p: {
  origins: string[];
  data_collection?: string[];
}): Permissions.Permissions {
  return p as Permissions.Permissions;
}
