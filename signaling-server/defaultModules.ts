/** The server modules every Moim signaling server runs. */
import { gameModule } from './game/gameModule'
import { gameLease } from './game/gameLease'
import type { ServerModule } from './modules'
import type { RedisClient } from './rooms/redisRoomStore'

/** With a Redis client (several processes), each room's game runs on one process at a time. */
export function defaultModules(redis?: RedisClient): ServerModule[] {
  return [gameModule(redis ? { coordinator: gameLease(redis) } : {})]
}
