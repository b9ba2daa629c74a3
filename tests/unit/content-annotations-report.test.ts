// @vitest-environment happy-dom
/**
 * The page's annotations in the report (src/content/annotations-feature.ts, settledState): a
 * report asked while they are being loaded or placed waits for that, instead of listing none, or
 * listing one as not found on the page while it is being placed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AnnotationsFeature } from '../../src/content/annotations-feature';
import type { ContentBrowserApi } from '../../src/content/browser-api';
import { annotation } from './background-fixtures';

const PASSAGE = 'EXIM approved $1.25 billion';

/** The background's answer to `factmark/annotations`, given when the test says. */
function slowBackground() {
  let answer: (value: unknown) => void = () => undefined;
  const answered = new Promise((resolve) => {
    answer = resolve;
  });
  const api = {
    extensionId: 'test',
    request: () => answered,
    onMessage: () => () => undefined,
    connect: () => ({
      postMessage: () => undefined,
      onMessage: () => undefined,
      onDisconnect: () => undefined,
      disconnect: () => undefined,
    }),
    extensionUrl: (path: string) => `chrome-extension://test/${path}`,
  };
  // Only what the feature calls is real; the rest of the seam answers nothing.
  return { api: api as unknown as ContentBrowserApi, answer };
}

function feature(api: ContentBrowserApi): AnnotationsFeature {
  const host = document.createElement('div');
  document.documentElement.append(host);
  return new AnnotationsFeature({
    doc: document,
    api,
    shadow: host.attachShadow({ mode: 'closed' }),
    highlighter: () => null,
    classify: () => ({ entities: [], verdicts: [] }),
    figuresIn: () => [],
    claims: () => [],
    onFactAdded: () => undefined,
  });
}

const life = new AbortController();
afterEach(() => life.abort());

describe('the annotations a report lists', () => {
  it('waits for the page’s annotations to be loaded and placed', async () => {
    document.body.innerHTML = `<p>On Tuesday ${PASSAGE} for Reko Diq.</p>`;
    const { api, answer } = slowBackground();
    const annotations = feature(api);
    const started = annotations.init(life.signal);
    const listed = annotations.settledState();
    answer({ ok: true, annotations: [annotation('anno:1', { url: annotations.url })] });
    expect(await listed).toEqual([{ id: 'anno:1', quote: PASSAGE, anchored: true }]);
    await started;
  });

  it('lists one whose passage is gone as not placed, once placing ends', async () => {
    document.body.innerHTML = '<p>Nothing of the kind here.</p>';
    const { api, answer } = slowBackground();
    const annotations = feature(api);
    const started = annotations.init(life.signal);
    answer({ ok: true, annotations: [annotation('anno:1', { url: annotations.url })] });
    expect(await annotations.settledState()).toEqual([
      { id: 'anno:1', quote: PASSAGE, anchored: false },
    ]);
    await started;
  });
});
