import { describe, expect, it } from 'vitest'
import { cameraBudget } from '../src/renderer/src/rtc/videoBudget'
import { expectAccessible } from './harness/a11y'
import {
  expectPageFigures,
  joinWithQualityProbes,
  measureVideoOut,
  waitConnectedFor,
} from './harness/quality'
import { SPEC_TIMEOUT, WAIT_TIMEOUT } from './harness/timeouts'
import {
  expectRemoteVideosPlaying,
  joinButton,
  leaveViaUi,
  participantsRegion,
  tile,
} from './harness/ui'
import { useE2eWorld } from './harness/world'
import type { Page } from 'playwright-core'

/** Encoders overshoot their cap for a moment now and then; a 2 s window sees some of it. */
const ENCODER_SLACK = 1.25

async function waitForTiles(page: Page, atLeast: number): Promise<void> {
  await participantsRegion(page)
    .getByRole('figure')
    .nth(atLeast - 1)
    .waitFor({ timeout: WAIT_TIMEOUT })
}

describe('call quality: statistics, budget, churn', { timeout: SPEC_TIMEOUT }, () => {
  const world = useE2eWorld()

  it('four people each send no more camera video than the room budget allows', async () => {
    const room = { room: 'quality-budget' }
    const people = []
    for (const name of ['Ana', 'Bo', 'Chul', 'Dana'])
      people.push(await joinWithQualityProbes(world(), name, room))
    await Promise.all(people.map((p) => expectRemoteVideosPlaying(p.page, 3)))
    await Promise.all(people.map((p) => waitConnectedFor(p.page, 10)))

    const budget = cameraBudget(3)
    const figures = await Promise.all(people.map((p) => measureVideoOut(p.page, 2_000)))
    for (const [i, f] of figures.entries()) {
      const who = people[i].name
      expect(f.links, who).toBe(3)
      // Video flows at all (a camera stuck at zero would pass any upper bound).
      expect(f.bps, who).toBeGreaterThan(0)
      expect(f.bps, who).toBeLessThanOrEqual(3 * budget.maxBitrate * ENCODER_SLACK)
      for (const link of f.perLink)
        expect(link, who).toBeLessThanOrEqual(budget.maxBitrate * ENCODER_SLACK)
    }
  })

  it('a remote tile shows its connection quality and a popover with the figures', async () => {
    const room = { room: 'quality-popover' }
    const ana = await joinWithQualityProbes(world(), 'Ana', room)
    await joinWithQualityProbes(world(), 'Bo', room)
    await expectRemoteVideosPlaying(ana.page, 1)

    const indicator = tile(ana.page, 'Bo').getByRole('button', {
      name: /^Connection: (good|fair|poor)$/,
    })
    await indicator.waitFor({ timeout: WAIT_TIMEOUT })
    await indicator.click()
    const dialog = ana.page.getByRole('dialog', { name: 'Connection to Bo', exact: true })
    const row = (label: string) =>
      dialog.locator('.quality-row').filter({ has: ana.page.getByText(label, { exact: true }) })
    await row('Round-trip time')
      .getByText(/^\d+ ms$/)
      .waitFor({ timeout: WAIT_TIMEOUT })
    await row('Receiving')
      .getByText(/^[\d.]+ (k|M)bit\/s$/)
      .waitFor({ timeout: WAIT_TIMEOUT })
    await row('Video received')
      .getByText(/^\d+×\d+/)
      .waitFor({ timeout: WAIT_TIMEOUT })
    await row('Path').getByText('Direct', { exact: true }).waitFor({ timeout: WAIT_TIMEOUT })
    await expectAccessible(ana.page, { include: '.quality-popover' })
    await ana.page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached', timeout: WAIT_TIMEOUT })

    const uplink = ana.page.getByRole('button', { name: /^Your connection: / })
    await uplink.click()
    const summary = ana.page.getByRole('dialog', { name: 'Your connection', exact: true })
    await summary
      .locator('.quality-row')
      .filter({ hasText: 'Sending' })
      .getByText(/^[\d.]+ (k|M)bit\/s$/)
      .waitFor({ timeout: WAIT_TIMEOUT })
    await expectAccessible(ana.page, { include: '.quality-popover' })
  })

  // Twenty joins and leaves: on a slow machine that alone can take longer than one spec's budget.
  it(
    'after 20 joins and leaves each page holds N−1 connections and no stray stats timers',
    { timeout: 3 * SPEC_TIMEOUT },
    async () => {
      const room = { room: 'quality-churn' }
      const stable = []
      for (const name of ['Ana', 'Bo', 'Chul'])
        stable.push(await joinWithQualityProbes(world(), name, room))
      await Promise.all(stable.map((p) => expectRemoteVideosPlaying(p.page, 2)))

      const churners = await Promise.all(
        ['Xu', 'Yun'].map((name) => joinWithQualityProbes(world(), name, room)),
      )
      // Two churners, ten rounds each: 20 joins and 20 leaves, some while links still negotiate.
      const ROUNDS = 10
      await Promise.all(
        churners.map(async (churner) => {
          for (let round = 0; round < ROUNDS; round++) {
            if (round > 0) {
              await joinButton(churner.page).click()
              await participantsRegion(churner.page).waitFor({ timeout: WAIT_TIMEOUT })
            }
            // Everyone stable is in the grid: the churner has started a link to each.
            await waitForTiles(churner.page, stable.length + 1)
            await leaveViaUi(churner.page)
          }
        }),
      )

      const others = stable.length - 1
      await Promise.all(
        stable.map((p) =>
          expectPageFigures(p.page, { open: others, statsTimers: 1, polledLinks: others }),
        ),
      )
      await Promise.all(
        churners.map((p) => expectPageFigures(p.page, { open: 0, statsTimers: 0, polledLinks: 0 })),
      )
      // The mesh that stayed still carries video both ways.
      await Promise.all(stable.map((p) => expectRemoteVideosPlaying(p.page, others)))

      await leaveViaUi(stable[0].page)
      await expectPageFigures(stable[0].page, { open: 0, statsTimers: 0, polledLinks: 0 })
      await Promise.all(
        stable
          .slice(1)
          .map((p) => expectPageFigures(p.page, { open: 1, statsTimers: 1, polledLinks: 1 })),
      )
    },
  )
})
