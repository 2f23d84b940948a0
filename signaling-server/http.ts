/**
 * Plain HTTP side of the server: /healthz, /metrics and the built web client (static files
 * with SPA fallback), every response carrying security headers.
 */
import { existsSync } from 'node:fs'
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { join } from 'node:path'
import sirv from 'sirv'
import type { ServerMetrics } from './metrics'

/** Host header values we are willing to echo into the CSP (a hostname or IP with a port). */
const SAFE_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/

export function contentSecurityPolicy(host: string | undefined): string {
  // 'self' covers same-origin ws:/wss: in current browsers; explicit entries help older ones.
  const sockets = host && SAFE_HOST.test(host) ? ` ws://${host} wss://${host}` : ''
  return [
    "default-src 'self'",
    "script-src 'self'",
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
}

export function createHttpHandler({ metrics, webRoot }: HttpHandlerOptions): RequestListener {
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
    const path = (req.url ?? '/').split('?')[0]
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      return text(res, 405, 'method not allowed\n')
    }
    if (path === '/healthz') return text(res, 200, 'ok\n')
    if (path === '/metrics') {
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
