/**
 * The user's annotations for the popup's page: the full records from the background, and whether
 * the content script placed each on the page (the report's `annotations`).
 */
import type { Annotation } from '../core/annotations/types';
import type { ReportAnnotation } from '../core/types';
import { failureOf, messageOf } from '../shared/answers';
import type { AnnotationsAnswer } from '../shared/messages';
import type { PopupBrowserApi } from './browser-api';

/**
 * Asks the background for the annotations of `url` (the report's URL, as given). The background
 * keys annotations by canonical URL; should the page's report name annotations that this answer
 * lacks (the two URLs differ), they are looked up among all annotations by id, so that none the
 * page knows of is missing here. Never rejects: a failure is an answer.
 */
export async function loadPageAnnotations(
  api: PopupBrowserApi,
  url: string,
  placed: readonly ReportAnnotation[] | undefined,
): Promise<AnnotationsAnswer> {
  try {
    const answer = await api.getAnnotations(url);
    if (!answer?.ok) return { ok: false, error: failureOf(answer) ?? '' };
    const have = new Set(answer.annotations.map((a) => a.id));
    const missing = new Set((placed ?? []).map((p) => p.id).filter((id) => !have.has(id)));
    if (missing.size === 0) return answer;
    const all = await api.getAnnotations();
    const found = all?.ok ? all.annotations.filter((a) => missing.has(a.id)) : [];
    return { ok: true, annotations: [...answer.annotations, ...found] };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}

/**
 * The page's annotations in two lists: those on the page now, and orphans (the content script
 * could not place them: their passage changed or is gone). Without the report's list (a content
 * script that does not say), every annotation counts as placed. Both lists keep the page order
 * of the passages, as far as their stored positions tell.
 */
export function splitByPlacement(
  annotations: readonly Annotation[],
  placed: readonly ReportAnnotation[] | undefined,
): { onPage: Annotation[]; orphans: Annotation[] } {
  const sorted = [...annotations].sort((a, b) => a.position.start - b.position.start);
  if (placed === undefined) return { onPage: sorted, orphans: [] };
  const anchored = new Set(placed.filter((p) => p.anchored).map((p) => p.id));
  return {
    onPage: sorted.filter((a) => anchored.has(a.id)),
    orphans: sorted.filter((a) => !anchored.has(a.id)),
  };
}
