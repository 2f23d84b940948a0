/** Draw-and-guess helpers: the settings dialog, the stage and its parts, found by role and name. */
import type { Locator, Page } from 'playwright-core'
import { callControl, WAIT_TIMEOUT } from './ui'

export function gameStage(page: Page): Locator {
  return page.getByRole('region', { name: 'Draw & guess', exact: true })
}

export function settingsDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'New draw-and-guess game', exact: true })
}

/** The host opens the settings, picks the given rounds and starts; waits until the stage shows. */
export async function startGame(page: Page, options: { rounds: number }): Promise<void> {
  await callControl(page, 'Draw & guess').click()
  const dialog = settingsDialog(page)
  await dialog.waitFor({ timeout: WAIT_TIMEOUT })
  await dialog
    .getByRole('combobox', { name: 'Rounds', exact: true })
    .selectOption(String(options.rounds))
  await dialog.getByRole('button', { name: 'Start game', exact: true }).click()
  await gameStage(page).waitFor({ timeout: WAIT_TIMEOUT })
}

export function wordChoices(page: Page): Locator {
  return page.getByRole('group', { name: 'Choose a word to draw', exact: true })
}

/** The drawer picks the first offered word; resolves with the word as the drawer's HUD shows it. */
export async function chooseFirstWord(page: Page): Promise<string> {
  const first = wordChoices(page).getByRole('button').first()
  await first.waitFor({ timeout: WAIT_TIMEOUT })
  await first.click()
  const secret = gameStage(page).locator('.game-word.is-secret')
  await secret.waitFor({ timeout: WAIT_TIMEOUT })
  const text = (await secret.textContent()) ?? ''
  const word = text.replace(/^Draw:\s*/, '').trim()
  if (!word) throw new Error(`no word in the drawer's HUD: "${text}"`)
  return word
}

export function guessBox(page: Page): Locator {
  return gameStage(page).getByRole('textbox', { name: 'Your guess', exact: true })
}

export async function guess(page: Page, text: string): Promise<void> {
  const box = guessBox(page)
  await box.and(page.locator(':enabled')).waitFor({ timeout: WAIT_TIMEOUT })
  await box.fill(text)
  await box.press('Enter')
}

export function gameLog(page: Page): Locator {
  return gameStage(page).getByRole('log', { name: 'Guesses', exact: true })
}

export function podium(page: Page): Locator {
  return gameStage(page).getByRole('region', { name: 'Game over', exact: true })
}
