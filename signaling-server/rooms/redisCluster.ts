/** Connects the Redis clients a clustered server needs: adapter pub/sub plus the room store. */
import { createAdapter } from '@socket.io/redis-adapter'
import type { ServerOptions } from 'socket.io'
import { createClient } from 'redis'
import type { Logger } from '../logger'
import { RedisRoomStore } from './redisRoomStore'

export interface RedisCluster {
  adapter: ServerOptions['adapter']
  store: RedisRoomStore
  close(): Promise<void>
}

export async function connectRedis(
  url: string,
  logger: Logger,
  resumeGraceMs: number,
): Promise<RedisCluster> {
  const pub = createClient({ url })
  const sub = pub.duplicate()
  for (const [role, client] of [
    ['pub', pub],
    ['sub', sub],
  ] as const) {
    // Without a listener node-redis throws on connection errors; it reconnects by itself.
    client.on('error', (err: unknown) => logger.error({ err, role }, 'redis error'))
  }
  try {
    await Promise.all([pub.connect(), sub.connect()])
  } catch (err) {
    await Promise.allSettled([pub.destroy(), sub.destroy()])
    throw new Error(`cannot connect to Redis at ${url}: ${(err as Error).message}`)
  }
  const leaseMs = Math.max(30_000, resumeGraceMs + 15_000)
  return {
    adapter: createAdapter(pub, sub),
    store: new RedisRoomStore(pub, leaseMs),
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()])
    },
  }
}
