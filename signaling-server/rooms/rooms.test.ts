import { afterEach, describe, expect, it } from 'vitest'
import { TestWorld, errorCode, join, next } from '../testing/harness'

const world = new TestWorld()
afterEach(() => world.close())

describe('room passwords', () => {
  it('lets in the right password only and never reveals the hash', async () => {
    const s = await world.server()
    const [a, b] = await Promise.all([world.client(s.url), world.client(s.url)])
    const ja = await join(a, { room: 'secret', name: 'A', password: 'open sesame' })
    expect(ja.room.hasPassword).toBe(true)
    expect(JSON.stringify(ja)).not.toContain('scrypt')
    expect(await b.emitWithAck('room:join', { room: 'secret', name: 'B' })).toEqual({
      ok: false,
      error: { code: 'WRONG_PASSWORD', message: 'this room needs a password' },
    })
    const wrong = await b.emitWithAck('room:join', { room: 'secret', name: 'B', password: 'nope' })
    expect(errorCode(wrong)).toBe('WRONG_PASSWORD')
    const right = await join(b, { room: 'secret', name: 'B', password: 'open sesame' })
    expect(right.peers).toEqual([ja.self])
  })

  it('locks a client out of a room after repeated wrong guesses, even with the right one', async () => {
    const s = await world.server({ lockout: { maxAttempts: 3, lockMs: 60_000 } })
    const [a, b] = await Promise.all([world.client(s.url), world.client(s.url)])
    await join(a, { room: 'vault', name: 'A', password: 'correct horse' })
    const codes: Array<string | null> = []
    for (const guess of ['a', 'b', 'c', 'correct horse']) {
      codes.push(
        errorCode(await b.emitWithAck('room:join', { room: 'vault', name: 'B', password: guess })),
      )
    }
    expect(codes).toEqual(['WRONG_PASSWORD', 'WRONG_PASSWORD', 'LOCKED_OUT', 'LOCKED_OUT'])
    // A new connection from the same address is still locked out of that room...
    const c = await world.client(s.url)
    const again = await c.emitWithAck('room:join', {
      room: 'vault',
      name: 'C',
      password: 'correct horse',
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } })
    if (!again.ok) expect(again.error.details?.retryAfterMs).toBeGreaterThan(0)
    // ...but not out of other rooms.
    await expect(join(c, { room: 'other', name: 'C' })).resolves.toBeTruthy()
  })

  it('says ROOM_FULL for a full room before asking for its password', async () => {
    const s = await world.server()
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => world.client(s.url)))
    await join(a, { room: 'pair', name: 'A', password: 'pw', capacity: 2 })
    await join(b, { room: 'pair', name: 'B', password: 'pw' })
    const res = await c.emitWithAck('room:join', { room: 'pair', name: 'C' })
    expect(res).toEqual({
      ok: false,
      error: { code: 'ROOM_FULL', message: 'room is full (2 of 2)', details: { capacity: 2 } },
    })
  })
})

describe('host role', () => {
  it('hands the host role to the longest-present peer when the host leaves', async () => {
    const s = await world.server()
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => world.client(s.url)))
    const ja = await join(a, { room: 'r', name: 'A' })
    const jb = await join(b, { room: 'r', name: 'B' })
    const jc = await join(c, { room: 'r', name: 'C' })
    expect(jc.room.hostId).toBe(ja.self.id)
    const toB = next(b, 'room:host')
    const toC = next(c, 'room:host')
    await a.emitWithAck('room:leave', {})
    expect(await toB).toEqual({ hostId: jb.self.id })
    expect(await toC).toEqual({ hostId: jb.self.id })
  })

  it('lets only the host kick, tells the victim, and removes it from the room', async () => {
    const s = await world.server()
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => world.client(s.url)))
    const ja = await join(a, { room: 'r', name: 'A' })
    const jb = await join(b, { room: 'r', name: 'B' })
    const jc = await join(c, { room: 'r', name: 'C' })

    expect(await b.emitWithAck('room:kick', { id: jc.self.id })).toEqual({
      ok: false,
      error: { code: 'NOT_HOST', message: 'only the host can remove people' },
    })
    expect(errorCode(await a.emitWithAck('room:kick', { id: 'ghost' }))).toBe('UNKNOWN_PEER')

    const kicked = next(c, 'room:kicked')
    const seenByB = next(b, 'peer:left')
    expect(await a.emitWithAck('room:kick', { id: jc.self.id })).toEqual({ ok: true })
    expect(await kicked).toEqual({ by: ja.self.id })
    expect(await seenByB).toEqual({ id: jc.self.id, reason: 'kicked' })

    // The kicked peer can no longer reach the room.
    const attempt = await c.emitWithAck('signal', { to: jb.self.id, data: { candidate: null } })
    expect(errorCode(attempt)).toBe('NOT_IN_ROOM')
  })
})
