/**
 * TURN end to end: coturn (use-auth-secret) on loopback, the signaling server handing out
 * TURN REST credentials, and the app itself in real Chromium, opened with the web client's
 * debug switch `?debug-ice-relay-only=1` (rtc/debugIcePolicy.ts) so its peer connections may
 * only use relayed candidates. With valid credentials the call connects through the relay and
 * video and audio play; with expired ones the allocation is refused and no connection forms.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createSocket } from 'node:dgram'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../signaling-server/start'
import { expectRemoteAudioFlowing } from './harness/audio'
import { launchBrowser, newParticipant } from './harness/browser'
import { iceSummaries, installPeerConnectionRegistry } from './harness/peerConnections'
import { installProbes } from './harness/probes'
import { WEB_ROOT } from './harness/server'
import { WAIT_TIMEOUT } from './harness/timeouts'
import { expectRemoteVideosPlaying, fillLobby, joinButton, participantsRegion } from './harness/ui'

/** Debian installs coturn's binary in /usr/bin (older packages used /usr/sbin). */
const TURNSERVER =
  process.env.TURNSERVER_PATH ??
  ['/usr/bin/turnserver', '/usr/sbin/turnserver'].find((p) => existsSync(p)) ??
  '/usr/bin/turnserver'

// ---------------------------------------------------------------- coturn on loopback

function freeUdpPort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createSocket('udp4')
    probe.once('error', fail)
    probe.bind(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => ok(port))
    })
  })
}

/** Resolves once the server answers a STUN Binding request: it is listening for real. */
async function waitForStun(port: number, coturn: ChildProcess, log: () => string): Promise<void> {
  const socket = createSocket('udp4')
  try {
    await new Promise<void>((ok, fail) => {
      const request = Buffer.alloc(20)
      request.writeUInt16BE(0x0001, 0) // Binding request, no attributes
      request.writeUInt32BE(0x2112a442, 4) // magic cookie
      randomBytes(12).copy(request, 8)
      socket.on('message', (msg) => {
        if (msg.readUInt16BE(0) === 0x0101 && msg.subarray(8, 20).equals(request.subarray(8, 20)))
          ok()
      })
      coturn.once('exit', (code) => fail(new Error(`turnserver exited (${code}):\n${log()}`)))
      // UDP has no connection to wait on: resend until the answer arrives (the hook timeout bounds it).
      const send = (): void => socket.send(request, port, '127.0.0.1')
      const timer = setInterval(send, 100)
      socket.once('message', () => clearInterval(timer))
      send()
    })
  } finally {
    socket.close()
  }
}

interface Coturn {
  url: string
  secret: string
  stop(): Promise<void>
}

async function startCoturn(): Promise<Coturn> {
  if (!existsSync(TURNSERVER)) {
    throw new Error(
      `coturn not found at ${TURNSERVER}: apt-get install coturn (or set TURNSERVER_PATH)`,
    )
  }
  const dir = mkdtempSync(join(tmpdir(), 'moim-coturn-'))
  const port = await freeUdpPort()
  const secret = randomBytes(16).toString('hex')
  const args = [
    '-n', // no config file: everything is on this command line
    '--listening-ip=127.0.0.1',
    '--relay-ip=127.0.0.1',
    `--listening-port=${port}`,
    '--use-auth-secret',
    `--static-auth-secret=${secret}`,
    '--realm=moim.test',
    '--no-tls',
    '--no-dtls',
    '--no-tcp-relay',
    '--no-cli',
    '--allow-loopback-peers', // the peers are on 127.0.0.1 here; never enable this in production
    '--fingerprint',
    '--log-file=stdout',
    '--simple-log',
    `--pidfile=${join(dir, 'turnserver.pid')}`,
    `--userdb=${join(dir, 'turndb')}`,
  ]
  const child = spawn(TURNSERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  await waitForStun(port, child, () => output)
  return {
    url: `turn:127.0.0.1:${port}?transport=udp`,
    secret,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

// ---------------------------------------------------------------- the tests

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
