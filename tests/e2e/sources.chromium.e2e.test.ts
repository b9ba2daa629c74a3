/** A journalist's own story (sources and watched names added in the Library), in Chromium. */
import { launchChromium } from './chromium';
import { defineSourcesSuite } from './sources-suite';

defineSourcesSuite(launchChromium);
