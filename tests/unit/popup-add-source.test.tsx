// @vitest-environment happy-dom
/**
 * The popup's "Add this page as a source": the page's text from its content script, then a
 * source of origin `page` for the background; what came of it said in the popup. Nothing of it
 * runs before the button is pressed.
 */
import { describe, expect, it } from 'vitest';
import { App } from '../../src/popup/App';
import type { ContentRequest } from '../../src/shared/messages';
import type { SourceAnswer } from '../../src/shared/sources-protocol';
import { TAB_ID, fakeApi, mount, report, settle, text } from './popup-fixtures';

const PAGE_TEXT = {
  ok: true,
  title: 'AfDB approves $640 million loan',
  url: 'https://news.example/afdb',
  lang: 'en',
  text: 'The African Development Bank approved a $640 million loan.',
};

/** The popup over a page whose content script answers `pageText` to factmark/page-text. */
async function openPopup(pageText: unknown = PAGE_TEXT) {
  const { api, toTab } = fakeApi();
  const reportAnswer = report();
  api.sendToTab.mockImplementation(async (_tab: number, message: ContentRequest) => {
    toTab.push(message);
    if (message.type === 'factmark/report') return reportAnswer;
    if (message.type === 'factmark/page-text') {
      if (pageText instanceof Error) throw pageText;
      return pageText;
    }
    return { ok: true };
  });
  const root = await mount(<App api={api} />);
  await settle(() => button(root) !== undefined);
  return { api, toTab, root };
}

const button = (root: HTMLElement) =>
  [...root.querySelectorAll('button')].find(
    (b) => b.textContent?.trim() === 'Add this page as a source',
  );
const section = (root: HTMLElement) => root.querySelector('.add-page-source')!;
const status = (root: HTMLElement) => text(section(root).querySelector('[role="status"]'));
const alert = (root: HTMLElement) => text(section(root).querySelector('[role="alert"]'));

describe('popup: add this page as a source', () => {
  it('asks nothing of the page or the background until pressed', async () => {
    const { api, toTab } = await openPopup();
    expect(toTab.map((m) => m.type)).toEqual(['factmark/report']);
    expect(api.addSource).not.toHaveBeenCalled();
  });

  it("sends the page's text as a source of origin page, and says how many facts it gave", async () => {
    const { api, toTab, root } = await openPopup();
    button(root)!.click();
    await settle(() => status(root).startsWith('Added'));
    expect(toTab.at(-1)).toEqual({ type: 'factmark/page-text' });
    expect(api.sendToTab).toHaveBeenLastCalledWith(TAB_ID, { type: 'factmark/page-text' });
    expect(api.addSource).toHaveBeenCalledWith({
      title: PAGE_TEXT.title,
      // The title is the headline, the first line, as the CLI reads an HTML source.
      text: `${PAGE_TEXT.title}\n${PAGE_TEXT.text}`,
      origin: 'page',
      url: PAGE_TEXT.url,
    });
    expect(status(root)).toBe(
      'Added “AfDB approves $640 million loan”: 3 facts. Other pages are now checked against them.',
    );
    expect(alert(root)).toBe('');
  });

  it('shows progress while the background extracts, the button disabled', async () => {
    const { api, root } = await openPopup();
    let answer: (a: SourceAnswer) => void = () => {};
    api.addSource.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    button(root)!.click();
    await settle(() => status(root) === 'Extracting its facts…');
    expect(button(root)!.disabled).toBe(true);
    answer({ ok: false, error: 'source.text: no figure: nothing to check pages against' });
    await settle(() => alert(root) !== '');
    expect(alert(root)).toBe('Not added: source.text: no figure: nothing to check pages against');
    expect(status(root)).toBe('');
    expect(button(root)!.disabled).toBe(false);
  });

  it('says so when the page does not answer', async () => {
    const { api, root } = await openPopup(new Error('Could not establish connection.'));
    button(root)!.click();
    await settle(() => alert(root) !== '');
    expect(alert(root)).toBe('The page did not answer. Reload it and try again.');
    expect(api.addSource).not.toHaveBeenCalled();
  });

  it("refuses a page's answer that is not page text, and a text too large", async () => {
    const bad = await openPopup({
      ok: true,
      url: 'javascript:alert(1)',
      title: 'x',
      lang: '',
      text: 'x',
    });
    button(bad.root)!.click();
    await settle(() => alert(bad.root) !== '');
    expect(alert(bad.root)).toBe('The page could not be read: url: not an http(s) URL');
    expect(bad.api.addSource).not.toHaveBeenCalled();

    const huge = await openPopup({ ...PAGE_TEXT, text: 'x'.repeat(5 * 1024 * 1024 + 1) });
    button(huge.root)!.click();
    await settle(() => alert(huge.root) !== '');
    expect(alert(huge.root)).toBe(
      'Not added: the page’s text is 5.0 MB; a source article is at most 5.0 MB.',
    );
    expect(huge.api.addSource).not.toHaveBeenCalled();
  });
});
