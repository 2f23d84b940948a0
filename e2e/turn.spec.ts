/**
 * TURN end to end: coturn (use-auth-secret) on loopback, the signaling server handing out
 * TURN REST credentials, and two real Chromium pages that may only use relay candidates.
 * With valid credentials the call connects through the relay; with expired ones the
 * allocation is refused and no connection forms.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createSocket } from 'node:dgram'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../signaling-server/start'
import { launchBrowser } from './harness/browser'

/** Debian installs coturn's binary in /usr/bin (older packages used /usr/sbin). */
const TURNSERVER =
  process.env.TURNSERVER_PATH ??
  ['/usr/bin/turnserver', '/usr/sbin/turnserver'].find((p) => existsSync(p)) ??
  '/usr/bin/turnserver'
const SOCKET_IO_CLIENT = resolve(
  import.meta.dirname,
  '../node_modules/socket.io-client/dist/socket.io.min.js',
)

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

// ---------------------------------------------------------------- the in-page peer

interface TurnState {
  joined: boolean
  error: string | null
  relayCandidates: number
  nonRelayCandidates: number
  candidateErrors: number[]
  gathering: string
  ice: string
  connection: string
  received: string | null
}

interface PeerArgs {
  room: string
  name: string
}

/**
 * Runs in the page (serialized, so self-contained): joins through the real socket.io client
 * served to the page, then connects one RTCPeerConnection with iceTransportPolicy "relay".
 * The newcomer (who gets peers in its ack) creates the data channel and sends the offer.
 */
function runPeer({ room, name }: PeerArgs): void {
  interface Candidate {
    type: string | null
    toJSON(): unknown
  }
  interface Channel {
    onopen: (() => void) | null
    onmessage: ((e: { data: string }) => void) | null
    send(data: string): void
  }
  interface Description {
    type: string
    sdp?: string
  }
  interface PeerConnection {
    onicecandidate: ((e: { candidate: Candidate | null }) => void) | null
    onicecandidateerror: ((e: { errorCode: number }) => void) | null
    onicegatheringstatechange: (() => void) | null
    oniceconnectionstatechange: (() => void) | null
    onconnectionstatechange: (() => void) | null
    ondatachannel: ((e: { channel: Channel }) => void) | null
    iceGatheringState: string
    iceConnectionState: string
    connectionState: string
    localDescription: Description | null
    createDataChannel(label: string): Channel
    createOffer(): Promise<Description>
    createAnswer(): Promise<Description>
    setLocalDescription(d: Description): Promise<void>
    setRemoteDescription(d: Description): Promise<void>
    addIceCandidate(c: unknown): Promise<void>
    getStats(): Promise<Map<string, Record<string, unknown>>>
  }
  interface JoinAck {
    ok: boolean
    error?: { code: string }
    peers: Array<{ id: string }>
    iceServers: unknown[]
  }
  interface ClientSocket {
    emitWithAck(event: string, payload: unknown): Promise<JoinAck>
    emit(event: string, payload: unknown, ack: () => void): void
    on(
      event: string,
      listener: (msg: { from: string; data: Record<string, unknown> }) => void,
    ): void
  }
  const g = globalThis as unknown as {
    io: (options: unknown) => ClientSocket
    RTCPeerConnection: new (config: unknown) => PeerConnection
    __turn: TurnState
    __pc: PeerConnection | null
  }
  const state: TurnState = {
    joined: false,
    error: null,
    relayCandidates: 0,
    nonRelayCandidates: 0,
    candidateErrors: [],
    gathering: 'new',
    ice: 'new',
    connection: 'new',
    received: null,
  }
  g.__turn = state
  g.__pc = null
  const socket = g.io({ transports: ['websocket'] })
  let remote = ''
  const send = (data: unknown): void => socket.emit('signal', { to: remote, data }, () => {})

  const connect = (iceServers: unknown[]): PeerConnection => {
    const pc = new g.RTCPeerConnection({ iceServers, iceTransportPolicy: 'relay' })
    g.__pc = pc
    pc.onicecandidate = (e) => {
      if (!e.candidate) return
      if (e.candidate.type === 'relay') state.relayCandidates++
      else state.nonRelayCandidates++
      send({ candidate: e.candidate.toJSON() })
    }
    pc.onicecandidateerror = (e) => state.candidateErrors.push(e.errorCode)
    pc.onicegatheringstatechange = () => (state.gathering = pc.iceGatheringState)
    pc.oniceconnectionstatechange = () => (state.ice = pc.iceConnectionState)
    pc.onconnectionstatechange = () => (state.connection = pc.connectionState)
    const listen = (channel: Channel): void => {
      channel.onmessage = (e) => (state.received = e.data)
      channel.onopen = () => channel.send(`hello from ${name}`)
    }
    pc.ondatachannel = (e) => listen(e.channel)
    return pc
  }

  void (async () => {
    const ack = await socket.emitWithAck('room:join', { room, name })
    if (!ack.ok) {
      state.error = ack.error?.code ?? 'unknown'
      return
    }
    state.joined = true
    let pc: PeerConnection | null = null
    socket.on('signal', ({ from, data }) => {
      void (async () => {
        remote = from
        pc ??= connect(ack.iceServers)
        if (data.description) {
          const description = data.description as Description
          await pc.setRemoteDescription(description)
          if (description.type === 'offer') {
            await pc.setLocalDescription(await pc.createAnswer())
            send({ description: pc.localDescription })
          }
        } else if (data.candidate) {
          await pc.addIceCandidate(data.candidate)
        }
      })().catch((err: unknown) => (state.error = String(err)))
    })
    if (ack.peers.length > 0) {
      remote = ack.peers[0].id
      pc = connect(ack.iceServers)
      const channel = pc.createDataChannel('moim')
      channel.onmessage = (e) => (state.received = e.data)
      channel.onopen = () => channel.send(`hello from ${name}`)
      await pc.setLocalDescription(await pc.createOffer())
      send({ description: pc.localDescription })
    }
  })().catch((err: unknown) => (state.error = String(err)))
}

/** Type of the local candidate in the selected pair, read from getStats in the page. */
async function selectedLocalCandidateType(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as {
      __pc: { getStats(): Promise<Map<string, Record<string, unknown>>> } | null
    }
    if (!g.__pc) return null
    const stats = await g.__pc.getStats()
    for (const report of stats.values()) {
      if (report.type !== 'transport' || typeof report.selectedCandidatePairId !== 'string')
        continue
      const pair = stats.get(report.selectedCandidatePairId)
      const local = pair ? stats.get(String(pair.localCandidateId)) : undefined
      return local ? String(local.candidateType) : null
    }
    return null
  })
}

function turnState(page: Page): Promise<TurnState> {
  return page.evaluate(() => (globalThis as unknown as { __turn: TurnState }).__turn)
}

// ---------------------------------------------------------------- the tests

describe('TURN relay (coturn use-auth-secret on loopback)', () => {
  let coturn: Coturn
  let browser: Browser
  const servers: RunningServer[] = []

  beforeAll(async () => {
    coturn = await startCoturn()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await Promise.all(servers.map((s) => s.close()))
    await coturn?.stop()
  })

  async function openPeer(server: RunningServer, room: string, name: string): Promise<Page> {
    // bypassCSP: the page is the server's (CSP-protected) origin, and the test injects the
    // socket.io client into it rather than shipping a test page in the server.
    const context = await browser.newContext({ bypassCSP: true })
    await context.grantPermissions(['camera', 'microphone'], { origin: server.url })
    const page = await context.newPage()
    await page.goto(`${server.url}/healthz`)
    await page.addScriptTag({ path: SOCKET_IO_CLIENT })
    await page.evaluate(runPeer, { room, name })
    await page.waitForFunction(() => {
      const s = (globalThis as unknown as { __turn?: TurnState }).__turn
      return s !== undefined && (s.joined || s.error !== null)
    })
    return page
  }

  async function signalingServer(turnTtlSeconds: number): Promise<RunningServer> {
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      webRoot: null,
      logLevel: 'silent',
      stunUrls: [],
      turnUrls: [coturn.url],
      turnSecret: coturn.secret,
      turnTtlSeconds,
    })
    servers.push(server)
    return server
  }

  it('connects two pages through the relay and passes a data channel message', async () => {
    const server = await signalingServer(600)
    const a = await openPeer(server, 'relay-ok', 'A')
    const b = await openPeer(server, 'relay-ok', 'B')
    const received = (): boolean =>
      (globalThis as unknown as { __turn: TurnState }).__turn.received !== null
    await Promise.all([a.waitForFunction(received), b.waitForFunction(received)])

    const [sa, sb] = await Promise.all([turnState(a), turnState(b)])
    expect(sa.received).toBe('hello from B')
    expect(sb.received).toBe('hello from A')
    expect(sa.error).toBeNull()
    expect(sb.error).toBeNull()
    expect(sb.relayCandidates).toBeGreaterThan(0)
    expect(sa.nonRelayCandidates + sb.nonRelayCandidates).toBe(0)
    expect(await selectedLocalCandidateType(a)).toBe('relay')
    expect(await selectedLocalCandidateType(b)).toBe('relay')
  })

  it('fails cleanly with expired credentials: the relay refuses and nothing connects', async () => {
    const server = await signalingServer(-3600)
    const a = await openPeer(server, 'relay-expired', 'A')
    const b = await openPeer(server, 'relay-expired', 'B')
    // The newcomer gathers at once; the TURN server answers its allocation with 401.
    await b.waitForFunction(() => {
      const s = (globalThis as unknown as { __turn: TurnState }).__turn
      return s.gathering === 'complete' && s.candidateErrors.length > 0
    })
    const sb = await turnState(b)
    expect(sb.relayCandidates).toBe(0)
    expect(sb.candidateErrors).toContain(401)
    expect(sb.error).toBeNull()
    await a.waitForFunction(() => {
      const s = (globalThis as unknown as { __turn: TurnState }).__turn
      return s.gathering === 'complete'
    })
    const sa = await turnState(a)
    expect(sa.relayCandidates).toBe(0)
    expect([sa.connection, sb.connection]).not.toContain('connected')
    expect(sa.received).toBeNull()
    expect(await selectedLocalCandidateType(b)).toBeNull()
  })
})
