/**
 * Signaling load benchmark: N socket.io clients (default 4000) in rooms of 4 join, then relay
 * ICE candidates to room mates at a fixed total rate (default 4000 msg/s for 10 s). The Moim
 * server (validation, rate limiting, metrics on) runs against a bare Socket.IO relay baseline
 * in the same run, each server in its own child process so RSS and CPU are its own.
 * BENCH_ROUNDS rounds (default 2) alternate which server goes first, the first chosen by a coin
 * (BENCH_ORDER=app-first|baseline-first pins it); each figure is the median over rounds. A run in
 * which the load generator could not keep up (rate, schedule, CPU: signaling/generatorHealth.ts)
 * is marked INVALID and gets no verdict.
 *
 *   npx tsx bench/signaling-load.ts
 *   BENCH_CLIENTS=1000 BENCH_RATE=2000 BENCH_SECONDS=5 npx tsx bench/signaling-load.ts
 *   BENCH_CPU_PROF=bench/results/prof npx tsx bench/signaling-load.ts   (V8 CPU profiles)
 *
 * Loopback only and bounded: every phase has a limit and both servers are stopped at the end.
 * Needs about 2 file descriptors per client (one in this process, one in the server): raise
 * the limit with `ulimit -n 16384` if the check below says so.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describeOrder, firstSide, roundOrder } from './common/runOrder'
import type { ChildMessage, ParentMessage } from './signaling/childProtocol'
import { invalidReasons } from './signaling/generatorHealth'
import type { LoadPhase, LoadResult } from './signaling/loadGenerator'
import type { WorkerReply, WorkerRequest } from './signaling/loadWorker'

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4000)
const RATE = Number(process.env.BENCH_RATE ?? 4000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const ROOM_SIZE = 4
/** Generator processes; rooms are never split between them. */
const WORKERS = Math.max(1, Number(process.env.BENCH_WORKERS ?? 2))
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2))

function openFileLimit(): number {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'))
    const soft = line?.split(/\s+/)[3]
    return soft === 'unlimited' || soft === undefined ? Infinity : Number(soft)
  } catch {
    return Infinity
  }
}

interface ServerChild {
  port: number
  usage(): Promise<{ rss: number; cpuMicros: number }>
  stop(): Promise<void>
}

async function startChild(script: string): Promise<ServerChild> {
  const child: ChildProcess = fork(resolve(import.meta.dirname, 'signaling', script), [], {
    // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each server to <dir> for DevTools.
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
        : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const nextMessage = (type: ChildMessage['type']): Promise<ChildMessage> =>
    new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`${script}: no "${type}" within 30 s`)), 30_000)
      const onMessage = (m: ChildMessage): void => {
        if (m.type !== type) return
        clearTimeout(timer)
        child.off('message', onMessage)
        ok(m)
      }
      child.on('message', onMessage)
    })
  const ready = await nextMessage('ready')
  if (ready.type !== 'ready') throw new Error('unexpected message')
  const send = (m: ParentMessage): void => {
    child.send(m)
  }
  return {
    port: ready.port,
    async usage() {
      const reply = nextMessage('usage')
      send({ type: 'usage' })
      const m = await reply
      if (m.type !== 'usage') throw new Error('unexpected message')
      return { rss: m.rss, cpuMicros: m.cpuMicros }
    },
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise((done) => child.once('exit', done))
      send({ type: 'stop' })
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(kill)
    },
  }
}

interface Figures {
  joinsPerSecond: number
  p50: number
  p99: number
  delivered: number
  rssPerClientKb: number
  cpuPercent: number
  /** Server CPU time per relayed message: less sensitive to a busy machine than latency. */
  cpuMicrosPerMessage: number
  achievedRate: number
  sendLagP99Ms: number
  generatorCpuPercent: number
  failures: string
}

/** Runs WORKERS generator processes in lockstep and merges their results. */
async function runWorkers(
  url: string,
  onPhase: (phase: LoadPhase) => Promise<void>,
): Promise<LoadResult> {
  const perWorker = Math.ceil(CLIENTS / WORKERS / ROOM_SIZE) * ROOM_SIZE
  const workers = Array.from({ length: WORKERS }, (_, k) => {
    const clients = Math.max(0, Math.min(perWorker, CLIENTS - k * perWorker))
    const child = fork(resolve(import.meta.dirname, 'signaling', 'loadWorker.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    return { child, clients }
  }).filter((w) => w.clients > 0)
  const results: LoadResult[] = []
  await new Promise<void>((done, fail) => {
    const waiting = new Map<LoadPhase, number>()
    for (const [k, { child, clients }] of workers.entries()) {
      child.on('exit', (code) => {
        if (code !== 0 && results.length < workers.length)
          fail(new Error(`load worker ${k} exited with ${code}`))
      })
      child.on('message', (reply: WorkerReply) => {
        if (reply.type === 'done') {
          results.push(reply.result)
          if (results.length === workers.length) done()
          return
        }
        const count = (waiting.get(reply.phase) ?? 0) + 1
        waiting.set(reply.phase, count)
        if (count < workers.length) return
        onPhase(reply.phase).then(() => {
          for (const w of workers) w.child.send({ type: 'continue' } satisfies WorkerRequest)
        }, fail)
      })
      const request: WorkerRequest = {
        type: 'run',
        options: {
          url,
          roomPrefix: `bench-w${k}`,
          clients,
          roomSize: ROOM_SIZE,
          ratePerSecond: (RATE * clients) / CLIENTS,
          durationMs: SECONDS * 1000,
        },
      }
      child.send(request)
    }
  }).finally(() => {
    for (const { child } of workers) if (child.exitCode === null) child.kill()
  })
  return {
    // Workers join concurrently, so the combined rate is the sum of theirs.
    joinsPerSecond: results.reduce((sum, r) => sum + r.joinsPerSecond, 0),
    joinFailures: results.reduce((sum, r) => sum + r.joinFailures, 0),
    sent: results.reduce((sum, r) => sum + r.sent, 0),
    delivered: results.reduce((sum, r) => sum + r.delivered, 0),
    ackFailures: results.reduce((sum, r) => sum + r.ackFailures, 0),
    latenciesMs: results.flatMap((r) => r.latenciesMs),
    achievedRate: results.reduce((sum, r) => sum + r.achievedRate, 0),
    sendLagsMs: results.flatMap((r) => r.sendLagsMs),
    cpuPercent: Math.max(...results.map((r) => r.cpuPercent)),
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

async function measure(script: string): Promise<Figures> {
  const server = await startChild(script)
  try {
    const idle = await server.usage()
    let loadedRss = 0
    let cpuStart = 0
    let cpuEnd = 0
    let relayStart = 0
    let relayEnd = 0
    const began = performance.now()
    const result = await runWorkers(`http://127.0.0.1:${server.port}`, async (phase) => {
      const at = ((performance.now() - began) / 1000).toFixed(1)
      process.stderr.write(`  [${script.replace('.ts', '')}] ${phase} at ${at} s\n`)
      if (phase === 'joined') loadedRss = (await server.usage()).rss
      if (phase === 'relayStart') {
        cpuStart = (await server.usage()).cpuMicros
        relayStart = performance.now()
      }
      if (phase === 'relayEnd') {
        cpuEnd = (await server.usage()).cpuMicros
        relayEnd = performance.now()
      }
    })
    const sorted = [...result.latenciesMs].sort((a, b) => a - b)
    return {
      joinsPerSecond: result.joinsPerSecond,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      delivered: result.sent === 0 ? 0 : result.delivered / result.sent,
      rssPerClientKb: (loadedRss - idle.rss) / CLIENTS / 1024,
      cpuPercent: ((cpuEnd - cpuStart) / 1000 / (relayEnd - relayStart)) * 100,
      cpuMicrosPerMessage: result.sent === 0 ? NaN : (cpuEnd - cpuStart) / result.sent,
      achievedRate: result.achievedRate,
      sendLagP99Ms: percentile(
        [...result.sendLagsMs].sort((a, b) => a - b),
        99,
      ),
      generatorCpuPercent: result.cpuPercent,
      failures: `${result.joinFailures} join, ${result.ackFailures} relay`,
    }
  } finally {
    await server.stop()
  }
}

const limit = openFileLimit()
if (limit < CLIENTS + 1024) {
  console.error(
    `Open-file limit ${limit} is too low for ${CLIENTS} clients: run "ulimit -n ${Math.max(16_384, 2 * CLIENTS)}" first, or set BENCH_CLIENTS lower.`,
  )
  process.exit(2)
}

console.log(
  `signaling-load: ${CLIENTS} clients in rooms of ${ROOM_SIZE}, ${RATE} msg/s for ${SECONDS} s, ` +
    `${WORKERS} generator process(es), loopback`,
)
// The whole run is bounded: a machine too busy to finish says so instead of hanging.
const deadline = setTimeout(() => {
  console.error('signaling-load: gave up after 10 minutes; the machine is too busy for this load')
  process.exit(3)
}, 10 * 60_000)
deadline.unref()
const first = firstSide(process.env.BENCH_ORDER)
console.log(`order: ${describeOrder(first, ROUNDS)} (BENCH_ORDER pins the first)`)
const runs: Record<'app' | 'baseline', Figures[]> = { app: [], baseline: [] }
for (let round = 0; round < ROUNDS; round++) {
  for (const side of roundOrder(first, round))
    runs[side].push(await measure(side === 'app' ? 'moimServer.ts' : 'bareServer.ts'))
}

/** Each numeric figure's median over the rounds; failures listed per round. */
function combine(figures: Figures[]): Figures {
  const mid = (pick: (f: Figures) => number): number =>
    percentile(
      figures.map(pick).sort((a, b) => a - b),
      50,
    )
  return {
    joinsPerSecond: mid((f) => f.joinsPerSecond),
    p50: mid((f) => f.p50),
    p99: mid((f) => f.p99),
    delivered: Math.min(...figures.map((f) => f.delivered)),
    rssPerClientKb: mid((f) => f.rssPerClientKb),
    cpuPercent: mid((f) => f.cpuPercent),
    cpuMicrosPerMessage: mid((f) => f.cpuMicrosPerMessage),
    achievedRate: Math.min(...figures.map((f) => f.achievedRate)),
    sendLagP99Ms: Math.max(...figures.map((f) => f.sendLagP99Ms)),
    generatorCpuPercent: Math.max(...figures.map((f) => f.generatorCpuPercent)),
    failures: figures.map((f) => f.failures).join('; '),
  }
}
const baseline = combine(runs.baseline)
const moim = combine(runs.app)

const fmt = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a')
const rows: Array<[string, (f: Figures) => string, ((m: Figures, b: Figures) => string) | null]> = [
  [
    'joins/s',
    (f) => fmt(f.joinsPerSecond, 0),
    (m, b) => fmt(m.joinsPerSecond / b.joinsPerSecond, 2),
  ],
  ['relay rate achieved (msg/s, worst round)', (f) => fmt(f.achievedRate, 0), null],
  ['generator send lag p99 (ms, worst round)', (f) => fmt(f.sendLagP99Ms, 1), null],
  ['generator CPU (% of a core, worst round)', (f) => fmt(f.generatorCpuPercent, 0), null],
  ['relay p50 (ms)', (f) => fmt(f.p50, 2), (m, b) => fmt(m.p50 / b.p50, 2)],
  ['relay p99 (ms)', (f) => fmt(f.p99, 2), (m, b) => fmt(m.p99 / b.p99, 2)],
  ['delivered fraction', (f) => fmt(f.delivered, 4), null],
  [
    'server RSS per client (KB)',
    (f) => fmt(f.rssPerClientKb, 1),
    (m, b) => fmt(m.rssPerClientKb / b.rssPerClientKb, 2),
  ],
  [
    'server CPU during relay (% of a core)',
    (f) => fmt(f.cpuPercent, 0),
    (m, b) => fmt(m.cpuPercent / b.cpuPercent, 2),
  ],
  [
    'server CPU per relayed message (µs)',
    (f) => fmt(f.cpuMicrosPerMessage, 1),
    (m, b) => fmt(m.cpuMicrosPerMessage / b.cpuMicrosPerMessage, 2),
  ],
  ['failures', (f) => f.failures, null],
]
const table = rows.map(([label, value, ratio]) => ({
  metric: label,
  moim: value(moim),
  'bare relay': value(baseline),
  'moim / bare': ratio ? ratio(moim, baseline) : '',
}))
console.table(table)
const invalid = [
  ...runs.app.flatMap((f) => invalidReasons(healthOf(f)).map((r) => `moim: ${r}`)),
  ...runs.baseline.flatMap((f) => invalidReasons(healthOf(f)).map((r) => `bare: ${r}`)),
]
function healthOf(f: Figures) {
  return {
    targetRate: RATE,
    achievedRate: f.achievedRate,
    sendLagP99Ms: f.sendLagP99Ms,
    generatorCpuPercent: f.generatorCpuPercent,
  }
}
const verdicts = [
  ['nothing dropped', moim.delivered === 1],
  ['p99 within 2x of bare', moim.p99 <= 2 * baseline.p99],
  ['memory per client within 2x of bare', moim.rssPerClientKb <= 2 * baseline.rssPerClientKb],
] as const
if (invalid.length > 0) {
  // Before any verdict: latencies from a generator that fell behind measure the generator.
  console.log('INVALID  the load generator could not keep up, so there is no verdict:')
  for (const reason of invalid) console.log(`         - ${reason}`)
  console.log(
    "         Memory and CPU per message above are still each server's own; rerun on an idle machine " +
      '(or lower BENCH_CLIENTS/BENCH_RATE) for latency verdicts.',
  )
  for (const [target] of verdicts) console.log(`NO VERDICT  ${target}`)
} else {
  for (const [target, met] of verdicts) console.log(`${met ? 'MET    ' : 'NOT MET'}  ${target}`)
}
