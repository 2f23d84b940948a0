import type { Server, Socket } from 'socket.io'
import type { ClientToServerEvents, ServerToClientEvents } from '../src/shared/protocol'
import type { ForwardAnswer } from './game/gameLease'
import type { GameOp } from './game/ops'
import type { TokenBucket } from './rateLimit'

/** Per-connection state. `roomId`/`peerId` are set while the socket holds a place in a room. */
export interface SocketData {
  roomId: string | null
  peerId: string | null
  /** Display name in the current room (for fresh resume tokens). */
  name: string | null
  /** Client address (X-Forwarded-For only with TRUST_PROXY hops). */
  address: string
  /** What per-address limits and the password lockout count by (IPv6: the /64). */
  addressKey: string
  /**
   * Came in through the app's own loopback listener: on an invite-only server it may create
   * rooms and needs no room key. Everyone else is a guest.
   */
  trusted: boolean
  joining: boolean
  bucket: TokenBucket
  bytes: TokenBucket
  /** Refused messages in a row; the connection is closed when it reaches the limit. */
  strikes: number
}

/**
 * Processes talk through the adapter's broadcasts, and for the game one more: an op forwarded
 * to the process running that room's game (game/gameLease.ts).
 */
interface InterServerEvents {
  'game:op': (op: GameOp, answer: (a: ForwardAnswer) => void) => void
}

export type MoimServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>
export type MoimSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>

/** Socket.IO room carrying broadcasts to everyone in a Moim room. */
export const roomChannel = (roomId: string): string => `room:${roomId}`
/** Socket.IO room addressing one peer id, wherever (on whichever process) it is connected. */
export const peerChannel = (peerId: string): string => `peer:${peerId}`
