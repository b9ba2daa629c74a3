import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { AnnotationLibrary } from './AnnotationLibrary';
import { BackupPanel } from './BackupPanel';
import type { DeskSyncApi } from './desk-sync-api';
import { DeskShareProvider } from './DeskShare';
import { DeskSync } from './DeskSync';
import type { BackupApi, OptionsBrowserApi, SourcesApi, WatchedNamesApi } from './browser-api';
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
  /** The Backup section (main.tsx always gives it; a test of the other sections may not). */
  backup?: BackupApi;
  /** The Desk sync section (main.tsx always gives it; a test of the other sections may not). */
  deskSync?: DeskSyncApi;
}

/**
 * The Factmark Library: the user's annotations, the fact base the figures are checked against,
 * the story's sources and watched names, and the backup of all of it. All sections are on the one
 * page (each lists on load), reached from the nav.
 */
export function Library({ api, story, backup, deskSync }: Props) {
  // Bumped by a restore: every section is made anew, and lists what the background now holds.
  const [generation, setGeneration] = useState(0);
  // Bumped when desk sync may have changed the annotations (a sync, a resolved conflict).
  const [deskChanges, setDeskChanges] = useState(0);
  const sections = (
    <Fragment key={generation}>
      <AnnotationLibrary api={api} deskSync={deskSync} refresh={deskChanges} />
      <FactBase api={api} />
      {story ? <Sources api={story} /> : null}
      {story ? <WatchedNames api={story} /> : null}
    </Fragment>
  );
  return (
    <main class="library">
      <h1>Factmark Library</h1>
      <nav class="sections" aria-label="Sections">
        <a href="#annotations">Annotations</a>
        <a href="#fact-base">Fact base</a>
        {story ? <a href="#sources">Sources</a> : null}
        {story ? <a href="#watched-names">Watched names</a> : null}
        {backup ? <a href="#backup">Backup</a> : null}
        {deskSync ? <a href="#desk-sync">Desk sync</a> : null}
      </nav>
      {deskSync ? (
        // Desk sync: the facts, sources and names sections offer "Shared with the desk".
        <DeskShareProvider api={deskSync} refresh={deskChanges}>
          {sections}
        </DeskShareProvider>
      ) : (
        sections
      )}
      {backup ? <BackupPanel api={backup} onRestored={() => setGeneration((g) => g + 1)} /> : null}
      {deskSync ? <DeskSync api={deskSync} onChanged={() => setDeskChanges((n) => n + 1)} /> : null}
    </main>
  );
}
