/**
 * startServer: HTTP server + signaling app + (with REDIS_URL) the Redis cluster wiring, and,
 * for the desktop app's hosted server, a second HTTPS listener for the local network that is
 * open only while the user hosts a call.
 */
import { createServer, type IncomingMessage } from 'node:http'
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { defaultModules } from './defaultModules'
import { createApp, type MoimServer, type ServerOptions } from './app'
import { withDefaults, type ConfigInput } from './config'
import { createHttpHandler } from './http'
import { createLogger, type Logger } from './logger'
import { createMetrics } from './metrics'
import { knownHostnames } from './origin'
import { connectRedis } from './rooms/redisCluster'

export interface TlsMaterial {
  /** PEM private key and certificate. */
  key: string
  cert: string
}

export interface StartOptions extends ConfigInput {
  port?: number
  host?: string
  /** Built web client directory; defaults to dist/web in the repository. null serves none. */
  webRoot?: string | null
  logger?: Logger
  /** Certificate for the local-network listener (openLan); without it openLan is refused. */
  tls?: TlsMaterial | null
  /** See ServerOptions.onRooms (tests). */
  onRooms?: ServerOptions['onRooms']
  /** See ServerOptions.modules; default: defaultModules (with Redis when REDIS_URL is set). */
  modules?: ServerOptions['modules']
}

export interface RunningServer {
  url: string
  port: number
  io: MoimServer
  /**
   * Opens the HTTPS listener for the local network (all interfaces) and resolves with its
   * port. Connections through it are guests: on an invite-only server they need room keys and
   * never see /metrics. Calling it again while open returns the same port.
   */
  openLan(options?: { host?: string; port?: number }): Promise<number>
  /** Closes the local-network listener and every connection that came through it. */
  closeLan(): Promise<void>
  close(): Promise<void>
}

/**
 * dist/web of the repository, found from this module (signaling-server/) or from the bundle
 * (dist/server/) so the source and the built server agree.
 */
export const DEFAULT_WEB_ROOT =
  [
    resolve(import.meta.dirname, '..', 'web'),
    resolve(import.meta.dirname, '..', 'dist', 'web'),
  ].find((dir) => existsSync(resolve(dir, 'index.html'))) ??
  resolve(import.meta.dirname, '..', 'dist', 'web')

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const {
    webRoot = DEFAULT_WEB_ROOT,
    logger: givenLogger,
    tls = null,
    onRooms,
    modules,
    ...partial
  } = opts
  const config = withDefaults(partial)
  const logger = givenLogger ?? createLogger(config.logLevel)
  const metrics = createMetrics()
  /** TLS sockets accepted by the local-network listener: everything on them is a guest. */
  const lanSockets = new WeakSet<Socket>()
  const isGuest = (req: IncomingMessage): boolean => lanSockets.has(req.socket)
  const handler = createHttpHandler({
    metrics,
    webRoot,
    knownHosts: knownHostnames({
      bindHost: config.host,
      publicUrl: config.publicUrl,
      allowedOrigins: config.allowedOrigins,
    }),
    metricsToken: config.metricsToken,
    isPublic: isGuest,
  })
  const http = createServer(handler)
  const redis = config.redisUrl
    ? await connectRedis(config.redisUrl, logger, config.resumeGraceMs)
    : null
  let io: MoimServer
  try {
    io = createApp(http, {
      ...config,
      logger,
      metrics,
      roomStore: redis?.store,
      adapter: redis?.adapter,
      isTrusted: (req) => !isGuest(req),
      onRooms,
      modules: modules ?? defaultModules(redis?.client),
    })
    await new Promise<void>((ok, fail) => {
      http.once('error', fail)
      http.listen(config.port, config.host, () => {
        http.off('error', fail)
        ok()
      })
    })
  } catch (err) {
    await redis?.close()
    throw err
  }
  const { port } = http.address() as AddressInfo
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host
  const url = `http://${shownHost}:${port}`
  logger.info({ url, redis: Boolean(redis), webRoot }, 'moim signaling server listening')
  let closing: Promise<void> | null = null
  let lan: { server: HttpsServer; port: Promise<number> } | null = null

  function openLan(options: { host?: string; port?: number } = {}): Promise<number> {
    if (lan) return lan.port
    if (!tls) return Promise.reject(new Error('no certificate for the local-network listener'))
    const server = createHttpsServer({ key: tls.key, cert: tls.cert, minVersion: 'TLSv1.2' })
    server.on('secureConnection', (socket) => lanSockets.add(socket))
    // Same pages and the same Socket.IO server as the loopback listener.
    server.on('request', (req, res) => http.emit('request', req, res))
    server.on('upgrade', (req, socket, head) => http.emit('upgrade', req, socket, head))
    server.on('tlsClientError', () => {}) // a browser refusing the self-signed certificate
    const listening = new Promise<number>((ok, fail) => {
      server.once('error', fail)
      server.listen(options.port ?? 0, options.host ?? '0.0.0.0', () => {
        server.off('error', fail)
        ok((server.address() as AddressInfo).port)
      })
    })
    lan = { server, port: listening }
    listening.then(
      (lanPort) => logger.info({ port: lanPort }, 'local-network listener open'),
      () => {
        if (lan?.server === server) lan = null
      },
    )
    return listening
  }

  async function closeLan(): Promise<void> {
    const open = lan
    lan = null
    if (!open) return
    for (const socket of io.of('/').sockets.values()) {
      if (isGuest(socket.request)) socket.disconnect(true)
    }
    await new Promise<void>((done) => {
      open.server.close(() => done())
      open.server.closeAllConnections()
    })
    logger.info('local-network listener closed')
  }

  return {
    url,
    port,
    io,
    openLan,
    closeLan,
    close() {
      closing ??= (async () => {
        await closeLan()
        await new Promise<void>((done) => {
          io.close(() => done())
          // Keep-alive HTTP connections would otherwise hold close() open.
          http.closeAllConnections()
        })
        await redis?.close()
      })()
      return closing
    },
  }
}
