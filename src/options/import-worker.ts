/**
 * The Library's import file, read and parsed off its main thread. JSON.parse of a 60-million-
 * character export takes about a second, which in the page froze the Library, progress bar and
 * all. The worker parses with the same parser the background uses (src/core/annotations) and
 * sends the annotations back in batches, so no single message takes long to receive either.
 */
import { parseJsonLd, type Annotation } from '../core/annotations';
import { messageOf } from '../shared/answers';
import { newAnnotationId, type ImportFileMessage, type ImportFileRequest } from './import-file';

// Annotations per message back to the page: small enough that receiving one (structured clone)
// takes a few milliseconds, the same size as the import port's batches.
const BATCH = 2_000;

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<ImportFileRequest>) => void) | null;
  postMessage(message: ImportFileMessage): void;
};

scope.onmessage = (event) => {
  void (async () => {
    try {
      const { file, now } = event.data;
      const parsed = parseJsonLd(await file.text(), { newId: newAnnotationId, now });
      if (!parsed.ok) {
        scope.postMessage({ type: 'failed', error: parsed.error });
        return;
      }
      const all: Annotation[] = parsed.annotations;
      for (let i = 0; i < all.length; i += BATCH) {
        scope.postMessage({ type: 'batch', annotations: all.slice(i, i + BATCH) });
      }
      scope.postMessage({ type: 'done', total: all.length, skipped: parsed.skipped });
    } catch (thrown) {
      scope.postMessage({
        type: 'failed',
        error: messageOf(thrown),
      });
    }
  })();
};
