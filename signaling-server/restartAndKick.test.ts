/**
 * Attacks 4 (a restart hands the room to whoever comes first), 5 (a kicked peer walks back in)
 * and 8 (join races and the store's own capacity check) against real servers and clients.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { TestWorld, errorCode, join, next, type TestClient } from './testing/harness'

const world = new TestWorld()
afterEach(() => world.close())
const SECRET = 'restart-secret-0123456789'
const from = (address: string) => ({ 'X-Forwarded-For': address })

function latestToken(client: TestClient, initial: string): () => string {
  let token = initial
  client.on('room:token', (p) => (token = p.resumeToken))
  return () => token
}

describe('a restart changes nothing for members', () => {
  it('restores capacity and password from the returning member, not its lobby form', async () => {
    const s1 = await world.server({ secret: SECRET })
    const [a, b] = await Promise.all([world.client(s1.url), world.client(s1.url)])
    const ja = await join(a, { room: 'r', name: 'A', password: 'pw', capacity: 2 })
    const jb = await join(b, { room: 'r', name: 'B', password: 'pw' })
    await s1.close()

    const s2 = await world.server({ secret: SECRET, restoreWindowMs: 400 })
    // A stranger who is first after the restart cannot take the room.
    const stranger = await world.client(s2.url)
    const early = await stranger.emitWithAck('room:join', { room: 'r', name: 'X' })
    expect(early).toMatchObject({ ok: false, error: { code: 'RESTARTING' } })
    if (!early.ok) expect(early.error.details?.retryAfterMs).toBeGreaterThan(0)

    // A comes back with what its lobby form says today: no password, capacity 6.
    const a2 = await world.client(s2.url)
    const ra = await join(a2, { room: 'r', name: 'A', capacity: 6, resumeToken: ja.resumeToken })
    expect(ra).toMatchObject({ self: ja.self, resumed: true })
    expect(ra.room).toMatchObject({ capacity: 2, hasPassword: true })

    // After the window the stranger meets the old password...
    await vi.waitFor(
      async () => {
        const res = await stranger.emitWithAck('room:join', { room: 'r', name: 'X' })
        expect(errorCode(res)).toBe('WRONG_PASSWORD')
      },
      { timeout: 3000, interval: 100 },
    )
    // ...and B still finds its place.
    const b2 = await world.client(s2.url)
    const rb = await join(b2, { room: 'r', name: 'B', resumeToken: jb.resumeToken })
    expect(rb).toMatchObject({ self: jb.self, resumed: true })
    const third = await world.client(s2.url)
    const full = await third.emitWithAck('room:join', { room: 'r', name: 'C', password: 'pw' })
    expect(errorCode(full)).toBe('ROOM_FULL')
  })

  it("a restore into a room that filled meanwhile is refused by the store's own check", async () => {
    const s1 = await world.server({ secret: SECRET })
    const [a, b] = await Promise.all([world.client(s1.url), world.client(s1.url)])
    const ja = await join(a, { room: 'pair', name: 'A', capacity: 2 })
    const jb = await join(b, { room: 'pair', name: 'B' })
    await s1.close()
    const s2 = await world.server({ secret: SECRET })
    await join(await world.client(s2.url), { room: 'pair', name: 'A', resumeToken: ja.resumeToken })
    await join(await world.client(s2.url), { room: 'pair', name: 'D' })
    const late = await world.client(s2.url)
    const res = await late.emitWithAck('room:join', {
      room: 'pair',
      name: 'B',
      resumeToken: jb.resumeToken,
    })
    expect(res).toMatchObject({ ok: false, error: { code: 'ROOM_FULL', details: { capacity: 2 } } })
  })
})

describe('kicked means out', () => {
  it('a kicked peer cannot resume or rejoin from its address until the host allows it', async () => {
    const s = await world.server({ secret: SECRET, trustProxy: 1 })
    const a = await world.client(s.url, from('198.51.100.1'))
    const b = await world.client(s.url, from('198.51.100.2'))
    const c = await world.client(s.url, from('198.51.100.3'))
    const ja = await join(a, { room: 'r', name: 'A' })
    await join(b, { room: 'r', name: 'B' })
    const jc = await join(c, { room: 'r', name: 'C' })
    const removedSeen = next(b, 'room:removed')
    const tokenForB = next(b, 'room:token')
    expect(await a.emitWithAck('room:kick', { id: jc.self.id })).toEqual({ ok: true })
    expect(await removedSeen).toEqual({ removed: [{ id: jc.self.id, name: 'C' }] })
    await tokenForB

    const again = await c.emitWithAck('room:join', {
      room: 'r',
      name: 'C',
      resumeToken: jc.resumeToken,
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'KICKED' } })
    const fresh = await world.client(s.url, from('198.51.100.3'))
    expect(errorCode(await fresh.emitWithAck('room:join', { room: 'r', name: 'C2' }))).toBe(
      'KICKED',
    )
    // Only the host may let them back.
    expect(errorCode(await b.emitWithAck('room:allow', { id: jc.self.id }))).toBe('NOT_HOST')
    expect(await a.emitWithAck('room:allow', { id: jc.self.id })).toEqual({ ok: true })
    const back = await join(fresh, { room: 'r', name: 'C' })
    expect(back.room.removed).toEqual([])
    expect(back.room.hostId).toBe(ja.self.id)
  })

  it('a resume token dies when its peer leaves', async () => {
    const s = await world.server({ secret: SECRET })
    const [a, b] = await Promise.all([world.client(s.url), world.client(s.url)])
    await join(a, { room: 'r', name: 'A' })
    const jb = await join(b, { room: 'r', name: 'B' })
    await b.emitWithAck('room:leave', {})
    const again = await join(b, { room: 'r', name: 'B', resumeToken: jb.resumeToken })
    expect(again.resumed).toBe(false)
    expect(again.self.id).not.toBe(jb.self.id)
  })

  it('a kicked peer who is first back after a restart is put out again', async () => {
    const s1 = await world.server({ secret: SECRET, trustProxy: 1 })
    const a = await world.client(s1.url, from('198.51.100.1'))
    const c = await world.client(s1.url, from('198.51.100.3'))
    const ja = await join(a, { room: 'r', name: 'A' })
    const hostToken = latestToken(a, ja.resumeToken)
    const jc = await join(c, { room: 'r', name: 'C' })
    const refreshed = next(a, 'room:token')
    await a.emitWithAck('room:kick', { id: jc.self.id })
    await refreshed
    await s1.close()

    const s2 = await world.server({ secret: SECRET, trustProxy: 1 })
    const c2 = await world.client(s2.url, from('198.51.100.3'))
    await join(c2, { room: 'r', name: 'C', resumeToken: jc.resumeToken })
    const putOut = next(c2, 'room:kicked')
    const a2 = await world.client(s2.url, from('198.51.100.1'))
    const ra = await join(a2, { room: 'r', name: 'A', resumeToken: hostToken() })
    await putOut
    expect(ra.room.removed).toEqual([{ id: jc.self.id, name: 'C' }])
    const retry = await c2.emitWithAck('room:join', {
      room: 'r',
      name: 'C',
      resumeToken: jc.resumeToken,
    })
    expect(errorCode(retry)).toBe('KICKED')
  })
})

describe('capacity is the store’s decision', () => {
  it('six concurrent right-password joins into a room with two free places admit two', async () => {
    const s = await world.server({ trustProxy: 1 })
    const host = await world.client(s.url)
    await join(host, { room: 'locked', name: 'H', password: 'pw', capacity: 3 })
    const racers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => world.client(s.url, from(`198.51.100.${i + 10}`))),
    )
    // Each passes the handler's count before its password check; the store decides at the end.
    const results = await Promise.all(
      racers.map((c, i) =>
        c.emitWithAck('room:join', { room: 'locked', name: `p${i}`, password: 'pw' }),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(2)
    expect(results.filter((r) => errorCode(r) === 'ROOM_FULL')).toHaveLength(4)
  })

  it('a peer resuming the place it holds gets in even when the room is full', async () => {
    const s = await world.server({ secret: SECRET })
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => world.client(s.url)))
    await join(a, { room: 'pair', name: 'A', capacity: 2 })
    const jb = await join(b, { room: 'pair', name: 'B' })
    b.disconnect()
    expect(errorCode(await c.emitWithAck('room:join', { room: 'pair', name: 'C' }))).toBe(
      'ROOM_FULL',
    )
    const b2 = await world.client(s.url)
    const again = await join(b2, { room: 'pair', name: 'B', resumeToken: jb.resumeToken })
    expect(again).toMatchObject({ self: jb.self, resumed: true })
  })
})
