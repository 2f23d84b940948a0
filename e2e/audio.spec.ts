import { describe, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectAccessible } from './harness/a11y'
import { SPEC_TIMEOUT, WAIT_TIMEOUT } from './harness/timeouts'
import {
  callControl,
  expectIndicator,
  expectNoIndicator,
  expectRemoteVideosPlaying,
  openLobby,
} from './harness/ui'
import { useE2eWorld } from './harness/world'

/** The call's microphone status line (a live region), when it says this. */
function micStatus(page: Page, text: string) {
  return page.getByRole('status').filter({ hasText: text })
}

describe('audio controls through the web client', { timeout: SPEC_TIMEOUT }, () => {
  const world = useE2eWorld()

  it('speaking into a muted microphone shows "You’re muted"; unmuting hides it', async () => {
    const room = { room: 'muted-hint' }
    const ana = await world().join('Ana', room)
    const bo = await world().join('Bo', room)
    await expectRemoteVideosPlaying(ana.page, 1)

    await callControl(ana.page, 'Mute microphone').click()
    await expectIndicator(bo.page, 'Ana', 'Microphone muted')
    // Chromium's fake microphone beeps: that is the user talking while muted.
    await micStatus(ana.page, 'You’re muted').waitFor({ timeout: WAIT_TIMEOUT })
    await expectAccessible(ana.page)

    await callControl(ana.page, 'Unmute microphone').click()
    await micStatus(ana.page, 'You’re muted').waitFor({ state: 'detached', timeout: WAIT_TIMEOUT })
    await expectNoIndicator(bo.page, 'Ana', 'Microphone muted')
  })

  it('push-to-talk: turned on in the Devices dialog, Space held opens the microphone, released mutes', async () => {
    const room = { room: 'push-to-talk' }
    const ana = await world().join('Ana', room)
    const bo = await world().join('Bo', room)
    await expectRemoteVideosPlaying(bo.page, 1)

    await callControl(ana.page, 'Devices').click()
    const dialog = ana.page.getByRole('dialog', { name: 'Devices' })
    await dialog.waitFor()
    await expectAccessible(ana.page, { include: 'dialog[open]' })
    await dialog.getByRole('checkbox', { name: 'Push to talk' }).check()
    await dialog.getByRole('button', { name: 'Done' }).click()
    await dialog.waitFor({ state: 'hidden' })

    await expectIndicator(bo.page, 'Ana', 'Microphone muted')
    await micStatus(ana.page, 'hold Space to talk').waitFor()

    await ana.page.keyboard.down('Space')
    await micStatus(ana.page, 'Talking').waitFor()
    await expectNoIndicator(bo.page, 'Ana', 'Microphone muted')

    await ana.page.keyboard.up('Space')
    await expectIndicator(bo.page, 'Ana', 'Microphone muted')
    await micStatus(ana.page, 'hold Space to talk').waitFor()
  })

  it('the lobby offers the speaker and the microphone processing, and remembers them', async () => {
    const ana = await world().participant('Ana')
    await openLobby(ana.page, world().origin, 'settings')
    await ana.page.getByRole('combobox', { name: 'Speaker' }).waitFor()
    const echo = ana.page.getByRole('checkbox', { name: 'Echo cancellation' })
    await echo.uncheck()
    // The microphone is reopened with the new constraint: Chromium reports it on the track.
    await ana.page.waitForFunction(() => {
      interface Track {
        getSettings: () => { echoCancellation?: boolean }
      }
      const video = (
        globalThis as unknown as {
          document: {
            querySelector: (s: string) => {
              srcObject: { getAudioTracks: () => Track[] } | null
            } | null
          }
        }
      ).document.querySelector('video')
      const track = video?.srcObject?.getAudioTracks()[0]
      return track?.getSettings().echoCancellation === false
    })
    await expectAccessible(ana.page)

    await ana.page.reload()
    await ana.page.getByRole('checkbox', { name: 'Noise suppression' }).waitFor()
    if (await echo.isChecked()) throw new Error('echo cancellation was not remembered')
  })
})
