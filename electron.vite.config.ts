import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { chunkModules } from './scripts/chunk-modules';

/**
 * Three builds: main (+ the backend worker, which runs in a worker_threads thread of main),
 * preload (CommonJS, because a sandboxed preload cannot be an ES module) and the renderer.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          worker: resolve(__dirname, 'electron/backend/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react(), chunkModules(__dirname)],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // .vite/manifest.json and .vite/chunk-modules.json: what the start-up loads (test/renderer/startup-bundle.test.ts).
      manifest: true,
      emptyOutDir: true,
      minify: true,
      chunkSizeWarningLimit: 2000,
      rolldownOptions: {
        input: resolve(__dirname, 'renderer/index.html'),
        output: {
          codeSplitting: {
            groups: [
              // Everything the first bundle needs in one file: a request costs more than the bytes (the pieces it
              // shares with the pages loaded on demand would otherwise be a dozen chunks, some of 400 bytes).
              { name: 'startup', tags: ['$initial'] },
            ],
          },
        },
      },
    },
  },
});
