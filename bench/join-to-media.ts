/**
 * Join-to-media: time from clicking Join to every remote video playing, for the 4th person
 * joining a 4-person room, median of 5; next to a baseline from the same run (two bare
 * RTCPeerConnections signalling through a bare socket.io relay). Target: app <= 1.5x baseline.
 * Samples of app and baseline alternate so both see the same machine load, in ABBA order from a
 * coin flip (BENCH_ORDER=app-first|baseline-first pins it); on a saturated machine the ratio is
 * printed without a verdict (join/verdict.ts). Both clocks start in
 * the page (the Join click event; the baseline's call) and stop when the same probe sees every
 * remote video advance; both capture with the app's getUserMedia constraints.
 *
 * It also prints where the time goes (connection milestones, long main-thread tasks) and two
 * references: a bare mesh (no app code) doing the same 4th-of-4 join next to its own bare pair,
 * and the 2nd of 2 joining (one connection each).
 *
 * It must finish on a slow, loaded machine (samples of 6-13 s were seen there): the run has a
 * time budget (MOIM_BENCH_JOIN_BUDGET_MS, default 5 min) shared by its phases, each taking as
 * many samples as its observed sample time allows (join/budget.ts), and whatever was measured is
 * printed even if the hard deadline hits.
 */
import { loadavg } from 'node:os'
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../e2e/harness/browser'
import { startTestServer } from '../e2e/harness/server'
import { measureJoin, startRoom } from './join/app'
import { startBareMesh } from './join/bare-mesh'
import { startBareRelay, type BareRelay } from './join/bare-relay'
import { measureBaseline } from './join/baseline'
import { describeOrder, firstSide, roundOrder } from './common/runOrder'
import { SampleBudget } from './join/budget'
import { formatBusy } from './join/machineLoad'
import { joinVerdict } from './join/verdict'
import { formatMs, median } from './join/timing'
import { formatMilestones, type Milestone } from './join/trace'

const SAMPLES = 5
const CONTEXT_SAMPLES = 3
const TARGET_RATIO = 1.5
const BUDGET_MS = Number(process.env.MOIM_BENCH_JOIN_BUDGET_MS) || 5 * 60_000
/** Past the budget by this much (a phase's setup, a slow last sample) the run stops as it is. */
const DEADLINE_MS = BUDGET_MS * 1.4
/** Between samples the room is left alone this long, so each measurement starts settled. */
const QUIET_MS = 3_000

const quiet = () => new Promise((resolve) => setTimeout(resolve, QUIET_MS))

const budget = new SampleBudget(BUDGET_MS)

/** Everything measured so far, so a run cut short still prints it. */
const measured = {
  app: [] as number[],
  baseline: [] as number[],
  bareMesh: { fourth: [] as number[], pair: [] as number[] },
  oneLink: { app: [] as number[], baseline: [] as number[] },
}
const printed = { main: false, bareMesh: false, oneLink: false }

function medianText(values: number[]): string {
  return values.length ? `${formatMs(median(values))} (median of ${values.length})` : 'no sample'
}

/** What a run cut short had measured, for the phases it had not printed yet. */
function printPartial(): void {
  if (!printed.main)
    console.log(
      `  app:      ${medianText(measured.app)}; baseline ${medianText(measured.baseline)} (incomplete)`,
    )
  if (!printed.bareMesh)
    console.log(
      `  context:  bare mesh, 4th of 4 joins: ${medianText(measured.bareMesh.fourth)}, bare pair ${medianText(measured.bareMesh.pair)} (incomplete)`,
    )
  if (!printed.oneLink)
    console.log(
      `  context:  2nd of 2 joins: app ${medianText(measured.oneLink.app)}, baseline ${medianText(measured.oneLink.baseline)} (incomplete)`,
    )
}

const deadline = setTimeout(() => {
  console.error(
    `join-to-media: stopped after ${(DEADLINE_MS / 60_000).toFixed(1)} minutes; what it measured:`,
  )
  printPartial()
  process.exit(1)
}, DEADLINE_MS)

/**
 * Context, not the target: the same comparison for the 2nd person of 2, where the app also sets
 * up exactly one connection. It separates the app's own overhead per connection from the cost
 * of three connections at once on a machine the running call already keeps busy.
 */
async function reportOneLinkJoin(browser: Browser, origin: string, relay: BareRelay) {
  const phase = budget.phase(1, 1, CONTEXT_SAMPLES)
  const room = await startRoom(browser, origin, 'pair', 1)
  await quiet()
  const { app, baseline } = measured.oneLink
  const first = firstSide(process.env.BENCH_ORDER)
  for (let i = 1; phase.more(); i++) {
    for (const side of roundOrder(first, i - 1)) {
      if (side === 'baseline') {
        baseline.push((await measureBaseline(browser, relay, `bare-pair-${i}`)).ms)
        continue
      }
      app.push((await measureJoin(browser, origin, { name: 'pair', size: 1 })).ms)
      await room.settle()
      await quiet()
    }
  }
  await room.close()
  const ratio = median(app) / median(baseline)
  printed.oneLink = true
  console.log(
    `  context:  2nd of 2 joins (one connection each): app ${formatMs(median(app))}, baseline ${formatMs(median(baseline))}, ${ratio.toFixed(2)}x (median of ${app.length})`,
  )
}

/**
 * Reference, not the target: the same two figures with no app at all. Bare mesh clients (one
 * RTCPeerConnection per peer, no UI) form a room of 3 and a 4th joins, next to the bare pair
 * measured in that same room's load. Their ratio is what mesh joining costs on this machine
 * before any app code runs.
 */
async function reportBareMeshJoin(browser: Browser, relay: BareRelay) {
  // Before the one-link context: on a slow machine this reference is the one worth having.
  const phase = budget.phase(0.6, 1, CONTEXT_SAMPLES)
  const mesh = await startBareMesh(browser, relay, 'bare-mesh', 3)
  const { fourth, pair } = measured.bareMesh
  for (let i = 1; phase.more(); i++) {
    pair.push((await measureBaseline(browser, relay, `bare-mesh-pair-${i}`)).ms)
    fourth.push(await mesh.measureJoin())
  }
  await mesh.close()
  const ratio = median(fourth) / median(pair)
  printed.bareMesh = true
  console.log(
    `  context:  bare mesh, 4th of 4 joins: ${formatMs(median(fourth))}, bare pair beside it ${formatMs(median(pair))}, ${ratio.toFixed(2)}x (median of ${fourth.length}; no app code on either side)`,
  )
}

async function main(): Promise<void> {
  console.log(
    `  load:     ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (1/5/15 min average at the start)`,
  )
  // Pages of one browser share the fake camera, opened at the size its first user asked for:
  // 1280x720, by a lobby preview. The app later scales its capture down per room size while the
  // baseline keeps the full picture; the report prints what each side actually captured.
  const browser = await launchBrowser()
  const relay = await startBareRelay()
  const server = await startTestServer()
  try {
    const phase = budget.phase(0.55, 1, SAMPLES)
    const room = await startRoom(browser, server.origin, 'bench', 3)
    await quiet()
    const first = firstSide(process.env.BENCH_ORDER)
    console.log(`  order:    ${describeOrder(first, SAMPLES)} (BENCH_ORDER pins the first)`)
    const { app, baseline } = measured
    const appDriver: number[] = []
    type Times = Partial<Record<Milestone, number>>
    const traces = { app: [] as Times[], members: [] as Times[], baseline: [] as Times[] }
    const longTasks = { app: [] as number[], baseline: [] as number[] }
    const cameras = { app: new Set<string>(), baseline: new Set<string>() }
    const busy = { app: [] as (number | null)[], baseline: [] as (number | null)[] }
    for (let i = 1; phase.more(); i++) {
      const measureBare = async () => {
        const bare = await measureBaseline(browser, relay, `bare-${i}`)
        baseline.push(bare.ms)
        cameras.baseline.add(bare.camera)
        busy.baseline.push(bare.busy)
        traces.baseline.push(bare.trace.milestones)
        longTasks.baseline.push(bare.trace.longTasks.ms)
      }
      const measureApp = async () => {
        const joined = await measureJoin(browser, server.origin, { name: 'bench', size: 3 })
        app.push(joined.ms)
        appDriver.push(joined.driverMs)
        cameras.app.add(joined.camera)
        busy.app.push(joined.busy)
        traces.app.push(joined.trace.milestones)
        longTasks.app.push(joined.trace.longTasks.ms)
        traces.members.push(await room.trace(joined.clicked))
        await room.settle()
        await quiet()
      }
      for (const side of roundOrder(first, i - 1))
        await (side === 'app' ? measureApp() : measureBare())
      console.log(
        `  sample ${i}: app ${formatMs(app.at(-1) ?? 0)}, baseline ${formatMs(baseline.at(-1) ?? 0)}`,
      )
    }
    await room.close()
    const appMedian = median(app)
    const baselineMedian = median(baseline)
    const ratio = appMedian / baselineMedian
    const samples = app.length
    console.log('join-to-media (4th of 4 joins; click Join -> all remote videos playing)')
    console.log(
      `  budget:   ${samples} of up to ${SAMPLES} samples in ${(BUDGET_MS / 60_000).toFixed(1)} min (as many as the observed sample time allows)`,
    )
    console.log(
      `  app:      median ${formatMs(appMedian)} of ${samples} (from the click event; ${formatMs(median(appDriver))} from asking Playwright to click)`,
    )
    console.log(
      `  baseline: median ${formatMs(baselineMedian)} of ${samples} (bare RTCPeerConnection pair + bare relay)`,
    )
    console.log(
      `  camera:   app ${[...cameras.app].join(', ')}; baseline ${[...cameras.baseline].join(', ')} (same getUserMedia constraints, fake device)`,
    )
    console.log('  where the time goes (ms after the click, median; the slowest link for each):')
    console.log(
      `    app newcomer: ${formatMilestones(traces.app)}, playing ${median(app).toFixed(0)}`,
    )
    console.log(`    app members:  ${formatMilestones(traces.members)}`)
    console.log(
      `    baseline:     ${formatMilestones(traces.baseline)}, playing ${baselineMedian.toFixed(0)}`,
    )
    console.log(
      `    long main-thread tasks until playing: app ${formatMs(median(longTasks.app))}, baseline ${formatMs(median(longTasks.baseline))}`,
    )
    console.log(
      `    machine busy while joining (median): app ${formatBusy(busy.app)}, baseline ${formatBusy(busy.baseline)}`,
    )
    console.log(
      `  load:     ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} (1/5/15 min average at the end)`,
    )
    console.log(`  ratio:    ${joinVerdict(ratio, TARGET_RATIO, [...busy.app, ...busy.baseline])}`)
    printed.main = true
    await reportBareMeshJoin(browser, relay)
    await reportOneLinkJoin(browser, server.origin, relay)
  } finally {
    await browser.close()
    await relay.close()
    await server.close()
  }
}

main()
  .catch((error: unknown) => {
    console.error('join-to-media failed:', error)
    printPartial()
    process.exitCode = 1
  })
  .finally(() => clearTimeout(deadline))
