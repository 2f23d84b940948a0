/**
 * Several server processes sharing Redis: exactly one runs a room's game at a time. That
 * process holds the room's lease (a Redis key with its id that it renews); it saves the game's
 * data to Redis after every change. Ops arriving at another process are forwarded to the holder
 * through the adapter (serverSideEmit). When the holder dies its lease runs out and the next op
 * or the watcher of any process takes the lease, reads the saved data and carries on from the
 * saved deadlines.
 */
import { randomBytes } from 'node:crypto'
import type { ModuleContext } from '../modules'
import type { RedisClient } from '../rooms/redisRoomStore'
import type { GameCoordinator } from './coordinator'
import type { GameData, GameOutput } from './gameRoom'
import type { GameService } from './gameService'
import type { GameOp, GameReply } from './ops'

export interface GameLeaseOptions {
  /** How long a lease lasts without renewal: a dead holder's games wait at most this long. */
  leaseMs?: number
  /** How long a forwarded op may take to be answered. */
  forwardTimeoutMs?: number
}

/** What another process answers to a forwarded op: handled only by the lease holder. */
export type ForwardAnswer = { handled: false } | { handled: true; reply: GameReply }

const DEFAULT_LEASE_MS = 6_000
const DEFAULT_FORWARD_MS = 2_000
/** Saved games outlive any real game; a room abandoned mid-game does not stay forever. */
const STATE_TTL_MS = 6 * 60 * 60 * 1000

const leaseKey = (roomId: string): string => `moim:game:lease:${roomId}`
const stateKey = (roomId: string): string => `moim:game:state:${roomId}`
const STATE_PREFIX = 'moim:game:state:'

// Renews (or releases) the lease only while it is still ours.
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export function gameLease(
  redis: RedisClient,
  options: GameLeaseOptions = {},
): (service: GameService, context: ModuleContext) => GameCoordinator {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS
  const forwardMs = options.forwardTimeoutMs ?? DEFAULT_FORWARD_MS
  return (service, context) => {
    const { io, logger } = context
    const me = randomBytes(9).toString('base64url')
    /** Per-room chain of Redis writes, so saved data lands in the order it changed. */
    const writes = new Map<string, Promise<unknown>>()
    let disposed = false

    const queue = (roomId: string, write: () => Promise<unknown>): void => {
      const next = (writes.get(roomId) ?? Promise.resolve())
        .then(write)
        .catch((err: unknown) => logger.error({ err, room: roomId }, 'saving the game failed'))
      writes.set(roomId, next)
      void next.then(() => {
        if (writes.get(roomId) === next) writes.delete(roomId)
      })
    }

    const acquire = async (roomId: string): Promise<boolean> => {
      const set = await redis.set(leaseKey(roomId), me, { NX: true, PX: leaseMs })
      if (set !== 'OK') return false
      const saved = await redis.get(stateKey(roomId))
      if (saved) {
        service.resume(JSON.parse(saved) as GameData)
        logger.info({ room: roomId }, 'took over a game')
      }
      return true
    }

    const forward = async (op: GameOp): Promise<GameReply | null> => {
      let timer: NodeJS.Timeout | undefined
      try {
        // The adapter gives up after its own requestsTimeout; ours is usually shorter.
        const answers = (await Promise.race([
          io.serverSideEmitWithAck('game:op', op),
          new Promise<ForwardAnswer[]>((resolve) => {
            timer = setTimeout(() => resolve([]), forwardMs)
          }),
        ])) as ForwardAnswer[]
        for (const answer of answers) if (answer.handled) return answer.reply
      } catch (err) {
        logger.debug({ err, op: op.kind }, 'forwarding a game op got no full answer')
      } finally {
        clearTimeout(timer)
      }
      return null
    }

    const route = async (op: GameOp): Promise<GameReply> => {
      const deadline = Date.now() + leaseMs * 2 + forwardMs
      for (;;) {
        if (service.has(op.roomId)) return service.apply(op)
        if (op.kind !== 'start' && !(await redis.exists(stateKey(op.roomId)))) {
          return service.apply(op) // no game anywhere: the local service answers that
        }
        if (await acquire(op.roomId)) return service.apply(op)
        const reply = await forward(op)
        if (reply) return reply
        // The holder is gone but its lease has not run out yet.
        if (Date.now() >= deadline || disposed) {
          return {
            ok: false,
            code: 'RATE_LIMITED',
            message: 'the game is moving to another server; try again',
            retryAfterMs: leaseMs,
          }
        }
        await sleep(Math.max(50, Math.floor(leaseMs / 6)))
      }
    }

    io.on('game:op', (op: GameOp, answer: (a: ForwardAnswer) => void) => {
      if (!service.has(op.roomId)) return answer({ handled: false })
      service.apply(op).then(
        (reply) => answer({ handled: true, reply }),
        (err: unknown) => {
          logger.error({ err, op: op.kind }, 'forwarded game op failed')
          answer({
            handled: true,
            reply: { ok: false, code: 'INTERNAL', message: 'internal error' },
          })
        },
      )
    })

    const renew = setInterval(
      () => {
        for (const roomId of service.rooms()) {
          redis
            .eval(RENEW, { keys: [leaseKey(roomId)], arguments: [me, String(leaseMs)] })
            .then((renewed) => {
              if (renewed === 1) return
              // Another process holds it now (we were cut off longer than the lease).
              logger.warn({ room: roomId }, 'lost a game lease')
              service.release(roomId)
            })
            .catch((err: unknown) =>
              logger.error({ err, room: roomId }, 'renewing a game lease failed'),
            )
        }
      },
      Math.floor(leaseMs / 3),
    )

    // Games whose holder died with no op arriving still need their timers: take them over.
    const watch = setInterval(() => {
      void (async () => {
        for await (const keys of redis.scanIterator({ MATCH: `${STATE_PREFIX}*`, COUNT: 100 })) {
          for (const key of keys) {
            const roomId = key.slice(STATE_PREFIX.length)
            if (disposed || service.has(roomId)) continue
            await acquire(roomId)
          }
        }
      })().catch((err: unknown) => logger.error({ err }, 'watching game leases failed'))
    }, leaseMs)
    renew.unref()
    watch.unref()

    return {
      route,
      output(roomId: string, base: GameOutput): GameOutput {
        return {
          toRoom: base.toRoom,
          toPeer: base.toPeer,
          saved(data) {
            if (data === null) {
              queue(roomId, async () => {
                await redis.del(stateKey(roomId))
                await redis.eval(RELEASE, { keys: [leaseKey(roomId)], arguments: [me] })
              })
              return
            }
            const json = JSON.stringify(data)
            queue(roomId, () => redis.set(stateKey(roomId), json, { PX: STATE_TTL_MS }))
          },
        }
      },
      dispose() {
        disposed = true
        clearInterval(renew)
        clearInterval(watch)
      },
    }
  }
}
