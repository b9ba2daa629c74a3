/** Entry point of the built CLI (dist/cli/factmark.js). */
import { run } from './main';

const { code, stdout, stderr } = run(process.argv.slice(2));
if (stdout) process.stdout.write(stdout);
if (stderr) process.stderr.write(stderr);
process.exitCode = code;
