// node scripts/join-ab.mjs a=<web root> b=<web root> [--rounds N]: the join A/B (bench/join/ab.ts)
// with all traffic on loopback.
import { runLoopbackOnly } from './loopback-only.mjs'

process.exit(runLoopbackOnly('npx', ['tsx', 'bench/join/ab.ts', ...process.argv.slice(2)]))
