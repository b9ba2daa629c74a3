/** A fake browser seam for the Library's unit tests. */
import { vi } from 'vitest';
import type { ImportBatches } from '../../src/options/import-batches';
import { cursorAfter, isAfter, newestFirst, queryMatcher } from '../../src/core/annotations/query';
import type { Annotation } from '../../src/core/annotations/types';
import type { Fact } from '../../src/core/types';
import type { OptionsBrowserApi, PageRequest } from '../../src/options/browser-api';
import type { ExportFileAnswer } from '../../src/shared/download';
import type {
  AnnotationsPageAnswer,
  ExportFormat,
  ImportAnswer,
  ImportUndoAnswer,
} from '../../src/shared/messages';
import { fact } from './background-fixtures';
import { annotation } from './popup-fixtures';

export { mount, settle, text } from './popup-fixtures';
export { annotation, fact };

/**
 * The Library's seam over a background holding `stored` annotations and `facts`. Pages are
 * answered as the background's annotationsPage does (src/background/db.ts, the same query
 * helpers): newest first, from `after`, with a query looking at no more than `budget` records
 * per request.
 */
export function fakeLibraryApi(stored: Annotation[] = [], facts: Fact[] = [], budget = Infinity) {
  let annotations = [...stored];
  let lastImport: { id: string; before: Annotation[] } | null = null;
  const api = {
    getAllFacts: vi.fn(async () => ({ ok: true as const, facts: [...facts] })),
    getAnnotationsPage: vi.fn(async (request: PageRequest): Promise<AnnotationsPageAnswer> => {
      const { limit, after, query } = request;
      const ordered = [...annotations].sort(newestFirst);
      const rest = after === undefined ? ordered : ordered.filter((a) => isAfter(a, after));
      const match = queryMatcher(query);
      const scanLimit = query === undefined ? Infinity : Math.max(budget, limit + 1);
      const found: Annotation[] = [];
      let next = null;
      let scanned = 0;
      for (const a of rest) {
        if (scanned >= scanLimit) {
          next = cursorAfter(rest[scanned - 1]!);
          break;
        }
        scanned += 1;
        if (!match(a)) continue;
        if (found.length === limit) {
          next = cursorAfter(found[found.length - 1]!);
          break;
        }
        found.push(a);
      }
      const tags = [...new Set(annotations.flatMap((a) => a.tags))].sort((a, b) =>
        a.localeCompare(b, undefined, { sensitivity: 'base' }),
      );
      return {
        ok: true,
        annotations: found,
        total: annotations.length,
        next,
        scanned,
        ...(after === undefined ? { tags } : {}),
      };
    }),
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
        _signal?: AbortSignal,
      ): Promise<ExportFileAnswer> => {
        const parts = [`${format} `, 'of all'];
        onProgress(1, 2);
        onProgress(2, 2);
        return { ok: true, file: new Blob(parts), chars: parts.join('').length };
      },
    ),
    importAll: vi.fn(
      async (
        source: ImportBatches,
        onProgress: (received: number, total: number) => void,
      ): Promise<ImportAnswer> => {
        const list = await drain(source);
        onProgress(list.length, list.length);
        lastImport = { id: `import:${list.length}`, before: annotations };
        annotations = [...annotations.filter((a) => !list.some((b) => b.id === a.id)), ...list];
        return { ok: true, imported: list.length, conflicts: 0, keptLocal: 0, undo: lastImport.id };
      },
    ),
    undoImport: vi.fn(async (id: string): Promise<ImportUndoAnswer> => {
      if (lastImport?.id !== id) return { ok: false, error: 'import-undo: no such import' };
      const removed = annotations.length - lastImport.before.length;
      annotations = lastImport.before;
      lastImport = null;
      return { ok: true, removed, restored: 0 };
    }),
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

/** Every annotation of an import's batches, in order (what the Library sent). */
export async function drain(source: ImportBatches): Promise<Annotation[]> {
  const all: Annotation[] = [];
  for (let batch = await source.next(); batch !== null; batch = await source.next()) {
    all.push(...batch);
  }
  return all;
}
