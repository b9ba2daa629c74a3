/** A fake browser seam and a report for the popup's unit tests. */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import type { PopupBrowserApi } from '../../src/popup/browser-api';
import type { Annotation } from '../../src/core/annotations/types';
import type { Fact, Report } from '../../src/core/types';
import type { ContentRequest, ExportFormat } from '../../src/shared/messages';
import type { NewSource, SourceAnswer, SourceSummary } from '../../src/shared/sources-protocol';
import { fact } from './background-fixtures';

export const TAB_ID = 42;

export const FACTS: Fact[] = [
  fact('seed:a.txt:10', { about: "EXIM's financing for Reko Diq" }),
  fact('seed:b.txt:20', {
    text: '$1.3 billion',
    value: 1_300_000_000,
    qualifier: { text: 'up to', sense: 'max' },
    quote: 'The bank approved up to $1.3 billion.',
    source: { type: 'seed', file: 'b.txt', title: 'Seed B', date: '2026-02-07' },
  }),
  fact('seed:c.txt:5', {
    attribute: 'barrick.stake',
    kind: 'percent',
    value: 50,
    unit: '%',
    text: '50%',
    quote: 'Barrick holds 50% of the project.',
    source: { type: 'seed', file: 'c.txt', title: 'Seed C', date: null },
  }),
];

export function report(extra: Partial<Report> = {}): Report {
  return {
    version: 1,
    url: 'https://news.example/story',
    title: 'EXIM backs Reko Diq',
    mentions: [
      { entity: 'reko-diq', text: 'Reko Diq', start: 0, end: 8 },
      { entity: 'reko-diq', text: 'Reco Dig', start: 20, end: 28 },
      { entity: 'exim', text: 'US Export-Import Bank (EXIM)', start: 30, end: 34 },
    ],
    figures: [
      {
        text: '$1.25 billion',
        start: 40,
        end: 53,
        kind: 'money',
        value: 1_250_000_000,
        unit: 'USD',
        attribute: 'exim.financing',
        verdict: 'supported',
        facts: ['seed:a.txt:10', 'seed:b.txt:20'],
        matched: ['approved', 'EXIM', 'loan', 'Reko Diq', 'billion'],
      },
      {
        text: '75%',
        start: 60,
        end: 63,
        kind: 'percent',
        value: 75,
        unit: '%',
        attribute: 'barrick.stake',
        verdict: 'contradicted',
        facts: ['seed:c.txt:5'],
        qualifier: 'about',
      },
      {
        text: '2031',
        start: 70,
        end: 74,
        kind: 'year',
        value: 2031,
        unit: 'year',
        attribute: null,
        verdict: 'unverified',
        facts: [],
      },
    ],
    ...extra,
  };
}

let annotationCounter = 0;

/** An annotation of the fixture report's page (or of `extra.url`). */
export function annotation(extra: Partial<Annotation> = {}): Annotation {
  annotationCounter += 1;
  const exact = extra.quote?.exact ?? `Passage ${annotationCounter}`;
  return {
    id: `anno:${annotationCounter}`,
    url: 'https://news.example/story',
    title: 'EXIM backs Reko Diq',
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: {
      type: 'TextPositionSelector',
      start: annotationCounter,
      end: annotationCounter + 5,
    },
    color: 'yellow',
    note: '',
    tags: [],
    entities: [],
    verdicts: [],
    created: Date.UTC(2026, 1, 10, 12),
    updated: Date.UTC(2026, 1, 10, 12),
    ...extra,
  };
}

/**
 * The browser seam, answering like a page whose content script returns `pageReport`, with
 * `stored` as the background's annotations for any URL.
 */
export function fakeApi(pageReport: unknown = report(), stored: Annotation[] = []) {
  const toTab: ContentRequest[] = [];
  const api = {
    targetTabId: vi.fn(async () => TAB_ID),
    sendToTab: vi.fn(async (_tabId: number, message: ContentRequest): Promise<unknown> => {
      toTab.push(message);
      switch (message.type) {
        case 'factmark/report':
          return pageReport;
        case 'factmark/reveal':
          return { ok: true };
        default:
          return { ok: true };
      }
    }),
    getFacts: vi.fn(async (ids: string[]) => ({
      ok: true as const,
      facts: FACTS.filter((f) => ids.includes(f.id)),
    })),
    getSiteEnabled: vi.fn(async () => ({ ok: true as const, enabled: true })),
    setSiteEnabled: vi.fn(async (_host: string, enabled: boolean) => ({
      ok: true as const,
      enabled,
    })),
    getAnnotations: vi.fn(async (_url?: string) => ({
      ok: true as const,
      annotations: stored,
    })),
    saveAnnotation: vi.fn(async (saved: Annotation) => ({ ok: true as const, annotation: saved })),
    deleteAnnotations: vi.fn(async (ids: string[]) => ({
      ok: true as const,
      deleted: stored.filter((a) => ids.includes(a.id)),
    })),
    restoreAnnotations: vi.fn(async (annotations: Annotation[]) => ({
      ok: true as const,
      restored: annotations.length,
    })),
    exportAnnotations: vi.fn(async (format: ExportFormat, url: string) => ({
      ok: true as const,
      text: `${format} of ${url}`,
    })),
    addSource: vi.fn(async (source: NewSource): Promise<SourceAnswer> => ({
      ok: true as const,
      source: {
        id: 'c0ffee00-0000-4000-8000-000000000001',
        title: source.title,
        origin: source.origin,
        ...(source.url === undefined ? {} : { url: source.url }),
        date: source.date ?? null,
        addedAt: Date.UTC(2026, 2, 12),
        enabled: true,
        dropped: [],
        facts: 3,
      } satisfies SourceSummary,
    })),
  } satisfies PopupBrowserApi;
  return { api, toTab };
}

/** Render into a fresh container and let effects run. */
export async function mount(node: ComponentChild): Promise<HTMLElement> {
  document.body.replaceChildren();
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => render(node, root));
  return root;
}

/**
 * Let pending promises (the fake answers) and the renders they cause run, until `ready` holds.
 * Counts turns, not time: the fake seam answers within a few microtask turns.
 */
export async function settle(ready: () => boolean = () => true, turns = 50): Promise<void> {
  for (let i = 0; i < turns && !ready(); i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
  if (!ready()) throw new Error('the popup did not reach the expected state');
}

export const text = (el: Element | null | undefined) =>
  el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
