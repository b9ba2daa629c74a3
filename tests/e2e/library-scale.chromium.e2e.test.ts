/**
 * The Library with 100,000 annotations in Chromium (library-scale.ts). A million is the bench's
 * (bench/library.ts, run by `npm run bench`): seeding it takes over two minutes on this machine.
 */
import { launchChromium } from './chromium';
import { defineLibraryScaleSuite } from './library-scale';

defineLibraryScaleSuite(launchChromium, 100_000);
