/**
 * Two server processes sharing a real redis-server: one runs the room's game, the other
 * forwards to it, and takes the game over when the first one dies.
 */
import { createClient } from 'redis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GameSettings } from '../../src/shared/game/settings'
import { TestWorld, join, next } from '../testing/harness'
import { redisServerAvailable, startRedis, type RedisProcess } from '../testing/redisServer'
import { startServerProcess, type ServerProcess } from '../testing/serverProcess'

const skip = process.env.MOIM_SKIP_REDIS === '1'
if (!skip && !redisServerAvailable()) {
  throw new Error('redis-server is not installed (or set MOIM_SKIP_REDIS=1)')
}

const settings: GameSettings = {
  rounds: 1,
  drawTimeSec: 120,
  wordChoices: 1,
  hints: 0,
  language: 'en',
  customWords: ['umbrella'],
  customOnly: true,
}

describe.skipIf(skip)('a game across two processes sharing Redis', () => {
  let redis: RedisProcess
  beforeAll(async () => {
    redis = await startRedis()
  })
  afterAll(() => redis?.stop())

  it('runs on one process at a time and moves to the other when that one dies', async () => {
    const world = new TestWorld()
    const processes: ServerProcess[] = []
    const inspect = createClient({ url: redis.url })
    await inspect.connect()
    try {
      const env = { REDIS_URL: redis.url, MOIM_SECRET: 'game-lease-test-secret-1' }
      processes.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])))
      const [p1, p2] = processes
      const a = await world.client(p1.url)
      const b = await world.client(p2.url)
      const c = await world.client(p2.url)
      await join(a, { room: 'lease', name: 'Ara' })
      const jb = await join(b, { room: 'lease', name: 'Bo' })
      await join(c, { room: 'lease', name: 'Cy' })

      // The host is on p1: the game runs there and p1 holds the lease.
      expect(await a.emitWithAck('game:start', { settings })).toMatchObject({ ok: true })
      const holder = await inspect.get('moim:game:lease:lease')
      expect(holder).toBeTruthy()
      expect(await a.emitWithAck('game:choose', { turn: 1, index: 0 })).toEqual({ ok: true })

      // A guess on p2 is judged once, by p1, and its chat line reaches everyone.
      const line = next(c, 'game:chat')
      expect(await b.emitWithAck('game:guess', { text: 'raincoat' })).toEqual({
        ok: true,
        result: 'wrong',
      })
      expect(await line).toEqual({ kind: 'guess', from: jb.self.id, name: 'Bo', text: 'raincoat' })
      expect(await inspect.get('moim:game:lease:lease')).toBe(holder)

      // p1 dies without cleaning up; p2 takes the game over once the lease runs out.
      await p1.stop('SIGKILL')
      const synced = await c.emitWithAck('game:sync', {})
      expect(synced).toMatchObject({ ok: true, state: { phase: 'drawing', turn: 1 } })
      const newHolder = await inspect.get('moim:game:lease:lease')
      expect(newHolder).toBeTruthy()
      expect(newHolder).not.toBe(holder)

      expect(await b.emitWithAck('game:guess', { text: 'umbrella' })).toEqual({
        ok: true,
        result: 'correct',
      })
      // The new holder judged it: a second correct guess by Bo is ignored there too.
      expect(await b.emitWithAck('game:guess', { text: 'umbrella' })).toEqual({
        ok: true,
        result: 'ignored',
      })
    } finally {
      await world.close()
      await inspect.quit()
      await Promise.all(processes.map((p) => p.stop()))
    }
  }, 40_000)
})
