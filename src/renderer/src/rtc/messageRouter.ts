/**
 * The app's messages over each peer's control and volatile channels. Features register a route
 * (message type, zod schema, channel, what to do while the channel is closed) and handlers; the
 * router checks every incoming frame's size before JSON.parse, validates it against its route's
 * schema and dispatches it. Malformed frames are dropped and counted, and logged once per peer.
 *
 * Binary frames on the control channel start with a one-byte tag naming their handler (the
 * whiteboard's stroke points); bulk data has channels of its own (see Mesh.openChannel).
 */
import type { ZodType } from 'zod'
import {
  MAX_CONTROL_BINARY_BYTES,
  MAX_CONTROL_TEXT_CHARS,
  MAX_VOLATILE_TEXT_CHARS,
} from '../../../shared/channel/limits'
import { Emitter, type Listener as EmitterListener } from '../lib/emitter'
import { ChannelClosedError, type ChannelPort } from './channelPort'
import { Outbox } from './outbox'

export type RoutedChannel = 'control' | 'volatile'

/**
 * While a peer's channel is not open: 'queue' delivers the message when it opens (chat),
 * 'latest' delivers only the newest message of the type (state), 'drop' discards it (cursors).
 */
export type ClosedPolicy = 'queue' | 'latest' | 'drop'

export interface Route<T extends { type: string }> {
  readonly type: T['type']
  readonly schema: ZodType<T>
  readonly channel: RoutedChannel
  readonly whenClosed: ClosedPolicy
}

export function defineRoute<T extends { type: string }>(
  type: T['type'],
  schema: ZodType<T>,
  options: { channel?: RoutedChannel; whenClosed?: ClosedPolicy } = {},
): Route<T> {
  const channel = options.channel ?? 'control'
  return {
    type,
    schema,
    channel,
    whenClosed: options.whenClosed ?? (channel === 'volatile' ? 'drop' : 'queue'),
  }
}

export type MessageHandler<T> = (peerId: string, message: T) => void
export type BinaryHandler = (peerId: string, payload: Uint8Array) => void

export interface MessageRouterEvents {
  /** The peer's control channel opened (queued messages were handed to it first). */
  'peer-open': [peerId: string]
  /** The peer's control channel closed, or the peer was removed. */
  'peer-closed': [peerId: string]
}

export interface MessageRouterOptions {
  outboxLimit?: number
  warn?: (message: string) => void
}

interface PeerState {
  id: string
  ports: Partial<Record<RoutedChannel, { port: ChannelPort; off: (() => void)[] }>>
  outbox: Outbox
  dropped: number
  warned: boolean
  outboxWarned: boolean
}

type AnyRoute = Route<{ type: string }>
type Listener<K extends keyof MessageRouterEvents> = EmitterListener<MessageRouterEvents[K]>

/** The router's own events, raised through a private emitter (on() is for messages). */
class RouterEvents extends Emitter<MessageRouterEvents> {
  raise(event: keyof MessageRouterEvents, peerId: string): void {
    this.emit(event, peerId)
  }
}

export class MessageRouter {
  private readonly events = new RouterEvents()
  private readonly routes = new Map<string, AnyRoute>()
  private readonly handlers = new Map<string, Set<MessageHandler<never>>>()
  private readonly binaryHandlers = new Map<number, BinaryHandler>()
  private readonly peers = new Map<string, PeerState>()
  private readonly outboxLimit: number | undefined
  private readonly warn: (message: string) => void

  constructor(options: MessageRouterOptions = {}) {
    this.outboxLimit = options.outboxLimit
    this.warn = options.warn ?? ((message) => console.warn(message))
  }

  /** Handles messages of a route's type from any peer; registers the route. */
  on<T extends { type: string }>(route: Route<T>, handler: MessageHandler<T>): () => void {
    this.register(route)
    let set = this.handlers.get(route.type)
    if (!set) this.handlers.set(route.type, (set = new Set()))
    const stored = handler as MessageHandler<never>
    set.add(stored)
    return () => set.delete(stored)
  }

  /** Peers' control channels opening and closing. */
  onPeer<K extends keyof MessageRouterEvents>(event: K, listener: Listener<K>): () => void {
    return this.events.on(event, listener)
  }

  /** Handles binary frames with this tag (0..255) on the control channel. */
  onBinary(tag: number, handler: BinaryHandler): () => void {
    if (!Number.isInteger(tag) || tag < 0 || tag > 255) throw new Error(`bad binary tag ${tag}`)
    if (this.binaryHandlers.has(tag)) throw new Error(`binary tag ${tag} is taken`)
    this.binaryHandlers.set(tag, handler)
    return () => {
      if (this.binaryHandlers.get(tag) === handler) this.binaryHandlers.delete(tag)
    }
  }

  /** A peer is in the call (its link exists or is about to); messages to it are kept for it. */
  addPeer(peerId: string): void {
    this.peer(peerId)
  }

  /** A control or volatile channel of a peer's link; replaces an earlier one of its kind. */
  attach(peerId: string, port: ChannelPort): void {
    if (port.kind === 'bulk') throw new Error('bulk channels are not routed')
    const kind: RoutedChannel = port.kind
    const state = this.peer(peerId)
    this.detach(state, kind)
    const off = [
      port.on('text', (text) => this.receiveText(peerId, kind, text)),
      port.on('binary', (data) => this.receiveBinary(peerId, kind, data)),
      port.on('close', () => {
        if (state.ports[kind]?.port !== port) return
        this.detach(state, kind)
        if (kind === 'control' && this.peers.get(peerId) === state)
          this.events.raise('peer-closed', peerId)
      }),
    ]
    if (kind === 'control') off.push(port.on('open', () => this.opened(peerId, state, port)))
    state.ports[kind] = { port, off }
    if (kind === 'control' && port.isOpen) this.opened(peerId, state, port)
  }

  /** The peer left: its channels are forgotten and its queued messages discarded. */
  removePeer(peerId: string): void {
    const state = this.peers.get(peerId)
    if (!state) return
    this.peers.delete(peerId)
    const wasOpen = state.ports.control?.port.isOpen ?? false
    this.detach(state, 'control')
    this.detach(state, 'volatile')
    if (wasOpen) this.events.raise('peer-closed', peerId)
  }

  /** Forgets every peer (the call ended); routes and handlers stay. */
  reset(): void {
    for (const peerId of [...this.peers.keys()]) this.removePeer(peerId)
  }

  get peerIds(): string[] {
    return [...this.peers.keys()]
  }

  isOpen(peerId: string): boolean {
    return this.peers.get(peerId)?.ports.control?.port.isOpen ?? false
  }

  /** Peers whose control channel is open now. */
  get openPeers(): string[] {
    return this.peerIds.filter((id) => this.isOpen(id))
  }

  /** Malformed frames dropped from this peer. */
  droppedFrom(peerId: string): number {
    return this.peers.get(peerId)?.dropped ?? 0
  }

  /** Messages to this peer dropped because its outbox was full. */
  outboxDropped(peerId: string): number {
    return this.peers.get(peerId)?.outbox.dropped ?? 0
  }

  /** To one peer of the call (see addPeer); queued per the route while its channel is closed. */
  send<T extends { type: string }>(peerId: string, route: Route<T>, message: T): void {
    this.register(route)
    const state = this.peers.get(peerId)
    if (state) this.deliver(state, route, this.serialize(route, message))
  }

  /** To every peer in the call (queued, per the route, for those whose channel is not open). */
  broadcast<T extends { type: string }>(route: Route<T>, message: T): void {
    this.register(route)
    const frame = this.serialize(route, message)
    for (const state of this.peers.values()) this.deliver(state, route, frame)
  }

  /** A tagged binary frame on the peer's control channel; false when the channel is not open. */
  sendBinary(peerId: string, tag: number, payload: Uint8Array): boolean {
    const port = this.peers.get(peerId)?.ports.control?.port
    if (!port?.isOpen) return false
    const frame = new Uint8Array(payload.byteLength + 1)
    frame[0] = tag
    frame.set(payload, 1)
    if (frame.byteLength > MAX_CONTROL_BINARY_BYTES)
      throw new Error(`binary frame of ${frame.byteLength} bytes is over the control limit`)
    port.send(frame).catch(() => {})
    return true
  }

  private register(route: AnyRoute | Route<never>): void {
    const known = this.routes.get(route.type)
    if (known && known !== route) throw new Error(`message type "${route.type}" is taken`)
    if (!known) this.routes.set(route.type, route as AnyRoute)
  }

  private serialize(route: AnyRoute | Route<never>, message: unknown): string {
    const frame = JSON.stringify(message)
    const limit = route.channel === 'control' ? MAX_CONTROL_TEXT_CHARS : MAX_VOLATILE_TEXT_CHARS
    // A sender bug, not a network condition: features page what could be large.
    if (frame.length > limit) throw new Error(`"${route.type}" frame is over ${limit} characters`)
    return frame
  }

  private peer(peerId: string): PeerState {
    let state = this.peers.get(peerId)
    if (!state) {
      state = {
        id: peerId,
        ports: {},
        outbox: new Outbox(this.outboxLimit),
        dropped: 0,
        warned: false,
        outboxWarned: false,
      }
      this.peers.set(peerId, state)
    }
    return state
  }

  private deliver(state: PeerState, route: AnyRoute | Route<never>, frame: string): void {
    const port = state.ports[route.channel]?.port
    if (route.channel === 'volatile') {
      // Fresh or never: nothing waits for a volatile channel.
      port?.trySend(frame)
      return
    }
    if (port?.isOpen && state.outbox.size === 0) {
      port.send(frame).catch((error: unknown) => this.requeue(state, route, frame, error))
      return
    }
    this.enqueue(state, route, frame)
  }

  private enqueue(state: PeerState, route: AnyRoute | Route<never>, frame: string): void {
    if (route.whenClosed === 'drop') return
    const before = state.outbox.dropped
    state.outbox.push(route.type, frame, route.whenClosed === 'latest')
    if (state.outbox.dropped > before && !state.outboxWarned) {
      state.outboxWarned = true
      this.warn('a peer’s data channel has not opened; its oldest queued messages are dropped')
    }
  }

  /** A message caught by its channel's close waits for the peer's next channel. */
  private requeue(state: PeerState, route: AnyRoute | Route<never>, frame: string, error: unknown) {
    if (error instanceof ChannelClosedError && this.peers.get(state.id) === state) {
      this.enqueue(state, route, frame)
    } else if (!(error instanceof ChannelClosedError)) {
      this.warn(`could not send a "${route.type}" message: ${String(error)}`)
    }
  }

  private opened(peerId: string, state: PeerState, port: ChannelPort): void {
    if (this.peers.get(peerId) !== state || state.ports.control?.port !== port) return
    for (const frame of state.outbox.drain()) port.send(frame).catch(() => {})
    this.events.raise('peer-open', peerId)
  }

  private detach(state: PeerState, kind: RoutedChannel): void {
    const entry = state.ports[kind]
    if (!entry) return
    for (const off of entry.off) off()
    delete state.ports[kind]
  }

  private receiveText(peerId: string, kind: RoutedChannel, text: string): void {
    const limit = kind === 'control' ? MAX_CONTROL_TEXT_CHARS : MAX_VOLATILE_TEXT_CHARS
    if (text.length > limit) return this.malformed(peerId, `a ${text.length}-character frame`)
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch {
      return this.malformed(peerId, 'a frame that is not JSON')
    }
    const type =
      typeof raw === 'object' && raw !== null && 'type' in raw
        ? (raw as { type: unknown }).type
        : undefined
    if (typeof type !== 'string') return this.malformed(peerId, 'a frame without a type')
    const route = this.routes.get(type)
    if (!route) return this.malformed(peerId, `an unknown type "${type.slice(0, 40)}"`)
    if (route.channel !== kind) return this.malformed(peerId, `"${type}" on the ${kind} channel`)
    const parsed = route.schema.safeParse(raw)
    if (!parsed.success) return this.malformed(peerId, `an invalid "${type}" message`)
    for (const handler of [...(this.handlers.get(type) ?? [])]) {
      try {
        ;(handler as MessageHandler<unknown>)(peerId, parsed.data)
      } catch (error) {
        console.error(`"${type}" handler failed`, error)
      }
    }
  }

  private receiveBinary(peerId: string, kind: RoutedChannel, data: ArrayBuffer): void {
    if (kind !== 'control') return this.malformed(peerId, `binary on the ${kind} channel`)
    if (data.byteLength < 1 || data.byteLength > MAX_CONTROL_BINARY_BYTES)
      return this.malformed(peerId, `a ${data.byteLength}-byte binary frame`)
    const tag = new Uint8Array(data, 0, 1)[0]!
    const handler = this.binaryHandlers.get(tag)
    if (!handler) return this.malformed(peerId, `binary tag ${tag}`)
    try {
      handler(peerId, new Uint8Array(data, 1))
    } catch (error) {
      console.error(`binary handler ${tag} failed`, error)
    }
  }

  private malformed(peerId: string, what: string): void {
    const state = this.peers.get(peerId)
    if (!state) return
    state.dropped++
    if (state.warned) return
    state.warned = true
    this.warn(`dropping malformed data-channel frames from ${peerId} (first: ${what})`)
  }
}
