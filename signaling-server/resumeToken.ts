/**
 * Resume tokens: a sealed claim that a peer id belonged to a room, so a client that reconnects
 * (or finds the server restarted with the same secret) keeps its peer id and the other peers
 * keep their RTCPeerConnections to it.
 *
 * The claim also carries the room's settings (capacity, password hash, room key, removed
 * people), so the first member back after a restart restores the room as it was. Because of
 * the password hash and the key, the claim is encrypted as well as authenticated
 * (AES-256-GCM with a key derived from the server secret): the token is opaque to clients.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { z } from 'zod'

const banSchema = z.strictObject({ id: z.string(), name: z.string(), address: z.string() })
export type Ban = z.infer<typeof banSchema>

const ticketSchema = z.strictObject({
  /** Random id of this incarnation of the room; a room deleted and recreated gets a new one. */
  instance: z.string(),
  capacity: z.number().int(),
  passwordHash: z.string().nullable(),
  key: z.string().nullable(),
  removed: z.array(banSchema),
})
export type RoomTicket = z.infer<typeof ticketSchema>

const claimSchema = z.strictObject({
  room: z.string(),
  id: z.string(),
  name: z.string(),
  /** Expiry, unix seconds. */
  exp: z.number().int(),
  /** Issued at, unix milliseconds: a token older than the server process may restore a room. */
  iat: z.number().int(),
  ticket: ticketSchema,
})
export type ResumeClaim = z.infer<typeof claimSchema>

const VERSION = 'v2'
const IV_BYTES = 12
const TAG_BYTES = 16

function keyFor(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'moim', 'resume token v2', 32))
}

export function createResumeToken(secret: string, claim: ResumeClaim): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret), iv)
  cipher.setAAD(Buffer.from(VERSION))
  const body = Buffer.concat([cipher.update(JSON.stringify(claim), 'utf8'), cipher.final()])
  return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`
}

/** Returns the claim when the token is authentic and has not expired, otherwise null. */
export function verifyResumeToken(
  secret: string,
  token: string,
  nowMs: number = Date.now(),
): ResumeClaim | null {
  if (!token.startsWith(`${VERSION}.`)) return null
  const raw = Buffer.from(token.slice(VERSION.length + 1), 'base64url')
  if (raw.length <= IV_BYTES + TAG_BYTES) return null
  let json: unknown
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret), raw.subarray(0, IV_BYTES))
    decipher.setAAD(Buffer.from(VERSION))
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES))
    const plain = Buffer.concat([
      decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
      decipher.final(),
    ])
    json = JSON.parse(plain.toString('utf8'))
  } catch {
    return null
  }
  const parsed = claimSchema.safeParse(json)
  if (!parsed.success || parsed.data.exp * 1000 < nowMs) return null
  return parsed.data
}
