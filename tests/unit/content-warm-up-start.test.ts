// @vitest-environment happy-dom
/**
 * The content script warms its engine (src/content/engine-warm-up.ts) while the background's
 * first answer is on its way, not after it: in a task of its own, once, in the page's language.
 * The background's facts answer is held back here until the warm-up has been seen (or a
 * deadline passed), so a warm-up moved after the answer, or dropped, fails.
 */
import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  warmed: [] as { lang: string; factsAnswered: boolean }[],
  factsAnswered: false,
  release: null as (() => void) | null,
}));

vi.mock('../../src/content/engine-warm-up', () => ({
  warmUpEngine: (lang: string) => {
    fake.warmed.push({ lang, factsAnswered: fake.factsAnswered });
    fake.release?.();
    return 0;
  },
}));

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      id: 'factmark-test-id',
      sendMessage: async (message: { type?: string }) => {
        switch (message.type) {
          case 'factmark/facts':
            // Answered once the warm-up ran, or after 500 ms without it.
            await new Promise<void>((resolve) => {
              fake.release = resolve;
              setTimeout(resolve, 500);
            });
            fake.factsAnswered = true;
            return { ok: true, facts: [] };
          case 'factmark/entities':
            return { ok: true, entities: [] };
          case 'factmark/site-get':
            return { ok: true, enabled: false };
          default:
            return { ok: false, error: 'not in this test' };
        }
      },
      onMessage: { addListener: () => undefined, removeListener: () => undefined },
      connect: () => {
        throw new Error('no ports in this test');
      },
      getURL: (path: string) => `chrome-extension://factmark-test-id/${path}`,
    },
  },
}));

describe('the content script start', () => {
  it('warms the engine once, in the page language, before the facts arrive', async () => {
    document.documentElement.lang = 'fr';
    document.body.innerHTML = '<p>Le projet Reko Diq coûtera 5,6 milliards de dollars.</p>';
    await import('../../src/content/index');
    for (let i = 0; i < 100 && !fake.factsAnswered; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.warmed).toEqual([{ lang: 'fr', factsAnswered: false }]);
  });
});
