/**
 * The Library's import file, read and parsed off its main thread. JSON.parse of a 60-million-
 * character export takes about a second, which in the page froze the Library, progress bar and
 * all. The worker parses with the same parser the background uses (src/core/annotations), keeps
 * the annotations, and hands the page one batch at a time (import-file.ts says why).
 */
import { serveImportFile, type ImportWorkerScope } from './import-file';

serveImportFile(globalThis as unknown as ImportWorkerScope);
