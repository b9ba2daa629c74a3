/** The options page ("Factmark Library"). */
import { render } from 'preact';
import { backupBrowserApi, optionsBrowserApi, storyBrowserApi } from './browser-api';
import { deskSyncBrowserApi } from './desk-sync-api';
import { Library } from './Library';
import './options.css';

const root = document.getElementById('app');
if (root)
  render(
    <Library
      api={optionsBrowserApi}
      story={storyBrowserApi}
      backup={backupBrowserApi}
      deskSync={deskSyncBrowserApi}
    />,
    root,
  );
