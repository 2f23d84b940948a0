/**
 * TURN end to end: coturn (use-auth-secret) on loopback, the signaling server handing out
 * TURN REST credentials, and the app itself in real Chromium, opened with the web client's
 * debug switch `?debug-ice-relay-only=1` (rtc/debugIcePolicy.ts) so its peer connections may
 * only use relayed candidates. With valid credentials the call connects through the relay and
 * video and audio play; with expired ones the allocation is refused and no connection forms.
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../signaling-server/start'
import { expectRemoteAudioFlowing } from './harness/audio'
import { launchBrowser, newParticipant } from './harness/browser'
import { startCoturn, type Coturn } from './harness/coturn'
import { iceSummaries, installPeerConnectionRegistry } from './harness/peerConnections'
import { installProbes } from './harness/probes'
import { WEB_ROOT } from './harness/server'
import { WAIT_TIMEOUT } from './harness/timeouts'
import { expectRemoteVideosPlaying, fillLobby, joinButton, participantsRegion } from './harness/ui'

describe('TURN relay (coturn use-auth-secret on loopback), the app relay-only', () => {
  let coturn: Coturn
  let browser: Browser
  const servers: RunningServer[] = []
  const pages: Page[] = []

  beforeAll(async () => {
    if (!existsSync(resolve(WEB_ROOT, 'index.html')))
      throw new Error(`No web client in ${WEB_ROOT}: run "npm run test:e2e" (it builds first).`)
    coturn = await startCoturn()
    browser = await launchBrowser()
  })
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.context().close()))
  })
  afterAll(async () => {
    await browser?.close()
    await Promise.all(servers.map((s) => s.close()))
    await coturn?.stop()
  })

  async function signalingServer(turnTtlSeconds: number): Promise<RunningServer> {
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      webRoot: WEB_ROOT,
      logLevel: 'silent',
      stunUrls: [],
      turnUrls: [coturn.url],
      turnSecret: coturn.secret,
      turnTtlSeconds,
      secret: randomBytes(24).toString('hex'),
    })
    servers.push(server)
    return server
  }

  /** Opens the app relay-only and joins through the lobby. */
  async function joinRelayOnly(server: RunningServer, room: string, name: string): Promise<Page> {
    const { context, page } = await newParticipant(browser, server.url)
    await context.addInitScript(installProbes)
    await context.addInitScript(installPeerConnectionRegistry)
    pages.push(page)
    await page.goto(`${server.url}/?room=${room}&lang=en&debug-ice-relay-only=1`, {
      waitUntil: 'domcontentloaded',
    })
    await fillLobby(page, { name, room })
    await joinButton(page).click()
    await participantsRegion(page).waitFor({ timeout: WAIT_TIMEOUT })
    return page
  }

  it('the app connects through the relay only: video and audio play both ways', async () => {
    const server = await signalingServer(600)
    const a = await joinRelayOnly(server, 'relay-ok', 'Ana')
    const b = await joinRelayOnly(server, 'relay-ok', 'Bo')
    await Promise.all([a, b].map((page) => expectRemoteVideosPlaying(page, 1)))
    await Promise.all([a, b].map((page) => expectRemoteAudioFlowing(page, 1)))

    for (const page of [a, b]) {
      const [link] = await iceSummaries(page)
      expect(link?.connectionState).toBe('connected')
      expect(link?.selected).toEqual({ local: 'relay', remote: 'relay' })
      expect(link?.localTypes.length).toBeGreaterThan(0)
      expect(link?.localTypes.every((type) => type === 'relay')).toBe(true)
    }
  })

  it('fails cleanly with expired credentials: the relay refuses and nothing connects', async () => {
    const server = await signalingServer(-3600)
    const a = await joinRelayOnly(server, 'relay-expired', 'Ana')
    const b = await joinRelayOnly(server, 'relay-expired', 'Bo')
    // Both finish gathering (coturn answers each allocation with 401) with nothing to offer.
    for (const page of [a, b]) {
      await page.waitForFunction(
        () => {
          const pcs = (
            globalThis as unknown as {
              __moimPeerConnections: { connectionState: string; iceGatheringState: string }[]
            }
          ).__moimPeerConnections.filter((pc) => pc.connectionState !== 'closed')
          return pcs.length === 1 && pcs[0].iceGatheringState === 'complete'
        },
        undefined,
        { timeout: WAIT_TIMEOUT, polling: 100 },
      )
    }
    for (const page of [a, b]) {
      const [link] = await iceSummaries(page)
      expect(link?.localTypes).toEqual([])
      expect(link?.selected).toBeNull()
      expect(link?.connectionState).not.toBe('connected')
      expect(await page.locator('[role="figure"][data-connection="connected"]').count()).toBe(1)
    }
  })
})
