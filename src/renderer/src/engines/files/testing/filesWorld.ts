/**
 * Files engines of several peers over a RouterMesh, with bulk channels that deliver on a later
 * task like a network, or only when the test says so (hold), so tests can act mid-transfer.
 */
import { ChannelPort, type DataChannelLike } from '../../../rtc/channelPort'
import { RouterMesh } from '../../../rtc/testing/routerMesh'
import { FilesEngine, type FilesLimits } from '../filesEngine'
import type { OfferInfo, TransferInfo } from '../types'
import { MemoryStorage, memorySource } from './memoryStorage'

type Frame = string | ArrayBuffer | ArrayBufferView

export class WireEnd implements DataChannelLike {
  readyState: RTCDataChannelState = 'connecting'
  bufferedAmount = 0
  bufferedAmountLowThreshold = 0
  binaryType: BinaryType = 'blob'
  onopen: DataChannelLike['onopen'] = null
  onclose: DataChannelLike['onclose'] = null
  onmessage: DataChannelLike['onmessage'] = null
  onbufferedamountlow: DataChannelLike['onbufferedamountlow'] = null
  other: WireEnd | null = null
  /** Messages sent by this end that the other has not been given yet. */
  readonly inFlight: ArrayBuffer[] = []
  readonly sizes: number[] = []
  delivered = 0
  held = false

  constructor(readonly label: string) {}

  send(data: Frame): void {
    if (this.readyState !== 'open') throw new DOMException('not open', 'InvalidStateError')
    if (typeof data === 'string') throw new Error('bulk channels carry binary only')
    const copy =
      data instanceof ArrayBuffer
        ? data.slice(0)
        : new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice().buffer
    this.inFlight.push(copy)
    this.sizes.push(copy.byteLength)
    if (!this.held) setTimeout(() => this.deliver(1), 0)
  }

  /** Hands up to n messages to the other end. */
  deliver(n = Infinity): void {
    for (let i = 0; i < n && this.inFlight.length > 0; i++) {
      const data = this.inFlight.shift()!
      if (this.other?.readyState !== 'open') continue
      this.delivered++
      this.other.onmessage?.(new MessageEvent('message', { data }))
    }
  }

  open(): void {
    this.readyState = 'open'
    this.onopen?.(new Event('open'))
  }

  close(): void {
    if (this.readyState === 'closed') return
    this.readyState = 'closed'
    this.onclose?.(new Event('close'))
    const other = this.other
    if (other) setTimeout(() => other.close(), 0)
  }
}

export interface Peer {
  id: string
  engine: FilesEngine
  storage: MemoryStorage
  offers: Map<string, OfferInfo>
  transfers: Map<string, TransferInfo>
  /** Sending ends of the bulk channels this peer opened, by transfer label. */
  wires: WireEnd[]
}

export interface WorldOptions {
  maxMessageSize?: number
  limits?: Partial<FilesLimits>
  /** Bulk channels start held: nothing arrives until the test delivers it. */
  hold?: boolean
}

export class FilesWorld {
  readonly mesh = new RouterMesh()
  readonly peers = new Map<string, Peer>()
  private seq = 0

  constructor(private readonly options: WorldOptions = {}) {}

  add(id: string): Peer {
    const storage = new MemoryStorage()
    const wires: WireEnd[] = []
    const engine = new FilesEngine({
      router: this.mesh.router(id),
      openChannel: (peerId, label) => this.open(id, peerId, label, wires),
      openSource: memorySource,
      storage,
      newId: () => `${id}${++this.seq}`,
      now: () => 0,
      limits: this.options.limits,
    })
    const peer: Peer = { id, engine, storage, offers: new Map(), transfers: new Map(), wires }
    engine.on('offer', (offer) => peer.offers.set(offer.key, offer))
    engine.on('transfer', (t) => peer.transfers.set(t.id, t))
    engine.start(id)
    for (const other of this.peers.keys()) this.mesh.connect(id, other)
    this.peers.set(id, peer)
    return peer
  }

  private open(from: string, to: string, label: string, wires: WireEnd[]): ChannelPort | null {
    const receiver = this.peers.get(to)
    if (!receiver || !this.mesh.router(from).peerIds.includes(to)) return null
    const a = new WireEnd(label)
    const b = new WireEnd(label)
    a.other = b
    b.other = a
    a.held = this.options.hold ?? false
    wires.push(a)
    const limit = () => this.options.maxMessageSize ?? 256 * 1024
    const port = new ChannelPort(a, { maxMessageSize: limit })
    setTimeout(() => {
      receiver.engine.attachChannel(from, new ChannelPort(b, { maxMessageSize: limit }))
      a.open()
      b.open()
    }, 0)
    return port
  }

  /** Everyone forgets the peer (it left the call). */
  remove(id: string): void {
    for (const other of this.peers.keys()) {
      if (other === id) continue
      this.mesh.disconnect(id, other)
      this.peers.get(other)!.engine.peerGone(id)
    }
  }
}

export function randomBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size)
  for (let at = 0; at < size; at += 65536) crypto.getRandomValues(bytes.subarray(at, at + 65536))
  return bytes
}
