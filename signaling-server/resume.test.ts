import { afterEach, describe, expect, it, vi } from 'vitest'
import { TestWorld, join, next, record } from './testing/harness'
import { createResumeToken, verifyResumeToken } from './resumeToken'

const world = new TestWorld()
afterEach(() => world.close())
const SECRET = 'test-secret-0123456789'
const TICKET = {
  instance: 'i1',
  capacity: 4,
  passwordHash: 'scrypt$salt$key',
  key: null,
  removed: [],
}

describe('resume tokens', () => {
  it('verify only with the right secret and before expiry, and hide what they carry', () => {
    const claim = {
      room: 'r',
      id: 'p1',
      name: 'A',
      exp: 2_000,
      iat: 0,
      ticket: TICKET,
    }
    const token = createResumeToken(SECRET, claim)
    expect(verifyResumeToken(SECRET, token, 1_000_000)).toEqual(claim)
    expect(verifyResumeToken('another-secret-xyz', token, 1_000_000)).toBeNull()
    expect(verifyResumeToken(SECRET, token, 2_000_001)).toBeNull()
    // The password hash and the room key travel encrypted.
    expect(token).not.toContain('scrypt')
    expect(Buffer.from(token.slice(3), 'base64url').toString('latin1')).not.toContain('scrypt')
    const raw = Buffer.from(token.slice(3), 'base64url')
    raw[20] ^= 1
    expect(verifyResumeToken(SECRET, `v2.${raw.toString('base64url')}`, 0)).toBeNull()
    expect(verifyResumeToken(SECRET, 'v2.', 0)).toBeNull()
    expect(verifyResumeToken(SECRET, 'garbage', 0)).toBeNull()
  })
})

describe('reconnecting', () => {
  it('gives a briefly dropped peer its id back without the others noticing', async () => {
    const s = await world.server({ secret: SECRET })
    const a = await world.client(s.url)
    const b1 = await world.client(s.url)
    await join(a, { room: 'r', name: 'A' })
    const jb = await join(b1, { room: 'r', name: 'B' })
    const aLeft = record(a, 'peer:left')
    const aJoined = record(a, 'peer:joined')

    b1.disconnect()
    const b2 = await world.client(s.url)
    const again = await join(b2, { room: 'r', name: 'B', resumeToken: jb.resumeToken })
    expect(again.self).toEqual(jb.self)
    expect(again.resumed).toBe(true)

    // Signals still flow to the resumed connection, and a never saw B leave or rejoin.
    const got = next(b2, 'signal')
    const ack = await a.emitWithAck('signal', { to: jb.self.id, data: { candidate: null } })
    expect(ack).toEqual({ ok: true })
    expect((await got).data).toEqual({ candidate: null })
    expect(aLeft).toEqual([])
    expect(aJoined).toEqual([])
  })

  it('holds signals sent to a dropped peer and delivers them after it resumes', async () => {
    const s = await world.server({ secret: SECRET })
    const a = await world.client(s.url)
    const b1 = await world.client(s.url)
    const ja = await join(a, { room: 'r', name: 'A' })
    const jb = await join(b1, { room: 'r', name: 'B' })
    const gone = new Promise((resolve) => b1.once('disconnect', resolve))
    b1.disconnect()
    await gone
    const offer = { description: { type: 'offer' as const, sdp: 'v=0 renegotiate' } }
    // Wait until the server has noticed the drop, then send while B is away.
    await vi.waitFor(async () => {
      const metrics = await (await fetch(`${s.url}/metrics`)).text()
      expect(metrics).toContain('moim_connected_sockets 1')
    })
    expect(await a.emitWithAck('signal', { to: jb.self.id, data: offer })).toEqual({ ok: true })
    expect(await a.emitWithAck('signal', { to: jb.self.id, data: { candidate: null } })).toEqual({
      ok: true,
    })

    const b2 = await world.client(s.url)
    const received = record(b2, 'signal')
    const again = await join(b2, { room: 'r', name: 'B', resumeToken: jb.resumeToken })
    expect(again.resumed).toBe(true)
    await vi.waitFor(() => expect(received).toHaveLength(2))
    expect(received).toEqual([
      { from: ja.self.id, data: offer },
      { from: ja.self.id, data: { candidate: null } },
    ])
  })

  it('announces peer:left once the grace period ends without a resume', async () => {
    const s = await world.server({ resumeGraceMs: 20 })
    const a = await world.client(s.url)
    const b = await world.client(s.url)
    await join(a, { room: 'r', name: 'A' })
    const jb = await join(b, { room: 'r', name: 'B' })
    const left = next(a, 'peer:left')
    b.disconnect()
    expect(await left).toEqual({ id: jb.self.id, reason: 'disconnected' })
  })

  it('restores the same ids after a server restart with the same secret', async () => {
    const first = await world.server({ secret: SECRET })
    const a1 = await world.client(first.url)
    const b1 = await world.client(first.url)
    const ja = await join(a1, { room: 'r', name: 'A', capacity: 3 })
    const jb = await join(b1, { room: 'r', name: 'B' })
    await first.close()

    const second = await world.server({ secret: SECRET })
    const a2 = await world.client(second.url)
    const b2 = await world.client(second.url)
    const ra = await join(a2, { room: 'r', name: 'A', capacity: 3, resumeToken: ja.resumeToken })
    const rb = await join(b2, { room: 'r', name: 'B', resumeToken: jb.resumeToken })
    expect([ra.self.id, rb.self.id]).toEqual([ja.self.id, jb.self.id])
    expect([ra.resumed, rb.resumed]).toEqual([true, true])
    expect(rb.peers).toEqual([ja.self])
  })

  it('ignores a token from another server secret or another room', async () => {
    const s = await world.server({ secret: SECRET })
    const a = await world.client(s.url)
    const foreign = createResumeToken('some-other-secret-1', {
      room: 'r',
      id: 'chosen-id',
      name: 'A',
      exp: Math.floor(Date.now() / 1000) + 60,
      iat: 0,
      ticket: TICKET,
    })
    const res = await join(a, { room: 'r', name: 'A', resumeToken: foreign })
    expect(res.self.id).not.toBe('chosen-id')
    expect(res.resumed).toBe(false)
    const b = await world.client(s.url)
    const elsewhere = await join(b, { room: 'other', name: 'B', resumeToken: res.resumeToken })
    expect(elsewhere.self.id).not.toBe(res.self.id)
    expect(elsewhere.resumed).toBe(false)
  })

  it('disconnects an older connection still holding a resumed id', async () => {
    const s = await world.server({ secret: SECRET })
    const a = await world.client(s.url)
    const ja = await join(a, { room: 'r', name: 'A' })
    const kickedOut = new Promise<string>((resolve) => a.once('disconnect', resolve))
    const a2 = await world.client(s.url)
    const again = await join(a2, { room: 'r', name: 'A', resumeToken: ja.resumeToken })
    expect(again.self.id).toBe(ja.self.id)
    expect(await kickedOut).toBe('io server disconnect')
  })
})
