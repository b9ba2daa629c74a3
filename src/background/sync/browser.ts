/**
 * The extension APIs desk sync uses, behind a seam that unit tests replace (the polyfill throws
 * outside an extension): host permissions (the desk's server only, asked for by the Library at
 * run time — `optional_host_permissions` — checked before every sync and removed when sync is
 * turned off) and alarms (a sync every few minutes; MV3 ends a service worker that waits on a
 * stream, so sync never runs as one).
 */
import browser from 'webextension-polyfill';

export interface SyncBrowserApi {
  /** permissions.contains for one origin pattern. */
  hasOrigin(pattern: string): Promise<boolean>;
  /** permissions.remove for one origin pattern: whether it was removed. */
  removeOrigin(pattern: string): Promise<boolean>;
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
  hasOrigin(pattern) {
    return browser.permissions.contains({ origins: [pattern] });
  },
  removeOrigin(pattern) {
    return browser.permissions.remove({ origins: [pattern] });
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
