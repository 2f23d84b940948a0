/**
 * Per-link adaptation in real Chromium over a link that really is narrow: Chul's connections may
 * only use TURN (the web client's `?debug-ice-relay-only=1`), through a coturn that lets each
 * allocation carry 8,000 bytes per second each way (64 kbps): room for a voice, not for any
 * camera picture. Ana's and Bo's cameras to Chul step down to paused and Chul's tiles say so,
 * while Ana and Bo, directly connected, keep sending each other video; audio reaches Chul.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible } from './harness/a11y'
import { expectRemoteAudioFlowing } from './harness/audio'
import { startCoturn, type Coturn } from './harness/coturn'
import { installPeerConnectionRegistry } from './harness/peerConnections'
import { installQualityProbes, joinWithQualityProbes, steppedLinks } from './harness/quality'
import type { TestServerConfig } from './harness/server'
import { SPEC_TIMEOUT, WAIT_TIMEOUT } from './harness/timeouts'
import {
  expectPlaying,
  expectRemoteVideosPlaying,
  fillLobby,
  joinButton,
  participantsRegion,
  tile,
} from './harness/ui'
import { useE2eWorld } from './harness/world'

/** Bytes per second per allocation and direction: a voice fits, a camera does not. */
const RELAY_BYTES_PER_SECOND = 8_000
/** Warm-up, then two bad readings per rung down to paused, 2 s apart: about half a minute. */
const ADAPT_TIMEOUT = WAIT_TIMEOUT * 3

describe('per-link camera adaptation over a narrow relayed link', { timeout: SPEC_TIMEOUT }, () => {
  let coturn: Coturn | undefined
  // Filled in before the world's server starts (hooks run in the order they are registered).
  const serverConfig: TestServerConfig = {}
  beforeAll(async () => {
    coturn = await startCoturn(RELAY_BYTES_PER_SECOND)
    Object.assign(serverConfig, {
      turnUrls: [coturn.url],
      turnSecret: coturn.secret,
      turnTtlSeconds: 3_600,
    })
  })
  const world = useE2eWorld(serverConfig)
  afterAll(async () => {
    await coturn?.stop()
  })

  it('pauses only the cameras sent over the narrow link, says so on its tiles, keeps audio', async () => {
    const room = 'quality-narrow'
    const ana = await joinWithQualityProbes(world(), 'Ana', { room })
    const bo = await joinWithQualityProbes(world(), 'Bo', { room })
    await Promise.all([ana, bo].map((p) => expectRemoteVideosPlaying(p.page, 1)))

    const chul = await world().participant('Chul')
    await chul.context.addInitScript(installPeerConnectionRegistry)
    await chul.context.addInitScript(installQualityProbes)
    await chul.page.goto(`${world().origin}/?room=${room}&lang=en&debug-ice-relay-only=1`, {
      waitUntil: 'domcontentloaded',
    })
    await fillLobby(chul.page, { name: 'Chul', room })
    await joinButton(chul.page).click()
    await participantsRegion(chul.page).waitFor({ timeout: WAIT_TIMEOUT })

    const pausedNotice = (viewer: typeof ana, sender: string) =>
      tile(viewer.page, sender).getByText('Video paused (poor connection)', { exact: true })
    await Promise.all([
      pausedNotice(chul, 'Ana').waitFor({ timeout: ADAPT_TIMEOUT }),
      pausedNotice(chul, 'Bo').waitFor({ timeout: ADAPT_TIMEOUT }),
    ])
    // The link between Ana and Bo is untouched: still video, no notice.
    await expectPlaying(ana.page, { labels: ['Bo'] })
    await expectPlaying(bo.page, { labels: ['Ana'] })
    expect(await pausedNotice(bo, 'Ana').count()).toBe(0)
    expect(await pausedNotice(ana, 'Bo').count()).toBe(0)
    expect(await steppedLinks(ana.page)).toBeGreaterThanOrEqual(1)
    // Voices still reach Chul over the narrow links.
    await expectRemoteAudioFlowing(chul.page, 2)
    await expectAccessible(chul.page)
  })
})
