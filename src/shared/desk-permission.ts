/**
 * What Factmark asks the browser for when a journalist turns desk sync on, and gives back when it
 * is turned off: the host permission for the desk's server (every browser), and in Firefox the
 * consent to transmit data (its built-in data collection consent, Firefox 140 and later).
 *
 * Factmark transmits nothing while sync is off, so the Firefox manifest declares no required data
 * collection (`required: ['none']`). Desk sync sends the shared annotations' page URLs (browsing
 * activity), their quotes (website content) and the journalist's CouchDB credentials
 * (authentication information) to the desk's server: those types are declared `optional` in the
 * Firefox manifest (vite.config.ts) and asked for with the host permission, in the same click.
 * Which types to ask for is read from the manifest itself, so a browser whose manifest declares
 * none (Chromium, which has no such consent and rejects the key in permissions.request) is asked
 * for the origin only.
 */

/** The data types desk sync transmits, in Firefox's taxonomy (manifest: optional). */
export const DESK_DATA_COLLECTION = [
  'authenticationInfo',
  'browsingActivity',
  'websiteContent',
] as const;

/** The part of a manifest read here (the Firefox manifest's gecko settings). */
export interface ManifestDataConsent {
  browser_specific_settings?: {
    gecko?: { data_collection_permissions?: { optional?: unknown } };
  };
}

/**
 * The optional data collection types this build's manifest declares, of those desk sync needs:
 * none in Chromium's manifest, all three in Firefox's.
 */
export function declaredDeskDataCollection(manifest: ManifestDataConsent): string[] {
  const optional = manifest.browser_specific_settings?.gecko?.data_collection_permissions?.optional;
  if (!Array.isArray(optional)) return [];
  return DESK_DATA_COLLECTION.filter((type) => optional.includes(type));
}

/** A permissions.Permissions object, with Firefox's `data_collection` when there is one. */
export interface DeskPermissions {
  origins: string[];
  data_collection?: string[];
}

/** Everything desk sync needs for the server at `pattern` (an origin pattern, `https://host/*`). */
export function deskPermissions(pattern: string, manifest: ManifestDataConsent): DeskPermissions {
  const data = declaredDeskDataCollection(manifest);
  return data.length > 0 ? { origins: [pattern], data_collection: data } : { origins: [pattern] };
}

/**
 * The parts to give back when sync is turned off, each on its own: a browser may refuse to drop
 * the origin (Chromium: the content scripts' matches cover it, "You cannot remove required
 * permissions"), and that refusal must not keep the data consent granted.
 */
export function deskPermissionParts(
  pattern: string,
  manifest: ManifestDataConsent,
): DeskPermissions[] {
  const data = declaredDeskDataCollection(manifest);
  const parts: DeskPermissions[] = [];
  if (data.length > 0) parts.push({ origins: [], data_collection: data });
  parts.push({ origins: [pattern] });
  return parts;
}

/**
 * Give back the desk's permissions part by part with `remove` (permissions.remove), the data
 * consent first: whether the last part, the origin, went. A part the browser refuses (it throws,
 * or answers false) does not stop the next.
 */
export async function giveBackDeskPermissions(
  pattern: string,
  manifest: ManifestDataConsent,
  remove: (part: DeskPermissions) => Promise<boolean>,
): Promise<boolean> {
  let removed = false;
  for (const part of deskPermissionParts(pattern, manifest)) {
    removed = await remove(part).catch(() => false);
  }
  return removed;
}
