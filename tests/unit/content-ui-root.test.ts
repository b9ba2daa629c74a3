// @vitest-environment happy-dom
/**
 * Factmark's one host element (src/content/ui-root.ts) joins the page in the top layer, as a
 * manual popover, where the browser has popovers: there it costs the page half the rendering of
 * an element added among the page's own (bench/README.md). Over something already full screen it
 * waits until that ends. happy-dom has no popovers: `showPopover` is given to it here.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUiRoot, isOurs, revealHost } from '../../src/content/ui-root';

let shown: Element[];
let fullscreen: Element | null;

beforeEach(() => {
  shown = [];
  fullscreen = null;
  Object.defineProperty(HTMLElement.prototype, 'showPopover', {
    configurable: true,
    value(this: HTMLElement) {
      shown.push(this);
    },
  });
  Object.defineProperty(document, 'fullscreenElement', {
    configurable: true,
    get: () => fullscreen,
  });
});

afterEach(() => {
  delete (HTMLElement.prototype as Partial<HTMLElement>).showPopover;
  // The own property defined above, over the prototype's getter.
  Reflect.deleteProperty(document, 'fullscreenElement');
  for (const el of [...document.documentElement.children]) if (isOurs(el)) el.remove();
});

describe('the UI host', () => {
  it('joins the page as a manual popover, shown in the top layer once', () => {
    const { shadow } = createUiRoot(document, '');
    const host = shadow.host;
    expect(host.getAttribute('popover')).toBe('manual');
    expect(host.isConnected).toBe(false);
    revealHost(shadow);
    revealHost(shadow);
    expect(host.parentNode).toBe(document.documentElement);
    expect(shown).toEqual([host]);
  });

  it('over something shown full screen, waits until full screen ends', () => {
    const video = document.createElement('video');
    document.body.append(video);
    fullscreen = video;
    const { shadow } = createUiRoot(document, '');
    revealHost(shadow);
    expect(shadow.host.isConnected).toBe(true);
    expect(shown).toEqual([]);
    // Another element goes full screen: still waiting.
    document.dispatchEvent(new Event('fullscreenchange'));
    expect(shown).toEqual([]);
    fullscreen = null;
    document.dispatchEvent(new Event('fullscreenchange'));
    expect(shown).toEqual([shadow.host]);
    // Full screen again and back: the host is in the top layer already, under the new one.
    document.dispatchEvent(new Event('fullscreenchange'));
    expect(shown).toEqual([shadow.host]);
    video.remove();
  });

  it('is not shown when the page took it out meanwhile', () => {
    fullscreen = document.body;
    const { shadow, remove } = createUiRoot(document, '');
    revealHost(shadow);
    remove();
    fullscreen = null;
    document.dispatchEvent(new Event('fullscreenchange'));
    expect(shown).toEqual([]);
  });

  it('without popovers in the browser, is a plain fixed element in the page', () => {
    delete (HTMLElement.prototype as Partial<HTMLElement>).showPopover;
    const { shadow } = createUiRoot(document, '');
    expect(shadow.host.hasAttribute('popover')).toBe(false);
    revealHost(shadow);
    expect(shadow.host.parentNode).toBe(document.documentElement);
    expect((shadow.host as HTMLElement).style.position).toBe('fixed');
  });
});
