// @vitest-environment happy-dom
/**
 * The report kept between popup openings (src/content/report-cache.ts): answered again without a
 * walk while nothing it was made from changed, and made again after any change the report could
 * read — text, nodes, attributes, title, URL, facts, names — or made fresh every time when the
 * page's text lies where the document's observer cannot see.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexFacts } from '../../src/core/compare';
import { BUNDLED_LEXICON, lexiconOfNames } from '../../src/core/entities';
import { buildPageReport, type PageReport } from '../../src/content/page-report';
import { ReportCache, type ReportInputs } from '../../src/content/report-cache';
import { createUiRoot, revealHost } from '../../src/content/ui-root';

const PAGE =
  '<article><h1>Reko Diq</h1><p>EXIM lends $1.25 billion to the Reko Diq mine.</p>' +
  '<p>Barrick holds 50% of it.</p></article>';

let cache: ReportCache;
let made: number;
let inputs: ReportInputs;

function make(): Promise<PageReport> {
  made++;
  return buildPageReport(document, inputs.facts, new AbortController().signal, inputs.lexicon);
}

async function ask(): Promise<PageReport> {
  return cache.get({ ...inputs, url: document.location.href }, make);
}

/** Let the observer's records arrive (they come in a microtask after the change). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  document.title = 'A story';
  document.body.innerHTML = PAGE;
  cache = new ReportCache(document);
  made = 0;
  inputs = { url: '', facts: indexFacts([]), lexicon: BUNDLED_LEXICON };
});

afterEach(() => cache.clear());

describe('ReportCache', () => {
  it('answers a second time from the report it holds', async () => {
    const first = await ask();
    const second = await ask();
    expect(made).toBe(1);
    expect(second).toBe(first);
    expect(first.report.figures.map((f) => f.text)).toEqual(['$1.25 billion', '50%']);
  });

  it('makes the report again after the text changes', async () => {
    await ask();
    const text = document.querySelector('p')?.firstChild as Text;
    text.data = 'EXIM lends $2 billion to the Reko Diq mine.';
    await settle();
    const after = await ask();
    expect(made).toBe(2);
    expect(after.report.figures[0]?.text).toBe('$2 billion');
  });

  it('makes it again after a change in the same task, before any record is delivered', async () => {
    await ask();
    document.querySelector('article')?.append(document.createElement('p'));
    (document.querySelector('article p:last-child') as HTMLElement).textContent =
      'The mine will create 7,500 jobs.';
    const after = await ask();
    expect(made).toBe(2);
    expect(after.report.figures.map((f) => f.text)).toContain('7,500 jobs');
  });

  it('makes it again after an attribute hides a paragraph', async () => {
    await ask();
    document.querySelectorAll('p')[1]?.setAttribute('hidden', '');
    await settle();
    const after = await ask();
    expect(made).toBe(2);
    expect(after.report.figures.map((f) => f.text)).toEqual(['$1.25 billion']);
  });

  it('makes it again after the title changes', async () => {
    await ask();
    document.title = 'Another title';
    await settle();
    expect((await ask()).report.title).toBe('Another title');
    expect(made).toBe(2);
  });

  it('makes it again for another URL, other facts or other watched names', async () => {
    await ask();
    history.pushState(null, '', '/elsewhere');
    const moved = await ask();
    expect(made).toBe(2);
    expect(moved.report.url).toMatch(/\/elsewhere$/);
    inputs = { ...inputs, facts: indexFacts([]) };
    await ask();
    expect(made).toBe(3);
    inputs = { ...inputs, lexicon: lexiconOfNames([]) };
    await ask();
    expect(made).toBe(4);
    await ask();
    expect(made).toBe(4);
  });

  it('does not keep a report made while the page changed', async () => {
    const making = ask();
    document.querySelector('h1')?.append(' mine');
    await making;
    await ask();
    expect(made).toBe(2);
    await ask();
    expect(made).toBe(2);
  });

  it('keeps its report when only our own UI host comes, changes or goes', async () => {
    const first = await ask();
    const ui = createUiRoot(document, '');
    revealHost(ui.shadow);
    (ui.shadow.host as HTMLElement).style.width = '10px';
    ui.shadow.append(document.createElement('div'));
    await settle();
    ui.remove();
    await settle();
    expect(await ask()).toBe(first);
    expect(made).toBe(1);
  });

  it('never keeps a report that read an open shadow root', async () => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>EXIM approved $1.25 billion.</p>';
    document.body.append(host);
    const first = await ask();
    expect(first.report.figures.map((f) => f.text)).toContain('$1.25 billion');
    await ask();
    expect(made).toBe(2);
  });

  it('never keeps a report made while a same-origin frame is still loading', async () => {
    // A frame between its navigation and its parse has a document and no body yet: what it will
    // show loads with no record in the page's own document.
    const frameDoc = document.implementation.createHTMLDocument('loading');
    frameDoc.documentElement.replaceChildren(frameDoc.createElement('head'));
    const frame = document.createElement('iframe');
    // A same-origin frame's document, as `contentDocument` answers (happy-dom loads no frame).
    Object.defineProperty(frame, 'contentDocument', { value: frameDoc });
    document.body.append(frame);
    expect(frameDoc.body).toBeNull();
    await ask();
    frameDoc.documentElement.append(frameDoc.createElement('body'));
    (frameDoc.body as HTMLElement).innerHTML = '<p>EXIM approved $2 billion.</p>';
    const after = await ask();
    expect(made).toBe(2);
    expect(after.report.figures.map((f) => f.text)).toContain('$2 billion');
  });

  it('stops holding after clear()', async () => {
    await ask();
    cache.clear();
    await ask();
    expect(made).toBe(2);
  });
});
