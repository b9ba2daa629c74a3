/** The Library with 100,000 annotations in Firefox (library-scale.ts). */
import { defineLibraryScaleSuite } from './library-scale';
import { launchFirefox } from './firefox';

defineLibraryScaleSuite(launchFirefox, 100_000);
