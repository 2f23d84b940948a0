/**
 * Resume tokens: an HMAC-signed claim that a peer id belonged to a room, so a client that
 * reconnects (or finds the server restarted with the same secret) keeps its peer id and the
 * other peers keep their RTCPeerConnections to it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'

const claimSchema = z.strictObject({
  room: z.string(),
  id: z.string(),
  name: z.string(),
  exp: z.number().int(),
})
export type ResumeClaim = z.infer<typeof claimSchema>

function sign(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest()
}

export function createResumeToken(secret: string, claim: ResumeClaim): string {
  const body = Buffer.from(JSON.stringify(claim)).toString('base64url')
  return `${body}.${sign(secret, body).toString('base64url')}`
}

/** Returns the claim when the signature is valid and it has not expired, otherwise null. */
export function verifyResumeToken(
  secret: string,
  token: string,
  nowMs: number = Date.now(),
): ResumeClaim | null {
  const dot = token.indexOf('.')
  if (dot <= 0) return null
  const body = token.slice(0, dot)
  const given = Buffer.from(token.slice(dot + 1), 'base64url')
  const expected = sign(secret, body)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  const parsed = claimSchema.safeParse(json)
  if (!parsed.success || parsed.data.exp * 1000 < nowMs) return null
  return parsed.data
}
