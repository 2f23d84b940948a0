import { defineConfig } from 'vitest/config'

// Real Chromium, real WebRTC: specs run one file at a time so two cores are not oversubscribed.
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    // Fails a test whose pages threw (e2e/harness/pageErrors.ts).
    setupFiles: ['e2e/harness/setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    retry: 0,
  },
})
