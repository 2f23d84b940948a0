import { describe, it } from 'vitest'
import type { Participant } from './harness/world'
import { SPEC_TIMEOUT } from './harness/timeouts'
import { useE2eWorld } from './harness/world'
import {
  callControl,
  expectPlaying,
  expectRemoteVideosPlaying,
  expectTileLabels,
} from './harness/ui'

/** Camera tiles as a participant sees them: self first, then everyone else by name. */
function cameraTiles(viewer: Participant, everyone: Participant[]): string[] {
  return everyone.map((p) => (p === viewer ? `${p.name} (you)` : p.name))
}

describe(
  'screen sharing through the web client (browser picker)',
  { timeout: SPEC_TIMEOUT },
  () => {
    const world = useE2eWorld()

    async function roomOfThree(room: string): Promise<Participant[]> {
      const people = [
        await world().join('Ana', { room }),
        await world().join('Bo', { room }),
        await world().join('Chul', { room }),
      ]
      await Promise.all(people.map((p) => expectRemoteVideosPlaying(p.page, 2)))
      return people
    }

    it('a shared screen is a new playing tile for everyone, next to the camera, and goes away on stop', async () => {
      const people = await roomOfThree('share-one')
      const [ana, bo, chul] = people

      await callControl(ana.page, 'Share screen').click()
      await callControl(ana.page, 'Stop sharing').waitFor()
      await Promise.all(
        [bo, chul].map(async (viewer) => {
          await expectTileLabels(viewer.page, [
            ...cameraTiles(viewer, people),
            'Screen shared by Ana',
          ])
          await expectPlaying(viewer.page, { labels: ['Screen shared by Ana', 'Ana'] })
        }),
      )
      await expectTileLabels(ana.page, [...cameraTiles(ana, people), 'Screen shared by you'])

      await callControl(ana.page, 'Stop sharing').click()
      await callControl(ana.page, 'Share screen').waitFor()
      await Promise.all(
        people.map((viewer) => expectTileLabels(viewer.page, cameraTiles(viewer, people))),
      )
      await Promise.all(people.map((p) => expectRemoteVideosPlaying(p.page, 2)))
    })

    it('two people share at once and the third sees both screens play', async () => {
      const people = await roomOfThree('share-two')
      const [ana, bo, chul] = people

      await Promise.all([
        callControl(ana.page, 'Share screen').click(),
        callControl(bo.page, 'Share screen').click(),
      ])
      await expectTileLabels(chul.page, [
        ...cameraTiles(chul, people),
        'Screen shared by Ana',
        'Screen shared by Bo',
      ])
      await expectPlaying(chul.page, { labels: ['Screen shared by Ana', 'Screen shared by Bo'] })
      await Promise.all([
        expectPlaying(ana.page, { labels: ['Screen shared by Bo'] }),
        expectPlaying(bo.page, { labels: ['Screen shared by Ana'] }),
      ])
    })
  },
)
