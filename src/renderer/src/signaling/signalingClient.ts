/**
 * Typed Socket.IO client for signaling protocol v1. Requests return promises (ack or a typed
 * error); the socket reconnects by itself and this client then re-joins with the resume token,
 * so a short drop never disturbs the peer connections.
 */
import { io, type Socket } from 'socket.io-client'
import type {
  Ack,
  ClientToServerEvents,
  ErrorCode,
  JoinAckBody,
  JoinRequest,
  LeaveReason,
  PeerInfo,
  ProtocolError,
  ServerToClientEvents,
  SignalData,
  TurnRefreshAckBody,
} from '../../../shared/protocol'
import { GAME_SERVER_EVENTS } from '../../../shared/game/protocol'
import { Emitter } from '../lib/emitter'

export type MoimSocket = Socket<ServerToClientEvents, ClientToServerEvents>
export type SocketFactory = (url: string) => MoimSocket

export type SignalingErrorCode = ErrorCode | 'TIMEOUT' | 'CONNECTION_FAILED'

export class SignalingError extends Error {
  constructor(
    readonly code: SignalingErrorCode,
    message: string,
    /** Extra facts from the server, e.g. the capacity of a full room. */
    readonly details: ProtocolError['details'] = undefined,
  ) {
    super(message)
    this.name = 'SignalingError'
  }
}

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'closed'

/**
 * Events of server modules (the game), by name. The payload is whatever the server sent:
 * subscribers validate it with the module's zod schema before trusting it.
 */
export type ModuleEventName = (typeof MODULE_EVENTS)[number]
const MODULE_EVENTS = [...GAME_SERVER_EVENTS] as const
type ModuleEvents = { [E in ModuleEventName]: [payload: unknown] }

export type SignalingEvents = CoreSignalingEvents & ModuleEvents

interface CoreSignalingEvents {
  status: [status: ConnectionStatus]
  'peer:joined': [peer: PeerInfo]
  'peer:left': [id: string, reason: LeaveReason]
  signal: [from: string, data: SignalData]
  'room:host': [hostId: string]
  'room:kicked': [by: string]
  /** The people the host removed changed (a kick, or someone let back in). */
  'room:removed': [removed: PeerInfo[]]
  /**
   * After a reconnect the client joined again by itself. resumed=false means the server forgot
   * us (restart without the shared secret): new self id, so the mesh must be rebuilt.
   */
  rejoined: [ack: JoinAckBody, resumed: boolean]
  /** The automatic rejoin was refused (room now full, password changed...). */
  'rejoin-failed': [error: SignalingError]
}

export interface SignalingClientOptions {
  url: string
  socketFactory?: SocketFactory
  /** Per-request ack timeout. */
  ackTimeoutMs?: number
  /** How long the first connection may take before join gives up. */
  connectTimeoutMs?: number
}

const DEFAULT_ACK_TIMEOUT_MS = 10_000
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000
/** Signals queued while disconnected; beyond this the oldest are dropped (ICE restarts recover). */
const MAX_OUTBOX = 500
const MAX_SIGNAL_RETRIES = 3

export const defaultSocketFactory: SocketFactory = (url) =>
  io(url, {
    autoConnect: false,
    transports: ['websocket'],
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
  })

/** Every request of the protocol, core and modules (see ClientToServerEvents). */
export type AckedEvent = keyof ClientToServerEvents
export type RequestOf<E extends AckedEvent> = Parameters<ClientToServerEvents[E]>[0]
type AckOf<E extends AckedEvent> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]
/** The body of a successful ack of `E`. */
export type AckBodyOf<E extends AckedEvent> = Extract<AckOf<E>, { ok: true }>

export class SignalingClient extends Emitter<SignalingEvents> {
  private readonly socket: MoimSocket
  private readonly ackTimeoutMs: number
  private readonly connectTimeoutMs: number
  private joinRequest: JoinRequest | null = null
  private joined: JoinAckBody | null = null
  private status: ConnectionStatus = 'connecting'
  private closed = false
  private outbox: { to: string; data: SignalData }[] = []
  private readonly detachers: (() => void)[] = []

  constructor(options: SignalingClientOptions) {
    super()
    this.socket = (options.socketFactory ?? defaultSocketFactory)(options.url)
    this.ackTimeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS
    this.connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS
    this.attach()
    this.socket.connect()
  }

  get connectionStatus(): ConnectionStatus {
    return this.status
  }

  /** The latest join ack (updated after automatic rejoins). */
  get session(): JoinAckBody | null {
    return this.joined
  }

  async join(request: Omit<JoinRequest, 'resumeToken'>): Promise<JoinAckBody> {
    // Already connected (preconnect): the request leaves within this call, before the caller
    // goes on to re-render, rather than a microtask later.
    if (!this.socket.connected) await this.waitConnected()
    const ack = await this.request('room:join', request)
    this.joinRequest = { ...request }
    this.joined = ack
    return ack
  }

  async leave(): Promise<void> {
    this.joinRequest = null
    this.joined = null
    this.outbox = []
    if (!this.socket.connected) return
    await this.request('room:leave', {})
  }

  async kick(id: string): Promise<void> {
    await this.request('room:kick', { id })
  }

  /** Host only: lets a removed person back into the room. */
  async allow(id: string): Promise<void> {
    await this.request('room:allow', { id })
  }

  /** Fresh TURN credentials before the current ones expire. */
  async refreshTurn(): Promise<TurnRefreshAckBody> {
    const { iceServers, iceServersExpireAt } = await this.request('turn:refresh', {})
    return iceServersExpireAt === undefined ? { iceServers } : { iceServers, iceServersExpireAt }
  }

  /**
   * Fire-and-forget relay. While the socket is down, signals wait and are flushed after the
   * session is resumed; a fresh (non-resumed) join discards them since the mesh is rebuilt.
   */
  signal(to: string, data: SignalData): void {
    if (this.closed) return
    if (!this.socket.connected || this.status !== 'connected') {
      this.outbox.push({ to, data })
      if (this.outbox.length > MAX_OUTBOX) this.outbox.shift()
      return
    }
    this.sendSignal(to, data, 0)
  }

  private sendSignal(to: string, data: SignalData, attempt: number): void {
    this.request('signal', { to, data }).catch((error: unknown) => {
      if (this.closed) return
      if (
        error instanceof SignalingError &&
        error.code === 'RATE_LIMITED' &&
        attempt < MAX_SIGNAL_RETRIES
      ) {
        // A lost candidate or description stalls a connection; waiting a moment is cheaper.
        const delay = (error.details?.retryAfterMs ?? 100) * (attempt + 1)
        setTimeout(() => this.sendSignal(to, data, attempt + 1), delay)
        return
      }
      // A peer that just left is normal churn; anything else is worth a console line.
      if (!(error instanceof SignalingError && error.code === 'UNKNOWN_PEER')) {
        console.warn('signal not delivered', error)
      }
    })
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    for (const detach of this.detachers.splice(0)) detach()
    this.socket.disconnect()
    this.setStatus('closed')
    this.removeAllListeners()
  }

  /**
   * Sends a request and resolves with the body of its successful ack, or rejects with a
   * SignalingError carrying the server's code (TIMEOUT when no answer comes). Module requests
   * (game:*) go through here; while the socket is down they wait in Socket.IO's buffer.
   */
  request<E extends AckedEvent>(event: E, payload: RequestOf<E>): Promise<AckBodyOf<E>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new SignalingError('TIMEOUT', `${event}: no answer from the server`))
      }, this.ackTimeoutMs)
      const onAck = (res: Ack) => {
        clearTimeout(timer)
        if (!res || typeof res !== 'object' || typeof res.ok !== 'boolean') {
          reject(new SignalingError('INTERNAL', `${event}: malformed answer from the server`))
        } else if (res.ok) {
          resolve(res as AckBodyOf<E>)
        } else {
          reject(new SignalingError(res.error.code, res.error.message, res.error.details))
        }
      }
      // The typed emit overloads cannot be called with a generic event name; the request and ack
      // types are tied together by RequestOf/AckOf above.
      ;(this.socket.emit as (e: string, p: unknown, cb: (res: Ack) => void) => void)(
        event,
        payload,
        onAck,
      )
    })
  }

  private waitConnected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer)
        this.socket.off('connect', onConnect)
        this.socket.off('connect_error', onError)
      }
      const onConnect = () => {
        cleanup()
        resolve()
      }
      let lastError = ''
      const onError = (error: Error) => {
        lastError = error.message
      }
      const timer = setTimeout(() => {
        cleanup()
        const detail = lastError ? ` (${lastError})` : ''
        reject(
          new SignalingError('CONNECTION_FAILED', `Cannot reach the signaling server${detail}`),
        )
      }, this.connectTimeoutMs)
      this.socket.on('connect', onConnect)
      this.socket.on('connect_error', onError)
    })
  }

  private attach(): void {
    const s = this.socket
    const on = <A extends unknown[]>(event: string, fn: (...args: A) => void) => {
      const onFn = s.on as unknown as (e: string, f: (...args: A) => void) => void
      const offFn = s.off as unknown as (e: string, f: (...args: A) => void) => void
      onFn.call(s, event, fn)
      this.detachers.push(() => offFn.call(s, event, fn))
    }
    on('connect', () => void this.onConnect())
    on('disconnect', (reason: string) => {
      if (this.closed) return
      this.setStatus('reconnecting')
      // The server closed us on purpose (e.g. restart); Socket.IO won't retry that by itself.
      if (reason === 'io server disconnect') s.connect()
    })
    on('connect_error', () => {
      if (this.status === 'connected') this.setStatus('reconnecting')
    })
    const manager = s.io
    const onReconnectFailed = () => this.setStatus('failed')
    manager.on('reconnect_failed', onReconnectFailed)
    this.detachers.push(() => manager.off('reconnect_failed', onReconnectFailed))

    on('peer:joined', (peer: PeerInfo) => this.emit('peer:joined', peer))
    on('peer:left', (p: { id: string; reason: LeaveReason }) =>
      this.emit('peer:left', p.id, p.reason),
    )
    on('signal', (p: { from: string; data: SignalData }) => this.emit('signal', p.from, p.data))
    on('room:host', (p: { hostId: string }) => this.emit('room:host', p.hostId))
    for (const event of MODULE_EVENTS) on(event, (payload: unknown) => this.emit(event, payload))
    on('room:removed', (p: { removed: PeerInfo[] }) => this.emit('room:removed', p.removed))
    // After a kick the server hands out tokens that know about it; the next resume uses them.
    on('room:token', (p: { resumeToken: string }) => {
      if (this.joined) this.joined = { ...this.joined, resumeToken: p.resumeToken }
    })
    on('room:kicked', (p: { by: string }) => {
      this.joinRequest = null
      this.joined = null
      this.emit('room:kicked', p.by)
    })
  }

  private async onConnect(): Promise<void> {
    if (this.closed) return
    const request = this.joinRequest
    const previous = this.joined
    if (!request || !previous) {
      this.setStatus('connected')
      return
    }
    if (this.socket.recovered) {
      // Socket.IO connection state recovery kept our room membership: nothing to redo.
      this.setStatus('connected')
      this.flushOutbox()
      return
    }
    try {
      const ack = await this.request('room:join', { ...request, resumeToken: previous.resumeToken })
      if (this.joinRequest !== request) return // left while rejoining
      const resumed = ack.resumed && ack.self.id === previous.self.id
      this.joined = ack
      this.setStatus('connected')
      if (resumed) this.flushOutbox()
      else this.outbox = []
      this.emit('rejoined', ack, resumed)
    } catch (error) {
      if (this.joinRequest !== request) return
      if (error instanceof SignalingError && error.code === 'ALREADY_IN_ROOM') {
        // The server still had us (resume handled server-side): same session.
        this.setStatus('connected')
        this.flushOutbox()
        return
      }
      const failure =
        error instanceof SignalingError ? error : new SignalingError('INTERNAL', String(error))
      this.joinRequest = null
      this.joined = null
      this.outbox = []
      this.setStatus('failed')
      this.emit('rejoin-failed', failure)
    }
  }

  private flushOutbox(): void {
    const pending = this.outbox
    this.outbox = []
    for (const { to, data } of pending) this.signal(to, data)
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status) return
    this.status = status
    this.emit('status', status)
  }
}
