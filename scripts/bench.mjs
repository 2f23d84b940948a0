// npm run bench: every bench/*.ts in turn (tsx), each printing its own figures. Builds the web
// client first when it is missing or older than the renderer sources, and keeps all traffic on
// loopback (a private network namespace when run as root).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { runLoopbackOnly, runOrExit } from './loopback-only.mjs'

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

function webClientIsStale() {
  const index = 'dist/web/index.html'
  if (!existsSync(index)) return true
  const built = statSync(index).mtimeMs
  return ['src/renderer', 'src/shared'].some((dir) => existsSync(dir) && newestMtime(dir) > built)
}

if (process.env.MOIM_BENCH_INNER !== '1') {
  if (webClientIsStale()) {
    console.log('[bench] building the web client (dist/web)')
    runOrExit('npx', ['vite', 'build', '-c', 'vite.web.config.ts', '--logLevel', 'warn'])
  }
  process.env.MOIM_BENCH_INNER = '1'
  process.exit(runLoopbackOnly('node', [import.meta.filename, ...process.argv.slice(2)]))
}

// Inside the loopback-only environment: run the benchmarks one after another, never in parallel.
const only = process.argv.slice(2)
const benches = readdirSync('bench')
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort()
const failed = []
for (const file of benches) {
  console.log(`\n=== bench/${file} ===`)
  const status = spawnSync('npx', ['tsx', join('bench', file)], { stdio: 'inherit' }).status
  if (status !== 0) failed.push(file)
}
if (failed.length) {
  console.error(`\n[bench] failed: ${failed.join(', ')}`)
  process.exit(1)
}
console.log(`\n[bench] ${benches.length} benchmark(s) done`)
