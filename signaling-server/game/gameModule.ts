/**
 * The draw-and-guess game as a server module: validates the game:* requests, turns them and
 * the room's membership events into ops, and routes them to wherever the room's game runs.
 */
import { randomBytes } from 'node:crypto'
import {
  gameChooseRequestSchema,
  gameGuessRequestSchema,
  gameStartRequestSchema,
  gameStopRequestSchema,
  gameSyncRequestSchema,
} from '../../src/shared/game/protocol'
import { describeZodError, type Ack } from '../../src/shared/protocol'
import type { ModuleContext, ServerModule } from '../modules'
import type { MoimSocket } from '../types'
import { peerChannel, roomChannel } from '../types'
import { systemClock, type GameClock } from './clock'
import type { GameCoordinator } from './coordinator'
import type { GameOutput } from './gameRoom'
import { GameService } from './gameService'
import type { GameOp, GameReply } from './ops'
import type { z } from 'zod'

export interface GameModuleOptions {
  clock?: GameClock
  random?: () => number
  /**
   * Builds the coordinator for this server (gameLease.ts when the rooms live in Redis). Default:
   * every game runs in this process.
   */
  coordinator?: (service: GameService, context: ModuleContext) => GameCoordinator
  /** Gets the service, for tests that look inside. */
  onService?: (service: GameService) => void
}

export function gameModule(options: GameModuleOptions = {}): ServerModule {
  return {
    name: 'game',
    setup(context) {
      const { io, logger } = context
      const output = (roomId: string): GameOutput => ({
        toRoom: (event, payload) => {
          ;(io.to(roomChannel(roomId)).emit as (e: string, p: unknown) => void)(event, payload)
        },
        toPeer: (peerId, event, payload) => {
          ;(io.to(peerChannel(peerId)).emit as (e: string, p: unknown) => void)(event, payload)
        },
        saved: () => {},
      })
      // Assigned right below; the service only asks for outputs once games start.
      let coordinator: GameCoordinator | null = null
      const service = new GameService({
        store: context.store,
        clock: options.clock ?? systemClock,
        output: (roomId) => coordinator?.output?.(roomId, output(roomId)) ?? output(roomId),
        newGameId: () => randomBytes(9).toString('base64url'),
        random: options.random,
      })
      options.onService?.(service)
      const routes: GameCoordinator = options.coordinator?.(service, context) ?? {
        route: (op) => service.apply(op),
        dispose: () => {},
      }
      coordinator = routes

      const toAck = (reply: GameReply): Ack => {
        if (reply.ok) {
          const { ok, ...rest } = reply
          return { ok, ...rest }
        }
        const details =
          reply.retryAfterMs !== undefined ? { retryAfterMs: reply.retryAfterMs } : undefined
        return context.fail(reply.code, reply.message, details)
      }

      const handle = <S extends z.ZodType>(
        event: string,
        schema: S,
        toOp: (req: z.infer<S>, where: { roomId: string; peerId: string }) => GameOp,
      ): void => {
        context.handle(event, async (socket: MoimSocket, raw: unknown) => {
          const parsed = schema.safeParse(raw)
          if (!parsed.success) return context.fail('BAD_REQUEST', describeZodError(parsed.error))
          const { roomId, peerId } = socket.data
          if (roomId === null || peerId === null)
            return context.fail('NOT_IN_ROOM', 'join a room first')
          return toAck(await routes.route(toOp(parsed.data, { roomId, peerId })))
        })
      }
      handle('game:start', gameStartRequestSchema, (req, w) => ({
        kind: 'start',
        ...w,
        settings: req.settings,
      }))
      handle('game:choose', gameChooseRequestSchema, (req, w) => ({ kind: 'choose', ...w, ...req }))
      handle('game:guess', gameGuessRequestSchema, (req, w) => ({
        kind: 'guess',
        ...w,
        text: req.text,
      }))
      handle('game:stop', gameStopRequestSchema, (_req, w) => ({ kind: 'stop', ...w }))
      handle('game:sync', gameSyncRequestSchema, (_req, w) => ({ kind: 'sync', ...w }))

      const unsubscribe = context.membership.subscribe((event) => {
        let op: GameOp | null = null
        if (event.type === 'joined') {
          const { roomId, peer, previousId } = event
          op = { kind: 'joined', roomId, peer, ...(previousId ? { previousId } : {}) }
        }
        if (event.type === 'left') op = { kind: 'left', roomId: event.roomId, peerId: event.peerId }
        if (!op) return
        routes
          .route(op)
          .catch((err: unknown) =>
            logger.error({ err, op: op.kind }, 'game membership update failed'),
          )
      })
      return () => {
        unsubscribe()
        routes.dispose()
        service.dispose()
      }
    },
  }
}
