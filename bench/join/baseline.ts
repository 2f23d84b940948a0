import type { Browser } from 'playwright-core'
import { newParticipant } from '../../e2e/harness/browser'
import { installProbes } from '../../e2e/harness/probes'
import { expectPlaying } from '../../e2e/harness/ui'
import type { BareRelay } from './bare-relay'
import { timed } from './timing'

interface BareWindow {
  benchPrepare: (room: string) => Promise<void>
  benchCall: () => Promise<void>
}

/**
 * One baseline sample: two pages hold their camera and a relay connection; the clock runs from
 * the caller's first offer to the caller's remote video playing.
 */
export async function measureBaseline(
  browser: Browser,
  relay: BareRelay,
  room: string,
): Promise<number> {
  const callee = await newParticipant(browser, relay.origin)
  const caller = await newParticipant(browser, relay.origin)
  try {
    for (const side of [callee, caller]) {
      await side.context.addInitScript(installProbes)
      await side.page.goto(relay.origin)
      await side.page.evaluate(
        (name) => (globalThis as unknown as BareWindow).benchPrepare(name),
        room,
      )
    }
    return await timed(async () => {
      await caller.page.evaluate(() => (globalThis as unknown as BareWindow).benchCall())
      await expectPlaying(caller.page, { labels: ['remote'] })
    })
  } finally {
    await callee.context.close()
    await caller.context.close()
  }
}
