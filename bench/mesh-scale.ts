/**
 * Mesh scale: rooms of 2, 4, 6 and 8 headless participants with a low-resolution fake camera
 * (320x180 at 15 fps), the app next to a bare mesh (the join bench's bare client: one
 * RTCPeerConnection per peer, the app's camera budget for the room size, no app code) measured
 * in the same run, app and bare alternating which goes first at each size.
 *
 * Per room size it prints, for each side: CPU time per participant (CPU seconds of the browser's
 * processes per second of call, from Chromium's own process accounting, divided by the room
 * size; renderer processes alone in brackets), outbound video bitrate per participant (getStats
 * byte counters over the window) and the time from the first join to every page playing every
 * other's video; then how each grows against the room of two, and app/bare ratios.
 *
 * Bounded: a time budget (MOIM_BENCH_MESH_BUDGET_MS, default 10 min) skips the sizes that no
 * longer fit, judging from the time the previous size took; a hard deadline prints what was
 * measured and stops.
 */
import { loadavg } from 'node:os'
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../e2e/harness/browser'
import { measureVideoOut, steppedLinks } from '../e2e/harness/quality'
import { startTestServer } from '../e2e/harness/server'
import { startMeshRelay, type MeshRelay } from './mesh/bareRelay'
import { ProcessCpu } from './common/processCpu'
import { appRoom, bareRoom, type Room } from './mesh/rooms'

const SIZES = [2, 4, 6, 8]
/** The steady-state window over which CPU and bitrate are measured, once the mesh is full. */
const WINDOW_MS = 6_000
const BUDGET_MS = Number(process.env.MOIM_BENCH_MESH_BUDGET_MS) || 10 * 60_000
const DEADLINE_MS = BUDGET_MS * 1.3

type Side = 'app' | 'bare'

interface Figures {
  /** CPU seconds per second of call, per participant: all processes / renderers only. */
  cpuAll: number
  cpuRenderers: number
  /** Outbound video per participant, bits/s. */
  videoOut: number
  fullMeshMs: number
  /** App only: links (over all pages) whose camera the app had stepped down at the end. */
  stepped: number | null
}

const results = new Map<number, Partial<Record<Side, Figures | string>>>()

async function measure(
  room: Room,
  cpu: ProcessCpu,
): Promise<Omit<Figures, 'fullMeshMs' | 'stepped'>> {
  const size = room.pages.length
  const before = await cpu.snapshot()
  const started = Date.now()
  const out = await Promise.all(room.pages.map((page) => measureVideoOut(page, WINDOW_MS)))
  const seconds = (Date.now() - started) / 1000
  const used = ProcessCpu.used(before, await cpu.snapshot())
  return {
    cpuAll: used.all / seconds / size,
    cpuRenderers: used.renderers / seconds / size,
    videoOut: out.reduce((sum, o) => sum + o.bps, 0) / size,
  }
}

async function runSide(
  side: Side,
  size: number,
  browser: Browser,
  origin: string,
  relay: MeshRelay,
  cpu: ProcessCpu,
): Promise<Figures> {
  const name = `scale-${side}-${size}`
  const room =
    side === 'app'
      ? await appRoom(browser, origin, name, size)
      : await bareRoom(browser, relay, name, size)
  try {
    const figures = await measure(room, cpu)
    const stepped = await Promise.all(room.pages.map(steppedLinks))
    return {
      ...figures,
      fullMeshMs: room.fullMeshMs,
      stepped: side === 'app' ? stepped.reduce((a, b) => a + b, 0) : null,
    }
  } finally {
    await room.close()
  }
}

const pct = (value: number) => `${(value * 100).toFixed(1)}%`
const kbps = (bps: number) => `${Math.round(bps / 1000)} kbps`
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const times = (value: number, base: number | undefined) =>
  base && base > 0 ? `${(value / base).toFixed(2)}x` : '-'
const pad = (text: string, width: number) => text.padEnd(width)

function printTable(): void {
  const base = results.get(SIZES[0])
  const baseOf = (side: Side) => {
    const f = base?.[side]
    return typeof f === 'object' ? f : undefined
  }
  console.log(
    '  CPU = CPU time of all browser processes per second of call per participant (renderers only in brackets); growth vs the room of 2',
  )
  console.log(
    `  ${pad('size', 5)}${pad('side', 6)}${pad('CPU/participant', 26)}${pad('video out/participant', 30)}${pad('time to full mesh', 24)}links stepped down`,
  )
  for (const size of SIZES) {
    const row = results.get(size)
    for (const side of ['app', 'bare'] as const) {
      const f = row?.[side]
      if (f === undefined) continue
      if (typeof f === 'string') {
        console.log(`  ${pad(String(size), 5)}${pad(side, 6)}${f}`)
        continue
      }
      const b = baseOf(side)
      console.log(
        `  ${pad(String(size), 5)}${pad(side, 6)}` +
          pad(`${pct(f.cpuAll)} (${pct(f.cpuRenderers)}) ${times(f.cpuAll, b?.cpuAll)}`, 26) +
          pad(`${kbps(f.videoOut)} ${times(f.videoOut, b?.videoOut)}`, 30) +
          pad(`${secs(f.fullMeshMs)} ${times(f.fullMeshMs, b?.fullMeshMs)}`, 24) +
          (f.stepped === null ? '-' : `${f.stepped} of ${size * (size - 1)}`),
      )
    }
    const app = row?.app
    const bare = row?.bare
    if (typeof app === 'object' && typeof bare === 'object') {
      console.log(
        `  ${pad(String(size), 5)}${pad('ratio', 6)}` +
          pad(`app/bare ${(app.cpuAll / bare.cpuAll).toFixed(2)}x`, 26) +
          pad(`app/bare ${(app.videoOut / bare.videoOut).toFixed(2)}x`, 30) +
          pad(`app/bare ${(app.fullMeshMs / bare.fullMeshMs).toFixed(2)}x`, 24),
      )
    }
  }
}

const deadline = setTimeout(() => {
  console.error(`mesh-scale: stopped after ${(DEADLINE_MS / 60_000).toFixed(1)} minutes`)
  printTable()
  process.exit(1)
}, DEADLINE_MS)

async function main(): Promise<void> {
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')
  console.log(`  load:     ${load()} (1/5/15 min average at the start)`)
  const endsAt = Date.now() + BUDGET_MS
  const browser = await launchBrowser()
  const relay = await startMeshRelay()
  const server = await startTestServer()
  const cpu = await ProcessCpu.attach(browser)
  try {
    let lastSizeMs = 0
    let lastSize = 0
    for (const [index, size] of SIZES.entries()) {
      // The cost of a room grows about with the number of links, size * (size - 1).
      const expected = lastSize ? (lastSizeMs * size * (size - 1)) / (lastSize * (lastSize - 1)) : 0
      if (Date.now() + expected > endsAt) {
        results.set(size, { app: 'skipped: would not fit the time budget' })
        continue
      }
      const started = Date.now()
      const row: Partial<Record<Side, Figures | string>> = {}
      results.set(size, row)
      const order: Side[] = index % 2 === 0 ? ['app', 'bare'] : ['bare', 'app']
      for (const side of order) {
        try {
          row[side] = await runSide(side, size, browser, server.origin, relay, cpu)
        } catch (error) {
          row[side] = `failed: ${String(error).split('\n')[0]}`
        }
      }
      lastSizeMs = Date.now() - started
      lastSize = size
      console.log(`  room of ${size} measured in ${secs(lastSizeMs)} (${order.join(' then ')})`)
    }
  } finally {
    await browser.close()
    await relay.close()
    await server.close()
  }
  console.log(
    `mesh scale (320x180@15 fake camera; ${WINDOW_MS / 1000} s window once every page plays every other)`,
  )
  printTable()
  console.log(
    "  The app steps a link's camera down when it measures the link degraded (rtc/linkAdaptation.ts: on a starved machine RTT alone can do it); the bare mesh never adapts.",
  )
  console.log(`  load:     ${load()} (1/5/15 min average at the end)`)
  const failed = [...results.values()].some((row) =>
    Object.values(row).some((f) => typeof f === 'string' && f.startsWith('failed')),
  )
  if (failed) process.exitCode = 1
}

main()
  .catch((error: unknown) => {
    console.error('mesh-scale failed:', error)
    printTable()
    process.exitCode = 1
  })
  .finally(() => clearTimeout(deadline))
