/**
 * createApp: the Moim signaling protocol v1 on a Socket.IO server attached to an existing HTTP
 * server (it never listens itself). See docs/protocol.md.
 */
import { randomBytes } from 'node:crypto'
import type { Server as HttpServer, IncomingMessage } from 'node:http'
import { Server, type ServerOptions as IoServerOptions } from 'socket.io'
import { MAX_SDP_LENGTH } from '../src/shared/limits'
import type { Ack } from '../src/shared/protocol'
import { addressKey, clientAddress } from './address'
import { ELECTRON_APP_ORIGIN, withDefaults, type ConfigInput } from './config'
import { createLogger, type Logger } from './logger'
import { createMetrics, type ServerMetrics } from './metrics'
import { knownHostnames, refuseRequest } from './origin'
import { AddressLimits, TokenBucket } from './rateLimit'
import { RoomHandlers } from './roomHandlers'
import { defaultModules } from './defaultModules'
import { HandlerRegistry, Membership, type ServerModule } from './modules'
import { MemoryRoomStore } from './rooms/memoryRoomStore'
import type { RoomStore } from './rooms/roomStore'
import type { MoimServer } from './types'

export type { MoimServer, MoimSocket, SocketData } from './types'

export interface ServerOptions extends ConfigInput {
  logger?: Logger
  metrics?: ServerMetrics
  /** Shared room state; defaults to in-memory (one process). */
  roomStore?: RoomStore
  /** Socket.IO adapter, e.g. @socket.io/redis-adapter for several processes. */
  adapter?: IoServerOptions['adapter']
  /**
   * Which connections are the app itself (may create rooms and skip room keys on an
   * invite-only server). Default: none.
   */
  isTrusted?: (req: IncomingMessage) => boolean
  /** Gets the room handlers, for tests that look inside (held signal totals). */
  onRooms?: (rooms: RoomHandlers) => void
  /** Features with their own server logic (see modules.ts); default: the game. */
  modules?: readonly ServerModule[]
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

export function createApp(httpServer: HttpServer, options: ServerOptions = {}): MoimServer {
  const {
    logger: givenLogger,
    metrics: givenMetrics,
    roomStore,
    adapter,
    isTrusted = () => false,
    onRooms,
    modules = defaultModules(),
    ...partial
  } = options
  const config = withDefaults(partial)
  const logger = givenLogger ?? createLogger(config.logLevel)
  const metrics = givenMetrics ?? createMetrics()
  const store = roomStore ?? new MemoryRoomStore()
  const secret = config.secret ?? randomBytes(32).toString('base64url')
  if (config.secret === null) {
    logger.warn('MOIM_SECRET is not set: peers keep their ids across drops but not across restarts')
  }
  const known = knownHostnames({
    bindHost: config.host,
    publicUrl: config.publicUrl,
    allowedOrigins: config.allowedOrigins,
  })
  const { flood } = config
  const addresses = new AddressLimits({
    maxConnections: flood.maxConnectionsPerAddress,
    burst: flood.addressBurst,
    perSecond: flood.addressPerSecond,
  })
  const addressOf = (req: IncomingMessage): string => clientAddress(req, config.trustProxy)

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
      const refusal = refuseRequest(req, config.allowedOrigins, known)
      if (refusal) {
        metrics.rejectedMessages.inc({ reason: refusal })
        logger.info(
          { origin: req.headers.origin, host: req.headers.host },
          `refused handshake: ${refusal === 'HOST' ? 'unknown host name' : 'foreign origin'}`,
        )
        return callback(refusal === 'HOST' ? 'unknown host' : 'origin not allowed', false)
      }
      const key = addressKey(addressOf(req))
      if (addresses.refuses(key)) {
        metrics.rejectedMessages.inc({ reason: 'TOO_MANY_CONNECTIONS' })
        return callback('too many connections from this address', false)
      }
      callback(null, true)
    },
  })

  const membership = new Membership(logger)
  const rooms = new RoomHandlers({ io, store, config, secret, logger, metrics, membership })
  onRooms?.(rooms)
  metrics.setRoomCounter(() => store.roomCount())
  const handlers = new HandlerRegistry()
  handlers.add('room:join', (s, p) => rooms.join(s, p))
  handlers.add('room:leave', (s, p) => rooms.leave(s, p))
  handlers.add('signal', (s, p) => rooms.signal(s, p))
  handlers.add('room:kick', (s, p) => rooms.kick(s, p))
  handlers.add('room:allow', (s, p) => rooms.allow(s, p))
  handlers.add('turn:refresh', (s, p) => rooms.turnRefresh(s, p))
  const moduleContext = {
    io,
    store,
    config,
    logger,
    metrics,
    membership,
    fail: rooms.fail.bind(rooms),
    handle: handlers.add.bind(handlers),
  }
  const disposers = modules.flatMap((m) => m.setup(moduleContext) ?? [])

  io.on('connection', (socket) => {
    const address = addressOf(socket.request)
    const key = addressKey(address)
    socket.data = {
      roomId: null,
      peerId: null,
      name: null,
      address,
      addressKey: key,
      trusted: isTrusted(socket.request),
      joining: false,
      bucket: new TokenBucket(config.rateLimit.burst, config.rateLimit.perSecond),
      bytes: new TokenBucket(flood.bytesBurst, flood.bytesPerSecond),
      strikes: 0,
    }
    metrics.connectedSockets.inc()
    // Handshakes racing past allowRequest are counted here, where the count is exact.
    const counted = addresses.open(key)
    if (!counted) {
      metrics.rejectedMessages.inc({ reason: 'TOO_MANY_CONNECTIONS' })
      socket.disconnect(true)
    }

    const cutOff = (why: string): void => {
      if (socket.disconnected) return
      metrics.rejectedMessages.inc({ reason: 'FLOOD_DISCONNECT' })
      logger.info({ address, why }, 'disconnected a flooding connection')
      addresses.penalize(key)
      socket.disconnect(true)
    }
    // Bytes are counted as frames arrive, before Socket.IO decodes them: a connection sending
    // large frames faster than any client needs is closed before it costs much parsing.
    socket.conn.on('packet', (packet: { type: string; data?: unknown }) => {
      const size = typeof packet.data === 'string' ? packet.data.length : 0
      if (size > 0 && !socket.data.bytes.take(size)) cutOff('byte rate')
    })

    // One gate for every incoming event: shape, rate limit, dispatch. Handlers are not
    // registered with socket.on, so no event can reach code that has not passed here.
    socket.use((packet) => {
      if (socket.disconnected) return
      const [event, ...args] = packet
      const ack = args.length > 0 ? args[args.length - 1] : undefined
      const reply = typeof ack === 'function' ? (ack as (res: Ack) => void) : null
      // Every frame costs a token (its own and its address's), so floods of junk are throttled
      // like floods of requests; a connection that keeps going while refused is closed.
      if (!socket.data.bucket.take() || !addresses.takeMessage(key)) {
        socket.data.strikes++
        if (socket.data.strikes >= flood.strikesBeforeDisconnect) return cutOff('message rate')
        const retryAfterMs = Math.ceil(1000 / config.rateLimit.perSecond)
        if (reply)
          reply(rooms.fail('RATE_LIMITED', 'too many messages; slow down', { retryAfterMs }))
        else metrics.rejectedMessages.inc({ reason: 'RATE_LIMITED' })
        return
      }
      // No client of this protocol sends unknown events or leaves out the ack: those count
      // towards the cut-off like refused messages; only a well-formed request clears it.
      const strike = (): boolean => {
        socket.data.strikes++
        if (socket.data.strikes < flood.strikesBeforeDisconnect) return false
        cutOff('malformed messages')
        return true
      }
      const handler = handlers.get(event)
      if (!handler) {
        metrics.rejectedMessages.inc({ reason: 'UNKNOWN_EVENT' })
        if (strike()) return
        reply?.({ ok: false, error: { code: 'BAD_REQUEST', message: `unknown event "${event}"` } })
        return
      }
      if (!reply || args.length !== 2) {
        if (strike()) return
        const message = `${event}: expected (payload, ack callback)`
        reply?.(rooms.fail('BAD_REQUEST', message))
        if (!reply) metrics.rejectedMessages.inc({ reason: 'BAD_REQUEST' })
        return
      }
      socket.data.strikes = 0
      handler(socket, args[0]).then(reply, (err: unknown) => {
        logger.error({ err, event }, 'handler failed')
        reply(rooms.fail('INTERNAL', 'internal error'))
      })
    })

    socket.on('error', (err) => logger.warn({ err }, 'socket error'))
    socket.on('disconnect', (reason) => {
      metrics.connectedSockets.dec()
      if (counted) addresses.close(key)
      logger.debug({ reason, peer: socket.data.peerId }, 'disconnected')
      rooms.disconnected(socket)
    })
  })

  const refresh = setInterval(() => {
    store
      .refresh(rooms.holds())
      .catch((err: unknown) => logger.error({ err }, 'lease refresh failed'))
  }, LEASE_REFRESH_MS)
  const sweep = setInterval(() => {
    rooms.sweep()
    addresses.sweep()
  }, LOCKOUT_SWEEP_MS)
  refresh.unref()
  sweep.unref()
  httpServer.once('close', () => {
    clearInterval(refresh)
    clearInterval(sweep)
    rooms.dispose()
    for (const dispose of disposers) dispose()
  })
  return io
}
