// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../src/core/annotations/types';
import { App } from '../../src/popup/App';
import { parseTags } from '../../src/popup/AnnotationEditor';
import { TAB_ID, annotation, fakeApi, mount, report, settle, text } from './popup-fixtures';

const PAGE_URL = 'https://news.example/story';

const placed = annotation({
  quote: {
    type: 'TextQuoteSelector',
    exact: 'EXIM approved $1.25 billion',
    prefix: '',
    suffix: '',
  },
  note: 'Check against the board minutes',
  tags: ['exim', 'financing'],
  color: 'green',
});
const orphan = annotation({
  quote: { type: 'TextQuoteSelector', exact: 'a paragraph since removed', prefix: '', suffix: '' },
  color: 'pink',
});

function pageReport(annotations = [placed, orphan]) {
  return report({
    annotations: annotations.map((a) => ({
      id: a.id,
      quote: a.quote.exact,
      anchored: a !== orphan,
    })),
  });
}

async function openPopup(stored: Annotation[] = [placed, orphan], page: unknown = pageReport()) {
  const { api, toTab } = fakeApi(page, stored);
  const root = await mount(<App api={api} />);
  await settle(
    () => root.querySelector('.annotations-section li, .annotations-section p') !== null,
  );
  await settle(() => !text(root.querySelector('.annotations-section')).includes('Loading'));
  return { api, toTab, root };
}

const item = (root: HTMLElement, a: Annotation) =>
  root.querySelector<HTMLLIElement>(`li[data-annotation-id="${a.id}"]`)!;
const button = (scope: Element, name: string) =>
  [...scope.querySelectorAll('button')].find((b) => text(b) === name)!;

afterEach(() => vi.restoreAllMocks());

describe('popup: your annotations', () => {
  it("asks the background for the page's annotations by the report's URL", async () => {
    const { api } = await openPopup();
    expect(api.getAnnotations).toHaveBeenCalledWith(PAGE_URL);
    expect(api.getAnnotations).toHaveBeenCalledTimes(1);
  });

  it('shows colour, quote, note and tags, and lists orphans apart, never dropping them', async () => {
    const { root } = await openPopup();
    const section = root.querySelector('.annotations-section')!;
    expect(text(section.querySelector('h2'))).toBe('Your annotations');

    const shown = item(root, placed);
    expect(shown.querySelector('.swatch-green')?.getAttribute('aria-label')).toBe('Green');
    expect(text(shown.querySelector('.annotation-quote'))).toBe('EXIM approved $1.25 billion');
    expect(text(shown.querySelector('.annotation-note'))).toBe('Check against the board minutes');
    expect([...shown.querySelectorAll('.tag')].map(text)).toEqual(['exim', 'financing']);
    expect(shown.closest('.orphans')).toBeNull();

    const orphans = section.querySelector('.orphans')!;
    expect(text(orphans.querySelector('h3'))).toBe('Not found on the page now');
    expect(orphans.contains(item(root, orphan))).toBe(true);
    expect(button(item(root, orphan), 'Edit')).toBeDefined();
    expect(button(item(root, orphan), 'Delete')).toBeDefined();
  });

  it('counts an annotation the report does not name as an orphan', async () => {
    const { root } = await openPopup([placed, orphan], pageReport([placed]));
    expect(root.querySelector('.orphans')?.contains(item(root, orphan))).toBe(true);
  });

  it('lists every annotation as on the page when the report says nothing of them', async () => {
    const { root } = await openPopup([placed, orphan], report());
    expect(root.querySelector('.orphans')).toBeNull();
    expect(root.querySelectorAll('li.annotation')).toHaveLength(2);
  });

  it('finds annotations the report names under another URL among all annotations', async () => {
    const { api } = fakeApi(pageReport(), []);
    api.getAnnotations.mockImplementation(async (url?: string) => ({
      ok: true as const,
      annotations: url === undefined ? [annotation(), placed] : [],
    }));
    const root = await mount(<App api={api} />);
    await settle(() => root.querySelector('li.annotation') !== null);
    expect(api.getAnnotations.mock.calls).toEqual([[PAGE_URL], []]);
    expect(root.querySelectorAll('li.annotation')).toHaveLength(1);
    expect(item(root, placed)).not.toBeNull();
  });

  it('renders the figures without waiting for the annotations', async () => {
    const { api } = fakeApi(pageReport(), []);
    api.getAnnotations.mockReturnValue(new Promise(() => undefined) as never);
    const root = await mount(<App api={api} />);
    await settle(() => root.querySelector('tbody.figure') !== null);
    expect(text(root.querySelector('.annotations-section'))).toContain('Loading your annotations…');
  });

  it('says there are none, and offers no export, on a page without annotations', async () => {
    const { root } = await openPopup([], report({ annotations: [] }));
    expect(text(root.querySelector('.annotations-section'))).toContain(
      'No annotations on this page yet.',
    );
    expect(root.querySelector('.annotations-section .export')).toBeNull();
  });

  it('says so when the annotations cannot be read, and the figures still show', async () => {
    const { api } = fakeApi(pageReport(), []);
    api.getAnnotations.mockResolvedValue({ ok: false, error: 'database closed' } as never);
    const root = await mount(<App api={api} />);
    await settle(() => text(root).includes('could not be read'));
    expect(text(root.querySelector('.annotations-section [role=alert]'))).toBe(
      'Your annotations could not be read: database closed',
    );
    expect(root.querySelectorAll('tbody.figure')).toHaveLength(3);
  });

  it('reveals an annotation on the page when it is selected (a button: Enter and Space work)', async () => {
    const { root, toTab } = await openPopup();
    const main = item(root, placed).querySelector<HTMLButtonElement>('button.annotation-main')!;
    expect(main.tagName).toBe('BUTTON');
    main.click();
    await settle(() => toTab.some((m) => m.type === 'factmark/reveal-annotation'));
    expect(toTab.at(-1)).toEqual({ type: 'factmark/reveal-annotation', id: placed.id });
  });

  it('says so when an orphan cannot be shown', async () => {
    const { root, api } = await openPopup();
    api.sendToTab.mockResolvedValueOnce({ ok: false });
    item(root, orphan).querySelector<HTMLButtonElement>('button.annotation-main')!.click();
    await settle(() => root.querySelector('.annotations-section [role=alert]') !== null);
    expect(text(root.querySelector('.annotations-section [role=alert]'))).toBe(
      'That passage is not on the page now.',
    );
  });
});

describe('popup: editing an annotation', () => {
  it('saves note, tags and colour, then tells the page', async () => {
    const { root, api, toTab } = await openPopup();
    button(item(root, placed), 'Edit').click();
    await settle(() => item(root, placed).querySelector('form') !== null);
    const form = item(root, placed).querySelector('form')!;
    const note = form.querySelector('textarea')!;
    expect(note.value).toBe('Check against the board minutes');
    expect(document.activeElement).toBe(note);
    const tags = form.querySelector<HTMLInputElement>('input[type=text]')!;
    expect(tags.value).toBe('exim, financing');
    const radios = [...form.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((r) => r.value)).toEqual(['yellow', 'green', 'blue', 'pink']);
    expect(radios.find((r) => r.checked)?.value).toBe('green');

    note.value = '  Confirmed by EXIM  ';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    tags.value = 'exim, confirmed, , exim';
    tags.dispatchEvent(new Event('input', { bubbles: true }));
    radios[2]!.click();
    await settle();
    button(form, 'Save').click();
    await settle(() => toTab.some((m) => m.type === 'factmark/annotations-changed'));

    expect(api.saveAnnotation).toHaveBeenCalledTimes(1);
    const saved = api.saveAnnotation.mock.calls[0]![0];
    expect(saved).toMatchObject({
      id: placed.id,
      url: placed.url,
      quote: placed.quote,
      note: 'Confirmed by EXIM',
      tags: ['exim', 'confirmed'],
      color: 'blue',
    });
    expect(saved.updated).toBeGreaterThan(placed.updated);
    expect(api.saveAnnotation.mock.invocationCallOrder[0]).toBeLessThan(
      api.sendToTab.mock.invocationCallOrder.at(-1)!,
    );
    expect(api.sendToTab).toHaveBeenLastCalledWith(TAB_ID, {
      type: 'factmark/annotations-changed',
    });
    // The form is gone and the item shows what was saved.
    await settle(() => item(root, placed).querySelector('form') === null);
    expect(text(item(root, placed).querySelector('.annotation-note'))).toBe('Confirmed by EXIM');
    expect(item(root, placed).querySelector('.swatch-blue')).not.toBeNull();
  });

  it('keeps the form open with the reason when the background refuses, and tells the page nothing', async () => {
    const { root, api, toTab } = await openPopup();
    api.saveAnnotation.mockResolvedValue({ ok: false, error: 'note: too long' } as never);
    button(item(root, orphan), 'Edit').click();
    await settle(() => item(root, orphan).querySelector('form') !== null);
    button(item(root, orphan).querySelector('form')!, 'Save').click();
    await settle(() => item(root, orphan).querySelector('[role=alert]') !== null);
    expect(text(item(root, orphan).querySelector('[role=alert]'))).toBe(
      'Not saved: note: too long',
    );
    expect(toTab.some((m) => m.type === 'factmark/annotations-changed')).toBe(false);
  });

  it('cancelling changes nothing', async () => {
    const { root, api } = await openPopup();
    button(item(root, placed), 'Edit').click();
    await settle(() => item(root, placed).querySelector('form') !== null);
    button(item(root, placed), 'Cancel').click();
    await settle(() => item(root, placed).querySelector('form') === null);
    expect(api.saveAnnotation).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button(item(root, placed), 'Edit'));
  });

  it('parses tags: trimmed, no empties, each once', () => {
    expect(parseTags(' a, b ,, c, a ')).toEqual(['a', 'b', 'c']);
    expect(parseTags('')).toEqual([]);
  });
});

describe('popup: deleting an annotation', () => {
  it('deletes, tells the page, and can undo', async () => {
    const { root, api, toTab } = await openPopup();
    button(item(root, orphan), 'Delete').click();
    await settle(() => toTab.some((m) => m.type === 'factmark/annotations-changed'));
    expect(api.deleteAnnotations).toHaveBeenCalledWith([orphan.id]);
    expect(api.deleteAnnotations.mock.invocationCallOrder[0]).toBeLessThan(
      api.sendToTab.mock.invocationCallOrder.at(-1)!,
    );
    expect(item(root, orphan)).toBeNull();
    expect(root.querySelector('.orphans')).toBeNull();

    button(root.querySelector('.undo-banner')!, 'Undo').click();
    await settle(() => item(root, orphan) !== null);
    expect(api.restoreAnnotations).toHaveBeenCalledWith([orphan]);
    expect(toTab.filter((m) => m.type === 'factmark/annotations-changed')).toHaveLength(2);
    expect(root.querySelector('.undo-banner')).toBeNull();
  });

  it('keeps the annotation when the background refuses', async () => {
    const { root, api, toTab } = await openPopup();
    api.deleteAnnotations.mockResolvedValue({ ok: false, error: 'database closed' } as never);
    button(item(root, placed), 'Delete').click();
    await settle(() => root.querySelector('.annotations-section [role=alert]') !== null);
    expect(text(root.querySelector('.annotations-section [role=alert]'))).toBe(
      'Not deleted: database closed',
    );
    expect(item(root, placed)).not.toBeNull();
    expect(toTab.some((m) => m.type === 'factmark/annotations-changed')).toBe(false);
  });
});

describe("popup: exporting the page's annotations", () => {
  it.each([
    ['JSON-LD', 'jsonld', 'jsonld'],
    ['CSV', 'csv', 'csv'],
    ['Markdown', 'md', 'md'],
  ])('%s asks for this page in that format and downloads it', async (label, format, ext) => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:factmark-test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const downloads: { name: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push({ name: this.download, href: this.href });
    });

    const { root, api } = await openPopup();
    const group = root.querySelector('[role=group][aria-label="Export this page\'s annotations"]')!;
    button(group, label).click();
    await settle(() => downloads.length > 0);
    expect(api.exportAnnotations).toHaveBeenCalledWith(format, PAGE_URL);
    expect(downloads[0]!.name).toMatch(
      new RegExp(`^factmark-news\\.example-\\d{4}-\\d{2}-\\d{2}\\.${ext}$`),
    );
    expect(downloads[0]!.href).toBe('blob:factmark-test');
    expect(await blobs[0]!.text()).toBe(`${format} of ${PAGE_URL}`);
  });

  it.each([
    ['JSON-LD', 'jsonld', /"type": "AnnotationCollection"/],
    ['CSV', 'csv', /^url,type,/],
    ['Markdown', 'md', /^#/],
  ])(
    "exports the page's automatic highlights as %s, made from the report",
    async (label, ext, content) => {
      const blobs: Blob[] = [];
      vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
        blobs.push(blob as Blob);
        return 'blob:factmark-test';
      });
      vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
      const names: string[] = [];
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
        this: HTMLAnchorElement,
      ) {
        names.push(this.download);
      });
      const { root, api } = await openPopup();
      const group = root.querySelector(
        '[role=group][aria-label="Export this page\'s highlights"]',
      )!;
      button(group, label).click();
      await settle(() => names.length > 0);
      expect(api.exportAnnotations).not.toHaveBeenCalled();
      expect(names[0]).toMatch(
        new RegExp(`^factmark-highlights-news\\.example-\\d{4}-\\d{2}-\\d{2}\\.${ext}$`),
      );
      expect(await blobs[0]!.text()).toMatch(content);
    },
  );

  it("exports by the annotations' own (canonical) URL when the page's URL differs", async () => {
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:factmark-test');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });
    const canonical = 'https://news.example/story-canonical';
    const moved = { ...placed, url: canonical };
    const { root, api } = await openPopup([moved], pageReport([moved]));
    const group = root.querySelector('[role=group][aria-label="Export this page\'s annotations"]')!;
    button(group, 'CSV').click();
    await settle(() => clicked.length > 0);
    expect(api.exportAnnotations).toHaveBeenCalledWith('csv', canonical);
  });

  it('shows the reason when the export fails', async () => {
    const { root, api } = await openPopup();
    api.exportAnnotations.mockResolvedValue({ ok: false, error: 'disk full' } as never);
    button(root.querySelector('.annotations-section .export')!, 'CSV').click();
    await settle(() => root.querySelector('.annotations-section .export [role=alert]') !== null);
    expect(text(root.querySelector('.annotations-section .export [role=alert]'))).toBe(
      'The export failed: disk full',
    );
  });
});
