// npm run test:e2e [-- vitest args]: build the web client, then run the Playwright specs
// (real Chromium, real WebRTC) with all traffic on loopback.
// MOIM_E2E_SKIP_BUILD=1 reuses an existing dist/web while iterating on specs.
import { existsSync } from 'node:fs'
import { runLoopbackOnly, runOrExit } from './loopback-only.mjs'

if (process.env.MOIM_E2E_SKIP_BUILD === '1' && existsSync('dist/web/index.html')) {
  console.log('[e2e] MOIM_E2E_SKIP_BUILD=1: using the existing dist/web')
} else {
  console.log('[e2e] building the web client (dist/web)')
  runOrExit('npx', ['vite', 'build', '-c', 'vite.web.config.ts', '--logLevel', 'warn'])
}

const vitest = ['vitest', 'run', '-c', 'vitest.e2e.config.ts', ...process.argv.slice(2)]
process.exit(runLoopbackOnly('npx', vitest))
