// @vitest-environment happy-dom
/**
 * Issue 12: annotations of single-page apps were loaded once, and a pushState navigation kept the
 * old page's. A feature now lives per page (src/content/navigation-lifecycle.ts): another page
 * aborts the old one's signal and starts a new one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { annotationKey } from '../../src/content/annotations-feature';
import { NavigationLifecycle } from '../../src/content/navigation-lifecycle';

const settle = (ms = 80) => new Promise((resolve) => setTimeout(resolve, ms));

function track() {
  const started: { key: string; signal: AbortSignal }[] = [];
  const life = new AbortController();
  const lifecycle = new NavigationLifecycle({
    view: window,
    signal: life.signal,
    key: () => annotationKey(document),
    start: (signal) => {
      const page = { key: annotationKey(document), signal };
      started.push(page);
      return page;
    },
    pollMs: 40,
  });
  return { started, life, lifecycle };
}

afterEach(() => {
  document.head.querySelectorAll('link').forEach((l) => l.remove());
  history.replaceState(null, '', '/');
});

describe('NavigationLifecycle', () => {
  it('starts the feature for the page, and anew after a pushState to another page', async () => {
    history.replaceState(null, '', '/story-1?utm_source=x');
    const { started, life, lifecycle } = track();
    expect(started).toHaveLength(1);
    const first = started[0]!;
    expect(first.key).toMatch(/\/story-1$/);

    history.pushState(null, '', '/story-2');
    await settle();
    expect(started).toHaveLength(2);
    expect(first.signal.aborted).toBe(true);
    expect(started[1]?.key).toMatch(/\/story-2$/);
    expect(lifecycle.current).toBe(started[1]);
    expect(started[1]?.signal.aborted).toBe(false);

    // Back: popstate.
    history.back();
    await settle(150);
    expect(started.at(-1)?.key).toMatch(/\/story-1$/);
    life.abort();
    expect(started.every((p) => p.signal.aborted)).toBe(true);
  });

  it('a fragment or a tracking parameter is the same page: nothing restarts', async () => {
    history.replaceState(null, '', '/story-1');
    const { started, life } = track();
    history.pushState(null, '', '/story-1#comments');
    history.pushState(null, '', '/story-1?utm_campaign=feed#top');
    window.dispatchEvent(new Event('hashchange'));
    await settle();
    expect(started).toHaveLength(1);
    life.abort();
  });

  it('follows a canonical link (of the same origin) that the app updates after navigating', async () => {
    history.replaceState(null, '', '/app');
    const { started, life } = track();
    const link = document.createElement('link');
    link.rel = 'canonical';
    link.href = '/articles/42';
    document.head.append(link);
    await settle();
    expect(started.map((p) => new URL(p.key).pathname)).toEqual(['/app', '/articles/42']);
    life.abort();
  });

  it('stops looking once the content script stops', async () => {
    history.replaceState(null, '', '/a');
    const { started, life } = track();
    life.abort();
    history.pushState(null, '', '/b');
    await settle();
    expect(started).toHaveLength(1);
  });
});
