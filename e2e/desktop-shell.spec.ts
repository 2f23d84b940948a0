/**
 * The desktop shell's questions and banner in real Chromium: the renderer runs as in the app,
 * with a stand-in for the preload bridge (e2e/harness/fakeDesktop.ts) playing the main process.
 * The invite-link test joins a real call through the real server over real WebRTC.
 */
import { describe, expect, it } from 'vitest'
import { expectAccessible } from './harness/a11y'
import {
  emitFromMain,
  installFakeDesktop,
  sentToMain,
  type FakeDesktopOptions,
} from './harness/fakeDesktop'
import { SPEC_TIMEOUT, WAIT_TIMEOUT } from './harness/timeouts'
import {
  expectRemoteVideosPlaying,
  expectTileLabels,
  joinButton,
  joinViaUi,
  participantsRegion,
} from './harness/ui'
import { useE2eWorld, type Participant } from './harness/world'

/** A port nothing listens on: joining through the saved server would fail. */
const SAVED_SERVER = 'http://127.0.0.1:9'

describe('desktop shell in the renderer', { timeout: SPEC_TIMEOUT }, () => {
  const world = useE2eWorld()

  /** Someone running the desktop app, in its lobby, with a saved server of their own. */
  async function desktopUser(name: string): Promise<Participant> {
    const person = await world().participant(name)
    const options: FakeDesktopOptions = {
      hostUrl: world().origin,
      savedServer: { mode: 'remote', remoteUrl: SAVED_SERVER },
    }
    await person.context.addInitScript(installFakeDesktop, options)
    await person.page.goto(`${world().origin}/?lang=en`, { waitUntil: 'domcontentloaded' })
    await joinButton(person.page).waitFor({ timeout: WAIT_TIMEOUT })
    return person
  }

  const savedServer = (person: Participant) =>
    person.page.evaluate(() =>
      (
        globalThis as unknown as { localStorage: { getItem(key: string): string | null } }
      ).localStorage.getItem('moim.server'),
    )

  it('a moim:// invite with a server asks first, shows the host, joins once, saves nothing', async () => {
    const ana = await world().join('Ana', { room: 'invited' })
    const bo = await desktopUser('Bo')
    const before = await savedServer(bo)
    const host = new URL(world().origin).host
    const link = { room: 'invited', server: world().origin }

    // Cancel: nothing happens.
    await emitFromMain(bo.page, 'deepLink', link)
    const dialog = bo.page.getByRole('dialog', { name: 'Join invited?' })
    await dialog.waitFor()
    await dialog.getByText(`${host}, named by the link`, { exact: true }).waitFor()
    await dialog.getByText(/your saved server does not change/).waitFor()
    await expectAccessible(bo.page, { include: 'dialog' })
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(await bo.page.getByRole('textbox', { name: 'Room', exact: true }).inputValue()).toBe('')
    expect(await participantsRegion(bo.page).count()).toBe(0)

    // Join: the link's server, for this call.
    await emitFromMain(bo.page, 'deepLink', link)
    await dialog.waitFor()
    await dialog.getByRole('textbox', { name: 'Your name', exact: true }).fill('Bo')
    await dialog.getByRole('button', { name: 'Join', exact: true }).click()
    await participantsRegion(bo.page).waitFor({ timeout: WAIT_TIMEOUT })
    await Promise.all([
      expectRemoteVideosPlaying(bo.page, 1),
      expectRemoteVideosPlaying(ana.page, 1),
    ])
    await expectTileLabels(ana.page, ['Ana (you)', 'Bo'])
    expect(await savedServer(bo)).toBe(before)
    expect(JSON.parse(before ?? '{}')).toEqual({ mode: 'remote', remoteUrl: SAVED_SERVER })
  })

  it('closing the window during a call asks: keep it running, or leave and close', async () => {
    const ana = await world().join('Ana', { room: 'closing' })
    const bo = await desktopUser('Bo')
    await emitFromMain(bo.page, 'deepLink', { room: 'closing', server: world().origin })
    const invite = bo.page.getByRole('dialog', { name: 'Join closing?' })
    await invite.getByRole('textbox', { name: 'Your name', exact: true }).fill('Bo')
    await invite.getByRole('button', { name: 'Join', exact: true }).click()
    await expectTileLabels(ana.page, ['Ana (you)', 'Bo'])

    const question = bo.page.getByRole('dialog', { name: 'Leave the call?' })
    await emitFromMain(bo.page, 'close', { confirm: true })
    await question.getByText('You are still in a call in closing.', { exact: false }).waitFor()
    await expectAccessible(bo.page, { include: 'dialog' })
    await question.getByRole('checkbox', { name: 'Remember my choice' }).check()
    await question.getByRole('button', { name: 'Keep the call running', exact: true }).click()
    await question.waitFor({ state: 'detached' })
    expect(await sentToMain(bo.page, 'window.respondToClose')).toEqual([
      { action: 'tray', remember: true },
    ])
    expect(await participantsRegion(bo.page).count()).toBe(1)

    await emitFromMain(bo.page, 'close', { confirm: true })
    await question.getByRole('button', { name: 'Leave and close', exact: true }).click()
    await joinButton(bo.page).waitFor({ timeout: WAIT_TIMEOUT })
    await expectTileLabels(ana.page, ['Ana (you)'])
    await expect
      .poll(() => sentToMain(bo.page, 'window.respondToClose'))
      .toEqual([
        { action: 'tray', remember: true },
        { action: 'quit', remember: false },
      ])
  })

  it('an update ready to install: the lobby offers "Restart to update"; Settings show it', async () => {
    const bo = await desktopUser('Bo')
    await emitFromMain(bo.page, 'update', { state: 'downloading', version: '9.9.9', percent: 40 })
    await bo.page.getByText('Downloading Moim 9.9.9: 40%').waitFor()
    await emitFromMain(bo.page, 'update', { state: 'ready', version: '9.9.9' })
    await bo.page
      .getByRole('status')
      .filter({ hasText: 'Moim 9.9.9 is ready to install.' })
      .waitFor()
    await bo.page.getByText('Moim 9.9.9 is ready. Restart to update.').waitFor()
    await expectAccessible(bo.page, { include: 'main' })
    await bo.page.getByRole('button', { name: 'Restart to update', exact: true }).click()
    await expect.poll(() => sentToMain(bo.page, 'updates.restartToUpdate')).toHaveLength(1)

    const closing = bo.page.getByRole('combobox', { name: 'Closing the window during a call' })
    await closing.selectOption('tray')
    await expect
      .poll(() => sentToMain(bo.page, 'preferences.set'))
      .toEqual([{ closeDuringCall: 'tray' }])
  })

  it('the web client has none of it', async () => {
    const eun = await world().participant('Eun')
    await joinViaUi(eun.page, {
      origin: world().origin,
      name: 'Eun',
      room: 'web-only',
      expectCall: false,
    })
    expect(await eun.page.getByText('Closing the window during a call').count()).toBe(0)
    expect(await eun.page.getByText('Updates', { exact: true }).count()).toBe(0)
  })
})
