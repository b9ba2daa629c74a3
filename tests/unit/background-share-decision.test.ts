/**
 * Sharing is the journalist's decision, made in the extension's own UI — never the page's
 * renderer's (src/background/router.ts, docs/contracts.md "Desk sync"):
 * - a content script's `factmark/annotation-save` never changes an annotation's desk switch: a new
 *   annotation is stored private, a stored one keeps its `shared` and `creator` whatever the
 *   request says (its other fields are saved, and the answer is the annotation as stored);
 * - the annotation editor's frame (an embedded extension page) shares the annotation the
 *   journalist saved in it with `factmark/annotation-share`: only as the editor page framed into
 *   a web page's tab, for a stored annotation of that page's origin holding what was saved; no
 *   content script may send it, nor any other page.
 * Each profile has a real sync service (no desk set: sharing is recorded, nothing leaves);
 * tests/unit/sync-desk.test.ts does the same against a desk server, with creators.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../src/background/router';
import type { Sender } from '../../src/background/browser-api';
import { EDITOR_PAGE } from '../../src/shared/editor-protocol';
import type { AnnotationShareRequest } from '../../src/shared/sync-protocol';
import { annotation } from './background-fixtures';
import { ORIGIN, OWN_ID, profile, type Profile } from './sync-profiles';

const PAGE = 'https://example.org/story';
const NOT_FROM_PAGE = { ok: false, error: 'not allowed from content script' };
const NOT_FROM_EMBEDDED = { ok: false, error: 'not allowed from embedded extension page' };

let p: Profile;

beforeEach(async () => {
  p = await profile('share-decision');
});

/** What the journalist saved in the editor for `a`, as the editor frame asks to share it. */
function shareOf(
  a: { id: string; color: string; note: string; tags: string[] },
  shared = true,
): AnnotationShareRequest {
  return {
    type: 'factmark/annotation-share',
    id: a.id,
    shared,
    saved: { color: a.color as 'yellow', note: a.note, tags: a.tags },
  };
}

describe("a content script's save never sets the desk switch", () => {
  it('a new annotation saved with shared: true (and a creator) is stored private', async () => {
    const claimed = annotation('anno:new', { shared: true, creator: 'mallory' });
    const answer = await p.askFromPage(
      { type: 'factmark/annotation-save', annotation: claimed },
      PAGE,
    );
    const { shared: _s, creator: _c, ...privateOne } = claimed;
    // Saved, not refused: the answer is the annotation as stored, for the page's copy.
    expect(answer).toEqual({ ok: true, annotation: privateOne });
    expect(await p.db.get('annotations', 'anno:new')).toEqual(privateOne);
    // Nothing waits to go to a desk.
    expect(await p.db.get('desk', 'annotation:anno:new')).toBeUndefined();
  });

  it('a private annotation stays private, whatever the save says', async () => {
    const stored = annotation('anno:private');
    await p.db.put('annotations', stored);
    const answer = await p.askFromPage(
      {
        type: 'factmark/annotation-save',
        annotation: { ...stored, note: 'edited', shared: true, creator: 'mallory' },
      },
      PAGE,
    );
    expect(answer).toEqual({ ok: true, annotation: { ...stored, note: 'edited' } });
    expect(await p.db.get('annotations', stored.id)).toEqual({ ...stored, note: 'edited' });
  });

  it('a shared annotation keeps its switch and creator: the page cannot unshare or reassign it', async () => {
    // Shared before any desk was set: no creator yet (with a desk: tests/unit/sync-desk.test.ts).
    const stored = annotation('anno:shared', { shared: true });
    await p.db.put('annotations', stored);
    for (const claim of [
      { shared: false },
      { shared: false, creator: 'mallory' },
      { creator: 'mallory' },
      {},
    ]) {
      const { shared: _s, creator: _c, ...fields } = stored;
      const answer = await p.askFromPage(
        { type: 'factmark/annotation-save', annotation: { ...fields, note: 'edited', ...claim } },
        PAGE,
      );
      // The note is saved; the switch and creator are the stored ones, and the answer says so.
      expect(answer).toEqual({ ok: true, annotation: { ...stored, note: 'edited' } });
      expect(await p.db.get('annotations', stored.id)).toEqual({ ...stored, note: 'edited' });
    }
  });

  it('holds without desk sync too (a background started without it)', async () => {
    const route = createRouter({
      extensionId: OWN_ID,
      extensionOrigin: ORIGIN,
      db: async () => p.db,
    });
    const page: Sender = { id: OWN_ID, url: PAGE, tab: { url: PAGE }, frameId: 0 };
    const claimed = annotation('anno:plain', { shared: true, creator: 'mallory' });
    const { shared: _s, creator: _c, ...privateOne } = claimed;
    expect(await route({ type: 'factmark/annotation-save', annotation: claimed }, page)).toEqual({
      ok: true,
      annotation: privateOne,
    });
    const shared = annotation('anno:kept', { shared: true, creator: 'alice' });
    await p.db.put('annotations', shared);
    await route(
      { type: 'factmark/annotation-save', annotation: { ...shared, shared: false, creator: 'x' } },
      page,
    );
    expect(await p.db.get('annotations', shared.id)).toEqual(shared);
  });

  it('the extension pages still set it (the popup, the Library)', async () => {
    const a = annotation('anno:lib', { shared: true });
    expect(await p.ask({ type: 'factmark/annotation-save', annotation: a })).toMatchObject({
      ok: true,
      annotation: { shared: true },
    });
    expect((await p.db.get('annotations', a.id))?.shared).toBe(true);
  });
});

describe('the editor frame shares what the journalist saved in it (factmark/annotation-share)', () => {
  it('after the content script stored it: shared, then unshared', async () => {
    const a = annotation('anno:editor', { note: 'for the desk', tags: ['exim'] });
    await p.askFromPage({ type: 'factmark/annotation-save', annotation: a }, PAGE);
    expect(await p.askFromEditor(shareOf(a), PAGE)).toEqual({ ok: true, shared: true });
    expect(await p.db.get('annotations', a.id)).toEqual({ ...a, shared: true });
    expect(await p.askFromEditor(shareOf(a, false), PAGE)).toEqual({ ok: true, shared: false });
    expect((await p.db.get('annotations', a.id))?.shared).toBe(false);
  });

  it('a page of the same site in the tab is enough (another page of its origin)', async () => {
    const a = annotation('anno:same-origin');
    await p.db.put('annotations', a);
    expect(await p.askFromEditor(shareOf(a), 'https://example.org/other?x=1')).toEqual({
      ok: true,
      shared: true,
    });
  });

  it('only for an annotation that is stored: before the save, it is refused', async () => {
    const a = annotation('anno:not-yet');
    expect(await p.askFromEditor(shareOf(a), PAGE)).toEqual(NOT_FROM_EMBEDDED);
    expect(await p.db.get('annotations', a.id)).toBeUndefined();
  });

  it("never another site's annotation, nor one that does not hold what was saved", async () => {
    const other = annotation('anno:other-site', { url: 'https://victim.example/secret' });
    const mine = annotation('anno:mine', { note: 'private thoughts' });
    await p.db.put('annotations', other);
    await p.db.put('annotations', mine);
    // The editor in example.org's tab, naming another site's annotation.
    expect(await p.askFromEditor(shareOf(other), PAGE)).toEqual(NOT_FROM_EMBEDDED);
    // The right site, but not the annotation the journalist just saved (another note, tags, colour).
    for (const saved of [
      { ...mine, note: 'what the journalist typed' },
      { ...mine, tags: ['exim'] },
      { ...mine, color: 'pink' as const },
    ]) {
      expect(await p.askFromEditor(shareOf(saved), PAGE)).toEqual(NOT_FROM_EMBEDDED);
    }
    expect(await p.db.get('annotations', other.id)).toEqual(other);
    expect(await p.db.get('annotations', mine.id)).toEqual(mine);
  });

  it('no content script may send it, of its own site or another', async () => {
    const a = annotation('anno:cs');
    await p.db.put('annotations', a);
    for (const url of [PAGE, 'https://evil.example/']) {
      expect(await p.askFromPage(shareOf(a), url)).toEqual(NOT_FROM_PAGE);
    }
    expect(await p.db.get('annotations', a.id)).toEqual(a);
  });

  it('only the editor page, framed into a web page: no other page may send it', async () => {
    const a = annotation('anno:pages');
    await p.db.put('annotations', a);
    const route = createRouter({
      extensionId: OWN_ID,
      extensionOrigin: ORIGIN,
      db: async () => p.db,
      sync: p.sync,
    });
    const senders: [Sender, unknown][] = [
      // The Library and the popup share with factmark/share.
      [
        { id: OWN_ID, url: `${ORIGIN}src/options/index.html`, frameId: 0, tab: { url: ORIGIN } },
        { ok: false, error: 'not allowed from extension page' },
      ],
      [
        { id: OWN_ID, url: `${ORIGIN}src/popup/index.html` },
        { ok: false, error: 'not allowed from extension page' },
      ],
      // Another extension page framed into the tab.
      [
        { id: OWN_ID, url: `${ORIGIN}src/options/index.html`, frameId: 3, tab: { url: PAGE } },
        NOT_FROM_EMBEDDED,
      ],
      // The editor page opened by a page in a tab of its own (no web page frames it).
      [
        {
          id: OWN_ID,
          url: `${ORIGIN}${EDITOR_PAGE}`,
          frameId: 0,
          tab: { url: `${ORIGIN}${EDITOR_PAGE}` },
        },
        NOT_FROM_EMBEDDED,
      ],
      // The editor page in no tab, or in a tab whose URL is not given.
      [{ id: OWN_ID, url: `${ORIGIN}${EDITOR_PAGE}` }, NOT_FROM_EMBEDDED],
      [
        { id: OWN_ID, url: `${ORIGIN}${EDITOR_PAGE}`, frameId: 4, tab: { id: 1 } },
        NOT_FROM_EMBEDDED,
      ],
      // With a query: not the editor as the content script frames it.
      [
        { id: OWN_ID, url: `${ORIGIN}${EDITOR_PAGE}?x=1`, frameId: 4, tab: { url: PAGE } },
        NOT_FROM_EMBEDDED,
      ],
    ];
    for (const [sender, expected] of senders) {
      expect(await route(shareOf(a), sender)).toEqual(expected);
    }
    expect(await p.db.get('annotations', a.id)).toEqual(a);
    // Chromium's per-session URL of the editor (use_dynamic_url) is the editor.
    const dynamic = `chrome-extension://4f1b2c3d-0000-4000-8000-000000000000/${EDITOR_PAGE}#x`;
    expect(
      await route(shareOf(a), { id: OWN_ID, url: dynamic, frameId: 4, tab: { url: PAGE } }),
    ).toEqual({ ok: true, shared: true });
  });

  it('is checked when received: a malformed request is refused', async () => {
    const a = annotation('anno:malformed');
    await p.db.put('annotations', a);
    for (const bad of [
      { ...shareOf(a), id: 'has space' },
      { ...shareOf(a), shared: 'yes' },
      { ...shareOf(a), saved: undefined },
      { ...shareOf(a), saved: { color: 'red', note: '', tags: [] } },
      { ...shareOf(a), saved: { color: 'yellow', note: 7, tags: [] } },
      { ...shareOf(a), saved: { color: 'yellow', note: '', tags: [1] } },
    ]) {
      expect(await p.askFromEditor(bad as never, PAGE)).toMatchObject({
        ok: false,
        error: expect.stringContaining('malformed'),
      });
    }
    expect(await p.db.get('annotations', a.id)).toEqual(a);
  });
});
