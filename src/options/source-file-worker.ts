/**
 * The Library's source file, read and turned into a source's text off its main thread: decoding
 * and the HTML's visible text (htmlparser2 over up to 5 MB) take long enough to freeze the page.
 */
import { messageOf } from '../shared/answers';
import type { SourceFileRequest } from './source-file';
import { sourceFromBytes, type SourceTextResult } from './source-text';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<SourceFileRequest>) => void) | null;
  postMessage(message: SourceTextResult): void;
};

scope.onmessage = (event) => {
  void (async () => {
    try {
      const { name, file } = event.data;
      scope.postMessage(sourceFromBytes(name, new Uint8Array(await file.arrayBuffer())));
    } catch (thrown) {
      scope.postMessage({ ok: false, error: `could not be read (${messageOf(thrown)})` });
    }
  })();
};
