import { afterEach, describe, expect, it } from 'vitest'
import { MAX_FRAME_BYTES } from './app'
import { TestWorld, errorCode, join, next, raw, record } from './testing/harness'

const world = new TestWorld()
afterEach(() => world.close())

describe('room:join / room:leave', () => {
  it('admits peers, announces them, and lists existing peers to the newcomer', async () => {
    const s = await world.server()
    const a = await world.client(s.url)
    const b = await world.client(s.url)
    const ja = await join(a, { room: 'friday', name: '  Ann  ' })
    expect(ja.self.name).toBe('Ann')
    expect(ja.room).toEqual({
      id: 'friday',
      capacity: 6,
      hostId: ja.self.id,
      hasPassword: false,
      removed: [],
    })
    expect(ja.peers).toEqual([])
    expect(ja.resumed).toBe(false)
    expect(ja.iceServers).toEqual([{ urls: ['stun:stun.l.google.com:19302'] }])

    const announced = next(a, 'peer:joined')
    const jb = await join(b, { room: 'friday', name: 'Bo', capacity: 2 })
    expect(await announced).toEqual({ id: jb.self.id, name: 'Bo' })
    expect(jb.peers).toEqual([{ id: ja.self.id, name: 'Ann' }])
    expect(jb.room.capacity).toBe(6) // capacity only counts when the join creates the room
    expect(jb.self.id).not.toBe(ja.self.id)

    const left = next(a, 'peer:left')
    expect(await b.emitWithAck('room:leave', {})).toEqual({ ok: true })
    expect(await left).toEqual({ id: jb.self.id, reason: 'left' })
    expect(errorCode(await b.emitWithAck('room:leave', {}))).toBe('NOT_IN_ROOM')
  })

  it('deletes an empty room, so the next join creates it afresh', async () => {
    const s = await world.server()
    const a = await world.client(s.url)
    await join(a, { room: 'r', name: 'A', capacity: 3 })
    await a.emitWithAck('room:leave', {})
    const again = await join(a, { room: 'r', name: 'A', capacity: 5 })
    expect(again.room.capacity).toBe(5)
    expect(again.room.hostId).toBe(again.self.id)
  })

  it('refuses a second join on the same connection', async () => {
    const s = await world.server()
    const a = await world.client(s.url)
    await join(a, { room: 'r1', name: 'A' })
    expect(errorCode(await a.emitWithAck('room:join', { room: 'r2', name: 'A' }))).toBe(
      'ALREADY_IN_ROOM',
    )
  })

  it('admits exactly `capacity` of 20 simultaneous joins and says ROOM_FULL to the rest', async () => {
    const s = await world.server()
    const first = await world.client(s.url)
    await join(first, { room: 'small', name: 'host', capacity: 4 })
    const others = await Promise.all(Array.from({ length: 20 }, () => world.client(s.url)))
    const results = await Promise.all(
      others.map((c, i) => c.emitWithAck('room:join', { room: 'small', name: `p${i}` })),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(3)
    const refused = results.filter((r) => !r.ok)
    expect(refused).toHaveLength(17)
    for (const r of refused) {
      expect(r).toMatchObject({ error: { code: 'ROOM_FULL', details: { capacity: 4 } } })
    }
  })

  it('rejects capacities outside 2..MAX_CAPACITY with a clear message', async () => {
    const s = await world.server({ maxCapacity: 8 })
    const a = await world.client(s.url)
    const tooBig = await a.emitWithAck('room:join', { room: 'r', name: 'A', capacity: 10 })
    expect(tooBig).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'capacity: at most 8 on this server' },
    })
    expect(errorCode(await a.emitWithAck('room:join', { room: 'r', name: 'A', capacity: 1 }))).toBe(
      'BAD_REQUEST',
    )
  })
})

describe('signal relay', () => {
  it('relays only inside the room and stamps `from` itself', async () => {
    const s = await world.server()
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => world.client(s.url)))
    const ja = await join(a, { room: 'one', name: 'A' })
    const jb = await join(b, { room: 'one', name: 'B' })
    const jc = await join(c, { room: 'two', name: 'C' })
    const cSignals = record(c, 'signal')

    const got = next(a, 'signal')
    const spoofed = { to: ja.self.id, from: jc.self.id, data: { candidate: null } }
    expect(errorCode(await raw(b).emitWithAck('signal', spoofed))).toBe('BAD_REQUEST')
    const ack = await b.emitWithAck('signal', {
      to: ja.self.id,
      data: { description: { type: 'offer', sdp: 'v=0\r\n' } },
    })
    expect(ack).toEqual({ ok: true })
    expect(await got).toEqual({
      from: jb.self.id,
      data: { description: { type: 'offer', sdp: 'v=0\r\n' } },
    })

    // A peer of another room is unknown to b, and c cannot reach into room "one".
    const cross = await b.emitWithAck('signal', { to: jc.self.id, data: { candidate: null } })
    expect(cross).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PEER' } })
    const intrude = await c.emitWithAck('signal', { to: ja.self.id, data: { candidate: null } })
    expect(errorCode(intrude)).toBe('UNKNOWN_PEER')
    expect(cSignals).toEqual([])
  })

  it('needs a room first, and refuses signalling yourself', async () => {
    const s = await world.server()
    const a = await world.client(s.url)
    const req = { to: 'someone', data: { candidate: null } }
    expect(errorCode(await a.emitWithAck('signal', req))).toBe('NOT_IN_ROOM')
    const ja = await join(a, { room: 'r', name: 'A' })
    const self = await a.emitWithAck('signal', { to: ja.self.id, data: { candidate: null } })
    expect(errorCode(self)).toBe('BAD_REQUEST')
  })
})

describe('hostile input', () => {
  it('answers malformed payloads with BAD_REQUEST and a message, and keeps serving', async () => {
    const s = await world.server()
    const a = await world.client(s.url)
    const bad: Array<[string, unknown]> = [
      ['room:join', null],
      ['room:join', 'friday'],
      ['room:join', { room: '../etc', name: 'A' }],
      ['room:join', { room: 'r', name: '   ' }],
      ['room:join', { room: 'r', name: 'x'.repeat(33) }],
      ['room:join', { room: 'r', name: 'A', admin: true }],
      ['room:join', { room: 'r', name: 'A', capacity: 2.5 }],
      ['room:leave', { now: 1 }],
      ['signal', { to: 'x' }],
      ['signal', { to: 'x', data: { description: { type: 'evil', sdp: '' } } }],
      ['signal', { to: 'x', data: { candidate: { candidate: 'c'.repeat(5000) } } }],
      ['room:kick', {}],
    ]
    for (const [event, payload] of bad) {
      const res = await raw(a).emitWithAck(event, payload)
      expect(res, `${event} ${JSON.stringify(payload)}`).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST' },
      })
      if (!res.ok) expect(res.error.message.length).toBeGreaterThan(3)
    }
    expect(await raw(a).emitWithAck('room:join', { room: 'r', name: 'A' })).toMatchObject({
      ok: true,
    })
  })

  it('survives events without an ack, unknown events and extra arguments', async () => {
    const s = await world.server()
    const a = await world.client(s.url)
    raw(a).emit('room:join', { room: 'r', name: 'A' })
    raw(a).emit('signal')
    raw(a).emit('__proto__', {})
    raw(a).emit('constructor', {}, () => {})
    expect(await raw(a).emitWithAck('admin:shutdown', {})).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'unknown event "admin:shutdown"' },
    })
    expect(errorCode(await raw(a).emitWithAck('room:join', { room: 'r', name: 'A' }, 'x'))).toBe(
      'BAD_REQUEST',
    )
    // The ack-less join above was ignored, so this one is the first.
    const ok = await join(a, { room: 'r', name: 'A' })
    expect(ok.peers).toEqual([])
  })

  it('closes a connection that sends an oversized frame without affecting others', async () => {
    const s = await world.server()
    const a = await world.client(s.url)
    const b = await world.client(s.url)
    const closed = new Promise<string>((resolve) => a.once('disconnect', resolve))
    raw(a).emit('signal', {
      to: 'x',
      data: { candidate: { candidate: 'x'.repeat(MAX_FRAME_BYTES) } },
    })
    expect(await closed).toBe('transport close')
    expect(await join(b, { room: 'r', name: 'B' })).toMatchObject({ peers: [] })
  })
  it('survives unparseable and deeply nested frames sent below the Socket.IO client', async () => {
    const s = await world.server()
    for (const frame of [
      `2["room:join",${'['.repeat(40_000)}${']'.repeat(40_000)}]`,
      '2garbage',
      '2["room:join",{"room":"r","name":"x","__proto__":{"ok":true}}]',
    ]) {
      const a = await world.client(s.url)
      const gone = new Promise<string>((resolve) => a.once('disconnect', resolve))
      // engine.send writes a raw Engine.IO message: the Socket.IO packet text is ours to forge.
      ;(a.io.engine as unknown as { send(message: string): void }).send(frame)
      a.emit('room:leave', {}, () => a.disconnect())
      expect(await gone).toMatch(/transport close|io client disconnect/)
    }
    const b = await world.client(s.url)
    expect(await join(b, { room: 'r', name: 'B' })).toMatchObject({ peers: [] })
  })
})

describe('rate limiting', () => {
  it('answers RATE_LIMITED once a socket spends its burst', async () => {
    const s = await world.server({ rateLimit: { burst: 5, perSecond: 1 } })
    const a = await world.client(s.url)
    const results = await Promise.all(
      Array.from({ length: 8 }, () => a.emitWithAck('room:leave', {})),
    )
    const codes = results.map(errorCode)
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('NOT_IN_ROOM'))
    expect(codes.slice(5)).toEqual(Array(3).fill('RATE_LIMITED'))
    const limited = results[7]
    expect(limited.ok ? null : limited.error.details?.retryAfterMs).toBeGreaterThan(0)
  })
})

describe('origin check', () => {
  it('refuses foreign browser origins and allows same-origin, configured, app and native clients', async () => {
    const s = await world.server({ allowedOrigins: ['https://moim.example'] })
    const host = new URL(s.url).host
    await expect(world.client(s.url, { Origin: 'https://evil.example' })).rejects.toThrow()
    await expect(world.client(s.url, { Origin: `http://${host}` })).resolves.toBeTruthy()
    await expect(world.client(s.url, { Origin: 'https://moim.example' })).resolves.toBeTruthy()
    await expect(world.client(s.url, { Origin: 'app://moim' })).resolves.toBeTruthy()
    await expect(world.client(s.url)).resolves.toBeTruthy()
    const metrics = await (await fetch(`${s.url}/metrics`)).text()
    expect(metrics).toContain('moim_rejected_messages_total{reason="ORIGIN"} 1')
  })
})
