/** Desk sync between two Firefox instances, against pouchdb-server on 127.0.0.1. */
import { launchFirefox } from './firefox';
import { defineDeskSyncSuite } from './desk-sync-suite';

defineDeskSyncSuite(launchFirefox);
