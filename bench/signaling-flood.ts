/**
 * Flood benchmark: how long another room's signalling round trip takes while 200 connections
 * flood the server (junk events as fast as they can, 100 KiB frames among them, each from its
 * own address, reconnecting whenever they are cut off), against the same round trip on the
 * idle server in the same run.
 * Target: under 100 ms at the 95th percentile while flooded. A run in which not every flooder
 * got connected, or the idle round trip alone took half the target, is INVALID: no verdict.
 *
 *   npx tsx bench/signaling-flood.ts
 *   BENCH_FLOODERS=200 BENCH_SECONDS=8 npx tsx bench/signaling-flood.ts
 *
 * Loopback only and bounded: the flood stops by itself after BENCH_SECONDS and the server
 * child is stopped at the end. The server runs with its default limits.
 */
import { fork } from 'node:child_process'
import { resolve } from 'node:path'
import { io, type Socket } from 'socket.io-client'
import type { ClientToServerEvents, ServerToClientEvents } from '../src/shared/protocol'
import type { ChildMessage } from './signaling/childProtocol'

const FLOODERS = Number(process.env.BENCH_FLOODERS ?? 200)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const TARGET_MS = 100

type Client = Socket<ServerToClientEvents, ClientToServerEvents>

function connect(url: string): Promise<Client> {
  const socket: Client = io(url, { transports: ['websocket'], reconnection: false, forceNew: true })
  return new Promise((ok, fail) => {
    socket.once('connect', () => ok(socket))
    socket.once('connect_error', fail)
  })
}

/** Why a run says nothing about the server: no real flood, or a machine too busy to time. */
function floodInvalidReasons(run: { idleP95: number; connections: number; sent: number }) {
  const reasons: string[] = []
  if (run.connections < FLOODERS)
    reasons.push(`only ${run.connections} of ${FLOODERS} flooders got connected`)
  if (run.sent < FLOODERS) reasons.push(`the flooders sent only ${run.sent} messages`)
  if (!(run.idleP95 < TARGET_MS / 2))
    reasons.push(`the idle round trip alone took ${run.idleP95.toFixed(0)} ms at p95`)
  return reasons
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

/** A signals B, B answers A: one signalling round trip through the server. */
async function roundTrip(a: Client, b: Client, aId: string, bId: string): Promise<number> {
  const started = performance.now()
  const back = new Promise<void>((ok) => a.once('signal', () => ok()))
  b.once('signal', () => void b.emitWithAck('signal', { to: aId, data: { candidate: null } }))
  await a.emitWithAck('signal', { to: bId, data: { candidate: null } })
  await back
  return performance.now() - started
}

async function sample(a: Client, b: Client, aId: string, bId: string, ms: number) {
  const times: number[] = []
  const end = performance.now() + ms
  while (performance.now() < end) {
    times.push(await roundTrip(a, b, aId, bId))
    await new Promise((ok) => setTimeout(ok, 20))
  }
  return times.sort((x, y) => x - y)
}

const server = fork(resolve(import.meta.dirname, 'signaling', 'floodServer.ts'), [], {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
})
const port = await new Promise<number>((ok, fail) => {
  const timer = setTimeout(() => fail(new Error('server did not start')), 30_000)
  server.on('message', (m: ChildMessage) => {
    if (m.type === 'ready') {
      clearTimeout(timer)
      ok(m.port)
    }
  })
})
const url = `http://127.0.0.1:${port}`

try {
  const [a, b] = await Promise.all([connect(url), connect(url)])
  const ja = await a.emitWithAck('room:join', { room: 'quiet', name: 'A' })
  const jb = await b.emitWithAck('room:join', { room: 'quiet', name: 'B' })
  if (!ja.ok || !jb.ok) throw new Error('join failed')
  const ids = [ja.self.id, jb.self.id] as const

  await sample(a, b, ...ids, 1000) // warm-up: JIT and connection set-up, not measured
  const idle = await sample(a, b, ...ids, 3000)
  const flooder = fork(
    resolve(import.meta.dirname, 'signaling', 'flooder.ts'),
    [url, String(FLOODERS), String(SECONDS)],
    { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  )
  type Report = { sent: number; cutOff: number; connections: number; refused: number }
  const report = new Promise<Report>((ok) => flooder.on('message', (m: Report) => ok(m)))
  // Let the flood build up, then measure while it lasts.
  await new Promise((ok) => setTimeout(ok, 1000))
  const flooded = await sample(a, b, ...ids, (SECONDS - 2) * 1000)
  const { sent, cutOff, connections, refused } = await report
  a.close()
  b.close()

  const row = (label: string, t: number[]) =>
    `${label.padEnd(22)} n=${String(t.length).padStart(4)}  p50 ${percentile(t, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(t, 95).toFixed(1).padStart(6)} ms  max ${t[t.length - 1].toFixed(1).padStart(6)} ms`
  console.log(`Signalling round trip of another room, ${FLOODERS} connections flooding:`)
  console.log(row('idle server', idle))
  console.log(row('while flooded', flooded))
  console.log(
    `flood: ${sent} messages (${Math.round(sent / SECONDS)}/s) over ${connections} connections ` +
      `from ${FLOODERS} addresses; the server cut off ${cutOff} and refused ${refused} reconnects`,
  )
  const ratio = `p95 flooded / idle: ${(percentile(flooded, 95) / percentile(idle, 95)).toFixed(2)}x`
  // The verdict only means something if the flood happened and the machine could measure.
  const invalid = floodInvalidReasons({ idleP95: percentile(idle, 95), connections, sent })
  if (invalid.length > 0) {
    console.log(`${ratio}; INVALID, no verdict: ${invalid.join('; ')}`)
  } else {
    const met = percentile(flooded, 95) < TARGET_MS
    console.log(`${ratio}; target p95 < ${TARGET_MS} ms: ${met ? 'met' : 'NOT met'}`)
  }
} finally {
  server.send({ type: 'stop' })
  await new Promise((ok) => server.once('exit', ok))
}
