/**
 * Who may talk to the server from a browser. Two checks, on every HTTP request and every
 * Socket.IO handshake (polling and WebSocket alike):
 *
 * - Host: a page on evil.test can make its own name resolve to this server (DNS rebinding) and
 *   then be "same-origin" with it. So the Host header must be a name this server is known by:
 *   loopback names, an IP literal (nobody can rebind those), the bind address, PUBLIC_URL or an
 *   ALLOWED_ORIGINS host.
 * - Origin: browsers do not apply CORS to WebSocket, so pages of other sites are refused here.
 */
import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'
import { ELECTRON_APP_ORIGIN } from './config'

const LOOPBACK_NAMES = ['localhost']

function hostnameOf(host: string): string | null {
  try {
    return new URL(`http://${host}`).hostname.toLowerCase()
  } catch {
    return null
  }
}

/** The host names (lowercase, no port) a request may name besides IP literals. */
export function knownHostnames(options: {
  bindHost: string
  publicUrl: string | null
  allowedOrigins: readonly string[]
}): Set<string> {
  const names = new Set(LOOPBACK_NAMES)
  if (options.bindHost && isIP(options.bindHost) === 0) names.add(options.bindHost.toLowerCase())
  for (const origin of [options.publicUrl, ...options.allowedOrigins]) {
    if (!origin || origin === '*') continue
    try {
      names.add(new URL(origin).hostname.toLowerCase())
    } catch {
      // resolveConfig already refused malformed origins.
    }
  }
  return names
}

export function isHostAllowed(hostHeader: string | undefined, known: ReadonlySet<string>): boolean {
  if (!hostHeader) return false
  const hostname = hostnameOf(hostHeader)
  if (hostname === null) return false
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname
  return isIP(bare) !== 0 || known.has(hostname)
}

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

export type RequestRefusal = 'HOST' | 'ORIGIN' | null

export function refuseRequest(
  req: IncomingMessage,
  allowedOrigins: readonly string[],
  known: ReadonlySet<string>,
): RequestRefusal {
  if (!isHostAllowed(req.headers.host, known)) return 'HOST'
  if (!isOriginAllowed(req.headers.origin, req.headers.host, allowedOrigins)) return 'ORIGIN'
  return null
}
