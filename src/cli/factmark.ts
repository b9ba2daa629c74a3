/** Entry point of the built CLI (dist/cli/factmark.js). */
import { writeSync } from 'node:fs';
import { run } from './main';

// Synchronous writes keep chunks in order and complete before the exit code is set, for a pipe
// as for a file.
function writeAll(fd: number, text: string): void {
  let buffer = Buffer.from(text);
  while (buffer.length > 0) {
    try {
      buffer = buffer.subarray(writeSync(fd, buffer));
    } catch (e) {
      // A non-blocking pipe that is full: try again. Anything else (EPIPE: the reader left) ends.
      if ((e as { code?: string }).code !== 'EAGAIN') throw e;
    }
  }
}

const { code, stderr } = run(process.argv.slice(2), (chunk) => writeAll(1, chunk));
if (stderr) writeAll(2, stderr);
process.exitCode = code;
