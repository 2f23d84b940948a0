/**
 * Signaling protocol v1: the contract between the Socket.IO server and every client.
 * Types come from the zod schemas so the server validates exactly what clients are typed to send.
 */
import { z } from 'zod'
import {
  MAX_CANDIDATE_LENGTH,
  MAX_CAPACITY,
  MAX_SDP_LENGTH,
  MIN_CAPACITY,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  ROOM_ID_PATTERN,
  ROOM_KEY_PATTERN,
} from './limits'
import type { GameClientEvents, GameServerEvents } from './game/protocol'
import { normalizeRoomId, sanitizeDisplayName } from './text'

export const ERROR_CODES = [
  'BAD_REQUEST',
  'ROOM_FULL',
  'WRONG_PASSWORD',
  'LOCKED_OUT',
  'NOT_IN_ROOM',
  'ALREADY_IN_ROOM',
  'UNKNOWN_PEER',
  'NOT_HOST',
  'RATE_LIMITED',
  'INVITE_REQUIRED',
  'KICKED',
  'RESTARTING',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ProtocolError {
  code: ErrorCode
  message: string
  /** Machine-readable extras: `capacity` with ROOM_FULL, `retryAfterMs` with LOCKED_OUT / RATE_LIMITED / RESTARTING. */
  details?: { capacity?: number; retryAfterMs?: number }
}

export type Ack<T extends object = object> =
  ({ ok: true } & T) | { ok: false; error: ProtocolError }

/** Room ids are compared in NFC, so the schema normalizes before it checks. */
export const roomIdSchema = z
  .string()
  .max(1024)
  .transform(normalizeRoomId)
  .pipe(z.string().regex(ROOM_ID_PATTERN, '1-64 letters, digits, _ or -'))
export const peerIdSchema = z.string().min(1).max(64)
/** Display names lose invisible and direction-changing characters before the length check. */
export const nameSchema = z
  .string()
  .max(1024)
  .transform(sanitizeDisplayName)
  .pipe(z.string().min(1, 'name is empty').max(NAME_MAX_LENGTH, 'name is too long'))
export const roomKeySchema = z.string().regex(ROOM_KEY_PATTERN, 'not a room key')

export const joinRequestSchema = z.strictObject({
  room: roomIdSchema,
  name: nameSchema,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH).optional(),
  capacity: z.number().int().min(MIN_CAPACITY).max(MAX_CAPACITY).optional(),
  /** Token from an earlier join ack: resumes the same peer id after a reconnect or restart. */
  resumeToken: z.string().min(1).max(4096).optional(),
  /** The room key from an invite link; needed by invite-only servers (the app's hosted server). */
  key: roomKeySchema.optional(),
})
export type JoinRequest = z.input<typeof joinRequestSchema>

export const leaveRequestSchema = z.strictObject({})

export const sessionDescriptionSchema = z.strictObject({
  type: z.enum(['offer', 'answer', 'pranswer', 'rollback']),
  sdp: z.string().max(MAX_SDP_LENGTH).optional(),
})

export const iceCandidateSchema = z.strictObject({
  candidate: z.string().max(MAX_CANDIDATE_LENGTH),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(1024).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
})

export const signalDataSchema = z.union([
  z.strictObject({ description: sessionDescriptionSchema }),
  z.strictObject({ candidate: iceCandidateSchema.nullable() }),
])
export type SignalData = z.infer<typeof signalDataSchema>

export const signalRequestSchema = z.strictObject({ to: peerIdSchema, data: signalDataSchema })
export type SignalRequest = z.infer<typeof signalRequestSchema>

export const kickRequestSchema = z.strictObject({ id: peerIdSchema })
export type KickRequest = z.infer<typeof kickRequestSchema>

/** The host lets a removed person back into the room. */
export const allowRequestSchema = z.strictObject({ id: peerIdSchema })
export type AllowRequest = z.infer<typeof allowRequestSchema>

export const turnRefreshRequestSchema = z.strictObject({})

export interface PeerInfo {
  id: string
  name: string
}

export interface IceServerConfig {
  urls: string | string[]
  username?: string
  credential?: string
}

export interface RoomInfo {
  id: string
  capacity: number
  hostId: string
  hasPassword: boolean
  /** The room key, on invite-only servers: put it in invite links (never shown as text). */
  key?: string
  /** People the host removed; they cannot come back unless the host allows them. */
  removed: PeerInfo[]
}

export interface JoinAckBody {
  self: PeerInfo
  room: RoomInfo
  peers: PeerInfo[]
  iceServers: IceServerConfig[]
  resumeToken: string
  /** True when resumeToken restored the same peer id, so existing peer connections stay. */
  resumed: boolean
  /** Unix seconds when the TURN credentials in iceServers expire (absent without TURN). */
  iceServersExpireAt?: number
}
export type JoinAck = Ack<JoinAckBody>

export interface TurnRefreshAckBody {
  iceServers: IceServerConfig[]
  iceServersExpireAt?: number
}

export type LeaveReason = 'left' | 'disconnected' | 'kicked'

/** Core events plus those of server modules (the game). */
export interface ServerToClientEvents extends GameServerEvents {
  'peer:joined': (peer: PeerInfo) => void
  'peer:left': (payload: { id: string; reason: LeaveReason }) => void
  signal: (payload: { from: string; data: SignalData }) => void
  'room:host': (payload: { hostId: string }) => void
  /** Sent to a kicked peer just before the server removes it from the room. */
  'room:kicked': (payload: { by: string }) => void
  /** The list of removed people changed (a kick, or the host let someone back). */
  'room:removed': (payload: { removed: PeerInfo[] }) => void
  /** A fresh resume token (after a kick the old ones stop restoring the room). */
  'room:token': (payload: { resumeToken: string }) => void
}

export interface ClientToServerEvents extends GameClientEvents {
  'room:join': (req: JoinRequest, ack: (res: JoinAck) => void) => void
  'room:leave': (req: Record<string, never>, ack: (res: Ack) => void) => void
  signal: (req: SignalRequest, ack: (res: Ack) => void) => void
  'room:kick': (req: KickRequest, ack: (res: Ack) => void) => void
  'room:allow': (req: AllowRequest, ack: (res: Ack) => void) => void
  'turn:refresh': (req: Record<string, never>, ack: (res: Ack<TurnRefreshAckBody>) => void) => void
}

/** Formats the first zod issue as a one-line message a person can act on. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid payload'
  const path = issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
  return `${path}${issue.message}`
}
