import { describe, expect, it } from 'vitest'
import { expectAccessible } from './harness/a11y'
import { SPEC_TIMEOUT } from './harness/timeouts'
import { useE2eWorld } from './harness/world'
import { expectRemoteVideosPlaying, WAIT_TIMEOUT } from './harness/ui'
import {
  boardCanvas,
  boardTools,
  drawLine,
  inkAt,
  inkCells,
  inkGrid,
  openBoard,
} from './harness/whiteboard'

const poll = { timeout: WAIT_TIMEOUT, interval: 100 }

describe('shared whiteboard', { timeout: SPEC_TIMEOUT }, () => {
  const world = useE2eWorld()

  it('a stroke drawn with the mouse shows on the others’ canvases; a late joiner sees the drawing', async () => {
    const room = { room: 'wb-draw' }
    const ana = await world().join('Ana', room)
    const bo = await world().join('Bo', room)
    const chul = await world().join('Chul', room)
    await Promise.all([ana, bo, chul].map((p) => expectRemoteVideosPlaying(p.page, 2)))
    await Promise.all([ana, bo, chul].map((p) => openBoard(p.page)))
    await expectAccessible(ana.page, { include: '.wb-stage' })

    await drawLine(ana.page, [0.2, 0.3], [0.7, 0.6])
    const drawn = await inkGrid(ana.page)
    // Ink along the line (its ends are rounded off by the smoothing), none away from it.
    for (const t of [0.1, 0.5, 0.9]) expect(inkAt(drawn, 0.2 + t * 0.5, 0.3 + t * 0.3)).toBe(true)
    expect(inkAt(drawn, 0.9, 0.1)).toBe(false)
    expect(inkAt(drawn, 0.2, 0.8)).toBe(false)
    for (const person of [bo, chul]) await expect.poll(() => inkGrid(person.page), poll).toBe(drawn)

    const dana = await world().join('Dana', room)
    await openBoard(dana.page)
    await expect.poll(() => inkGrid(dana.page), poll).toBe(drawn)
    // Dana converges with what is drawn after she arrived too.
    await drawLine(bo.page, [0.1, 0.8], [0.5, 0.85])
    const both = await inkGrid(bo.page)
    expect(inkCells(both)).toBeGreaterThan(inkCells(drawn))
    for (const person of [ana, chul, dana])
      await expect.poll(() => inkGrid(person.page), poll).toBe(both)

    // A smaller window keeps the picture (drawn again at that size); back at the first size it
    // is the same picture as before.
    await dana.page.setViewportSize({ width: 700, height: 520 })
    for (const t of [0.25, 0.5, 0.75])
      await expect
        .poll(async () => inkAt(await inkGrid(dana.page), 0.2 + t * 0.5, 0.3 + t * 0.3), poll)
        .toBe(true)
    await dana.page.setViewportSize({ width: 960, height: 640 })
    await expect.poll(() => inkGrid(dana.page), poll).toBe(both)
  })

  it('undo removes only one’s own strokes, everywhere; clear is confirmed; fill floods alike everywhere', async () => {
    const room = { room: 'wb-undo' }
    const ana = await world().join('Ana', room)
    const bo = await world().join('Bo', room)
    const chul = await world().join('Chul', room)
    await Promise.all([ana, bo, chul].map((p) => expectRemoteVideosPlaying(p.page, 2)))
    await Promise.all([ana, bo, chul].map((p) => openBoard(p.page)))

    await drawLine(ana.page, [0.1, 0.225], [0.4, 0.225])
    await expect.poll(async () => inkAt(await inkGrid(bo.page), 0.25, 0.225), poll).toBe(true)
    // Rows of the ink grid are 1/20 of the board: lines run inside one, not along a border.
    await drawLine(bo.page, [0.6, 0.725], [0.9, 0.725])
    const both = await inkGrid(bo.page)
    for (const person of [ana, chul]) await expect.poll(() => inkGrid(person.page), poll).toBe(both)

    // Chul drew nothing: nothing of his to undo.
    const undo = (page: typeof ana.page) =>
      boardTools(page).getByRole('button', { name: 'Undo my last drawing', exact: true })
    expect(await undo(chul.page).isDisabled()).toBe(true)
    // Ana undoes with the keyboard: her stroke goes, Bo's (drawn after it) stays, at every peer.
    await boardCanvas(ana.page).hover()
    await ana.page.keyboard.press('Control+z')
    for (const person of [ana, bo, chul]) {
      await expect
        .poll(async () => inkAt(await inkGrid(person.page), 0.25, 0.225), poll)
        .toBe(false)
      expect(inkAt(await inkGrid(person.page), 0.75, 0.725)).toBe(true)
    }
    await ana.page.keyboard.press('Control+Shift+z')
    for (const person of [ana, bo, chul])
      await expect.poll(() => inkGrid(person.page), poll).toBe(both)

    // Clearing asks first; Cancel keeps everything.
    const clear = boardTools(chul.page).getByRole('button', { name: 'Clear board', exact: true })
    await clear.click()
    const dialog = chul.page.getByRole('dialog', { name: 'Clear the board for everyone?' })
    await dialog.waitFor()
    await expectAccessible(chul.page, { include: 'dialog' })
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect(await inkGrid(chul.page)).toBe(both)
    await clear.click()
    await dialog.getByRole('button', { name: 'Clear board', exact: true }).click()
    for (const person of [ana, bo, chul])
      await expect.poll(async () => inkCells(await inkGrid(person.page)), poll).toBe(0)
    // Only Chul can bring it back: his undo undoes his clear.
    expect(await undo(ana.page).isDisabled()).toBe(true)
    await undo(chul.page).click()
    for (const person of [ana, bo, chul])
      await expect.poll(() => inkGrid(person.page), poll).toBe(both)

    // The fill bucket on the empty board floods all of it, the same way at every peer.
    await boardTools(bo.page).getByRole('radio', { name: 'Fill', exact: true }).check()
    await boardTools(bo.page).getByRole('radio', { name: 'Red', exact: true }).check()
    const box = (await boardCanvas(bo.page).boundingBox())!
    await bo.page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.4)
    for (const person of [ana, bo, chul])
      await expect.poll(async () => inkCells(await inkGrid(person.page)), poll).toBe(32 * 20)
  })
})
