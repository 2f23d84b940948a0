/**
 * Plain HTTP side of the server: /healthz, /metrics and the built web client (static files
 * with SPA fallback), every response carrying security headers.
 */
import { timingSafeEqual } from 'node:crypto'
import { existsSync } from 'node:fs'
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { join } from 'node:path'
import sirv from 'sirv'
import { isLoopbackAddress } from './address'
import type { ServerMetrics } from './metrics'
import { isHostAllowed } from './origin'

/** Host header values we are willing to echo into the CSP (a hostname or IP with a port). */
const SAFE_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/

export function contentSecurityPolicy(host: string | undefined): string {
  // 'self' covers same-origin ws:/wss: in current browsers; explicit entries help older ones.
  const sockets = host && SAFE_HOST.test(host) ? ` ws://${host} wss://${host}` : ''
  return [
    "default-src 'self'",
    // WebAssembly compilation only (the file workers' SHA-256), not eval().
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "font-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

function setSecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(req.headers.host))
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
  res.setHeader(
    'Permissions-Policy',
    'camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=()',
  )
}

function text(res: ServerResponse, status: number, body: string): void {
  res.statusCode = status
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.end(body)
}

export interface HttpHandlerOptions {
  metrics: ServerMetrics
  /** Directory with the built web client (index.html + assets/), or null to serve none. */
  webRoot: string | null
  /** Host names the server answers to besides IP literals (see origin.ts); null = any. */
  knownHosts?: ReadonlySet<string> | null
  /** Bearer token for /metrics; without one, only direct loopback requests get metrics. */
  metricsToken?: string | null
  /** Requests that must never see /metrics (the hosted server's LAN listener). */
  isPublic?: (req: IncomingMessage) => boolean
}

function bearerMatches(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from(req.headers.authorization ?? '')
  const expected = Buffer.from(`Bearer ${token}`)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/**
 * Whether a request may read /metrics: with a token, anyone holding it; without one, only a
 * loopback client talking to us directly (a proxy would add X-Forwarded-For or Forwarded).
 */
export function metricsAllowed(
  req: IncomingMessage,
  token: string | null,
  isPublic: (req: IncomingMessage) => boolean,
): boolean {
  if (isPublic(req)) return false
  if (token !== null) return bearerMatches(req, token)
  const proxied =
    req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined
  return !proxied && isLoopbackAddress(req.socket.remoteAddress)
}

export function createHttpHandler({
  metrics,
  webRoot,
  knownHosts = null,
  metricsToken = null,
  isPublic = () => false,
}: HttpHandlerOptions): RequestListener {
  const hasClient = webRoot !== null && existsSync(join(webRoot, 'index.html'))
  const serveStatic = hasClient
    ? sirv(webRoot, {
        single: true,
        dotfiles: false,
        etag: true,
        setHeaders(res, pathname) {
          // Vite puts content-hashed files under /assets; index.html must always revalidate.
          res.setHeader(
            'Cache-Control',
            pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          )
        },
      })
    : null

  return (req, res) => {
    setSecurityHeaders(req, res)
    // DNS rebinding: a page whose own name now points here must not read anything from us.
    if (knownHosts !== null && !isHostAllowed(req.headers.host, knownHosts)) {
      metrics.rejectedMessages.inc({ reason: 'HOST' })
      return text(res, 421, 'unknown host name\n')
    }
    const path = (req.url ?? '/').split('?')[0]
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      return text(res, 405, 'method not allowed\n')
    }
    if (path === '/healthz') return text(res, 200, 'ok\n')
    if (path === '/metrics') {
      if (!metricsAllowed(req, metricsToken, isPublic)) return text(res, 404, 'not found\n')
      metrics.registry.metrics().then(
        (body) => {
          res.setHeader('Content-Type', metrics.registry.contentType)
          res.setHeader('Cache-Control', 'no-store')
          res.end(body)
        },
        () => text(res, 500, 'metrics unavailable\n'),
      )
      return
    }
    if (!serveStatic) {
      return text(res, 404, 'The web client is not built here. Run "npm run build:web" first.\n')
    }
    serveStatic(req, res, () => text(res, 404, 'not found\n'))
  }
}
