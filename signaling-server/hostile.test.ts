/**
 * Attacks 3 (DNS rebinding) and 7 (flooding) against a real server and real socket clients.
 */
import { request } from 'node:http'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RoomHandlers } from './roomHandlers'
import { TestWorld, join, next, raw, refusedConnection } from './testing/harness'

const world = new TestWorld()
afterEach(() => world.close())

function get(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    req.end()
  })
}

describe('DNS rebinding', () => {
  it('refuses handshakes and pages for a host name the server is not known by', async () => {
    const s = await world.server()
    // evil.test resolved to this server: same-origin as far as the browser is concerned.
    const evil = { Host: 'evil.test', Origin: 'http://evil.test' }
    expect(await refusedConnection(s.url, evil)).toBe('websocket error')
    expect(await get(`${s.url}/healthz`, { Host: 'evil.test' })).toBe(421)
    expect(await get(`${s.url}/socket.io/?EIO=4&transport=polling`, evil)).toBe(403)
    // Names it is known by, and IP literals, still work.
    expect(await get(`${s.url}/healthz`, { Host: 'localhost:1' })).toBe(200)
    expect(await get(`${s.url}/healthz`, { Host: '192.168.1.20:4477' })).toBe(200)
    await expect(world.client(s.url, { Origin: s.url })).resolves.toBeTruthy()
  })

  it('accepts the PUBLIC_URL and ALLOWED_ORIGINS host names', async () => {
    const s = await world.server({
      publicUrl: 'https://moim.example.com',
      allowedOrigins: ['https://friends.example.org'],
    })
    expect(await get(`${s.url}/healthz`, { Host: 'moim.example.com' })).toBe(200)
    expect(await get(`${s.url}/healthz`, { Host: 'friends.example.org' })).toBe(200)
    expect(await get(`${s.url}/healthz`, { Host: 'moim.example.com.evil.test' })).toBe(421)
  })
})

describe('flooding', () => {
  it('closes a connection that keeps sending while refused, and only that one', async () => {
    const s = await world.server({
      rateLimit: { burst: 20, perSecond: 1 },
      flood: { strikesBeforeDisconnect: 30 },
    })
    const flooder = await world.client(s.url)
    const bystander = await world.client(s.url)
    const closed = new Promise<string>((resolve) => flooder.once('disconnect', resolve))
    for (let i = 0; i < 200; i++) raw(flooder).emit('noise', i)
    expect(await closed).toBe('io server disconnect')
    expect(bystander.connected).toBe(true)
    await expect(join(bystander, { room: 'calm', name: 'B' })).resolves.toBeTruthy()
  })

  it('keeps out an address whose connections keep getting cut off', async () => {
    const s = await world.server({ trustProxy: 1, flood: { strikesBeforeDisconnect: 10 } })
    const from = { 'X-Forwarded-For': '203.0.113.66' }
    for (let round = 0; round < 2; round++) {
      const flooder = await world.client(s.url, from)
      const closed = new Promise((resolve) => flooder.once('disconnect', resolve))
      for (let i = 0; i < 20; i++) raw(flooder).emit('noise', i)
      await closed
    }
    expect(await refusedConnection(s.url, from)).toBe('websocket error')
    await expect(world.client(s.url, { 'X-Forwarded-For': '203.0.113.67' })).resolves.toBeTruthy()
  })

  it('closes a connection sending large frames faster than any client needs', async () => {
    const s = await world.server({ flood: { bytesBurst: 512 * 1024, bytesPerSecond: 1024 } })
    const flooder = await world.client(s.url)
    const closed = new Promise<string>((resolve) => flooder.once('disconnect', resolve))
    const big = 'x'.repeat(100 * 1024)
    for (let i = 0; i < 10; i++) raw(flooder).emit('noise', big)
    expect(await closed).toBe('io server disconnect')
  })

  it('limits connections and messages per address (IPv6 /64 counts as one)', async () => {
    const s = await world.server({
      trustProxy: 1,
      flood: { maxConnectionsPerAddress: 3, addressBurst: 5, addressPerSecond: 1 },
    })
    const from = (address: string) => ({ 'X-Forwarded-For': address })
    const same = await Promise.all(
      ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2::3'].map((a) =>
        world.client(s.url, from(a)),
      ),
    )
    expect(await refusedConnection(s.url, from('2001:db8:1:2::99'))).toBe('websocket error')
    await expect(world.client(s.url, from('2001:db8:1:3::1'))).resolves.toBeTruthy()
    // The three connections share one message budget of 5.
    const answers = await Promise.all(
      same.flatMap((c) => [1, 2, 3].map(() => c.emitWithAck('room:leave', {}))),
    )
    const limited = answers.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED')
    expect(limited).toHaveLength(9 - 5)
  })

  it('caps what is held for dropped peers per room and for the whole server', async () => {
    let rooms: RoomHandlers | undefined
    const s = await world.server({
      secret: 'held-secret-0123456789',
      flood: { maxHeldBytesPerRoom: 40_000, maxHeldBytesTotal: 60_000 },
      onRooms: (r) => (rooms = r),
    })
    const sdp = 'v=0 '.padEnd(9_000, 'x')
    for (const room of ['one', 'two']) {
      const sender = await world.client(s.url)
      const dropped = await world.client(s.url)
      await join(sender, { room, name: 'S' })
      const jd = await join(dropped, { room, name: 'D' })
      dropped.disconnect()
      await vi.waitFor(async () => {
        const ack = await sender.emitWithAck('signal', {
          to: jd.self.id,
          data: { description: { type: 'offer', sdp } },
        })
        expect(ack.ok).toBe(true)
        expect(rooms?.heldBytes()).toBeGreaterThan(0)
      })
      for (let i = 0; i < 10; i++) {
        await sender.emitWithAck('signal', {
          to: jd.self.id,
          data: { description: { type: 'offer', sdp } },
        })
      }
    }
    // Room one stopped at its 40 kB; room two at what the 60 kB total left.
    expect(rooms?.heldBytes()).toBeLessThanOrEqual(60_000)
    expect(rooms?.heldBytes()).toBeGreaterThan(50_000)
  })

  it('another room keeps signalling while 200 connections flood (bounded, no timing)', async () => {
    const s = await world.server({ flood: { strikesBeforeDisconnect: 50 } })
    const a = await world.client(s.url)
    const b = await world.client(s.url)
    await join(a, { room: 'quiet', name: 'A' })
    const jb = await join(b, { room: 'quiet', name: 'B' })
    const flooders = await Promise.all(Array.from({ length: 200 }, () => world.client(s.url)))
    const gone = flooders.map((f) => new Promise((resolve) => f.once('disconnect', resolve)))
    for (let round = 0; round < 300; round++) for (const f of flooders) raw(f).emit('noise')
    // Every round trip of the quiet room still completes while the flood is processed...
    for (let i = 0; i < 20; i++) {
      const got = next(b, 'signal')
      expect(await a.emitWithAck('signal', { to: jb.self.id, data: { candidate: null } })).toEqual({
        ok: true,
      })
      await got
    }
    // ...and every flooder ends up disconnected.
    await Promise.all(gone)
  }, 60_000)
})
