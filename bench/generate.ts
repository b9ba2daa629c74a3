/**
 * Deterministic generator of news pages for the benchmark: N paragraphs of prose with inline tags
 * (<a>, <em>, <strong>, <span>), about one paragraph in five naming one of the story's entities
 * (some of the names split across tags: "Reko <em>Diq</em>"), about one in four with a figure
 * ($1.25 billion, 6,000 jobs, 50%, 25 per cent, by 2028…). Same seed, same page, byte for byte.
 *
 * Also exports the one combined pattern the floor and mark.js are given (entity spellings plus a
 * money/count/percent/year regex), so every method searches the same page for the same things.
 */

import { pathToFileURL } from 'node:url';

/** mulberry32: a small, fast, seeded PRNG; good enough to vary prose, and reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;

function pick<T>(rand: Rand, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

const SUBJECTS = [
  'The government',
  'Officials in Islamabad',
  'The provincial administration',
  'Analysts',
  'The company',
  'Lenders',
  'Local leaders',
  'The finance ministry',
  'Investors',
  'A spokesperson',
  'Community representatives',
  'The mining sector',
  'Economists',
  'The board',
  'Regional observers',
];
const VERBS = [
  'said',
  'expected',
  'has argued',
  'warned',
  'noted',
  'confirmed',
  'told reporters',
  'estimated',
  'acknowledged',
  'suggested',
  'reiterated',
  'believed',
];
const CLAUSES = [
  'that the project would reshape the regional economy',
  'that negotiations over financing were continuing',
  'that the timetable remained ambitious but achievable',
  'that infrastructure along the route needed urgent upgrades',
  'that water supply in the desert region is a constraint',
  'that security arrangements had been strengthened',
  'that the agreement had been ratified by parliament',
  'that royalties would be shared with the province',
  'that copper prices supported the investment case',
  'that the feasibility study was being updated',
  'that rail links to the port were under review',
  'that the first phase would focus on processing capacity',
  'that environmental assessments were under way',
  'that the local workforce would be trained on site',
  'that political risk insurance was under discussion',
];
const TAILS = [
  'according to people familiar with the matter',
  'in a statement on Tuesday',
  'during a briefing in the capital',
  'in comments published late on Friday',
  'speaking on condition of anonymity',
  'in an interview',
  'at an industry conference',
  'after a meeting with provincial officials',
  'in a regulatory filing',
  'citing internal estimates',
];
const FILLERS = [
  'The deposit, one of the largest undeveloped copper and gold resources in the world, lies in a remote corner of Balochistan.',
  'Talks have stretched over several years, with disputes over licensing resolved only recently.',
  'The region has long complained that it sees little benefit from the resources beneath it.',
  'Shipping concentrate to the coast will require new roads, a railway spur and port facilities.',
  'Copper demand is expected to rise with the spread of electric vehicles and power grids.',
  'Critics say the terms favour foreign shareholders over local communities.',
  'Construction is planned in two phases, with processing capacity expanded in the second.',
  'The desert climate and scarce water make the site difficult to develop.',
  'Officials have promised that schools and clinics will be built near the mine.',
  'The deal is seen as a test of whether large foreign investment can succeed in the province.',
];

/** Entity spellings as reporting writes them; the HTML form may split a name across tags. */
const ENTITY_MENTIONS: readonly { text: string; split: string }[] = [
  { text: 'Reko Diq', split: 'Reko <em>Diq</em>' },
  { text: 'Reco Diq', split: '<span class="place">Reco</span> Diq' },
  { text: 'EXIM', split: '<strong>EX</strong>IM' },
  { text: 'Ex-Im Bank', split: 'Ex-Im <em>Bank</em>' },
  { text: 'US Export-Import Bank', split: 'US <a href="#exim">Export-Import Bank</a>' },
  { text: 'Barrick', split: '<strong>Barrick</strong>' },
  { text: 'Barrick Gold', split: 'Barrick <span class="org">Gold</span>' },
];
const ENTITY_SENTENCES = [
  (e: string) => `${e} is expected to announce its next steps in the coming weeks.`,
  (e: string) => `People close to ${e} said the talks were constructive.`,
  (e: string) => `The role of ${e} in the project has drawn scrutiny from lawmakers.`,
  (e: string) => `A representative of ${e} declined to comment on the report.`,
  (e: string) => `Documents reviewed by reporters show ${e} at the centre of the plan.`,
];

const FIGURES = [
  '$1.25 billion',
  '$7 billion',
  '$10 billion',
  'US$900 million',
  '6,000 jobs',
  '7,500 workers',
  '50%',
  '25 per cent',
  '15 percent',
  'by 2028',
  'in 2025',
  '$2.6 billion',
  '40 years',
  '37%',
];
const FIGURE_SENTENCES = [
  (f: string) => `The financing package is reported at ${f}, a figure officials did not dispute.`,
  (f: string) => `Estimates put the number at ${f} once construction peaks.`,
  (f: string) => `The plan mentions ${f} in its summary of the first phase.`,
  (f: string) => `Output could begin ${f}, the document says.`,
  (f: string) => `One analyst put the share at ${f}.`,
];

/** Wrap a few words of a sentence in an inline tag, as news markup does (links, emphasis). */
function decorate(rand: Rand, sentence: string): string {
  if (rand() > 0.45) return sentence;
  const words = sentence.split(' ');
  if (words.length < 6) return sentence;
  const start = 1 + Math.floor(rand() * (words.length - 4));
  const len = 1 + Math.floor(rand() * 3);
  const inner = words.slice(start, start + len).join(' ');
  const tag = pick(rand, ['a', 'em', 'strong', 'span'] as const);
  const open =
    tag === 'a'
      ? `<a href="/news/${Math.floor(rand() * 100000)}">`
      : tag === 'span'
        ? '<span class="hl">'
        : `<${tag}>`;
  return [...words.slice(0, start), `${open}${inner}</${tag}>`, ...words.slice(start + len)].join(
    ' ',
  );
}

function prose(rand: Rand): string {
  if (rand() < 0.3) return pick(rand, FILLERS);
  return `${pick(rand, SUBJECTS)} ${pick(rand, VERBS)} ${pick(rand, CLAUSES)}, ${pick(rand, TAILS)}.`;
}

export interface GeneratedStats {
  paragraphs: number;
  withEntity: number;
  withFigure: number;
  splitNames: number;
}

/** The paragraphs alone, as HTML (for the page and for appending to a loaded page). */
export function paragraphs(count: number, seed: number): { html: string; stats: GeneratedStats } {
  const rand = prng(seed);
  const stats: GeneratedStats = { paragraphs: count, withEntity: 0, withFigure: 0, splitNames: 0 };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const sentences: string[] = [];
    const n = 2 + Math.floor(rand() * 3);
    for (let s = 0; s < n; s++) sentences.push(decorate(rand, prose(rand)));
    if (rand() < 0.2) {
      stats.withEntity++;
      const entity = pick(rand, ENTITY_MENTIONS);
      const split = rand() < 0.2;
      if (split) stats.splitNames++;
      const at = Math.floor(rand() * (sentences.length + 1));
      sentences.splice(at, 0, pick(rand, ENTITY_SENTENCES)(split ? entity.split : entity.text));
    }
    if (rand() < 0.25) {
      stats.withFigure++;
      const at = Math.floor(rand() * (sentences.length + 1));
      sentences.splice(at, 0, pick(rand, FIGURE_SENTENCES)(pick(rand, FIGURES)));
    }
    // Every 40th paragraph is a sub-heading, as long articles have.
    if (i > 0 && i % 40 === 0) out.push(`<h2>${pick(rand, CLAUSES).replace(/^that /, '')}</h2>`);
    out.push(`<p>${sentences.join(' ')}</p>`);
  }
  return { html: out.join('\n'), stats };
}

/** A whole news page: header and navigation, the article, a sidebar, a script and a style. */
export function newsPage(count: number, seed = 20240601): { html: string; stats: GeneratedStats } {
  const body = paragraphs(count, seed);
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Reko Diq financing: what the deal means (${count} paragraphs)</title>
<style>body{font:16px/1.5 serif;max-width:44em;margin:auto;padding:0 1em} .hl{color:#333} nav a{margin-right:1em}</style>
<script>window.__pageScript = 'var price = "$5 billion"; // not visible text';</script>
</head>
<body>
<header><nav><a href="/">Home</a><a href="/business">Business</a><a href="/world">World</a><a href="/markets">Markets</a></nav></header>
<main>
<article>
<h1>Reko Diq financing: what the deal means for Balochistan</h1>
<p class="byline">By a staff reporter · <time datetime="2024-06-01">1 June 2024</time></p>
${body.html}
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Markets close higher</a></li><li><a href="/b">Rains lash the coast</a></li></ul></aside>
</main>
<footer><p>© News Corp of Nowhere. All rights reserved.</p></footer>
<script>document.documentElement.dataset.ready = '1';</script>
</body>
</html>
`;
  return { html, stats: body.stats };
}

/**
 * The one combined pattern of the floor and of mark.js: every entity spelling the generator writes
 * (and the variants the lexicon accepts), plus money / count / percent / year figures.
 */
export const ENTITY_SOURCE = String.raw`(?:reko|reco)[ -]?(?:diq|dig|dik)|(?:u\.?s\.? +)?export-import +bank|ex-?im(?: +bank)?|barrick(?: +gold)?`;
export const FIGURE_SOURCE =
  String.raw`(?:us ?\$|\$|€|£)\s?\d[\d,]*(?:\.\d+)?(?: ?(?:thousand|million|billion|trillion|bn|mn|m|k)\b)?` +
  String.raw`|\d[\d,]*(?:\.\d+)? ?(?:%|per ?-?cent\b|percent\b)` +
  String.raw`|\d{1,3}(?:,\d{3})+(?: +[a-z]+)?|\b(?:19|20)\d{2}\b|\b\d+ +(?:years|jobs|workers)\b`;
export const COMBINED_SOURCE = `${ENTITY_SOURCE}|${FIGURE_SOURCE}`;
export const COMBINED_FLAGS = 'gi';

// `npx tsx bench/generate.ts 1000 > page.html` writes one page, for a look at it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 1000);
  process.stdout.write(newsPage(n).html);
}
