/**
 * Reconnection through the real web client (issue 3): a dropped signaling connection or a
 * restarted server must not tear down calls. Peers keep their ids, tiles stay, media keeps
 * flowing and no RTCPeerConnection is rebuilt; afterwards the signaling path works again
 * (a latecomer connects to everyone).
 *
 * The server is started here rather than through useE2eWorld because these tests need its
 * Socket.IO instance (to cut one client's connection) and a restart on the same port with the
 * same resume secret.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../signaling-server/start'
import { launchBrowser, newParticipant } from './harness/browser'
import { PageDiagnostics } from './harness/diagnostics'
import { installProbes } from './harness/probes'
import { WEB_ROOT } from './harness/server'
import { SPEC_TIMEOUT, WAIT_TIMEOUT } from './harness/timeouts'
import { expectRemoteVideosPlaying, joinViaUi, readTiles } from './harness/ui'

/** Resume tokens are signed with this; the restarted server must accept the old ones. */
const RESUME_SECRET = 'reconnect-spec-resume-secret-0123456789'
const RECONNECTING = 'Reconnecting to the server…'

// ------------------------------------------------------------------ server on a chosen port

function startSignaling(port: number): Promise<RunningServer> {
  return startServer({
    logLevel: 'warn',
    stunUrls: [],
    secret: RESUME_SECRET,
    port,
    host: '127.0.0.1',
    webRoot: WEB_ROOT,
  })
}

/** Peer ids the server currently holds in a room, one per connected socket. */
function joinedPeerIds(server: RunningServer): string[] {
  return [...server.io.sockets.sockets.values()]
    .filter((socket) => socket.data.roomId !== null && socket.data.peerId !== null)
    .map((socket) => socket.data.peerId as string)
    .sort()
}

function socketIdsOf(server: RunningServer, peerId: string): string[] {
  return [...server.io.sockets.sockets.values()]
    .filter((socket) => socket.data.peerId === peerId)
    .map((socket) => socket.id)
}

/**
 * Destroys the TCP connection under a peer's WebSocket without a close frame or a Socket.IO
 * disconnect packet: to both ends this looks like the network going away.
 */
function dropConnectionOf(server: RunningServer, peerId: string): void {
  const sockets = [...server.io.sockets.sockets.values()].filter((s) => s.data.peerId === peerId)
  if (sockets.length !== 1)
    throw new Error(`expected one socket for ${peerId}, found ${sockets.length}`)
  sockets[0].request.socket.destroy()
}

// ------------------------------------------------------------------ in-page instrumentation

interface CountingWindow {
  __moimPeerConnections: number
}

/**
 * Init script: counts the peer connections put to use (given a remote description). The app
 * also makes connections ahead of need that may never be used; those do not count. A subclass
 * keeps the prototype chain, statics and instanceof intact, so WebRTC itself stays real.
 */
function countPeerConnections(): void {
  type PeerConnectionClass = new (...args: unknown[]) => {
    setRemoteDescription(...args: unknown[]): Promise<void>
  }
  const scope = globalThis as unknown as CountingWindow & {
    RTCPeerConnection: PeerConnectionClass
  }
  const Real = scope.RTCPeerConnection
  scope.__moimPeerConnections = 0
  const used = new WeakSet<object>()
  scope.RTCPeerConnection = class extends Real {
    override setRemoteDescription(...args: unknown[]): Promise<void> {
      if (!used.has(this)) {
        used.add(this)
        scope.__moimPeerConnections += 1
      }
      return super.setRemoteDescription(...args)
    }
  }
}

/** Peer connections this page has negotiated with someone, ever. */
function peerConnectionsMade(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as CountingWindow).__moimPeerConnections)
}

interface TileWatch {
  /** Times the watched tile (label + peer id) was missing when the DOM changed. */
  missing: number
  /** Every data-connection value the tile showed while watched. */
  connections: string[]
}

interface WatchWindow {
  __moimTileWatch?: TileWatch
}

/** Records, on every DOM change in the page, whether a remote tile is still there and how. */
async function watchTile(page: Page, label: string, peerId: string): Promise<void> {
  await page.evaluate(
    ({ label, peerId }) => {
      interface WatchedElement {
        getAttribute: (name: string) => string | null
      }
      const scope = globalThis as unknown as WatchWindow & {
        document: {
          body: object
          querySelector: (selector: string) => WatchedElement | null
        }
        MutationObserver: new (callback: () => void) => {
          observe: (target: object, options: Record<string, boolean>) => void
        }
      }
      const watch: TileWatch = { missing: 0, connections: [] }
      const selector = `[role="region"][aria-label="Participants"] [role="figure"][aria-label="${label}"][data-peer-id="${peerId}"]`
      const check = (): void => {
        const found = scope.document.querySelector(selector)
        if (!found) watch.missing += 1
        const connection = found?.getAttribute('data-connection') ?? 'none'
        if (watch.connections.at(-1) !== connection) watch.connections.push(connection)
      }
      check()
      new scope.MutationObserver(check).observe(scope.document.body, {
        childList: true,
        subtree: true,
        attributes: true,
      })
      scope.__moimTileWatch = watch
    },
    { label, peerId },
  )
}

async function readTileWatch(page: Page): Promise<TileWatch> {
  const watch = await page.evaluate(() => (globalThis as unknown as WatchWindow).__moimTileWatch)
  if (!watch) throw new Error('watchTile was not called on this page')
  return watch
}

/** label -> data-peer-id of every remote camera tile, as this page shows them. */
async function remotePeerIds(page: Page): Promise<Record<string, string | null>> {
  const tiles = await readTiles(page)
  return Object.fromEntries(
    tiles.filter((t) => !t.self && !t.screen).map((t) => [t.label, t.peerId]),
  )
}

async function selfPeerId(page: Page): Promise<string> {
  const self = (await readTiles(page)).find((t) => t.self && !t.screen)
  if (!self?.peerId) throw new Error('no self tile with a peer id')
  return self.peerId
}

function reconnectingBanner(page: Page) {
  return page.getByRole('status').filter({ hasText: RECONNECTING })
}

// ------------------------------------------------------------------ the spec

interface Person {
  name: string
  page: Page
}

describe('reconnection keeps calls alive', { timeout: SPEC_TIMEOUT }, () => {
  let browser: Browser | undefined
  let server: RunningServer | undefined
  let diagnostics = new PageDiagnostics()
  const contexts: { close: () => Promise<void> }[] = []

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      console.error(
        `E2E failure in "${context.task.name}"\n${await diagnostics.capture(context.task.name)}`,
      )
    }
    await Promise.all(contexts.splice(0).map((c) => c.close()))
    diagnostics = new PageDiagnostics()
    await server?.close()
    server = undefined
  })

  afterAll(async () => {
    await browser?.close()
  })

  function origin(): string {
    if (!server) throw new Error('no server running')
    return `http://127.0.0.1:${server.port}`
  }

  async function join(name: string, room: string): Promise<Person> {
    if (!browser) throw new Error('browser not launched')
    const { context, page } = await newParticipant(browser, origin())
    contexts.push(context)
    await context.addInitScript(installProbes)
    await context.addInitScript(countPeerConnections)
    diagnostics.watch(name, page)
    await joinViaUi(page, { origin: origin(), name, room })
    return { name, page }
  }

  it('a briefly dropped connection resumes with the same peer id and the same peer connection', async () => {
    server = await startSignaling(0)
    const room = 'brief-drop'
    const ana = await join('Ana', room)
    const bo = await join('Bo', room)
    await Promise.all([ana, bo].map((p) => expectRemoteVideosPlaying(p.page, 1)))

    const anaId = await selfPeerId(ana.page)
    expect(await remotePeerIds(bo.page)).toEqual({ Ana: anaId })
    const pcsBefore = await Promise.all([ana, bo].map((p) => peerConnectionsMade(p.page)))
    expect(pcsBefore).toEqual([1, 1])
    const [oldSocket] = socketIdsOf(server, anaId)
    await watchTile(bo.page, 'Ana', anaId)

    dropConnectionOf(server, anaId)

    // Ana is back on a new socket under her old id, in the room.
    const running = server
    await expect
      .poll(() => socketIdsOf(running, anaId).filter((id) => id !== oldSocket).length, {
        timeout: WAIT_TIMEOUT,
        interval: 50,
      })
      .toBe(1)
    expect(socketIdsOf(running, anaId)).toHaveLength(1)
    await expect
      .poll(() => joinedPeerIds(running), { timeout: WAIT_TIMEOUT, interval: 50 })
      .toContain(anaId)
    await reconnectingBanner(ana.page).waitFor({ state: 'detached', timeout: WAIT_TIMEOUT })

    await Promise.all([ana, bo].map((p) => expectRemoteVideosPlaying(p.page, 1)))
    expect(await selfPeerId(ana.page)).toBe(anaId)
    expect(await remotePeerIds(bo.page)).toEqual({ Ana: anaId })
    expect(await readTileWatch(bo.page)).toEqual({ missing: 0, connections: ['connected'] })
    expect(await Promise.all([ana, bo].map((p) => peerConnectionsMade(p.page)))).toEqual(pcsBefore)

    // Signaling works again for Ana: a newcomer negotiates with her through the server.
    const chul = await join('Chul', room)
    await Promise.all([ana, bo, chul].map((p) => expectRemoteVideosPlaying(p.page, 2)))
    expect(await selfPeerId(ana.page)).toBe(anaId)
  })

  it('a server restart on the same port: media keeps playing, ids stay, a latecomer joins the healed mesh', async () => {
    server = await startSignaling(0)
    const port = server.port
    const room = 'restart'
    const people = [await join('Ana', room), await join('Bo', room), await join('Chul', room)]
    await Promise.all(people.map((p) => expectRemoteVideosPlaying(p.page, 2)))

    const idsBefore = await Promise.all(people.map((p) => remotePeerIds(p.page)))
    const selfIds = await Promise.all(people.map((p) => selfPeerId(p.page)))
    const pcsBefore = await Promise.all(people.map((p) => peerConnectionsMade(p.page)))
    expect(pcsBefore).toEqual([2, 2, 2])
    await watchTile(people[0].page, 'Bo', selfIds[1])

    await server.close()
    server = undefined

    // While the server is down: everyone sees the banner and the calls keep playing.
    await Promise.all(
      people.map((p) => reconnectingBanner(p.page).waitFor({ timeout: WAIT_TIMEOUT })),
    )
    await Promise.all(people.map((p) => expectRemoteVideosPlaying(p.page, 2)))
    for (const p of people) expect(await reconnectingBanner(p.page).count()).toBe(1)

    server = await startSignaling(port)
    const restarted = server
    await Promise.all(
      people.map((p) =>
        reconnectingBanner(p.page).waitFor({ state: 'detached', timeout: WAIT_TIMEOUT }),
      ),
    )
    await expect
      .poll(() => joinedPeerIds(restarted), { timeout: WAIT_TIMEOUT, interval: 50 })
      .toEqual([...selfIds].sort())

    expect(await Promise.all(people.map((p) => selfPeerId(p.page)))).toEqual(selfIds)
    expect(await Promise.all(people.map((p) => remotePeerIds(p.page)))).toEqual(idsBefore)
    expect(await Promise.all(people.map((p) => peerConnectionsMade(p.page)))).toEqual(pcsBefore)
    expect(await readTileWatch(people[0].page)).toEqual({ missing: 0, connections: ['connected'] })

    // The healed mesh takes a latecomer: one new peer connection on each side, all playing.
    const dana = await join('Dana', room)
    await Promise.all([...people, dana].map((p) => expectRemoteVideosPlaying(p.page, 3)))
    const danaId = await selfPeerId(dana.page)
    expect(await remotePeerIds(dana.page)).toEqual({
      Ana: selfIds[0],
      Bo: selfIds[1],
      Chul: selfIds[2],
    })
    for (const [i, p] of people.entries()) {
      expect(await remotePeerIds(p.page)).toEqual({ ...idsBefore[i], Dana: danaId })
    }
    expect(await Promise.all(people.map((p) => peerConnectionsMade(p.page)))).toEqual(
      pcsBefore.map((n) => n + 1),
    )
    expect(await peerConnectionsMade(dana.page)).toBe(3)
  })
})
