import type { Server, Socket } from 'socket.io'
import type { ClientToServerEvents, ServerToClientEvents } from '../src/shared/protocol'
import type { TokenBucket } from './rateLimit'

/** Per-connection state. `roomId`/`peerId` are set while the socket holds a place in a room. */
export interface SocketData {
  roomId: string | null
  peerId: string | null
  /** Client address used for password lockout (X-Forwarded-For only with TRUST_PROXY). */
  address: string
  joining: boolean
  bucket: TokenBucket
}

// Processes talk only through the adapter's broadcasts; no custom inter-server events.
type InterServerEvents = Record<string, never>

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
