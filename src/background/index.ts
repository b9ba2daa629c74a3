/** Factmark's background (a service worker in Chrome, an event page in Firefox). */
import { BUNDLED_FACT_BASE } from '../shared/fact-base';
import { backgroundBrowserApi } from './browser-api';
import { startBackground } from './start';

startBackground(backgroundBrowserApi, BUNDLED_FACT_BASE);
