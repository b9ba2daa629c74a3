import { AnnotationLibrary } from './AnnotationLibrary';
import type { OptionsBrowserApi } from './browser-api';
import { FactBase } from './FactBase';

/**
 * The Factmark Library: the user's annotations, and the fact base the figures are checked against.
 * Both sections are on the one page (facts listed on load, as before), reached from the nav.
 */
export function Library({ api }: { api: OptionsBrowserApi }) {
  return (
    <main class="library">
      <h1>Factmark Library</h1>
      <nav class="sections" aria-label="Sections">
        <a href="#annotations">Annotations</a>
        <a href="#fact-base">Fact base</a>
      </nav>
      <AnnotationLibrary api={api} />
      <FactBase api={api} />
    </main>
  );
}
