/** Connects the Redis clients a clustered server needs: adapter pub/sub plus the room store. */
import { createAdapter } from '@socket.io/redis-adapter'
import type { ServerOptions } from 'socket.io'
import { createClient } from 'redis'
import type { Logger } from '../logger'
import { RedisRoomStore, type RedisClient } from './redisRoomStore'

const INITIAL_ATTEMPTS = 3

export interface RedisCluster {
  adapter: ServerOptions['adapter']
  store: RedisRoomStore
  /** For modules' own keys (the game lease). */
  client: RedisClient
  close(): Promise<void>
}

export async function connectRedis(
  url: string,
  logger: Logger,
  resumeGraceMs: number,
): Promise<RedisCluster> {
  // Until the first connection succeeds, give up after a few tries so a wrong REDIS_URL fails
  // startup with a message; once connected, keep reconnecting (with backoff) forever.
  let connected = false
  const pub = createClient({
    url,
    socket: {
      connectTimeout: 5_000,
      reconnectStrategy: (retries, cause) =>
        !connected && retries >= INITIAL_ATTEMPTS ? cause : Math.min(100 * 2 ** retries, 5_000),
    },
  })
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
    connected = true
  } catch (err) {
    for (const client of [pub, sub]) {
      // destroy() throws if the failed client already closed itself; either way it is gone.
      if (client.isOpen) client.destroy()
    }
    throw new Error(`cannot connect to Redis at ${url}: ${(err as Error).message}`)
  }
  const leaseMs = Math.max(30_000, resumeGraceMs + 15_000)
  return {
    adapter: createAdapter(pub, sub),
    store: new RedisRoomStore(pub, leaseMs),
    client: pub,
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()])
    },
  }
}
