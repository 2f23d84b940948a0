/**
 * Faults a call must survive (issue 15), in real Chromium with real WebRTC:
 * - the signaling server killed with SIGKILL mid-call (no close, no goodbye): media keeps
 *   flowing, the mesh heals when the server is back, a latecomer joins;
 * - the network between two peers cut for a few seconds: "Reconnecting…" on that peer's tile
 *   only, and media resumes by an ICE restart on the same connection, nobody rejoining;
 * - a peer whose network is gone for good is removed after the grace period.
 * The network cuts put one browser in a network namespace of its own, joined to the test's by a
 * veth pair whose link goes down and up (harness/peerNetns.ts; root only, as in CI).
 */
import { randomBytes } from 'node:crypto'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../signaling-server/start'
import { launchBrowser, newParticipant } from './harness/browser'
import { PageDiagnostics } from './harness/diagnostics'
import {
  inboundBytes,
  installPeerConnectionRegistry,
  openPeerConnections,
} from './harness/peerConnections'
import {
  createPeerNetns,
  HOST_ADDRESS,
  peerNetnsUnavailable,
  type PeerNetns,
} from './harness/peerNetns'
import { installProbes } from './harness/probes'
import { WEB_ROOT } from './harness/server'
import { freeTcpPort, startServerProcess, type ServerProcess } from './harness/serverProcess'
import { SPEC_TIMEOUT, WAIT_TIMEOUT } from './harness/timeouts'
import {
  expectRemoteVideosPlaying,
  expectTileLabels,
  joinButton,
  joinViaUi,
  participantsRegion,
  readTiles,
  tile,
} from './harness/ui'

const RECONNECTING_TO_SERVER = 'Reconnecting to the server…'
/** How long media must keep arriving with the server dead. */
const MEDIA_WITHOUT_SERVER_MS = 10_000

interface Person {
  name: string
  page: Page
}

function serverBanner(page: Page) {
  return page.getByRole('status').filter({ hasText: RECONNECTING_TO_SERVER })
}

/**
 * Samples every connection's received bytes once a second for `ms` and requires each sample to
 * be larger than the one before on every connection: media arrived all along, not just once.
 * (A measurement window, not a wait: the figures are read while time passes.)
 */
async function expectBytesKeepArriving(people: Person[], ms: number): Promise<void> {
  const samples = Math.round(ms / 1000)
  let before = await Promise.all(people.map((p) => inboundBytes(p.page)))
  for (let i = 1; i <= samples; i++) {
    await people[0]?.page.waitForTimeout(1000)
    const now = await Promise.all(people.map((p) => inboundBytes(p.page)))
    for (const [k, person] of people.entries()) {
      const was = before[k] ?? []
      const is = now[k] ?? []
      expect(is.length, `${person.name}'s connections`).toBe(was.length)
      for (const [link, bytes] of is.entries())
        expect(bytes, `${person.name}, link ${link}, second ${i}`).toBeGreaterThan(was[link] ?? 0)
    }
    before = now
  }
}

/** The ICE username fragment of each of the page's open connections (changes on ICE restart). */
async function iceUfrags(page: Page): Promise<(string | null)[]> {
  return page.evaluate(() => {
    interface Pc {
      connectionState: string
      localDescription: { sdp: string } | null
    }
    const pcs = (globalThis as unknown as { __moimPeerConnections: Pc[] }).__moimPeerConnections
    return pcs
      .filter((pc) => pc.connectionState !== 'closed')
      .map((pc) => /a=ice-ufrag:(\S+)/.exec(pc.localDescription?.sdp ?? '')?.[1] ?? null)
  })
}

async function connectionOf(page: Page, label: string): Promise<string | null> {
  return (await readTiles(page)).find((t) => t.label === label)?.connection ?? null
}

describe('faults: the call survives them', { timeout: SPEC_TIMEOUT }, () => {
  let browser: Browser | undefined
  let diagnostics = new PageDiagnostics()
  const cleanups: (() => Promise<void> | void)[] = []

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      console.error(
        `E2E failure in "${context.task.name}"\n${await diagnostics.capture(context.task.name)}`,
      )
    }
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
    diagnostics = new PageDiagnostics()
  })
  afterAll(async () => {
    await browser?.close()
  })

  async function join(
    on: Browser | undefined,
    origin: string,
    name: string,
    room: string,
    options: { retryWhileRestoring?: boolean } = {},
  ): Promise<Person> {
    if (!on) throw new Error('browser not launched')
    const { context, page } = await newParticipant(on, origin)
    cleanups.push(() => context.close())
    await context.addInitScript(installProbes)
    await context.addInitScript(installPeerConnectionRegistry)
    diagnostics.watch(name, page)
    if (!options.retryWhileRestoring) {
      await joinViaUi(page, { origin, name, room })
      return { name, page }
    }
    // Right after a restart the server admits only returning members for a while and tells a
    // newcomer to try again in a few seconds; this person does.
    await joinViaUi(page, { origin, name, room, expectCall: false })
    const refused = page.getByRole('alert').filter({ hasText: 'The server just restarted' })
    const deadline = Date.now() + WAIT_TIMEOUT
    for (;;) {
      await participantsRegion(page).or(refused).first().waitFor({ timeout: WAIT_TIMEOUT })
      if (await participantsRegion(page).isVisible()) return { name, page }
      if (Date.now() > deadline) throw new Error(`${name} was still refused after a restart`)
      await page.waitForTimeout(1000)
      await joinButton(page).click()
    }
  }

  it('SIGKILL of the signaling server mid-call: media keeps flowing, the mesh heals, a latecomer joins', async () => {
    const port = await freeTcpPort()
    const secret = randomBytes(24).toString('hex')
    // A first start has nobody to wait for; the restart keeps its default restore window.
    let server: ServerProcess = await startServerProcess(port, secret, { restoreWindowMs: 0 })
    cleanups.push(() => server.kill())
    const room = 'sigkill'
    const people = [
      await join(browser, server.origin, 'Ana', room),
      await join(browser, server.origin, 'Bo', room),
      await join(browser, server.origin, 'Chul', room),
    ]
    await Promise.all(people.map((p) => expectRemoteVideosPlaying(p.page, 2)))

    await server.kill()
    await Promise.all(people.map((p) => serverBanner(p.page).waitFor({ timeout: WAIT_TIMEOUT })))
    await expectBytesKeepArriving(people, MEDIA_WITHOUT_SERVER_MS)
    for (const p of people) expect(await openPeerConnections(p.page)).toBe(2)

    server = await startServerProcess(port, secret)
    await Promise.all(
      people.map((p) => serverBanner(p.page).waitFor({ state: 'detached', timeout: WAIT_TIMEOUT })),
    )
    const dana = await join(browser, server.origin, 'Dana', room, { retryWhileRestoring: true })
    await Promise.all([...people, dana].map((p) => expectRemoteVideosPlaying(p.page, 3)))
    // Healed, not rebuilt: the old links are the same connections, one new link each.
    for (const p of people) expect(await openPeerConnections(p.page)).toBe(3)
  })

  describe('network cuts between peers (network namespaces)', () => {
    const unavailable = peerNetnsUnavailable()
    let netns: PeerNetns | undefined
    let server: RunningServer | undefined
    let peerBrowser: Browser | undefined

    /** Ana and Chul in the test's namespace, Bo behind the veth link; all see each other. */
    async function roomAcrossTheLink(room: string, resumeGraceMs: number): Promise<Person[]> {
      netns = await createPeerNetns()
      const port = await freeTcpPort()
      // All interfaces of this namespace: lo and the veth end, nothing else exists here.
      server = await startServer({
        logLevel: 'warn',
        stunUrls: [],
        secret: randomBytes(24).toString('hex'),
        resumeGraceMs,
        port,
        host: '0.0.0.0',
        webRoot: WEB_ROOT,
      })
      const hostOrigin = `http://${HOST_ADDRESS}:${port}`
      peerBrowser = await launchBrowser({
        executablePath: netns.chromiumPath,
        // Camera and microphone need a secure context; over the veth link the page is plain http.
        extraArgs: [`--unsafely-treat-insecure-origin-as-secure=${hostOrigin}`],
      })
      const local = `http://127.0.0.1:${port}`
      const ana = await join(browser, local, 'Ana', room)
      const bo = await join(peerBrowser, hostOrigin, 'Bo', room)
      const chul = await join(browser, local, 'Chul', room)
      const people = [ana, bo, chul]
      await Promise.all(people.map((p) => expectRemoteVideosPlaying(p.page, 2)))
      return people
    }

    afterEach(async () => {
      netns?.heal()
      await peerBrowser?.close()
      await server?.close()
      netns?.close()
      peerBrowser = undefined
      server = undefined
      netns = undefined
    })

    it.skipIf(unavailable !== null)(
      'a few seconds without network: "Reconnecting…" on that tile only, then media again by ICE restart on the same connection',
      async () => {
        const [ana, bo, chul] = await roomAcrossTheLink('network-cut', 15_000)
        const tilesBefore = await Promise.all([ana, bo, chul].map((p) => readTiles(p.page)))
        const ufragsBefore = await iceUfrags(ana.page)
        const connectionsBefore = await Promise.all(
          [ana, bo, chul].map((p) => openPeerConnections(p.page)),
        )

        netns?.cut()
        await tile(ana.page, 'Bo').getByText('Reconnecting…').waitFor({ timeout: WAIT_TIMEOUT })
        await tile(chul.page, 'Bo').getByText('Reconnecting…').waitFor({ timeout: WAIT_TIMEOUT })
        // Only Bo's tile: Ana and Chul still reach each other.
        expect(await connectionOf(ana.page, 'Chul')).toBe('connected')
        expect(await connectionOf(chul.page, 'Ana')).toBe('connected')
        // Cut until Ana's side has restarted ICE on its link to Bo (a new ufrag in its offer).
        await expect
          .poll(
            async () => {
              const now = await iceUfrags(ana.page)
              return now.some((ufrag, i) => ufrag !== ufragsBefore[i])
            },
            { timeout: WAIT_TIMEOUT, interval: 250 },
          )
          .toBe(true)

        netns?.heal()
        await Promise.all(
          [ana, chul].map((p) =>
            tile(p.page, 'Bo')
              .getByText('Reconnecting…')
              .waitFor({ state: 'detached', timeout: WAIT_TIMEOUT }),
          ),
        )
        await Promise.all([ana, bo, chul].map((p) => expectRemoteVideosPlaying(p.page, 2)))
        // Nobody rejoined: same peer ids on every tile, the same connections, none added.
        const tilesAfter = await Promise.all([ana, bo, chul].map((p) => readTiles(p.page)))
        const ids = (tiles: (typeof tilesAfter)[number]) =>
          tiles.map((t) => `${t.label}=${t.peerId}`).sort()
        expect(tilesAfter.map(ids)).toEqual(tilesBefore.map(ids))
        expect(await Promise.all([ana, bo, chul].map((p) => openPeerConnections(p.page)))).toEqual(
          connectionsBefore,
        )
        // The link to Bo came back through an ICE restart: its ufrag is new; Chul's is not.
        const ufragsAfter = await iceUfrags(ana.page)
        expect(ufragsAfter.filter((u, i) => u !== ufragsBefore[i])).toHaveLength(1)
      },
    )

    it.skipIf(unavailable !== null)(
      'a peer whose network is gone for good is removed after the grace period',
      async () => {
        const [ana, , chul] = await roomAcrossTheLink('network-gone', 3_000)
        netns?.cut()
        await tile(ana.page, 'Bo').getByText('Reconnecting…').waitFor({ timeout: WAIT_TIMEOUT })
        // The server notices the dead socket (Socket.IO heartbeat, up to 45 s), then waits the
        // grace period before telling the others.
        const gone = 45_000 + 3_000 + WAIT_TIMEOUT
        await Promise.all([
          expectTileLabels(ana.page, ['Ana (you)', 'Chul'], gone),
          expectTileLabels(chul.page, ['Chul (you)', 'Ana'], gone),
        ])
        expect(await openPeerConnections(ana.page)).toBe(1)
        await expectRemoteVideosPlaying(ana.page, 1)
      },
    )
  })
})
