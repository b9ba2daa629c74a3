// Build of the `factmark` CLI: one self-contained ES module for Node 20, dependencies bundled.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: 'src/cli/factmark.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'factmark.js', format: 'es' } },
  },
  ssr: { noExternal: true, target: 'node' },
});
