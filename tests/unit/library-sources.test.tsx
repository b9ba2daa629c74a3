// @vitest-environment happy-dom
/**
 * The Library's Sources section, over a fake background (story-fixtures.tsx): listing, switching
 * on and off, a source's facts with their quotes (dropped, corrected), removing a source, and
 * adding one from a file or pasted text — with the errors a journalist can run into.
 */
import { describe, expect, it } from 'vitest';
import { Library } from '../../src/options/Library';
import { Sources } from '../../src/options/Sources';
import { factReading } from '../../src/options/source-fact';
import { sourceFromBytes } from '../../src/options/source-text';
import { MAX_SOURCE_BYTES } from '../../src/shared/sources-protocol';
import { fakeLibraryApi } from './library-fixtures';
import {
  BUNDLED,
  OWN,
  OWN_FACTS,
  PAGE,
  buttonNamed,
  chooseFile,
  fakeStoryApi,
  field,
  fileOf,
  mount,
  settle,
  text,
  typeInto,
} from './story-fixtures';

async function openSources(stored?: Parameters<typeof fakeStoryApi>[0]) {
  const story = fakeStoryApi(stored);
  const root = await mount(<Sources api={story.api} />);
  await settle(() => root.querySelectorAll('li.source').length > 0);
  return { ...story, root };
}

const item = (root: HTMLElement, id: string) =>
  root.querySelector<HTMLLIElement>(`li.source[data-source-id="${id}"]`)!;
const fileInput = (root: HTMLElement) =>
  field(root.querySelector('.add-source')!, 'Add a source from a file');
const outcome = (root: HTMLElement) => text(root.querySelector('.add-source [role="alert"]'));
/**
 * Until `ready`, for a file being read: the first read loads the reader (the engine's text
 * extraction) on demand, which takes the test runner a while to transform.
 */
const afterReading = (ready: () => boolean) => settle(ready, 5_000);

async function openFacts(root: HTMLElement, id: string) {
  buttonNamed(item(root, id), 'Show its facts')!.click();
  await settle(() => item(root, id).querySelector('.source-facts, .source-facts + *, p') !== null);
  await settle(() => !text(item(root, id)).includes('Reading its facts'));
}

describe('Library: the Sources section', () => {
  it('is mounted in the Library with its nav link, beside the Watched names', async () => {
    const story = fakeStoryApi();
    const root = await mount(<Library api={fakeLibraryApi().api} story={story.api} />);
    await settle(() => root.querySelectorAll('li.source').length === 3);
    expect([...root.querySelectorAll('nav a')].map((a) => a.getAttribute('href'))).toEqual([
      '#annotations',
      '#fact-base',
      '#sources',
      '#watched-names',
    ]);
    expect(root.querySelector('#sources h2')?.textContent).toBe('Sources');
    expect(root.querySelector('#watched-names h2')?.textContent).toBe('Watched names');
  });

  it('lists every source: title, origin, date, facts; bundled ones marked and not removable', async () => {
    const { root } = await openSources();
    expect(text(root.querySelector('.list-count'))).toBe('3 sources, 2 of them yours.');

    const bundled = item(root, BUNDLED.id);
    expect(text(bundled.querySelector('h3'))).toBe(BUNDLED.title);
    expect(text(bundled.querySelector('.source-head'))).toContain('Bundled');
    expect(text(bundled.querySelector('.source-meta'))).toBe(
      `Bundled with Factmark (${BUNDLED.name}) · dated 2026-02-06 · 1 fact`,
    );
    expect(buttonNamed(bundled, 'Remove…')).toBeUndefined();

    const own = item(root, OWN.id);
    expect(text(own.querySelector('.source-head'))).not.toContain('Bundled');
    expect(text(own.querySelector('.source-meta'))).toBe(
      'From the file 001_afdb-loan.txt · dated 2026-03-12 · 2 facts',
    );
    expect(buttonNamed(own, 'Remove…')).toBeDefined();

    // A page's address is shown as text and links out carrying nothing back.
    const page = item(root, PAGE.id);
    const link = page.querySelector('a')!;
    expect(link.textContent).toBe(PAGE.url);
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(text(page.querySelector('.source-meta'))).toContain('1 fact (1 dropped)');
    expect(text(page.querySelector('.source-head'))).toContain('Off');
  });

  it('never makes a link of an address that is not http(s)', async () => {
    const { root } = await openSources({
      sources: [{ ...PAGE, url: 'javascript:alert(1)' }],
    });
    const page = item(root, PAGE.id);
    expect(page.querySelector('a')).toBeNull();
    expect(text(page.querySelector('.source-url'))).toBe('javascript:alert(1)');
  });

  it('switches a source off and on, bundled ones too', async () => {
    const { root, api } = await openSources();
    const toggle = item(root, BUNDLED.id).querySelector<HTMLInputElement>('input[type=checkbox]')!;
    expect(toggle.checked).toBe(true);
    toggle.checked = false;
    toggle.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(() => text(item(root, BUNDLED.id).querySelector('.source-head')).includes('Off'));
    expect(api.enableSource).toHaveBeenCalledWith(BUNDLED.id, false);

    const off = item(root, PAGE.id).querySelector<HTMLInputElement>('input[type=checkbox]')!;
    expect(off.checked).toBe(false);
    off.checked = true;
    off.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(() => !text(item(root, PAGE.id).querySelector('.source-head')).includes('Off'));
    expect(api.enableSource).toHaveBeenCalledWith(PAGE.id, true);
  });

  it('says so when a switch is refused, and keeps the source as it was', async () => {
    const { root, api } = await openSources();
    api.enableSource.mockResolvedValueOnce({ ok: false, error: 'source-enable: busy' });
    const toggle = item(root, OWN.id).querySelector<HTMLInputElement>('input[type=checkbox]')!;
    toggle.checked = false;
    toggle.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(() => item(root, OWN.id).querySelector('[role="alert"]') !== null);
    expect(text(item(root, OWN.id).querySelector('[role="alert"]'))).toBe(
      'Not changed: source-enable: busy',
    );
    expect(text(item(root, OWN.id).querySelector('.source-head'))).not.toContain('Off');
  });

  it("shows a source's facts on demand, each figure marked in its quote", async () => {
    const { root, api } = await openSources();
    expect(api.getSourceFacts).not.toHaveBeenCalled();
    const toggle = buttonNamed(item(root, OWN.id), 'Show its facts')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await openFacts(root, OWN.id);
    expect(api.getSourceFacts).toHaveBeenCalledWith(OWN.id);
    expect(buttonNamed(item(root, OWN.id), 'Hide its facts')!.getAttribute('aria-expanded')).toBe(
      'true',
    );
    const facts = [...item(root, OWN.id).querySelectorAll('li.source-fact')];
    expect(facts).toHaveLength(2);
    expect(text(facts[0]!.querySelector('.fact-value'))).toBe('$640 million');
    expect(text(facts[0]!.querySelector('.fact-reading'))).toBe('read as 640,000,000 USD');
    expect(text(facts[0]!.querySelector('.fact-quote'))).toBe(OWN_FACTS[0]!.quote);
    expect(text(facts[0]!.querySelector('mark'))).toBe('$640 million');
    // Offsets that miss the figure: it is found by its text.
    expect(text(facts[1]!.querySelector('mark'))).toBe('60%');
    expect(text(facts[1]!.querySelector('.fact-reading'))).toBe('read as 60%');
  });

  it("shows a bundled source's facts read-only", async () => {
    const { root } = await openSources();
    await openFacts(root, BUNDLED.id);
    const fact = item(root, BUNDLED.id).querySelector('li.source-fact')!;
    expect(text(fact.querySelector('mark'))).toBe('$1.25 billion');
    expect(fact.querySelector('button')).toBeNull();
  });

  it('drops a fact after confirming, and counts it', async () => {
    const { root, api } = await openSources();
    await openFacts(root, OWN.id);
    const [first] = OWN_FACTS;
    const li = () => item(root, OWN.id).querySelector(`li[data-fact-id="${first!.id}"]`);
    li()!.querySelector<HTMLButtonElement>('button[aria-label^="Drop"]')!.click();
    await settle(() => buttonNamed(li()!, 'Keep') !== undefined);
    expect(api.deleteFact).not.toHaveBeenCalled();
    buttonNamed(li()!, 'Drop')!.click();
    await settle(() => li() === null);
    expect(api.deleteFact).toHaveBeenCalledWith(first!.id);
    expect(text(item(root, OWN.id).querySelector('.source-meta'))).toContain('1 fact (1 dropped)');
  });

  it("corrects a fact's value and qualifier, keeping its id and quote", async () => {
    const { root, api } = await openSources();
    await openFacts(root, OWN.id);
    const [first] = OWN_FACTS;
    const li = () => item(root, OWN.id).querySelector(`li[data-fact-id="${first!.id}"]`)!;
    li().querySelector<HTMLButtonElement>('button[aria-label^="Edit"]')!.click();
    await settle(() => li().querySelector('form') !== null);
    const form = li().querySelector('form')!;

    typeInto(field(form, 'Value'), 'six hundred');
    await settle();
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle(() => form.querySelector('[role="alert"]') !== null);
    expect(text(form.querySelector('[role="alert"]'))).toMatch(/must be a number/);
    expect(api.saveFact).not.toHaveBeenCalled();

    typeInto(field(form, 'Value'), '650,000,000');
    typeInto(field<HTMLSelectElement>(form, 'Qualifier'), 'max');
    await settle();
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle(() => li().querySelector('form') === null);
    expect(api.saveFact).toHaveBeenCalledWith({
      ...first,
      value: 650_000_000,
      qualifier: { text: 'up to', sense: 'max' },
    });
    expect(text(li().querySelector('.fact-value'))).toBe('up to $640 million');
    expect(text(li().querySelector('.fact-reading'))).toBe('read as up to 650,000,000 USD');
  });

  it('removes an own source after confirming; Keep keeps it', async () => {
    const { root, api } = await openSources();
    buttonNamed(item(root, OWN.id), 'Remove…')!.click();
    await settle(() => buttonNamed(item(root, OWN.id), 'Keep') !== undefined);
    expect(text(item(root, OWN.id))).toContain('Remove this source and its 2 facts?');
    // The keyboard's focus goes to the safe choice, not back to the page's start.
    expect(document.activeElement).toBe(buttonNamed(item(root, OWN.id), 'Keep'));
    buttonNamed(item(root, OWN.id), 'Keep')!.click();
    await settle(() => buttonNamed(item(root, OWN.id), 'Remove…') !== undefined);
    expect(api.removeSource).not.toHaveBeenCalled();

    buttonNamed(item(root, OWN.id), 'Remove…')!.click();
    await settle(() => buttonNamed(item(root, OWN.id), 'Remove') !== undefined);
    buttonNamed(item(root, OWN.id), 'Remove')!.click();
    await settle(() => root.querySelector(`li[data-source-id="${OWN.id}"]`) === null);
    expect(api.removeSource).toHaveBeenCalledWith(OWN.id);
    expect(text(root.querySelector('.list-count'))).toBe('2 sources, 1 of them yours.');
  });

  it('says what went wrong when the list cannot be read', async () => {
    const story = fakeStoryApi();
    story.api.getSources.mockResolvedValueOnce({ ok: false, error: 'sources: database closed' });
    const root = await mount(<Sources api={story.api} />);
    await settle(() => root.querySelector('[role="alert"].error') !== null);
    expect(text(root.querySelector('[role="alert"].error'))).toBe(
      'The sources could not be read: sources: database closed',
    );
  });
});

describe('Library: adding a source', () => {
  it('from a .txt file: its first line the title, its date marker the date', async () => {
    const { root, api } = await openSources();
    const content =
      ' date 2026-03-12 AfDB approves $640 million loan\nDAR ES SALAAM: The bank approved $640 million.\n';
    // The background's extraction is still running: the page says so and stays usable.
    let answer: (value: Awaited<ReturnType<typeof api.addSource>>) => void = () => {};
    api.addSource.mockImplementationOnce(
      (source) =>
        new Promise((resolve) => {
          answer = resolve;
          void source;
        }),
    );
    chooseFile(fileInput(root), fileOf([content], 'afdb.txt', 'text/plain'));
    await afterReading(() => api.addSource.mock.calls.length === 1);
    expect(api.addSource).toHaveBeenCalledWith({
      title: 'AfDB approves $640 million loan',
      text: content,
      name: 'afdb.txt',
      date: '2026-03-12',
      origin: 'file',
    });
    await settle(() => root.querySelector('progress[aria-label="Extracting the facts"]') !== null);
    expect(text(root.querySelector('.add-source [role="status"]'))).toBe(
      'Extracting the facts of “AfDB approves $640 million loan”…',
    );
    expect(fileInput(root).disabled).toBe(true);

    answer({
      ok: true,
      source: { ...OWN, id: 'new-source', title: 'AfDB approves $640 million loan', facts: 2 },
    });
    await afterReading(() => outcome(root) !== '');
    expect(outcome(root)).toBe('Added “AfDB approves $640 million loan”: 2 facts.');
    expect(item(root, 'new-source')).not.toBeNull();
    expect(fileInput(root).disabled).toBe(false);
  });

  it('from an .html file: its visible text under its title, as the CLI reads it', async () => {
    const { root, api } = await openSources();
    const html =
      '<!doctype html><html><head><title>Tembo Hills loan</title><style>p{}</style></head>' +
      '<body><script>var x = "$9 billion";</script><p>The bank approved a <b>$640 million</b> loan.</p>' +
      '<p hidden>Hidden $1 figure</p></body></html>';
    chooseFile(fileInput(root), fileOf([html], 'loan.html', 'text/html'));
    await afterReading(() => api.addSource.mock.calls.length === 1);
    expect(api.addSource).toHaveBeenCalledWith({
      title: 'Tembo Hills loan',
      text: 'Tembo Hills loan\nThe bank approved a $640 million loan.',
      name: 'loan.html',
      origin: 'file',
    });
  });

  it('refuses a binary file, saying what it is', async () => {
    const { root, api } = await openSources();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    chooseFile(fileInput(root), fileOf([png], 'chart.txt'));
    await afterReading(() => outcome(root) !== '');
    expect(outcome(root)).toBe('“chart.txt” is a PNG image, not text or HTML.');
    expect(root.querySelector('.add-source [role="alert"]')!.classList.contains('error')).toBe(
      true,
    );

    chooseFile(fileInput(root), fileOf([new Uint8Array([0x41, 0x00, 0x42, 0x43])], 'data.txt'));
    await afterReading(() => outcome(root).includes('data.txt'));
    expect(outcome(root)).toBe(
      '“data.txt” is a binary file (it contains NUL bytes), not text or HTML.',
    );
    expect(api.addSource).not.toHaveBeenCalled();
  });

  it('refuses an empty file, and one of only white space', async () => {
    const { root, api } = await openSources();
    chooseFile(fileInput(root), fileOf([], 'empty.txt'));
    await afterReading(() => outcome(root) !== '');
    expect(outcome(root)).toBe('“empty.txt” is empty.');
    chooseFile(fileInput(root), fileOf(['  \n\t\n'], 'blank.txt'));
    await afterReading(() => outcome(root).includes('blank.txt'));
    expect(outcome(root)).toBe('“blank.txt” is empty (it holds only white space).');
    expect(api.addSource).not.toHaveBeenCalled();
  });

  it('refuses a file over 5 MB before reading it', async () => {
    const { root, api } = await openSources();
    const file = fileOf(['x'], 'huge.txt');
    Object.defineProperty(file, 'size', { value: MAX_SOURCE_BYTES + 1 });
    let read = false;
    file.arrayBuffer = () => {
      read = true;
      return Promise.reject(new Error('read'));
    };
    file.text = file.arrayBuffer as unknown as File['text'];
    chooseFile(fileInput(root), file);
    await afterReading(() => outcome(root) !== '');
    expect(outcome(root)).toBe('“huge.txt” is 5.0 MB; a source article is at most 5 MB.');
    expect(read).toBe(false);
    expect(api.addSource).not.toHaveBeenCalled();
  });

  it('says why the background refused a source (a text with no figure)', async () => {
    const { root, api } = await openSources();
    api.addSource.mockResolvedValueOnce({
      ok: false,
      error: 'source-add: no figure in the text: nothing to check pages against',
    });
    chooseFile(fileInput(root), fileOf(['A quiet day\nNothing happened.'], 'quiet.txt'));
    await afterReading(() => outcome(root) !== '');
    expect(outcome(root)).toBe(
      'Not added: source-add: no figure in the text: nothing to check pages against',
    );
    expect(root.querySelectorAll('li.source')).toHaveLength(3);
  });

  it('from pasted text: title, date and text; its first line the title when none is given', async () => {
    const { root, api } = await openSources();
    const form = root.querySelector<HTMLFormElement>('form[aria-label="Paste an article"]')!;
    typeInto(field(form, 'Title'), 'Kilimani output');
    typeInto(field(form, 'Published on'), '2026-03-14');
    typeInto(field<HTMLTextAreaElement>(form, 'Text'), 'Kilimani will produce 150,000 tonnes.');
    await settle();
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await afterReading(() => outcome(root) !== '');
    expect(api.addSource).toHaveBeenLastCalledWith({
      title: 'Kilimani output',
      text: 'Kilimani will produce 150,000 tonnes.',
      date: '2026-03-14',
      origin: 'paste',
    });
    expect(outcome(root)).toBe('Added “Kilimani output”: 4 facts.');
    // Cleared once added.
    expect(field<HTMLTextAreaElement>(form, 'Text').value).toBe('');

    typeInto(field<HTMLTextAreaElement>(form, 'Text'), '\n  Output   headline \nBody with 60%.');
    await settle();
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle(() => api.addSource.mock.calls.length === 2);
    expect(api.addSource).toHaveBeenLastCalledWith({
      title: 'Output headline',
      text: '\n  Output   headline \nBody with 60%.',
      origin: 'paste',
    });
  });

  it('refuses empty or oversized pasted text before sending it', async () => {
    const { root, api } = await openSources();
    const form = root.querySelector<HTMLFormElement>('form[aria-label="Paste an article"]')!;
    const textarea = field<HTMLTextAreaElement>(form, 'Text');
    typeInto(textarea, '   ');
    await settle();
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle(() => form.querySelector('[role="alert"]') !== null);
    expect(text(form.querySelector('[role="alert"]'))).toBe(
      'Paste the article’s text first: it is empty.',
    );
    expect(textarea.getAttribute('aria-invalid')).toBe('true');

    // 5 MB and a bit of text: in UTF-8, "é" is two bytes.
    typeInto(textarea, 'é'.repeat(MAX_SOURCE_BYTES / 2 + 1));
    await settle();
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle(() => text(form.querySelector('[role="alert"]')).includes('MB'));
    expect(text(form.querySelector('[role="alert"]'))).toBe(
      'The text is 5.0 MB; a source article is at most 5 MB.',
    );
    expect(api.addSource).not.toHaveBeenCalled();
  });
});

describe('a source file, read as the CLI reads it', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('reads UTF-16 with a byte-order mark, and Windows-1252 when it is not UTF-8', () => {
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[...'Loan of 5%'].flatMap((c) => [c.charCodeAt(0), 0]),
    ]);
    expect(sourceFromBytes('a.txt', utf16)).toEqual({
      ok: true,
      source: { title: 'Loan of 5%', text: 'Loan of 5%', name: 'a.txt' },
    });
    const latin = new Uint8Array([...bytes('Caf'), 0xe9, ...bytes(' sold 40 tonnes')]);
    const read = sourceFromBytes('b.txt', latin);
    expect(read.ok && read.source.text).toBe('Café sold 40 tonnes');
  });

  it('tells HTML by its name, else by how it starts', () => {
    const html = '<!doctype html><title>T</title><p>Sold 40 tonnes.</p>';
    expect(sourceFromBytes('page', bytes(html))).toMatchObject({
      ok: true,
      source: { title: 'T', text: 'T\nSold 40 tonnes.' },
    });
    // A .txt is text, whatever it holds.
    expect(sourceFromBytes('page.txt', bytes(html))).toMatchObject({
      ok: true,
      source: { text: html },
    });
    expect(
      sourceFromBytes('empty.html', bytes('<html><body><script>1</script></body></html>')),
    ).toEqual({
      ok: false,
      error: 'has no visible text',
    });
  });

  it('names what a figure was read as: a year without separators, a percentage with its sign', () => {
    expect(factReading(OWN_FACTS[0]!)).toBe('640,000,000 USD');
    expect(factReading(OWN_FACTS[1]!)).toBe('60%');
    expect(factReading({ ...OWN_FACTS[0]!, kind: 'year', value: 2029, unit: 'year' })).toBe('2029');
    expect(factReading({ ...OWN_FACTS[0]!, qualifier: { text: 'as much as', sense: 'max' } })).toBe(
      'as much as 640,000,000 USD',
    );
  });
});
