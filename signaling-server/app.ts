/**
 * createApp: the Moim signaling protocol v1 on a Socket.IO server attached to an existing HTTP
 * server (it never listens itself). See docs/protocol.md.
 */
import { randomBytes } from 'node:crypto'
import type { Server as HttpServer, IncomingMessage } from 'node:http'
import { Server, type ServerOptions as IoServerOptions } from 'socket.io'
import { MAX_SDP_LENGTH } from '../src/shared/limits'
import type { Ack } from '../src/shared/protocol'
import { ELECTRON_APP_ORIGIN, withDefaults, type ServerConfig } from './config'
import { createLogger, type Logger } from './logger'
import { createMetrics, type ServerMetrics } from './metrics'
import { requestOriginAllowed } from './origin'
import { TokenBucket } from './rateLimit'
import { RoomHandlers } from './roomHandlers'
import { MemoryRoomStore } from './rooms/memoryRoomStore'
import type { RoomStore } from './rooms/roomStore'
import type { MoimServer, MoimSocket } from './types'

export type { MoimServer, MoimSocket, SocketData } from './types'

export interface ServerOptions extends Partial<ServerConfig> {
  logger?: Logger
  metrics?: ServerMetrics
  /** Shared room state; defaults to in-memory (one process). */
  roomStore?: RoomStore
  /** Socket.IO adapter, e.g. @socket.io/redis-adapter for several processes. */
  adapter?: IoServerOptions['adapter']
}

/**
 * The largest legitimate frame is a `signal` carrying a MAX_SDP_LENGTH SDP: JSON escaping of
 * its CRLF line ends adds a few percent plus a small envelope. 128 KiB leaves room for that and
 * nothing else; larger frames close the connection before they are parsed.
 */
export const MAX_FRAME_BYTES = 128 * 1024
if (MAX_FRAME_BYTES < MAX_SDP_LENGTH * 1.1) throw new Error('MAX_FRAME_BYTES too small for an SDP')

const LEASE_REFRESH_MS = 10_000
const LOCKOUT_SWEEP_MS = 60_000

type Handler = (socket: MoimSocket, payload: unknown) => Promise<Ack>

function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for']
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim()
    if (first) return first
  }
  return req.socket.remoteAddress ?? 'unknown'
}

export function createApp(httpServer: HttpServer, options: ServerOptions = {}): MoimServer {
  const { logger: givenLogger, metrics: givenMetrics, roomStore, adapter, ...partial } = options
  const config = withDefaults(partial)
  const logger = givenLogger ?? createLogger(config.logLevel)
  const metrics = givenMetrics ?? createMetrics()
  const store = roomStore ?? new MemoryRoomStore()
  const secret = config.secret ?? randomBytes(32).toString('base64url')
  if (config.secret === null) {
    logger.warn('MOIM_SECRET is not set: peers keep their ids across drops but not across restarts')
  }

  const allowAnyOrigin = config.allowedOrigins.includes('*')
  const io: MoimServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: MAX_FRAME_BYTES,
    adapter,
    cors: {
      origin: allowAnyOrigin ? true : [...config.allowedOrigins, ELECTRON_APP_ORIGIN],
      methods: ['GET', 'POST'],
    },
    allowRequest(req, callback) {
      if (requestOriginAllowed(req, config.allowedOrigins)) return callback(null, true)
      metrics.rejectedMessages.inc({ reason: 'ORIGIN' })
      logger.info({ origin: req.headers.origin }, 'refused handshake from a foreign origin')
      callback('origin not allowed', false)
    },
  })

  const rooms = new RoomHandlers({ io, store, config, secret, logger, metrics })
  metrics.setRoomCounter(() => store.roomCount())
  const handlers: Record<string, Handler> = {
    'room:join': (s, p) => rooms.join(s, p),
    'room:leave': (s, p) => rooms.leave(s, p),
    signal: (s, p) => rooms.signal(s, p),
    'room:kick': (s, p) => rooms.kick(s, p),
  }

  io.on('connection', (socket) => {
    socket.data = {
      roomId: null,
      peerId: null,
      address: clientAddress(socket.request, config.trustProxy),
      joining: false,
      bucket: new TokenBucket(config.rateLimit.burst, config.rateLimit.perSecond),
    }
    metrics.connectedSockets.inc()

    // One gate for every incoming event: shape, rate limit, dispatch. Handlers are not
    // registered with socket.on, so no event can reach code that has not passed here.
    socket.use((packet) => {
      const [event, ...args] = packet
      const ack = args.length > 0 ? args[args.length - 1] : undefined
      const reply = typeof ack === 'function' ? (ack as (res: Ack) => void) : null
      // Every frame costs a token, so floods of junk are throttled like floods of requests.
      if (!socket.data.bucket.take()) {
        const retryAfterMs = Math.ceil(1000 / config.rateLimit.perSecond)
        if (reply)
          reply(rooms.fail('RATE_LIMITED', 'too many messages; slow down', { retryAfterMs }))
        else metrics.rejectedMessages.inc({ reason: 'RATE_LIMITED' })
        return
      }
      const handler = Object.hasOwn(handlers, event) ? handlers[event] : undefined
      if (!handler) {
        metrics.rejectedMessages.inc({ reason: 'UNKNOWN_EVENT' })
        reply?.({ ok: false, error: { code: 'BAD_REQUEST', message: `unknown event "${event}"` } })
        return
      }
      if (!reply || args.length !== 2) {
        const message = `${event}: expected (payload, ack callback)`
        reply?.(rooms.fail('BAD_REQUEST', message))
        if (!reply) metrics.rejectedMessages.inc({ reason: 'BAD_REQUEST' })
        return
      }
      handler(socket, args[0]).then(reply, (err: unknown) => {
        logger.error({ err, event }, 'handler failed')
        reply(rooms.fail('INTERNAL', 'internal error'))
      })
    })

    socket.on('error', (err) => logger.warn({ err }, 'socket error'))
    socket.on('disconnect', (reason) => {
      metrics.connectedSockets.dec()
      logger.debug({ reason, peer: socket.data.peerId }, 'disconnected')
      rooms.disconnected(socket)
    })
  })

  const refresh = setInterval(() => {
    store
      .refresh(rooms.holds())
      .catch((err: unknown) => logger.error({ err }, 'lease refresh failed'))
  }, LEASE_REFRESH_MS)
  const sweep = setInterval(() => rooms.sweep(), LOCKOUT_SWEEP_MS)
  refresh.unref()
  sweep.unref()
  httpServer.once('close', () => {
    clearInterval(refresh)
    clearInterval(sweep)
    rooms.dispose()
  })
  return io
}
