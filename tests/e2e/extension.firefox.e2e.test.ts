/** The built extension (dist/firefox) in Debian's Firefox ESR. Firefox-only checks go below. */
import { defineExtensionSuite } from './extension-suite';
import { launchFirefox } from './firefox';

defineExtensionSuite(launchFirefox);
