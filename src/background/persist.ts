/**
 * Persistent storage for the journalist's annotations. Without it the browser may evict the
 * extension's IndexedDB under storage pressure (best-effort storage), annotations and all.
 * Asking is the only way short of the `unlimitedStorage` permission, which Factmark does not ask
 * for (least privilege). Chrome decides without a prompt, by its own heuristics; Firefox may ask
 * the user, or leave a background page's request unanswered: nothing ever waits on it, and the
 * answer is only logged.
 */

/** As much of navigator.storage (StorageManager) as this uses; absent where there is none. */
export interface PersistableStorage {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

/**
 * Ask for persistent storage unless the storage already is persistent. Resolves to whether it is
 * now; never throws, never rejects (no API, a refusal and an error all give false).
 */
export async function askPersistentStorage(
  storage: PersistableStorage | undefined,
): Promise<boolean> {
  try {
    if (typeof storage?.persist !== 'function') return false;
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}
