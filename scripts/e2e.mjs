// npm run test:e2e [-- vitest args]: build the web client, then run the Playwright specs
// (real Chromium, real WebRTC) with all traffic on loopback.
// MOIM_E2E_WEB_ROOT=/some/dir builds into (and serves from) a private directory instead of
// dist/web, so a rebuild of dist/web elsewhere cannot swap assets under a running test.
// MOIM_E2E_SKIP_BUILD=1 reuses an existing build while iterating on specs.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { runLoopbackOnly, runOrExit } from './loopback-only.mjs'

// Absolute, because vite resolves a relative --outDir against the config's root (src/renderer).
const outDir = resolve(process.env.MOIM_E2E_WEB_ROOT ?? 'dist/web')
// The harness (e2e/harness/server.ts) serves whatever this names.
process.env.MOIM_E2E_WEB_ROOT = outDir

if (process.env.MOIM_E2E_SKIP_BUILD === '1' && existsSync(join(outDir, 'index.html'))) {
  console.log(`[e2e] MOIM_E2E_SKIP_BUILD=1: using the existing ${outDir}`)
} else {
  console.log(`[e2e] building the web client (${outDir})`)
  const vite = ['vite', 'build', '-c', 'vite.web.config.ts', '--logLevel', 'warn']
  runOrExit('npx', [...vite, '--outDir', outDir, '--emptyOutDir'])
}

const vitest = ['vitest', 'run', '-c', 'vitest.e2e.config.ts', ...process.argv.slice(2)]
process.exit(runLoopbackOnly('npx', vitest))
