import { describe, expect, it } from 'vitest'
import { expectAccessible } from './harness/a11y'
import { expectRemoteAudioFlowing, joinListening } from './harness/audio'
import { SPEC_TIMEOUT } from './harness/timeouts'
import { useE2eWorld } from './harness/world'
import {
  callControl,
  expectAlert,
  expectIndicator,
  expectNoIndicator,
  expectPlaying,
  expectRemoteVideosPlaying,
  expectTileLabels,
  joinButton,
  joinViaUi,
  leaveViaUi,
  participantsRegion,
} from './harness/ui'

describe('mesh video call through the web client', { timeout: SPEC_TIMEOUT }, () => {
  const world = useE2eWorld()

  it('three people see and hear each other; a leaver disappears; a latecomer connects to all', async () => {
    const room = { room: 'mesh-lifecycle' }
    const ana = await joinListening(world(), 'Ana', room)
    const bo = await joinListening(world(), 'Bo', room)
    const chul = await joinListening(world(), 'Chul', room)

    await Promise.all([ana, bo, chul].map((p) => expectRemoteVideosPlaying(p.page, 2)))
    await Promise.all([ana, bo, chul].map((p) => expectRemoteAudioFlowing(p.page, 2)))
    await expectTileLabels(ana.page, ['Ana (you)', 'Bo', 'Chul'])
    await expectAccessible(ana.page)

    await leaveViaUi(chul.page)
    await Promise.all([
      expectTileLabels(ana.page, ['Ana (you)', 'Bo']),
      expectTileLabels(bo.page, ['Bo (you)', 'Ana']),
    ])

    const dana = await joinListening(world(), 'Dana', room)
    await Promise.all([ana, bo, dana].map((p) => expectRemoteVideosPlaying(p.page, 2)))
    await expectRemoteAudioFlowing(dana.page, 2)
    await Promise.all([
      expectTileLabels(dana.page, ['Dana (you)', 'Ana', 'Bo']),
      expectTileLabels(ana.page, ['Ana (you)', 'Bo', 'Dana']),
      expectTileLabels(bo.page, ['Bo (you)', 'Ana', 'Dana']),
    ])
  })

  it('someone with no camera and no microphone joins, sees the others, and shows as camera off', async () => {
    const room = { room: 'no-devices' }
    const ana = await world().join('Ana', room)
    const bo = await world().join('Bo', room)
    const eun = await world().join('Eun', room, { noDevices: true })

    await expectRemoteVideosPlaying(eun.page, 2)
    await Promise.all(
      [
        [ana, bo],
        [bo, ana],
      ].map(async ([viewer, other]) => {
        await expectTileLabels(viewer.page, [`${viewer.name} (you)`, other.name, 'Eun'])
        await expectIndicator(viewer.page, 'Eun', 'Camera off')
        await expectPlaying(viewer.page, { labels: [other.name] })
      }),
    )
  })

  it('microphone and camera state show on the others’ view of the tile', async () => {
    const room = { room: 'indicators' }
    const ana = await world().join('Ana', room)
    const bo = await world().join('Bo', room)
    await expectRemoteVideosPlaying(bo.page, 1)

    await callControl(ana.page, 'Mute microphone').click()
    await callControl(ana.page, 'Unmute microphone').waitFor()
    await expectIndicator(bo.page, 'Ana', 'Microphone muted')

    await callControl(ana.page, 'Unmute microphone').click()
    await expectNoIndicator(bo.page, 'Ana', 'Microphone muted')

    await callControl(ana.page, 'Turn off camera').click()
    await callControl(ana.page, 'Turn on camera').waitFor()
    await expectIndicator(bo.page, 'Ana', 'Camera off')

    await callControl(ana.page, 'Turn on camera').click()
    await expectNoIndicator(bo.page, 'Ana', 'Camera off')
    await expectRemoteVideosPlaying(bo.page, 1)
  })

  it('a room of two refuses a third with "full" before the call screen', async () => {
    const room = { room: 'pair', capacity: 2 }
    await world().join('Ana', room)
    await world().join('Bo', room)

    const third = await world().participant('Chul')
    await joinViaUi(third.page, {
      origin: world().origin,
      name: 'Chul',
      ...room,
      expectCall: false,
    })
    expect(await expectAlert(third.page, /full/i)).toMatch(/2 of 2/)
    expect(await participantsRegion(third.page).count()).toBe(0)
    expect(await joinButton(third.page).isVisible()).toBe(true)
    await expectAccessible(third.page)
  })

  it('a wrong password is refused and the right one lets you in', async () => {
    const room = 'locked'
    await world().join('Ana', { room, password: 'open sesame' })

    const bo = await world().participant('Bo')
    await joinViaUi(bo.page, {
      origin: world().origin,
      name: 'Bo',
      room,
      password: 'guess',
      expectCall: false,
    })
    await expectAlert(bo.page, /wrong password/i)
    expect(await participantsRegion(bo.page).count()).toBe(0)

    await joinViaUi(bo.page, { origin: world().origin, name: 'Bo', room, password: 'open sesame' })
    await expectRemoteVideosPlaying(bo.page, 1)
  })
})
