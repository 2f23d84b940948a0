import type { Browser } from 'playwright-core'
import { newParticipant } from '../../e2e/harness/browser'
import { installProbes } from '../../e2e/harness/probes'
import { expectPlaying } from '../../e2e/harness/ui'
import type { BareRelay } from './bare-relay'
import { busyShare, markBusy } from './machineLoad'
import { JOIN_TRACE_SCRIPT, longTaskTotal, milestoneTimes, type TraceWindow } from './trace'
import type { JoinTrace } from './app'

interface BareWindow {
  benchPrepare: () => Promise<string>
  benchJoin: (room: string) => Promise<void>
  benchCall: (room: string) => Promise<void>
  /** Date.now() in the page when benchCall began. */
  benchStartedAt: number
}

/**
 * One baseline sample: both pages hold their camera and the callee is already in the room; the
 * clock runs, in the page, from the caller connecting to the relay (its "Join") to its remote
 * video playing.
 */
export interface BaselineSample {
  ms: number
  /** The caller's camera as captured, e.g. "1280x720@30". */
  camera: string
  trace: JoinTrace
  /** Share of the machine's cores busy during the call (null: unknown). */
  busy: number | null
}

export async function measureBaseline(
  browser: Browser,
  relay: BareRelay,
  room: string,
): Promise<BaselineSample> {
  const callee = await newParticipant(browser, relay.origin)
  const caller = await newParticipant(browser, relay.origin)
  try {
    let camera = ''
    for (const side of [callee, caller]) {
      await side.context.addInitScript(installProbes)
      await side.context.addInitScript(JOIN_TRACE_SCRIPT)
      await side.page.goto(relay.origin)
      camera = await side.page.evaluate(() => (globalThis as unknown as BareWindow).benchPrepare())
    }
    await callee.page.evaluate(
      (name) => (globalThis as unknown as BareWindow).benchJoin(name),
      room,
    )
    const before = markBusy()
    await caller.page.evaluate(
      (name) => (globalThis as unknown as BareWindow).benchCall(name),
      room,
    )
    await expectPlaying(caller.page, { labels: ['remote'] })
    const playing = Date.now()
    const busy = busyShare(before, markBusy())
    const started = await caller.page.evaluate(
      () => (globalThis as unknown as BareWindow).benchStartedAt,
    )
    const ms = playing - started
    const { entries, longTasks } = await caller.page.evaluate(() => {
      const w = globalThis as unknown as TraceWindow
      return { entries: w.__joinTrace, longTasks: w.__longTasks }
    })
    const trace = {
      milestones: milestoneTimes(entries, started),
      longTasks: longTaskTotal(longTasks, started, playing),
    }
    return { ms, camera, trace, busy }
  } finally {
    await callee.context.close()
    await caller.context.close()
  }
}
