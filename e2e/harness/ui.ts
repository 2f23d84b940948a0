import type { Locator, Page } from 'playwright-core'
import type { ProbeWindow, TileProbe } from './probes'
import { WAIT_TIMEOUT } from './timeouts'

export { WAIT_TIMEOUT }

export interface LobbyForm {
  name: string
  room: string
  password?: string
  /** Room size, 2..12; only counts when this join creates the room. */
  capacity?: number
}

export interface JoinOptions extends LobbyForm {
  origin: string
  /** Wait for the call screen after clicking Join (default true). */
  expectCall?: boolean
}

export async function openLobby(page: Page, origin: string, room: string): Promise<void> {
  await page.goto(`${origin}/?room=${encodeURIComponent(room)}&lang=en`, {
    waitUntil: 'domcontentloaded',
    timeout: WAIT_TIMEOUT,
  })
  await page.getByRole('heading', { name: 'Moim', exact: true }).waitFor({ timeout: WAIT_TIMEOUT })
}

export async function fillLobby(page: Page, form: LobbyForm): Promise<void> {
  await page.getByRole('textbox', { name: 'Your name', exact: true }).fill(form.name)
  await page.getByRole('textbox', { name: 'Room', exact: true }).fill(form.room)
  if (form.password !== undefined) await page.getByLabel(/^Password/).fill(form.password)
  if (form.capacity !== undefined) {
    await page
      .getByRole('combobox', { name: 'Room size', exact: true })
      .selectOption(String(form.capacity))
  }
}

export function joinButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Join', exact: true })
}

export function participantsRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Participants', exact: true })
}

/** Opens the lobby from an invite-style link, fills it by label and clicks Join. */
export async function joinViaUi(page: Page, options: JoinOptions): Promise<void> {
  await openLobby(page, options.origin, options.room)
  await fillLobby(page, options)
  await joinButton(page).click()
  if (options.expectCall !== false)
    await participantsRegion(page).waitFor({ timeout: WAIT_TIMEOUT })
}

/** A button in the in-call toolbar, by its exact accessible name. */
export function callControl(page: Page, name: string): Locator {
  return page
    .getByRole('toolbar', { name: 'Call controls', exact: true })
    .getByRole('button', { name, exact: true })
}

export async function leaveViaUi(page: Page): Promise<void> {
  await callControl(page, 'Leave call').click()
  await joinButton(page).waitFor({ timeout: WAIT_TIMEOUT })
}

export function tile(page: Page, label: string): Locator {
  return participantsRegion(page).getByRole('figure', { name: label, exact: true })
}

export async function expectIndicator(
  page: Page,
  tileLabel: string,
  indicator: string,
): Promise<void> {
  await tile(page, tileLabel)
    .getByRole('img', { name: indicator, exact: true })
    .waitFor({ state: 'visible', timeout: WAIT_TIMEOUT })
}

export async function expectNoIndicator(
  page: Page,
  tileLabel: string,
  indicator: string,
): Promise<void> {
  await tile(page, tileLabel)
    .getByRole('img', { name: indicator, exact: true })
    .waitFor({ state: 'detached', timeout: WAIT_TIMEOUT })
}

/** Waits for an alert whose text matches, e.g. /full/i. */
export async function expectAlert(page: Page, text: RegExp): Promise<string> {
  const alert = page.getByRole('alert').filter({ hasText: text })
  await alert.first().waitFor({ timeout: WAIT_TIMEOUT })
  return (await alert.first().textContent()) ?? ''
}

export async function readTiles(page: Page): Promise<TileProbe[]> {
  return page.evaluate(() => (globalThis as unknown as ProbeWindow).__moimTiles())
}

async function waitInPage<Arg, Result>(
  page: Page,
  what: string,
  predicate: (arg: Arg) => Result,
  arg: Arg,
  timeout: number,
): Promise<Result> {
  try {
    // Args here are plain JSON, which Playwright passes through unchanged (Unboxed<Arg> = Arg).
    const inPage = predicate as unknown as (value: unknown) => Result
    const handle = await page.waitForFunction(inPage, arg as unknown, { timeout, polling: 50 })
    return (await handle.jsonValue()) as Result
  } catch (error) {
    const tiles = page.isClosed()
      ? 'page closed'
      : JSON.stringify(await readTiles(page).catch(() => []))
    throw new Error(`Gave up waiting for ${what}. Tiles now: ${tiles}`, { cause: error })
  }
}

/** Which tiles must be playing: every remote camera tile (exactly `count` of them) or named tiles. */
type PlayingSelection = { remoteCameras: number } | { labels: string[] }

/**
 * Waits until the selected tiles' videos decode frames (videoWidth > 0) and then keep
 * advancing (currentTime grows past what it was once frames first appeared).
 */
export async function expectPlaying(
  page: Page,
  selection: PlayingSelection,
  timeout = WAIT_TIMEOUT,
): Promise<void> {
  const what =
    'remoteCameras' in selection
      ? `${selection.remoteCameras} remote camera videos playing`
      : `videos of ${selection.labels.join(', ')} playing`
  const firstFrames = await waitInPage(
    page,
    what,
    (sel: PlayingSelection) => {
      const all = (globalThis as unknown as ProbeWindow).__moimTiles()
      const chosen =
        'remoteCameras' in sel
          ? all.filter((t) => !t.self && !t.screen)
          : all.filter((t) => sel.labels.includes(t.label))
      const expected = 'remoteCameras' in sel ? sel.remoteCameras : sel.labels.length
      if (chosen.length !== expected || !chosen.every((t) => t.videoWidth > 0)) return null
      return chosen.map((t) => ({ label: t.label, time: t.currentTime }))
    },
    selection,
    timeout,
  )
  await waitInPage(
    page,
    `${what} (advancing)`,
    (before: { label: string; time: number }[]) => {
      const all = (globalThis as unknown as ProbeWindow).__moimTiles()
      return before.every((b) => {
        const now = all.find((t) => t.label === b.label)
        return now !== undefined && now.videoWidth > 0 && now.currentTime > b.time
      })
    },
    firstFrames ?? [],
    timeout,
  )
}

export function expectRemoteVideosPlaying(
  page: Page,
  count: number,
  timeout = WAIT_TIMEOUT,
): Promise<void> {
  return expectPlaying(page, { remoteCameras: count }, timeout)
}

/** Waits until the grid holds exactly these tiles (any order). */
export async function expectTileLabels(
  page: Page,
  labels: string[],
  timeout = WAIT_TIMEOUT,
): Promise<void> {
  const wanted = [...labels].sort()
  await waitInPage(
    page,
    `exactly the tiles ${JSON.stringify(wanted)}`,
    (expected: string[]) => {
      const now = (globalThis as unknown as ProbeWindow)
        .__moimTiles()
        .map((t) => t.label)
        .sort()
      return now.length === expected.length && now.every((label, i) => label === expected[i])
    },
    wanted,
    timeout,
  )
}
