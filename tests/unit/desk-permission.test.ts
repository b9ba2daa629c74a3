import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DESK_DATA_COLLECTION,
  declaredDeskDataCollection,
  deskPermissionParts,
  deskPermissions,
  giveBackDeskPermissions,
  type ManifestDataConsent,
} from '../../src/shared/desk-permission';
import { manifestFor } from '../../vite.config';

const PATTERN = 'https://couch.newsroom.example/*';
const FIREFOX = {
  browser_specific_settings: {
    gecko: {
      data_collection_permissions: { required: ['none'], optional: [...DESK_DATA_COLLECTION] },
    },
  },
};
// Chromium's manifest is manifest.json as it is: no gecko settings.
const CHROMIUM = JSON.parse(readFileSync('manifest.json', 'utf8')) as object;

describe('the desk’s permissions', () => {
  it('in Chromium: the origin only (its permissions.request refuses a data_collection key)', () => {
    expect(deskPermissions(PATTERN, CHROMIUM)).toEqual({ origins: [PATTERN] });
    expect(deskPermissionParts(PATTERN, CHROMIUM)).toEqual([{ origins: [PATTERN] }]);
  });

  it('in Firefox: the origin and the data consent, asked in one request', () => {
    expect(deskPermissions(PATTERN, FIREFOX)).toEqual({
      origins: [PATTERN],
      data_collection: ['authenticationInfo', 'browsingActivity', 'websiteContent'],
    });
  });

  it('given back part by part, the data consent first (Chromium may keep the origin)', () => {
    expect(deskPermissionParts(PATTERN, FIREFOX)).toEqual([
      {
        origins: [],
        data_collection: ['authenticationInfo', 'browsingActivity', 'websiteContent'],
      },
      { origins: [PATTERN] },
    ]);
  });

  it('asks only for what the manifest declares optional (a type it lacks is never requested)', () => {
    const some = {
      browser_specific_settings: {
        gecko: { data_collection_permissions: { optional: ['websiteContent', 'healthInfo'] } },
      },
    };
    expect(declaredDeskDataCollection(some)).toEqual(['websiteContent']);
    expect(
      declaredDeskDataCollection({
        browser_specific_settings: { gecko: { data_collection_permissions: { optional: 'all' } } },
      }),
    ).toEqual([]);
  });

  it('the Firefox build declares every type desk sync transmits as optional, none required; Chromium’s nothing', () => {
    // What Firefox shows at install ("none") and asks for when sync is turned on.
    const firefox = manifestFor('firefox') as ManifestDataConsent & {
      browser_specific_settings: { gecko: { data_collection_permissions: { required: unknown } } };
    };
    expect(firefox.browser_specific_settings.gecko.data_collection_permissions.required).toEqual([
      'none',
    ]);
    expect(declaredDeskDataCollection(firefox)).toEqual([...DESK_DATA_COLLECTION]);
    expect(deskPermissions(PATTERN, manifestFor('chrome') as ManifestDataConsent)).toEqual({
      origins: [PATTERN],
    });
  });

  it('gives back the data consent even where the browser refuses to drop the origin', async () => {
    const asked: object[] = [];
    const removed = await giveBackDeskPermissions(PATTERN, FIREFOX, async (part) => {
      asked.push(part);
      if (part.origins.length > 0) throw new Error('You cannot remove required permissions');
      return true;
    });
    expect(asked).toEqual(deskPermissionParts(PATTERN, FIREFOX));
    expect(removed).toBe(false);
  });
});
