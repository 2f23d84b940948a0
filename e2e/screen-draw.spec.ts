import { describe, expect, it } from 'vitest'
import { expectAccessible } from './harness/a11y'
import {
  contentBox,
  dragOnContent,
  drawOnScreenButton,
  inkAtContent,
  overlayTools,
  screenTile,
} from './harness/screenDraw'
import { SPEC_TIMEOUT } from './harness/timeouts'
import { useE2eWorld } from './harness/world'
import { callControl, expectPlaying, expectRemoteVideosPlaying, WAIT_TIMEOUT } from './harness/ui'

const poll = { timeout: WAIT_TIMEOUT, interval: 100 }

/** Points on a line between two content points, and points well away from it. */
function along(from: [number, number], to: [number, number]): [number, number][] {
  return [0.2, 0.5, 0.8].map((t) => [
    from[0] + t * (to[0] - from[0]),
    from[1] + t * (to[1] - from[1]),
  ])
}

// Three people, a screen share and a dozen pixel checks on three pages: twice a spec's budget
// (it took 143 s alone and 253 s in a CI run sharing 2 cores with other work).
describe('drawing over a shared screen', { timeout: 2 * SPEC_TIMEOUT }, () => {
  const world = useE2eWorld()

  it('a mark drawn on the shared tile shows at the same place of the shared content for everyone, fades unless pinned; the sharer clears and switches drawing off', async () => {
    const room = { room: 'screen-draw' }
    const ana = await world().join('Ana', room)
    const bo = await world().join('Bo', room)
    const chul = await world().join('Chul', room)
    // Three window sizes: the screen's tile (and its letterboxing) differs on every page.
    await ana.page.setViewportSize({ width: 1280, height: 820 })
    await chul.page.setViewportSize({ width: 820, height: 700 })
    await Promise.all([ana, bo, chul].map((p) => expectRemoteVideosPlaying(p.page, 2)))

    await callControl(ana.page, 'Share screen').click()
    await Promise.all(
      [bo, chul].map((p) => expectPlaying(p.page, { labels: ['Screen shared by Ana'] })),
    )
    await expectPlaying(ana.page, { labels: ['Screen shared by you'] })
    // The sharer's own screen is a small tile; pinned, it is large enough to see thin marks.
    const anaTile = screenTile(ana.page, 'you')
    await anaTile.getByRole('button', { name: 'Pin', exact: true }).click()
    const boTile = screenTile(bo.page, 'Ana')
    const chulTile = screenTile(chul.page, 'Ana')
    const tiles = [anaTile, boTile, chulTile]
    // The shared picture has a different size (and letterboxing) on each page.
    await expect
      .poll(async () => {
        const widths = await Promise.all(
          tiles.map(async (t) => Math.round((await contentBox(t)).width)),
        )
        return new Set(widths).size
      }, poll)
      .toBe(3)

    await drawOnScreenButton(boTile).click()
    await overlayTools(boTile).waitFor()
    expect(await drawOnScreenButton(boTile).getAttribute('aria-pressed')).toBe('true')
    await expectAccessible(bo.page, { include: '.sd-layer' })

    // Bo keeps the button down: the mark is still being drawn, so nothing fades yet.
    const line1: [[number, number], [number, number]] = [
      [0.2, 0.3],
      [0.6, 0.5],
    ]
    await dragOnContent(bo.page, boTile, line1[0], line1[1], false)
    const away: [number, number][] = [
      [0.85, 0.85],
      [0.1, 0.8],
    ]
    for (const screen of tiles) {
      await expect
        .poll(() => inkAtContent(screen, along(...line1)), poll)
        .toEqual([true, true, true])
      expect(await inkAtContent(screen, away)).toEqual([false, false])
    }
    await bo.page.mouse.up()
    // Not pinned: it fades away everywhere once finished.
    for (const screen of tiles)
      await expect
        .poll(() => inkAtContent(screen, along(...line1)), poll)
        .toEqual([false, false, false])

    // A pinned mark stays; an unpinned one drawn after it fades while the pinned one is kept.
    const pin = overlayTools(boTile).getByRole('button', { name: 'Pin marks', exact: true })
    await pin.click()
    expect(await pin.getAttribute('aria-pressed')).toBe('true')
    const line2: [[number, number], [number, number]] = [
      [0.2, 0.75],
      [0.5, 0.75],
    ]
    await dragOnContent(bo.page, boTile, line2[0], line2[1], true)
    await pin.click()
    const line3: [[number, number], [number, number]] = [
      [0.6, 0.2],
      [0.85, 0.3],
    ]
    // Held down while every page is checked: on a slow machine the fade could otherwise win.
    await dragOnContent(bo.page, boTile, line3[0], line3[1], false)
    for (const screen of tiles)
      await expect
        .poll(() => inkAtContent(screen, along(...line3)), poll)
        .toEqual([true, true, true])
    await bo.page.mouse.up()
    for (const screen of tiles)
      await expect
        .poll(() => inkAtContent(screen, along(...line3)), poll)
        .toEqual([false, false, false])
    for (const screen of tiles)
      expect(await inkAtContent(screen, along(...line2))).toEqual([true, true, true])

    // The sharer clears the marks for everyone...
    await drawOnScreenButton(anaTile).click()
    const clear = overlayTools(anaTile).getByRole('button', {
      name: 'Clear marks for everyone',
      exact: true,
    })
    await clear.click()
    for (const screen of tiles)
      await expect
        .poll(() => inkAtContent(screen, along(...line2)), poll)
        .toEqual([false, false, false])
    await expectAccessible(ana.page, { include: '.sd-layer' })

    // ...and switches drawing on the screen off: the others' overlays close.
    const allow = anaTile.getByRole('button', {
      name: 'Let everyone draw on my screen',
      exact: true,
    })
    expect(await allow.getAttribute('aria-pressed')).toBe('true')
    await allow.click()
    await overlayTools(boTile).waitFor({ state: 'detached', timeout: WAIT_TIMEOUT })
    await drawOnScreenButton(boTile).waitFor({ state: 'detached', timeout: WAIT_TIMEOUT })
    await drawOnScreenButton(chulTile).waitFor({ state: 'detached', timeout: WAIT_TIMEOUT })
    expect(await allow.getAttribute('aria-pressed')).toBe('false')
    // Back on: Chul may draw again.
    await allow.click()
    await drawOnScreenButton(chulTile).waitFor({ timeout: WAIT_TIMEOUT })
  })
})
