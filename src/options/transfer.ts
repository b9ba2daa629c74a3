/**
 * The Library's side of the export and import ports (src/background/transfer.ts): any number of
 * annotations, in pieces small enough for one runtime message each (Chrome: 64 MiB).
 */
import type { Annotation } from '../core/annotations/types';
import { messageOf } from '../shared/answers';
import type { ExportFileAnswer } from '../shared/download';
import type { ImportBatches } from './import-batches';
import {
  EXPORT_STREAM_PORT,
  IMPORT_STREAM_PORT,
  parseExportStreamMessage,
  parseImportStreamAnswer,
  type ExportStreamAck,
  type ExportStreamRequest,
  type ImportAnswer,
} from '../shared/messages';

/** A runtime.connect port, as much of it as this file uses (tests fake it). */
export interface ClientPort {
  postMessage(message: unknown): void;
  readonly onMessage: { addListener(listener: (message: unknown) => void): void };
  readonly onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}
export type Connect = (name: string) => ClientPort;

/** An export received over the port: the whole text as one Blob made of its chunks. */
export type ExportResult = ExportFileAnswer;

const CLOSED = 'the connection to the extension closed before the end';
/** The answer to an export cancelled by the page (ExportButtons says nothing of it). */
export const CANCELLED = 'export: cancelled';

/**
 * Every annotation (or one page's) as a Blob, received over the export port; `onProgress` as the
 * background reads (annotations, of about the total). Each chunk becomes a Blob as it arrives —
 * the text is never one string, nor in this page's heap as a whole: the browser keeps a Blob's
 * bytes (Chrome, out of the page's process) — and is acknowledged, so that the background sends
 * the next ones (it keeps at most a few unacknowledged). Handling a chunk is one short task: its
 * size is chosen for that (src/background/transfer.ts EXPORT_CHUNK_TARGET). The head (the
 * JSON-LD collection's opening) comes last and goes first. `signal` cancels: the port is closed,
 * and the background stops reading.
 */
export function exportOverPort(
  connect: Connect,
  request: ExportStreamRequest,
  onProgress: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<ExportResult> {
  return receiveOverPort(connect, EXPORT_STREAM_PORT, request, 'export', onProgress, signal);
}

/**
 * A text streamed by the background over port `name` (the annotation export, the backup of
 * everything: src/background/transfer.ts), received as one Blob made of its chunks: `begin` is
 * sent first, each chunk is acknowledged, `what` names it in errors. The port closing at once (the
 * background refused it) or before the end is an error; `signal` cancels.
 */
export function receiveOverPort(
  connect: Connect,
  name: string,
  begin: unknown,
  what: string,
  onProgress: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<ExportFileAnswer> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve({ ok: false, error: CANCELLED });
      return;
    }
    const port = connect(name);
    const parts: Blob[] = [];
    let head = '';
    let received = 0;
    let over = false;
    const finish = (result: ExportFileAnswer) => {
      if (over) return;
      over = true;
      signal?.removeEventListener('abort', cancel);
      port.disconnect();
      resolve(result);
    };
    const cancel = () => finish({ ok: false, error: CANCELLED });
    signal?.addEventListener('abort', cancel);
    port.onDisconnect.addListener(() => finish({ ok: false, error: CLOSED }));
    port.onMessage.addListener((raw) => {
      const message = parseExportStreamMessage(raw);
      if (over) return;
      if (message === null) return finish({ ok: false, error: `${what}: a malformed answer` });
      switch (message.type) {
        case 'chunk':
          parts.push(new Blob([message.text]));
          received += message.text.length;
          try {
            port.postMessage({ type: 'ack' } satisfies ExportStreamAck);
          } catch (error) {
            finish({ ok: false, error: messageOf(error) });
          }
          return;
        case 'progress':
          onProgress(message.sent, message.total);
          return;
        case 'head':
          head = message.text;
          received += head.length;
          return;
        case 'end':
          // Nothing lost on the way: the chunks add up to the text the background made.
          return finish(
            received === message.chars
              ? { ok: true, file: new Blob([head, ...parts]), chars: received }
              : {
                  ok: false,
                  error: `${what}: received ${received} of ${message.chars} characters`,
                },
          );
        case 'error':
          return finish({ ok: false, error: message.error });
      }
    });
    try {
      port.postMessage(begin);
    } catch (error) {
      // Closed at once (the background refused the port): nothing was sent.
      finish({ ok: false, error: messageOf(error) });
    }
  });
}

/**
 * Send the annotations in batches, one at a time (the next asked of `source` after the
 * background's progress for the last), then commit: the background writes all of them in one
 * transaction, or none. A batch `source` cannot give ends the import uncommitted.
 */
export function importOverPort(
  connect: Connect,
  source: ImportBatches,
  onProgress: (received: number, total: number) => void,
): Promise<ImportAnswer> {
  return new Promise((resolve) => {
    const port = connect(IMPORT_STREAM_PORT);
    let over = false;
    const finish = (answer: ImportAnswer) => {
      if (over) return;
      over = true;
      port.disconnect();
      resolve(answer);
    };
    const sendNext = async () => {
      let batch: readonly Annotation[] | null;
      try {
        batch = await source.next();
      } catch (error) {
        return finish({ ok: false, error: `import: ${messageOf(error)}` });
      }
      if (over) return;
      try {
        port.postMessage(
          batch === null ? { type: 'commit' } : { type: 'batch', annotations: batch },
        );
      } catch (error) {
        // A port closed under us (the background stopped): nothing was committed.
        finish({ ok: false, error: messageOf(error) });
      }
    };
    port.onDisconnect.addListener(() => finish({ ok: false, error: CLOSED }));
    port.onMessage.addListener((raw) => {
      const message = parseImportStreamAnswer(raw);
      if (over) return;
      if (message === null) return finish({ ok: false, error: 'import: a malformed answer' });
      switch (message.type) {
        case 'progress':
          onProgress(message.received, message.total);
          return void sendNext();
        case 'done':
          return finish({
            ok: true,
            imported: message.imported,
            conflicts: message.conflicts,
            keptLocal: message.keptLocal,
            undo: message.undo,
          });
        case 'error':
          return finish({ ok: false, error: message.error });
      }
    });
    port.postMessage({ type: 'begin', total: source.total });
    onProgress(0, source.total);
    void sendNext();
  });
}
