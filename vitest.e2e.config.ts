// End-to-end tests: the built extension in real browsers (run `npm run build` first). Separate
// from the unit tests' config: browsers take seconds to start, and the files run one at a time
// because this machine has 2 cores and each browser wants them.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    // Generous: a browser start with an extension install takes a few seconds, more on a loaded
    // CI machine. These bound a hang; no test asserts on time.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
