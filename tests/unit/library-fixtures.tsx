/** A fake browser seam for the Library's unit tests. */
import { vi } from 'vitest';
import type { Annotation } from '../../src/core/annotations/types';
import type { Fact } from '../../src/core/types';
import type { OptionsBrowserApi } from '../../src/options/browser-api';
import type { ExportFormat, ExportPartsAnswer, ImportAnswer } from '../../src/shared/messages';
import { fact } from './background-fixtures';
import { annotation } from './popup-fixtures';

export { mount, settle, text } from './popup-fixtures';
export { annotation, fact };

/** The Library's seam over a background holding `stored` annotations and `facts`. */
export function fakeLibraryApi(stored: Annotation[] = [], facts: Fact[] = []) {
  let annotations = [...stored];
  const api = {
    getAllFacts: vi.fn(async () => ({ ok: true as const, facts: [...facts] })),
    getAllAnnotations: vi.fn(async () => ({ ok: true as const, annotations: [...annotations] })),
    deleteAnnotations: vi.fn(async (ids: string[]) => {
      const deleted = annotations.filter((a) => ids.includes(a.id));
      annotations = annotations.filter((a) => !ids.includes(a.id));
      return { ok: true as const, deleted };
    }),
    restoreAnnotations: vi.fn(async (back: Annotation[]) => {
      annotations = [...annotations, ...back];
      return { ok: true as const, restored: back.length };
    }),
    exportAll: vi.fn(
      async (
        format: ExportFormat,
        onProgress: (sent: number, total: number) => void,
      ): Promise<ExportPartsAnswer> => {
        const parts = [`${format} `, 'of all'];
        onProgress(parts[0]!.length, 10);
        onProgress(10, 10);
        return { ok: true, parts, chars: 10 };
      },
    ),
    importAll: vi.fn(
      async (
        list: readonly Annotation[],
        onProgress: (received: number, total: number) => void,
      ): Promise<ImportAnswer> => {
        onProgress(list.length, list.length);
        annotations = [...annotations.filter((a) => !list.some((b) => b.id === a.id)), ...list];
        return { ok: true, imported: list.length };
      },
    ),
    saveFact: vi.fn(async (saved: Fact) => ({ ok: true as const, fact: saved })),
    deleteFact: vi.fn(async (_id: string) => ({ ok: true as const })),
  } satisfies OptionsBrowserApi;
  /** What the background holds now. */
  const current = () => annotations;
  return { api, current };
}

/** Type into a field as a user would: set the value, then fire input and change. */
export function typeInto(
  field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
  value: string,
) {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The field labelled `label` (its <label for>) inside `scope`. */
export function field<T extends HTMLElement = HTMLInputElement>(scope: Element, label: string): T {
  const labelEl = [...scope.querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
  const id = labelEl?.getAttribute('for');
  const found = id ? scope.querySelector<T>(`[id="${id}"]`) : null;
  if (!found) throw new Error(`no field labelled ${label}`);
  return found;
}

export const buttonNamed = (scope: Element, name: string) =>
  [...scope.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
