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
} from './limits'

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
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ProtocolError {
  code: ErrorCode
  message: string
  /** Machine-readable extras: `capacity` with ROOM_FULL, `retryAfterMs` with LOCKED_OUT / RATE_LIMITED. */
  details?: { capacity?: number; retryAfterMs?: number }
}

export type Ack<T extends object = object> =
  ({ ok: true } & T) | { ok: false; error: ProtocolError }

export const roomIdSchema = z.string().regex(ROOM_ID_PATTERN, 'room: 1-64 of A-Z a-z 0-9 _ -')
export const peerIdSchema = z.string().min(1).max(64)
export const nameSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1, 'name is empty').max(NAME_MAX_LENGTH, 'name is too long'))

export const joinRequestSchema = z.strictObject({
  room: roomIdSchema,
  name: nameSchema,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH).optional(),
  capacity: z.number().int().min(MIN_CAPACITY).max(MAX_CAPACITY).optional(),
  /** Token from an earlier join ack: resumes the same peer id after a reconnect or restart. */
  resumeToken: z.string().min(1).max(1024).optional(),
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
}

export interface JoinAckBody {
  self: PeerInfo
  room: RoomInfo
  peers: PeerInfo[]
  iceServers: IceServerConfig[]
  resumeToken: string
  /** True when resumeToken restored the same peer id, so existing peer connections stay. */
  resumed: boolean
}
export type JoinAck = Ack<JoinAckBody>

export type LeaveReason = 'left' | 'disconnected' | 'kicked'

export interface ServerToClientEvents {
  'peer:joined': (peer: PeerInfo) => void
  'peer:left': (payload: { id: string; reason: LeaveReason }) => void
  signal: (payload: { from: string; data: SignalData }) => void
  'room:host': (payload: { hostId: string }) => void
  /** Sent to a kicked peer just before the server removes it from the room. */
  'room:kicked': (payload: { by: string }) => void
}

export interface ClientToServerEvents {
  'room:join': (req: JoinRequest, ack: (res: JoinAck) => void) => void
  'room:leave': (req: Record<string, never>, ack: (res: Ack) => void) => void
  signal: (req: SignalRequest, ack: (res: Ack) => void) => void
  'room:kick': (req: KickRequest, ack: (res: Ack) => void) => void
}

/** Formats the first zod issue as a one-line message a person can act on. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid payload'
  const path = issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
  return `${path}${issue.message}`
}
