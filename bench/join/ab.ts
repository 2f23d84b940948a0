/**
 * A/B of the app's join time between builds of the web client, in one run:
 *   node scripts/join-ab.mjs <label>=<web root> <label>=<web root> ... [--rounds N]
 * Each build is served by its own signaling server. Round by round (order rotated), each build
 * in turn gets a room of 3 of its own that a newcomer of the same build joins twice, then the
 * room closes: one room runs at a time, and every build sees the machine as the others do.
 * Prints the median join (click to every remote video playing) per build and each build's
 * ratio to the first. Not part of `npm run bench`: a tool for deciding whether a change pays.
 */
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../../e2e/harness/browser'
import { startServer } from '../../signaling-server/start'
import { measureJoin, startRoom } from './app'
import { median } from './timing'

interface Variant {
  label: string
  origin: string
  close: () => Promise<void>
  samples: number[]
}

const QUIET_MS = 3_000
const JOINS_PER_ROOM = 2
const quiet = () => new Promise((resolve) => setTimeout(resolve, QUIET_MS))

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const roundsAt = args.indexOf('--rounds')
  const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 8
  const specs = args.filter((a, i) => a.includes('=') && i !== roundsAt + 1)
  if (specs.length < 2 || !Number.isInteger(rounds) || rounds < 1) {
    console.error('usage: join-ab <label>=<web root> <label>=<web root> ... [--rounds N]')
    process.exit(2)
  }
  const variants: Variant[] = []
  for (const spec of specs) {
    const [label, webRoot] = spec.split('=') as [string, string]
    const server = await startServer({
      logLevel: 'warn',
      stunUrls: [],
      port: 0,
      host: '127.0.0.1',
      webRoot,
    })
    variants.push({
      label,
      origin: `http://127.0.0.1:${server.port}`,
      close: () => server.close(),
      samples: [],
    })
  }
  const browser: Browser = await launchBrowser()
  try {
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < variants.length; k++) {
        const v = variants[(k + round) % variants.length]!
        const name = `ab-${v.label}-${round}`
        const room = await startRoom(browser, v.origin, name, 3)
        for (let j = 0; j < JOINS_PER_ROOM; j++) {
          await quiet()
          v.samples.push((await measureJoin(browser, v.origin, { name, size: 3 })).ms)
          await room.settle()
        }
        await room.close()
      }
      console.log(
        `round ${round + 1}: ${variants.map((v) => `${v.label} ${v.samples.slice(-JOINS_PER_ROOM).join('/')} ms`).join(', ')}`,
      )
    }
  } finally {
    await browser.close()
    await Promise.all(variants.map((v) => v.close()))
  }
  const base = median(variants[0]!.samples)
  for (const v of variants) {
    const m = median(v.samples)
    console.log(
      `${v.label.padEnd(12)} median ${m} ms over ${v.samples.length} joins, ${(m / base).toFixed(3)}x of ${variants[0]!.label}`,
    )
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
