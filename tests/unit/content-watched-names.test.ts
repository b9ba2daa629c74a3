// @vitest-environment happy-dom
/**
 * The content script with a journalist's own story: it asks the background for the watched names
 * (factmark/entities) beside the facts, builds its lexicon with the engine, and its report names
 * the journalist's entities by their ids with the verdicts the CLI gives; it answers
 * factmark/page-text with the page's visible text, title, URL and language, to the extension
 * only. The extension API is faked (webextension-polyfill cannot load outside an extension).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main';
import { loadStory } from '../../src/cli/story';
import type { Fact, Report } from '../../src/core/types';
import type { WatchedName } from '../../src/shared/sources-protocol';

const TEMBO = join(__dirname, '..', 'fixtures', 'story-tembo');
const SOURCES = ['001_afdb-loan.txt', '002_output.txt'].map((f) => join(TEMBO, f));
const NAMES = join(TEMBO, 'entities.json');
const PAGE = join(TEMBO, 'page.html');
const EXTENSION_ID = 'factmark-test-id';

type Listener = (message: unknown, sender: { id?: string }) => Promise<unknown> | undefined;

const fake = vi.hoisted(() => ({
  listeners: [] as Listener[],
  sent: [] as { type?: string }[],
  facts: [] as Fact[],
  entities: [] as WatchedName[],
}));

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      id: 'factmark-test-id',
      sendMessage: async (message: { type?: string }) => {
        fake.sent.push(message);
        switch (message.type) {
          case 'factmark/facts':
            return { ok: true, facts: fake.facts };
          case 'factmark/entities':
            return { ok: true, entities: fake.entities };
          case 'factmark/site-get':
            return { ok: true, enabled: true };
          case 'factmark/annotations':
            return { ok: true, annotations: [] };
          default:
            return { ok: false, error: 'not in this test' };
        }
      },
      onMessage: {
        addListener: (l: Listener) => void fake.listeners.push(l),
        removeListener: () => undefined,
      },
      connect: () => {
        throw new Error('no ports in this test');
      },
      getURL: (path: string) => `chrome-extension://factmark-test-id/${path}`,
    },
  },
}));

function cliReport(): Report {
  const result = run(['annotate', PAGE, '--sources', ...SOURCES, '--entities', NAMES]);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Report;
}

async function ask(message: unknown, sender: { id?: string } = { id: EXTENSION_ID }) {
  for (const listener of fake.listeners) {
    const answer = listener(message, sender);
    if (answer !== undefined) return answer;
  }
  return undefined;
}

/** happy-dom has no StaticRange; the highlights paint with them. */
class TestStaticRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  constructor(init: StaticRangeInit) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }
  get collapsed(): boolean {
    return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
  }
}

beforeAll(async () => {
  vi.stubGlobal('StaticRange', TestStaticRange);
  // The background's answers for this story: the CLI's facts (the background builds the same,
  // tests/unit/background-sources.test.ts), and the names as factmark/entities lists them.
  const story = loadStory({ sources: SOURCES, entities: NAMES, noBundled: false });
  fake.facts = story.base.facts;
  const own = JSON.parse(readFileSync(NAMES, 'utf8')) as {
    id: string;
    name: string;
    aliases: string[];
  }[];
  fake.entities = [
    { id: 'reko-diq', name: 'Reko Diq', aliases: [], bundled: true, enabled: true },
    { id: 'exim', name: 'EXIM', aliases: [], bundled: true, enabled: true },
    { id: 'barrick', name: 'Barrick', aliases: [], bundled: true, enabled: false },
    ...own.map((n) => ({ ...n, bundled: false, enabled: true })),
  ];
  const html = readFileSync(PAGE, 'utf8');
  document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '');
  document.documentElement.lang = 'en';
  await import('../../src/content/index');
  // The content script's start: facts, names, then the site's switch.
  for (let i = 0; i < 50 && !fake.sent.some((m) => m.type === 'factmark/site-get'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
});

describe('the content script with watched names', () => {
  it('asks for the watched names beside the facts', () => {
    expect(fake.sent.map((m) => m.type)).toEqual(
      expect.arrayContaining(['factmark/facts', 'factmark/entities']),
    );
  });

  it("reports the journalist's entities by id, and the CLI's verdicts", async () => {
    const report = (await ask({ type: 'factmark/report' })) as Report;
    const cli = cliReport();
    const mentions = (r: Report) => r.mentions.map((m) => `${m.entity}:${m.text}`);
    // Barrick is switched off here: the CLI's mentions less Barrick's.
    expect(mentions(report)).toEqual(mentions(cli).filter((m) => !m.startsWith('barrick:')));
    expect(mentions(report)).toContain('tembo-hills:Tembo Hills');
    expect(mentions(report)).toContain('kilimani:Kilimani Resources');
    const verdicts = (r: Report) => r.figures.map((f) => `${f.text}:${f.verdict}:${f.attribute}`);
    expect(verdicts(report)).toEqual(verdicts(cli));
    expect(verdicts(report)).toContain(
      `$640 million:supported:${cli.figures.find((f) => f.text === '$640 million')!.attribute}`,
    );
  });

  it('answers factmark/page-text with the visible text, title, URL and language', async () => {
    const answer = (await ask({ type: 'factmark/page-text' })) as {
      ok: boolean;
      title: string;
      url: string;
      lang: string;
      text: string;
    };
    expect(answer.ok).toBe(true);
    expect(answer.title).toBe(document.title.replace(/\s+/g, ' ').trim());
    expect(answer.url).toBe(document.location.href);
    expect(answer.lang).toBe('en');
    expect(answer.text).toContain('Tembo Hills');
    expect(answer.text).not.toContain('<');
  });

  it('answers no one else', async () => {
    expect(await ask({ type: 'factmark/page-text' }, { id: 'another-extension' })).toBeUndefined();
    expect(await ask({ type: 'factmark/page-text' }, {})).toBeUndefined();
  });
});
