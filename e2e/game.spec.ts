import { describe, expect, it } from 'vitest'
import { expectAccessible } from './harness/a11y'
import {
  chooseFirstWord,
  gameLog,
  gameStage,
  guess,
  podium,
  settingsDialog,
  startGame,
} from './harness/game'
import { SPEC_TIMEOUT } from './harness/timeouts'
import { callControl, expectRemoteVideosPlaying, WAIT_TIMEOUT } from './harness/ui'
import { boardCanvas, drawLine, inkGrid } from './harness/whiteboard'
import { useE2eWorld } from './harness/world'

describe('draw-and-guess', { timeout: SPEC_TIMEOUT }, () => {
  const world = useE2eWorld()

  it('three players play one round to the podium', async () => {
    const room = { room: 'game-round' }
    const ana = await world().join('Ana', room)
    const bo = await world().join('Bo', room)
    const chul = await world().join('Chul', room)
    const players = [ana, bo, chul]
    await Promise.all(players.map((p) => expectRemoteVideosPlaying(p.page, 2)))

    // Only the host may start a game.
    expect(await callControl(bo.page, 'Draw & guess').isDisabled()).toBe(true)
    await callControl(ana.page, 'Draw & guess').click()
    await settingsDialog(ana.page).waitFor({ timeout: WAIT_TIMEOUT })
    await expectAccessible(ana.page, { include: '.game-settings' })
    await settingsDialog(ana.page).getByRole('button', { name: 'Cancel', exact: true }).click()
    await startGame(ana.page, { rounds: 1 })
    await Promise.all(players.map((p) => gameStage(p.page).waitFor({ timeout: WAIT_TIMEOUT })))

    // The host draws first, then everyone in the order they joined.
    for (const [turn, drawer] of players.entries()) {
      const guessers = players.filter((p) => p !== drawer)
      if (turn === 0) await expectAccessible(drawer.page, { include: '.game-stage' })
      const word = await chooseFirstWord(drawer.page)
      await boardCanvas(drawer.page).waitFor({ timeout: WAIT_TIMEOUT })
      await drawLine(drawer.page, [0.2, 0.3], [0.75, 0.65])
      for (const g of guessers) {
        await expect.poll(() => inkGrid(g.page), { timeout: WAIT_TIMEOUT }).toContain('#')
        // Guessers see the masked word, never the word itself, until the reveal.
        expect((await gameStage(g.page).textContent()) ?? '').not.toContain(word)
      }
      if (turn === 0) await expectAccessible(guessers[0].page, { include: '.game-stage' })

      // A wrong guess is a chat line for everyone; then both guess right and the turn ends.
      // (The lines stay for the whole game, so each turn's wrong guess is its own.)
      const wrong = `zzqx${turn}`
      await guess(guessers[0].page, wrong)
      await gameLog(drawer.page)
        .getByText(wrong, { exact: true })
        .waitFor({ timeout: WAIT_TIMEOUT })
      const announced = gameLog(guessers[1].page).getByText(`${guessers[0].name} guessed the word!`)
      const before = await announced.count()
      await guess(guessers[0].page, word)
      await expect.poll(() => announced.count(), { timeout: WAIT_TIMEOUT }).toBe(before + 1)
      await guess(guessers[1].page, word.toUpperCase())
      await Promise.all(
        players.map((p) =>
          gameStage(p.page).getByText(`The word was “${word}”`).waitFor({ timeout: WAIT_TIMEOUT }),
        ),
      )
    }

    await Promise.all(players.map((p) => podium(p.page).waitFor({ timeout: WAIT_TIMEOUT })))
    await expectAccessible(bo.page, { include: '.game-stage' })
    // All three on the podium; the host closes it for everyone.
    const places = await podium(ana.page).locator('.game-rank').allTextContents()
    expect(places).toHaveLength(3)
    await podium(ana.page).getByRole('button', { name: 'Close', exact: true }).click()
    await Promise.all(
      players.map((p) => gameStage(p.page).waitFor({ state: 'detached', timeout: WAIT_TIMEOUT })),
    )
  })
})
