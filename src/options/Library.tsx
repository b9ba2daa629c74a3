import { AnnotationLibrary } from './AnnotationLibrary';
import type { OptionsBrowserApi, SourcesApi, WatchedNamesApi } from './browser-api';
import { FactBase } from './FactBase';
import { Sources } from './Sources';
import { WatchedNames } from './WatchedNames';

interface Props {
  api: OptionsBrowserApi;
  /**
   * The journalist's own story: its Sources and Watched names sections (src/options/main.tsx
   * always gives it). Their seam is their own, so a test of the other sections may leave it out.
   */
  story?: SourcesApi & WatchedNamesApi;
}

/**
 * The Factmark Library: the user's annotations, the fact base the figures are checked against,
 * and the story's sources and watched names. All sections are on the one page (each lists on
 * load), reached from the nav.
 */
export function Library({ api, story }: Props) {
  return (
    <main class="library">
      <h1>Factmark Library</h1>
      <nav class="sections" aria-label="Sections">
        <a href="#annotations">Annotations</a>
        <a href="#fact-base">Fact base</a>
        {story ? <a href="#sources">Sources</a> : null}
        {story ? <a href="#watched-names">Watched names</a> : null}
      </nav>
      <AnnotationLibrary api={api} />
      <FactBase api={api} />
      {story ? <Sources api={story} /> : null}
      {story ? <WatchedNames api={story} /> : null}
    </main>
  );
}
