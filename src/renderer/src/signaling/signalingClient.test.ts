import { afterEach, describe, expect, it, vi } from 'vitest'
import { eventually } from '../rtc/testing/eventually'
import type { JoinAckBody } from '../../../shared/protocol'
import { SignalingClient, SignalingError, type ConnectionStatus } from './signalingClient'
import { FakeSocket } from './testing/fakeSocket'

function ackBody(overrides: Partial<JoinAckBody> = {}): JoinAckBody {
  return {
    self: { id: 'me', name: 'Mina' },
    room: { id: 'friday', capacity: 6, hostId: 'p1', hasPassword: false, removed: [] },
    peers: [{ id: 'p1', name: 'Jun' }],
    iceServers: [{ urls: 'stun:127.0.0.1:3478' }],
    resumeToken: 'token-1',
    resumed: false,
    ...overrides,
  }
}

function setup(options: { ackTimeoutMs?: number; connectTimeoutMs?: number } = {}) {
  const socket = new FakeSocket()
  const client = new SignalingClient({
    url: 'http://127.0.0.1:1',
    socketFactory: () => socket.asSocket(),
    ...options,
  })
  const statuses: ConnectionStatus[] = []
  client.on('status', (s) => statuses.push(s))
  return { socket, client, statuses }
}

async function joined() {
  const ctx = setup()
  ctx.socket.respond = (event) =>
    event === 'room:join' ? { ok: true, ...ackBody() } : { ok: true }
  ctx.socket.serverAccept()
  await ctx.client.join({ room: 'friday', name: 'Mina' })
  return ctx
}

afterEach(() => vi.useRealTimers())

describe('SignalingClient', () => {
  it('connects, joins and resolves with the ack', async () => {
    const { socket, client, statuses } = setup()
    expect(socket.connectCalls).toBe(1)
    socket.respond = () => ({ ok: true, ...ackBody() })
    const joining = client.join({ room: 'friday', name: 'Mina', capacity: 4 })
    socket.serverAccept()
    const ack = await joining
    expect(ack.self.id).toBe('me')
    expect(socket.emitted[0]).toMatchObject({
      event: 'room:join',
      payload: { room: 'friday', name: 'Mina', capacity: 4 },
    })
    expect(statuses).toEqual(['connected'])
    expect(client.session?.resumeToken).toBe('token-1')
  })

  it('keeps the newest resume token, reports removals and refreshes TURN', async () => {
    const { socket, client } = await joined()
    const removed: unknown[] = []
    client.on('room:removed', (list) => removed.push(list))
    socket.serverSend('room:token', { resumeToken: 'token-2' })
    expect(client.session?.resumeToken).toBe('token-2')
    socket.serverSend('room:removed', { removed: [{ id: 'p9', name: 'Bo' }] })
    expect(removed).toEqual([[{ id: 'p9', name: 'Bo' }]])
    socket.respond = (event) =>
      event === 'turn:refresh'
        ? {
            ok: true,
            iceServers: [{ urls: 'turn:x', username: 'u', credential: 'c' }],
            iceServersExpireAt: 9,
          }
        : { ok: true }
    await expect(client.refreshTurn()).resolves.toEqual({
      iceServers: [{ urls: 'turn:x', username: 'u', credential: 'c' }],
      iceServersExpireAt: 9,
    })
    await client.allow('p9')
    expect(socket.emitted.at(-1)).toMatchObject({ event: 'room:allow', payload: { id: 'p9' } })
  })

  it('surfaces error acks as SignalingError with code and details', async () => {
    const { socket, client } = setup()
    socket.serverAccept()
    socket.respond = () => ({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'room: 1-64 of A-Z a-z 0-9 _ -' },
    })
    await expect(client.join({ room: 'bad room', name: 'x' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'room: 1-64 of A-Z a-z 0-9 _ -',
    })
    socket.respond = () => ({
      ok: false,
      error: { code: 'ROOM_FULL', message: 'room is full (2 of 2)', details: { capacity: 2 } },
    })
    const error = await client.join({ room: 'r', name: 'x' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SignalingError)
    expect(error).toMatchObject({ code: 'ROOM_FULL', details: { capacity: 2 } })
  })

  it('rejects malformed acks instead of trusting them', async () => {
    const { socket, client } = setup()
    socket.serverAccept()
    socket.respond = () => 'nonsense'
    await expect(client.join({ room: 'r', name: 'x' })).rejects.toMatchObject({ code: 'INTERNAL' })
  })

  it('times out requests the server never answers', async () => {
    vi.useFakeTimers()
    const { socket, client } = setup({ ackTimeoutMs: 1_000 })
    socket.serverAccept()
    const joining = client.join({ room: 'r', name: 'x' })
    const result = expect(joining).rejects.toMatchObject({ code: 'TIMEOUT' })
    await vi.advanceTimersByTimeAsync(1_000)
    await result
  })

  it('fails the join when the server cannot be reached', async () => {
    vi.useFakeTimers()
    const { socket, client } = setup({ connectTimeoutMs: 2_000 })
    const joining = client.join({ room: 'r', name: 'x' })
    const result = expect(joining).rejects.toMatchObject({ code: 'CONNECTION_FAILED' })
    socket.serverSend('connect_error', new Error('xhr poll error'))
    await vi.advanceTimersByTimeAsync(2_000)
    await result
    await expect(joining).rejects.toThrow('xhr poll error')
  })

  it('forwards server events with their payloads', async () => {
    const { socket, client } = await joined()
    const seen: unknown[] = []
    client.on('peer:joined', (p) => seen.push(['joined', p]))
    client.on('peer:left', (id, reason) => seen.push(['left', id, reason]))
    client.on('signal', (from, data) => seen.push(['signal', from, data]))
    client.on('room:host', (id) => seen.push(['host', id]))
    socket.serverSend('peer:joined', { id: 'p2', name: 'Ara' })
    socket.serverSend('signal', { from: 'p2', data: { candidate: null } })
    socket.serverSend('peer:left', { id: 'p2', reason: 'left' })
    socket.serverSend('room:host', { hostId: 'me' })
    expect(seen).toEqual([
      ['joined', { id: 'p2', name: 'Ara' }],
      ['signal', 'p2', { candidate: null }],
      ['left', 'p2', 'left'],
      ['host', 'me'],
    ])
  })

  it('after a drop, rejoins with the resume token and keeps the session when resumed', async () => {
    const { socket, client, statuses } = await joined()
    const rejoined: [string, boolean][] = []
    client.on('rejoined', (ack, resumed) => rejoined.push([ack.self.id, resumed]))
    socket.serverDrop()
    expect(statuses).toEqual(['connected', 'reconnecting'])
    // Signals during the outage wait for the resumed session.
    client.signal('p1', { candidate: null })
    expect(socket.emitted.filter((e) => e.event === 'signal')).toHaveLength(0)
    socket.respond = (event) =>
      event === 'room:join'
        ? { ok: true, ...ackBody({ resumed: true, resumeToken: 'token-2' }) }
        : { ok: true }
    socket.serverAccept()
    await eventually(() => expect(rejoined).toEqual([['me', true]]))
    const rejoin = socket.emitted.filter((e) => e.event === 'room:join')[1]
    expect(rejoin.payload).toEqual({ room: 'friday', name: 'Mina', resumeToken: 'token-1' })
    expect(socket.emitted.filter((e) => e.event === 'signal')).toHaveLength(1)
    expect(statuses).toEqual(['connected', 'reconnecting', 'connected'])
    expect(client.session?.resumeToken).toBe('token-2')
  })

  it('reports a fresh join (server forgot us) so the mesh can be rebuilt, dropping stale signals', async () => {
    const { socket, client } = await joined()
    const rejoined: [string, boolean][] = []
    client.on('rejoined', (ack, resumed) => rejoined.push([ack.self.id, resumed]))
    socket.serverDrop('io server disconnect')
    // A server-side disconnect is not retried by Socket.IO itself.
    expect(socket.connectCalls).toBe(2)
    client.signal('p1', { candidate: null })
    socket.respond = (event) =>
      event === 'room:join'
        ? { ok: true, ...ackBody({ self: { id: 'me2', name: 'Mina' }, resumed: false }) }
        : undefined
    socket.serverAccept()
    await eventually(() => expect(rejoined).toEqual([['me2', false]]))
    expect(socket.emitted.filter((e) => e.event === 'signal')).toHaveLength(0)
  })

  it('skips the rejoin when Socket.IO recovered the connection state', async () => {
    const { socket, client, statuses } = await joined()
    const rejoined = vi.fn()
    client.on('rejoined', rejoined)
    socket.serverDrop()
    socket.serverAccept(true)
    expect(socket.emitted.filter((e) => e.event === 'room:join')).toHaveLength(1)
    expect(rejoined).not.toHaveBeenCalled()
    expect(statuses.at(-1)).toBe('connected')
  })

  it('reports a refused rejoin and stops trying', async () => {
    const { socket, client, statuses } = await joined()
    const failures: string[] = []
    client.on('rejoin-failed', (e) => failures.push(e.code))
    socket.serverDrop()
    socket.respond = () => ({
      ok: false,
      error: { code: 'ROOM_FULL', message: 'room is full (2 of 2)' },
    })
    socket.serverAccept()
    await eventually(() => expect(failures).toEqual(['ROOM_FULL']))
    expect(statuses.at(-1)).toBe('failed')
    expect(client.session).toBeNull()
  })

  it('retries a rate-limited signal after the advised delay', async () => {
    vi.useFakeTimers()
    const { socket, client } = await joined()
    let refusals = 1
    socket.respond = (event) =>
      event === 'signal' && refusals-- > 0
        ? {
            ok: false,
            error: { code: 'RATE_LIMITED', message: 'slow down', details: { retryAfterMs: 20 } },
          }
        : { ok: true }
    client.signal('p1', { candidate: null })
    await vi.advanceTimersByTimeAsync(0)
    expect(socket.emitted.filter((e) => e.event === 'signal')).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(20)
    expect(socket.emitted.filter((e) => e.event === 'signal')).toHaveLength(2)
  })

  it('close() detaches from the socket and disconnects it', async () => {
    const { socket, client } = await joined()
    client.close()
    expect(socket.connected).toBe(false)
    expect(socket.listenerCount()).toBe(0)
    expect(client.listenerCount()).toBe(0)
    client.signal('p1', { candidate: null })
    expect(socket.emitted.filter((e) => e.event === 'signal')).toHaveLength(0)
  })
})
