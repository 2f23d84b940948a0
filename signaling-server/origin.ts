/**
 * Origin policy for Socket.IO handshakes. Browsers do not apply CORS to WebSocket, so the
 * server itself must refuse pages from other sites that would otherwise join rooms on a
 * visitor's behalf.
 */
import type { IncomingMessage } from 'node:http'
import { ELECTRON_APP_ORIGIN } from './config'

export function isOriginAllowed(
  origin: string | undefined,
  hostHeader: string | undefined,
  allowed: readonly string[],
): boolean {
  // Native clients (Node, the desktop main process, curl) send no Origin and are not a CSRF risk.
  if (origin === undefined) return true
  if (origin === ELECTRON_APP_ORIGIN) return true
  if (allowed.includes('*') || allowed.includes(origin)) return true
  if (!hostHeader) return false
  try {
    const url = new URL(origin)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === hostHeader
  } catch {
    return false
  }
}

export function requestOriginAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  return isOriginAllowed(req.headers.origin, req.headers.host, allowed)
}
