/** The built extension (dist/chrome) in Debian's Chromium. Chromium-only checks go below. */
import { launchChromium } from './chromium';
import { defineExtensionSuite } from './extension-suite';

defineExtensionSuite(launchChromium);
