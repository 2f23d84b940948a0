/**
 * Server modules: features that need the server to decide (the draw-and-guess game) plug in
 * here instead of growing app.ts. A module registers handlers for its own events, which pass
 * the same gate as the core events (rate limit, ack required, strikes), and subscribes to room
 * membership events instead of reaching into the room logic.
 */
import type { Ack, ErrorCode, LeaveReason, PeerInfo, ProtocolError } from '../src/shared/protocol'
import type { ServerConfig } from './config'
import type { Logger } from './logger'
import type { ServerMetrics } from './metrics'
import type { RoomStore } from './rooms/roomStore'
import type { MoimServer, MoimSocket } from './types'

export type Handler = (socket: MoimSocket, payload: unknown) => Promise<Ack>

/**
 * What happened to a room's membership on this process. With several processes each one hears
 * only the joins and leaves of its own connections (and the leaves its own timers decide).
 */
export type MembershipEvent =
  | {
      type: 'joined'
      roomId: string
      peer: PeerInfo
      resumed: boolean
      /**
       * The peer's id in this room before, when it came back with a valid resume token after its
       * place had ended (new id): lets modules give it back what it had (the game: its score).
       */
      previousId?: string
    }
  | { type: 'left'; roomId: string; peerId: string; reason: LeaveReason }
  | { type: 'host'; roomId: string; hostId: string }

export type MembershipListener = (event: MembershipEvent) => void

export class Membership {
  private readonly listeners = new Set<MembershipListener>()

  constructor(private readonly logger: Logger) {}

  subscribe(listener: MembershipListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** A failing listener is logged and never breaks the room logic or other listeners. */
  publish(event: MembershipEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch (err) {
        this.logger.error({ err, event: event.type }, 'membership listener failed')
      }
    }
  }
}

export interface ModuleContext {
  io: MoimServer
  store: RoomStore
  config: ServerConfig
  logger: Logger
  metrics: ServerMetrics
  membership: Membership
  /** A refusal ack, counted in the metrics like the core's. */
  fail(
    code: ErrorCode,
    message: string,
    details?: ProtocolError['details'],
  ): { ok: false; error: ProtocolError }
  /** Registers the handler of a client event; names must not clash with the core or other modules. */
  handle(event: string, handler: Handler): void
}

export interface ServerModule {
  readonly name: string
  /** Called once per server; the returned function runs when the HTTP server closes. */
  setup(context: ModuleContext): (() => void) | void
}

/** The table app.ts dispatches through: core handlers plus whatever modules registered. */
export class HandlerRegistry {
  private readonly handlers = new Map<string, Handler>()

  add(event: string, handler: Handler): void {
    if (this.handlers.has(event)) throw new Error(`two handlers for the event "${event}"`)
    this.handlers.set(event, handler)
  }

  get(event: string): Handler | undefined {
    return this.handlers.get(event)
  }
}
