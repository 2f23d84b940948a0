import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { devCspPlugin } from './scripts/vite/devCspPlugin.ts'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // Runs in an Electron utilityProcess so the signaling server never blocks the UI.
          signalingHost: resolve('signaling-server/utilityEntry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // Sandboxed preloads cannot require() chunks, so emit one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    base: './',
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
      // electron-vite leaves the renderer unminified by default; ship it like the web client.
      minify: true,
      cssMinify: true,
      sourcemap: false,
    },
    plugins: [react(), devCspPlugin()],
  },
})
