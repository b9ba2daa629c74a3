/** A journalist's own story (sources and watched names added in the Library), in Firefox. */
import { launchFirefox } from './firefox';
import { defineSourcesSuite } from './sources-suite';

defineSourcesSuite(launchFirefox);
