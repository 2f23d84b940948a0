import { describe, expect, it } from 'vitest'
import {
  armGlare,
  glareCollisions,
  installGlareGate,
  offersIn,
  ownPeerId,
  releaseGlare,
  waitForOfferIn,
  waitForHeldOffers,
} from './harness/glare'
import { allStable, joinWithScripts } from './harness/peerConnections'
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
      const join = (name: string) => joinWithScripts(world(), name, { room }, [installGlareGate])
      const people = [await join('Ana'), await join('Bo'), await join('Chul')]
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

    it('two people share at once: their offers collide, the glare resolves and the third sees both screens play', async () => {
      const people = await roomOfThree('share-two')
      const [ana, bo, chul] = people

      // Each sharer's offers (to the other sharer and to Chul) are held until both have made
      // them, so Ana's and Bo's offers to each other cross on the wire.
      await Promise.all([armGlare(ana.page), armGlare(bo.page)])
      await Promise.all([
        callControl(ana.page, 'Share screen').click(),
        callControl(bo.page, 'Share screen').click(),
      ])
      await Promise.all([waitForHeldOffers(ana.page, 2), waitForHeldOffers(bo.page, 2)])
      // The polite side (the greater id) goes first; its offer reaches the impolite side while
      // that side's own offer is still being made, its connection still "stable".
      const [anaId, boId] = [await ownPeerId(ana.page), await ownPeerId(bo.page)]
      const [polite, impolite] = anaId > boId ? [ana, bo] : [bo, ana]
      const before = await offersIn(impolite.page)
      await releaseGlare(polite.page)
      await waitForOfferIn(impolite.page, before)
      await releaseGlare(impolite.page)
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
      const collisions = (await glareCollisions(ana.page)) + (await glareCollisions(bo.page))
      expect(collisions).toBeGreaterThan(0)
      for (const person of people) expect(await allStable(person.page)).toBe(true)
    })
  },
)
