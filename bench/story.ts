/**
 * The benchmark's "story" case (issue 10): the content script's first pass when the journalist
 * watches 50 names (the bundled three and 47 of their own) and the fact base holds 2,000 facts
 * (the bundled ones and those of generated source articles), on the same generated pages as the
 * rest of the benchmark. The names and sources go in the way the Library puts them: through the
 * background's own messages (factmark/entity-save, factmark/source-add) from an extension page,
 * so the facts are extracted by the background's engine; they are removed again afterwards, so
 * that the measurements after this one see the store as before.
 *
 * What it costs a page: a lexicon of 50 names is a longer pattern to compile and to run on every
 * block whose pre-check passes (a name's own stem at a word start: "temb", "simb"…; the bundled
 * three keep theirs, src/core/entities/match.ts), and 2,000 facts make more claims to match each
 * figure against. The pages name only the bundled entities: this measures what watching more
 * costs every page, not the work of a page about those names.
 */
import type { Page } from 'playwright-core';
import { prng } from './generate';

interface RuntimeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}
type ApiGlobals = { browser?: RuntimeApi; chrome?: RuntimeApi };

/** Watched names in all: the bundled three and the journalist's own. */
export const STORY_NAMES = 50;
/** Facts in all: the bundled ones and the generated sources'. */
export const STORY_FACTS = 2_000;
const BUNDLED_NAMES = 3;

const FIRST = [
  'Tembo',
  'Simba',
  'Nyati',
  'Kifaru',
  'Chui',
  'Twiga',
  'Kiboko',
  'Ndovu',
  'Pundamilia',
  'Mamba',
  'Nyumbu',
  'Korongo',
  'Tai',
  'Kasuku',
  'Fisi',
  'Swala',
  'Paa',
  'Kobe',
  'Nguruwe',
  'Sungura',
];
const SECOND = [
  'Hills',
  'Ridge',
  'Valley',
  'Graphite',
  'Lithium',
  'Copper',
  'Nickel',
  'Resources',
  'Mining',
  'Development Bank',
  'Infrastructure Fund',
  'Rail Corridor',
  'Port Authority',
  'Minerals',
];
const LENDERS = ['the lender', 'the bank', 'the fund', 'the consortium', 'the development agency'];

export interface StoryName {
  id: string;
  name: string;
  aliases: string[];
}

/** 47 distinct names of the journalist's own, each with two spellings more. */
export function storyNames(count = STORY_NAMES - BUNDLED_NAMES): StoryName[] {
  const names: StoryName[] = [];
  for (let i = 0; names.length < count; i++) {
    const first = FIRST[i % FIRST.length] as string;
    const second = SECOND[Math.floor(i / FIRST.length) % SECOND.length] as string;
    const name = `${first} ${second}`;
    const id = name.toLowerCase().replace(/ /g, '-');
    names.push({ id, name, aliases: [`${first}-${second}`, `${first} ${second} project`] });
  }
  return names;
}

/**
 * Source articles about those names, a headline each, then sentences that each
 * state two facts (an amount and a year) or one (a count): as many articles as it takes to reach
 * `facts` facts, 50 per article.
 */
export function storySources(
  names: readonly StoryName[],
  facts: number,
): { title: string; text: string }[] {
  const rand = prng(20261202);
  const sources: { title: string; text: string }[] = [];
  let made = 0;
  for (let s = 0; made < facts; s++) {
    const subject = names[s % names.length] as StoryName;
    const title = `${subject.name} financing update ${s + 1}`;
    const lines = [title];
    for (let k = 0; k < 25 && made < facts; k++) {
      const name = (names[(s + k) % names.length] as StoryName).name;
      if (k % 3 === 2) {
        lines.push(
          `The ${name} project will employ ${200 + Math.floor(rand() * 5000)} workers, officials said.`,
        );
        made += 1;
      } else {
        const amount = 10 + Math.floor(rand() * 990);
        const year = 2026 + Math.floor(rand() * 8);
        const lender = LENDERS[Math.floor(rand() * LENDERS.length)] as string;
        lines.push(
          `${name} secured $${amount} million from ${lender} for construction due in ${year}.`,
        );
        made += 2;
      }
    }
    sources.push({ title, text: lines.join('\n') });
  }
  return sources;
}

/** From an extension page: send each message in turn; the answers. */
async function sendEach(messages: unknown[]): Promise<unknown[]> {
  const g = globalThis as unknown as ApiGlobals;
  const api = (g.browser ?? g.chrome) as RuntimeApi;
  const answers: unknown[] = [];
  for (const m of messages) {
    answers.push(
      await api.runtime.sendMessage(m).catch((e: unknown) => ({ ok: false, error: String(e) })),
    );
  }
  return answers;
}

function errorsOf(answers: unknown[]): string[] {
  return answers
    .map((a) => a as { ok?: boolean; error?: string } | undefined)
    .filter((a) => a?.ok !== true)
    .map((a) => a?.error ?? 'no answer');
}

export interface StorySetup {
  names: number;
  facts: number;
  sources: number;
  /** Time to add the sources through factmark/source-add, all of them (extraction and writes). */
  add_sources_ms: number;
  errors: string[];
}

/**
 * Watch the names and add the sources, from `control` (an extension page). Returns what the
 * background then holds (names watched, facts checked) and a function that removes them again.
 */
export async function setUpStory(
  control: Page,
): Promise<{ setup: StorySetup; tearDown: () => Promise<string[]> }> {
  const names = storyNames();
  const sources = storySources(names, STORY_FACTS - (await checkedFacts(control)));
  const saved = await control.evaluate(
    sendEach,
    names.map((entity) => ({ type: 'factmark/entity-save', entity })),
  );
  const t0 = Date.now();
  const added = await control.evaluate(
    sendEach,
    sources.map((s) => ({ type: 'factmark/source-add', source: { ...s, origin: 'paste' } })),
  );
  const addMs = Date.now() - t0;
  const ids = added
    .map((a) => (a as { source?: { id?: string } }).source?.id)
    .filter((id): id is string => typeof id === 'string');
  const listed = (await control.evaluate(sendEach, [{ type: 'factmark/entities' }]))[0] as {
    entities?: { enabled: boolean }[];
  };
  const setup: StorySetup = {
    names: listed.entities?.filter((e) => e.enabled).length ?? 0,
    facts: await checkedFacts(control),
    sources: ids.length,
    add_sources_ms: addMs,
    errors: [...errorsOf(saved), ...errorsOf(added)].slice(0, 5),
  };
  const tearDown = async () => {
    const removed = await control.evaluate(sendEach, [
      ...ids.map((id) => ({ type: 'factmark/source-remove', id })),
      ...names.map((n) => ({ type: 'factmark/entity-remove', id: n.id })),
    ]);
    return errorsOf(removed).slice(0, 5);
  };
  return { setup, tearDown };
}

/** The facts pages are checked against now (factmark/facts, as the Library gets them). */
async function checkedFacts(control: Page): Promise<number> {
  const [answer] = await control.evaluate(sendEach, [{ type: 'factmark/facts' }]);
  return (answer as { facts?: unknown[] }).facts?.length ?? 0;
}
