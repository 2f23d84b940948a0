/**
 * Scale-out: two server instances sharing one real redis-server. Every cross-instance effect
 * (announcements, relay, capacity) has to travel through Redis.
 */
import { createClient } from 'redis'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { TestWorld, errorCode, join, next } from '../testing/harness'
import { redisServerAvailable, startRedis, type RedisProcess } from '../testing/redisServer'
import { startServerProcess, type ServerProcess } from '../testing/serverProcess'
import { RedisRoomStore } from './redisRoomStore'

const skip = process.env.MOIM_SKIP_REDIS === '1'
if (!skip && !redisServerAvailable()) {
  throw new Error(
    'redis-server is not installed: install it (apt-get install redis-server) or set MOIM_SKIP_REDIS=1 to skip the scale-out tests.',
  )
}

describe('Redis connection', () => {
  it('fails startup with a clear message when REDIS_URL points nowhere', async () => {
    const { startServer } = await import('../start')
    // Port 9 (discard) on loopback has no Redis; the connection is refused at once.
    await expect(
      startServer({ port: 0, webRoot: null, logLevel: 'silent', redisUrl: 'redis://127.0.0.1:9' }),
    ).rejects.toThrow('cannot connect to Redis at redis://127.0.0.1:9')
  })
})

describe.skipIf(skip)('two server instances sharing Redis', () => {
  const world = new TestWorld()
  let redis: RedisProcess
  beforeAll(async () => {
    redis = await startRedis()
  })
  afterAll(() => redis?.stop())
  afterEach(() => world.close())

  it('two server processes: one room, signals both ways, capacity held across both', async () => {
    const processes: ServerProcess[] = []
    try {
      const env = { REDIS_URL: redis.url, MOIM_SECRET: 'process-test-secret-123' }
      processes.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])))
      const [p1, p2] = processes
      const a = await world.client(p1.url)
      const b = await world.client(p2.url)
      const ja = await join(a, { room: 'procs', name: 'A', capacity: 3 })
      const announced = next(a, 'peer:joined')
      const jb = await join(b, { room: 'procs', name: 'B' })
      expect(jb.peers).toEqual([ja.self])
      expect(await announced).toEqual(jb.self)
      const toA = next(a, 'signal')
      const toB = next(b, 'signal')
      await b.emitWithAck('signal', { to: ja.self.id, data: { candidate: null } })
      await a.emitWithAck('signal', { to: jb.self.id, data: { candidate: null } })
      expect((await toA).from).toBe(jb.self.id)
      expect((await toB).from).toBe(ja.self.id)

      const racers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => world.client(i % 2 ? p1.url : p2.url)),
      )
      const results = await Promise.all(
        racers.map((c, i) => c.emitWithAck('room:join', { room: 'procs', name: `r${i}` })),
      )
      expect(results.filter((r) => r.ok)).toHaveLength(1)
      expect(results.filter((r) => errorCode(r) === 'ROOM_FULL')).toHaveLength(9)
    } finally {
      await world.close()
      await Promise.all(processes.map((p) => p.stop()))
    }
  })

  it('puts clients of different instances in one room and relays between them', async () => {
    const s1 = await world.server({ redisUrl: redis.url })
    const s2 = await world.server({ redisUrl: redis.url })
    const a = await world.client(s1.url)
    const b = await world.client(s2.url)
    const ja = await join(a, { room: 'shared', name: 'A', capacity: 4 })
    const announced = next(a, 'peer:joined')
    const jb = await join(b, { room: 'shared', name: 'B' })
    expect(jb.peers).toEqual([ja.self])
    expect(jb.room).toMatchObject({ capacity: 4, hostId: ja.self.id })
    expect(await announced).toEqual(jb.self)

    const toA = next(a, 'signal')
    expect(await b.emitWithAck('signal', { to: ja.self.id, data: { candidate: null } })).toEqual({
      ok: true,
    })
    expect(await toA).toEqual({ from: jb.self.id, data: { candidate: null } })
    const toB = next(b, 'signal')
    await a.emitWithAck('signal', {
      to: jb.self.id,
      data: { description: { type: 'answer', sdp: 'x' } },
    })
    expect((await toB).from).toBe(ja.self.id)

    // Host handover and kick work across instances too.
    const c = await world.client(s2.url)
    const jc = await join(c, { room: 'shared', name: 'C' })
    const kicked = next(c, 'room:kicked')
    const leftForB = next(b, 'peer:left')
    expect(await a.emitWithAck('room:kick', { id: jc.self.id })).toEqual({ ok: true })
    expect(await kicked).toEqual({ by: ja.self.id })
    expect(await leftForB).toEqual({ id: jc.self.id, reason: 'kicked' })
    const newHost = next(b, 'room:host')
    await a.emitWithAck('room:leave', {})
    expect(await newHost).toEqual({ hostId: jb.self.id })
  })

  it('holds capacity across instances: 20 simultaneous joins to a capacity-4 room admit 4', async () => {
    const s1 = await world.server({ redisUrl: redis.url })
    const s2 = await world.server({ redisUrl: redis.url })
    const clients = await Promise.all(
      Array.from({ length: 20 }, (_, i) => world.client(i % 2 === 0 ? s1.url : s2.url)),
    )
    const results = await Promise.all(
      clients.map((c, i) =>
        c.emitWithAck('room:join', { room: 'race', name: `p${i}`, capacity: 4 }),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(4)
    expect(results.filter((r) => errorCode(r) === 'ROOM_FULL')).toHaveLength(16)
  })

  it('shares room passwords and resumes a peer on the other instance', async () => {
    const secret = 'shared-secret-0123456789'
    const s1 = await world.server({ redisUrl: redis.url, secret })
    const s2 = await world.server({ redisUrl: redis.url, secret })
    const a = await world.client(s1.url)
    const b = await world.client(s2.url)
    const ja = await join(a, { room: 'locked', name: 'A', password: 'pw' })
    const wrong = await b.emitWithAck('room:join', { room: 'locked', name: 'B', password: 'no' })
    expect(errorCode(wrong)).toBe('WRONG_PASSWORD')

    a.disconnect()
    const a2 = await world.client(s2.url)
    const again = await join(a2, { room: 'locked', name: 'A', resumeToken: ja.resumeToken })
    expect(again).toMatchObject({ self: ja.self, resumed: true })
  })

  it('six concurrent right-password joins across instances admit only the free places', async () => {
    const s1 = await world.server({ redisUrl: redis.url, trustProxy: 1 })
    const s2 = await world.server({ redisUrl: redis.url, trustProxy: 1 })
    const host = await world.client(s1.url)
    await join(host, { room: 'pw-race', name: 'H', password: 'pw', capacity: 3 })
    const racers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        world.client(i % 2 ? s1.url : s2.url, { 'X-Forwarded-For': `198.51.100.${i + 10}` }),
      ),
    )
    const results = await Promise.all(
      racers.map((c, i) =>
        c.emitWithAck('room:join', { room: 'pw-race', name: `p${i}`, password: 'pw' }),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(2)
    expect(results.filter((r) => errorCode(r) === 'ROOM_FULL')).toHaveLength(4)
  })

  it('the Lua join refuses a full room and a removed peer, and lets a held place back in', async () => {
    const client = createClient({ url: redis.url })
    await client.connect()
    try {
      const store = new RedisRoomStore(client, 60_000)
      const member = (id: string, address = `192.0.2.${id.length}`) => ({
        id,
        name: id,
        session: `s-${id}`,
        joinedAt: Date.now(),
        address,
      })
      const join = async (id: string, address?: string) =>
        store.join({
          roomId: 'lua',
          member: member(id, address),
          address: address ?? `192.0.2.${id.length}`,
          settings: { instance: 'lua-1', capacity: 2, passwordHash: null, key: null },
          expectedInstance: (await store.get('lua'))?.instance ?? null,
        })
      expect(await join('a')).toMatchObject({ ok: true, created: true })
      expect(await join('bb')).toMatchObject({ ok: true })
      expect(await join('ccc')).toEqual({ ok: false, reason: 'ROOM_FULL', capacity: 2 })
      expect(await join('bb')).toMatchObject({ ok: true, rejoined: true })
      await store.ban('lua', [{ id: 'bb', name: 'bb', address: '198.51.100.7' }])
      await store.leave('lua', 'bb')
      expect(await join('bb')).toEqual({ ok: false, reason: 'REMOVED' })
      expect(await join('dddd', '198.51.100.7')).toEqual({ ok: false, reason: 'REMOVED' })
      expect((await store.get('lua'))?.removed).toEqual([
        { id: 'bb', name: 'bb', address: '198.51.100.7' },
      ])
      expect(await store.unban('lua', 'bb')).toEqual([])
      expect(await store.unban('lua', 'bb')).toBeNull()
      expect(await join('bb')).toMatchObject({ ok: true, rejoined: false })
      // A stale instance means the room was recreated meanwhile: the caller must look again.
      expect(
        await store.join({
          roomId: 'lua',
          member: member('eeeee'),
          address: '192.0.2.5',
          settings: { instance: 'x', capacity: 2, passwordHash: null, key: null },
          expectedInstance: 'not-this-one',
        }),
      ).toEqual({ ok: false, reason: 'RETRY' })
    } finally {
      await client.quit()
    }
  })

  it('two joins racing on one connection leave no ghost member (stale room on another process)', async () => {
    const s1 = await world.server({ redisUrl: redis.url })
    const s2 = await world.server({ redisUrl: redis.url })
    const a = await world.client(s1.url)
    const b = await world.client(s2.url)
    await join(a, { room: 'ghost', name: 'A' })
    const jb = await join(b, { room: 'ghost', name: 'B' })
    // Kicked through process 1: process 2 still believes b is in "ghost" until it checks.
    const kicked = next(b, 'room:kicked')
    await a.emitWithAck('room:kick', { id: jb.self.id })
    await kicked
    const [first, second] = await Promise.all([
      b.emitWithAck('room:join', { room: 'other', name: 'B' }),
      b.emitWithAck('room:join', { room: 'other', name: 'B' }),
    ])
    expect([first.ok, second.ok].filter(Boolean)).toHaveLength(1)
    expect(errorCode(first.ok ? second : first)).toBe('ALREADY_IN_ROOM')
    const watcher = await world.client(s1.url)
    const seen = await join(watcher, { room: 'other', name: 'W' })
    expect(seen.peers).toHaveLength(1)
  })

  it('expires the places of a process that stopped renewing them (crash), freeing capacity', async () => {
    const client = createClient({ url: redis.url })
    await client.connect()
    try {
      // a and b are held by a process that dies (short leases nobody renews); c and d by one
      // that lives on. a's and b's leases lapse at slightly different moments, so c may get in
      // before d does; both must be in once neither crashed place counts any more.
      const crashed = new RedisRoomStore(client, 200)
      const alive = new RedisRoomStore(client, 60_000)
      const member = (id: string) => ({
        id,
        name: id,
        session: `s-${id}`,
        joinedAt: Date.now(),
        address: '192.0.2.1',
      })
      const join = async (store: RedisRoomStore, id: string) =>
        store.join({
          roomId: 'lease',
          member: member(id),
          address: '192.0.2.1',
          settings: { instance: 'lease-1', capacity: 2, passwordHash: null, key: null },
          expectedInstance: (await store.get('lease'))?.instance ?? null,
        })
      expect(await join(crashed, 'a')).toMatchObject({ ok: true, created: true })
      expect(await join(crashed, 'b')).toMatchObject({ ok: true })
      expect(await join(alive, 'c')).toMatchObject({ ok: false, reason: 'ROOM_FULL' })
      await vi.waitFor(
        async () => {
          expect(await join(alive, 'c')).toMatchObject({ ok: true })
          expect(await join(alive, 'd')).toMatchObject({ ok: true })
        },
        { timeout: 5_000, interval: 100 },
      )
      const room = await alive.get('lease')
      expect(room?.hostId).toBe('c')
      expect((await alive.members('lease')).map((m) => m.id).sort()).toEqual(['c', 'd'])
    } finally {
      await client.quit()
    }
  })
})
