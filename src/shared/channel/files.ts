/**
 * File sharing over the control channel (offers, answers, progress) and bulk channels (the
 * bytes). Files never pass through the signaling server. docs/protocol.md, "File transfer".
 */
import { z } from 'zod'

const ID = /^[A-Za-z0-9_-]{1,32}$/
const id = z.string().regex(ID)
const HEX_SHA256 = /^[0-9a-f]{64}$/

/** Bytes a sender may have sent past the receiver's last acknowledgement. */
export const FILE_WINDOW_BYTES = 16 * 1024 * 1024
/** A receiver acknowledges at least this often (and at the end). */
export const FILE_ACK_EVERY_BYTES = 1024 * 1024
/** Largest bulk message Moim sends, even when the peer accepts more. */
export const FILE_MESSAGE_MAX = 256 * 1024
/** Largest file a sender offers or a receiver accepts by default. */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024 * 1024
/** A file name on the wire, in UTF-16 code units. */
export const FILE_NAME_WIRE_MAX = 255

export const fileOfferSchema = z.strictObject({
  type: z.literal('file-offer'),
  offerId: id,
  /** As the sender's system had it; receivers sanitise it before showing or saving. */
  name: z.string().min(1).max(FILE_NAME_WIRE_MAX),
  size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  mime: z.string().max(127),
})
export type FileOffer = z.infer<typeof fileOfferSchema>

export const fileWithdrawSchema = z.strictObject({ type: z.literal('file-withdraw'), offerId: id })
export type FileWithdraw = z.infer<typeof fileWithdrawSchema>

export const fileAcceptSchema = z.strictObject({
  type: z.literal('file-accept'),
  offerId: id,
  /** Chosen by the receiver; names the bulk channel and every later message of the transfer. */
  transferId: id,
})
export type FileAccept = z.infer<typeof fileAcceptSchema>

export const fileDeclineSchema = z.strictObject({ type: z.literal('file-decline'), offerId: id })
export type FileDecline = z.infer<typeof fileDeclineSchema>

export const FILE_CANCEL_REASONS = [
  'cancelled',
  'withdrawn',
  'hash-mismatch',
  'write-failed',
  'read-failed',
  'busy',
  'protocol',
] as const
export type FileCancelReason = (typeof FILE_CANCEL_REASONS)[number]

export const fileCancelSchema = z.strictObject({
  type: z.literal('file-cancel'),
  transferId: id,
  reason: z.enum(FILE_CANCEL_REASONS),
})
export type FileCancel = z.infer<typeof fileCancelSchema>

export const fileResumeSchema = z.strictObject({
  type: z.literal('file-resume'),
  transferId: id,
  /** Bytes the receiver has written; the sender continues from here. */
  offset: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
})
export type FileResume = z.infer<typeof fileResumeSchema>

export const fileAckSchema = z.strictObject({
  type: z.literal('file-ack'),
  transferId: id,
  offset: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
})
export type FileAck = z.infer<typeof fileAckSchema>

export const fileCompleteSchema = z.strictObject({
  type: z.literal('file-complete'),
  transferId: id,
  sha256: z.string().regex(HEX_SHA256),
})
export type FileComplete = z.infer<typeof fileCompleteSchema>

export const fileVerifiedSchema = z.strictObject({
  type: z.literal('file-verified'),
  transferId: id,
  sha256: z.string().regex(HEX_SHA256),
})
export type FileVerified = z.infer<typeof fileVerifiedSchema>

/** First byte of a chunk message on a bulk channel. */
export const CHUNK_KIND = 0x01
/** kind (1) + id length (1) + id (1-32) + offset (8). */
export function chunkHeaderLength(transferId: string): number {
  return 2 + transferId.length + 8
}

/**
 * Writes a chunk header into the start of `frame`; the payload goes after it. Offset is an
 * unsigned 64-bit big-endian integer (files stay below 2^53 bytes).
 */
export function writeChunkHeader(frame: Uint8Array, transferId: string, offset: number): number {
  if (!ID.test(transferId)) throw new Error(`invalid transfer id "${transferId}"`)
  frame[0] = CHUNK_KIND
  frame[1] = transferId.length
  for (let i = 0; i < transferId.length; i++) frame[2 + i] = transferId.charCodeAt(i)
  const at = 2 + transferId.length
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength)
  view.setUint32(at, Math.floor(offset / 2 ** 32))
  view.setUint32(at + 4, offset >>> 0)
  return at + 8
}

export interface ChunkHeader {
  transferId: string
  offset: number
  /** Where the payload starts in the frame. */
  payloadStart: number
}

/** The header of a chunk message, or null when the frame is not a well-formed chunk. */
export function readChunkHeader(frame: ArrayBuffer): ChunkHeader | null {
  const bytes = new Uint8Array(frame)
  if (bytes.length < 3 || bytes[0] !== CHUNK_KIND) return null
  const idLength = bytes[1]!
  const payloadStart = 2 + idLength + 8
  if (idLength < 1 || idLength > 32 || bytes.length < payloadStart) return null
  const transferId = String.fromCharCode(...bytes.subarray(2, 2 + idLength))
  if (!ID.test(transferId)) return null
  const view = new DataView(frame)
  const high = view.getUint32(2 + idLength)
  if (high >= 2 ** 21) return null
  const offset = high * 2 ** 32 + view.getUint32(2 + idLength + 4)
  return { transferId, offset, payloadStart }
}
