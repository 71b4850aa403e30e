import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { defaultClientConditions } from 'vite'
import { resolve } from 'node:path'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src/main/electron/main.ts'),
          cli: resolve('src/main/cli/entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // Sandboxed preloads cannot be ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    base: './',
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: resolve('src/renderer/index.html') },
    },
    worker: { format: 'es' },
    // Prefer packages' `worker` builds: the `browser` build of decode-named-character-reference
    // (used by micromark) touches `document`, which the preview's Web Worker does not have.
    resolve: { conditions: ['worker', ...defaultClientConditions] },
    plugins: [react()],
  },
})
