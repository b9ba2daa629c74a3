/** Desk sync between two Chromium profiles, against pouchdb-server on 127.0.0.1. */
import { launchChromium } from './chromium';
import { defineDeskSyncSuite } from './desk-sync-suite';

defineDeskSyncSuite(launchChromium);
