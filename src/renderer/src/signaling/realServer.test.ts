/**
 * SignalingClient against the real signaling server (port 0, loopback) with real Socket.IO:
 * join, relay, leave, capacity, and resuming after a dropped transport.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { SignalData } from '../../../shared/protocol'
import { defaultSocketFactory, SignalingClient, type MoimSocket } from './signalingClient'

/** The part of signaling-server/start.ts this test uses. */
interface RunningServer {
  url: string
  close(): Promise<void>
}
type StartServer = (options: Record<string, unknown>) => Promise<RunningServer>

// A computed specifier keeps the server's Node-typed sources out of the browser tsconfig
// project (tsc would otherwise follow the import); Vitest resolves it at run time.
const SERVER_MODULE = '../../../../signaling-server/start'

let server: RunningServer
const clients: SignalingClient[] = []

beforeAll(async () => {
  const { startServer } = (await import(/* @vite-ignore */ SERVER_MODULE)) as {
    startServer: StartServer
  }
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    webRoot: null,
    logLevel: 'silent',
    secret: 'test-secret',
  })
})

afterAll(async () => {
  await server?.close()
})

afterEach(() => {
  for (const c of clients.splice(0)) c.close()
})

function connect(): { client: SignalingClient; socket: () => MoimSocket } {
  let socket: MoimSocket | null = null
  const client = new SignalingClient({
    url: server.url,
    socketFactory: (url) => (socket = defaultSocketFactory(url)),
  })
  clients.push(client)
  return { client, socket: () => socket as unknown as MoimSocket }
}

describe('SignalingClient with the real server', () => {
  it('joins, relays a signal with a server-stamped sender, and sees the other leave', async () => {
    const { client: a } = connect()
    const { client: b } = connect()
    const ackA = await a.join({ room: 'real-1', name: 'Ann' })
    expect(ackA.peers).toEqual([])
    const joinedSeen = new Promise<string>((resolve) => a.on('peer:joined', (p) => resolve(p.name)))
    const ackB = await b.join({ room: 'real-1', name: 'Bo' })
    expect(ackB.peers).toEqual([{ id: ackA.self.id, name: 'Ann' }])
    expect(await joinedSeen).toBe('Bo')

    const got = new Promise<[string, SignalData]>((resolve) =>
      a.on('signal', (from, data) => resolve([from, data])),
    )
    b.signal(ackA.self.id, { description: { type: 'offer', sdp: 'v=0\r\n' } })
    expect(await got).toEqual([ackB.self.id, { description: { type: 'offer', sdp: 'v=0\r\n' } }])

    const left = new Promise<string>((resolve) => a.on('peer:left', (id) => resolve(id)))
    await b.leave()
    expect(await left).toBe(ackB.self.id)
  })

  it('refuses a third member of a capacity-2 room with ROOM_FULL and the capacity', async () => {
    await connect().client.join({ room: 'real-2', name: 'One', capacity: 2 })
    await connect().client.join({ room: 'real-2', name: 'Two' })
    await expect(connect().client.join({ room: 'real-2', name: 'Three' })).rejects.toMatchObject({
      code: 'ROOM_FULL',
      details: { capacity: 2 },
    })
  })

  it('answers a malformed join with BAD_REQUEST', async () => {
    await expect(
      connect().client.join({ room: 'no spaces allowed', name: 'x' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    })
  })

  it('resumes the same peer id after the transport drops; the other side sees no leave', async () => {
    const { client: a, socket } = connect()
    const { client: b } = connect()
    const ackA = await a.join({ room: 'real-3', name: 'Ann' })
    await b.join({ room: 'real-3', name: 'Bo' })
    const bSawLeave = vi.fn()
    b.on('peer:left', bSawLeave)
    const rejoined = new Promise<[string, boolean]>((resolve) =>
      a.on('rejoined', (ack, resumed) => resolve([ack.self.id, resumed])),
    )
    // Kill the transport underneath Socket.IO: it reconnects by itself.
    socket().io.engine.close()
    expect(await rejoined).toEqual([ackA.self.id, true])
    // Relay works again in both directions with the same ids.
    const got = new Promise<string>((resolve) => b.on('signal', (from) => resolve(from)))
    a.signal(b.session!.self.id, { candidate: null })
    expect(await got).toBe(ackA.self.id)
    expect(bSawLeave).not.toHaveBeenCalled()
  })
})
