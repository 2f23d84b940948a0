/**
 * File sharing for one call. A sender offers files to everyone; each receiver accepts (nothing
 * is sent before) or declines. Each accepted file travels on its own bulk channel in chunks with
 * a binary header, under a window of unacknowledged bytes so a receiver never holds more than
 * the window in memory; the receiver writes to storage and acknowledges what is written. A
 * broken channel is resumed from the last written byte, keyed by the transfer id. SHA-256 is
 * computed by both sides while reading and writing and compared at the end.
 * Knows nothing of React or the stores (docs/protocol.md, "File transfer").
 */
import {
  DEFAULT_MAX_FILE_BYTES,
  FILE_ACK_EVERY_BYTES,
  FILE_MESSAGE_MAX,
  FILE_WINDOW_BYTES,
  chunkHeaderLength,
  readChunkHeader,
  writeChunkHeader,
  type FileCancelReason,
} from '../../../../shared/channel/files'
import { bulkIdOf, bulkLabel } from '../../../../shared/channel/labels'
import { sanitizeFileName } from '../../../../shared/files/fileName'
import { Emitter } from '../../lib/emitter'
import { MessageTooLargeError, type ChannelPort } from '../../rtc/channelPort'
import type { MessageRouter } from '../../rtc/messageRouter'
import {
  acceptRoute,
  ackRoute,
  cancelRoute,
  completeRoute,
  declineRoute,
  offerRoute,
  resumeRoute,
  verifiedRoute,
  withdrawRoute,
} from './routes'
import { StorageError, type ChunkSink, type ChunkSource, type FileStorage } from './storage'
import type { SourceFactory } from './storage'
import { isOver, offerKey, type FileErrorCode, type OfferInfo, type TransferInfo } from './types'

/** Reads of the file kept in flight ahead of the channel. */
const READ_AHEAD = 4
/** Offers kept from one peer in a call: more is a flood, not sharing. */
export const MAX_OFFERS_PER_PEER = 200

export interface FilesLimits {
  maxFileBytes: number
  /** Unfinished transfers, each way. */
  maxConcurrent: number
}

export const DEFAULT_FILES_LIMITS: FilesLimits = {
  maxFileBytes: DEFAULT_MAX_FILE_BYTES,
  maxConcurrent: 8,
}

export interface FilesEngineEvents {
  offer: [offer: OfferInfo]
  transfer: [transfer: TransferInfo]
  /** High-rate: bytes written by the receiver (acknowledged, on the sending side). */
  progress: [transferId: string, bytes: number]
}

export interface FilesEngineDeps {
  router: MessageRouter
  /** A bulk channel to the peer (Mesh.openChannel); null without a link. */
  openChannel: (peerId: string, label: string) => ChannelPort | null
  openSource: SourceFactory
  storage: FileStorage
  newId: () => string
  now: () => number
  limits?: Partial<FilesLimits>
}

export type OfferResult =
  { ok: true; offerKey: string } | { ok: false; reason: 'too-large' | 'not-in-call' }

export type AcceptResult = { ok: true; transferId: string } | { ok: false; reason: FileErrorCode }

interface OwnOffer {
  info: OfferInfo
  file: Blob
  source: ChunkSource | null
  sentTo: Set<string>
}

interface Outgoing {
  info: TransferInfo
  offer: OwnOffer
  port: ChannelPort | null
  offPort: (() => void)[]
  sent: number
  /** Bumped whenever the current pump must stop (resume, end). */
  generation: number
  wake: (() => void) | null
}

interface Incoming {
  info: TransferInfo
  sink: ChunkSink
  port: ChannelPort | null
  offPort: (() => void)[]
  /** Bytes handed to the sink; `info.bytes` is what it has written. */
  received: number
  lastAck: number
  expectedSha: string | null
  finishing: boolean
  resumeAsked: boolean
  writes: Promise<void>
}

const CANCEL_ERROR: Record<FileCancelReason, FileErrorCode> = {
  cancelled: 'cancelled-by-peer',
  withdrawn: 'withdrawn',
  'hash-mismatch': 'hash-mismatch',
  'write-failed': 'write-failed',
  'read-failed': 'read-failed',
  busy: 'busy',
  protocol: 'protocol',
}

function whenOpen(port: ChannelPort): Promise<boolean> {
  if (port.isOpen) return Promise.resolve(true)
  if (port.isClosed) return Promise.resolve(false)
  return new Promise((resolve) => {
    const offs = [port.on('open', () => done(true)), port.on('close', () => done(false))]
    const done = (open: boolean) => {
      for (const off of offs) off()
      resolve(open)
    }
  })
}

export class FilesEngine extends Emitter<FilesEngineEvents> {
  private readonly deps: FilesEngineDeps
  private readonly limits: FilesLimits
  private self: string | null = null
  private readonly own = new Map<string, OwnOffer>()
  private readonly offers = new Map<string, OfferInfo>()
  private readonly outgoing = new Map<string, Outgoing>()
  private readonly incoming = new Map<string, Incoming>()
  private readonly offs: (() => void)[]

  constructor(deps: FilesEngineDeps) {
    super()
    this.deps = deps
    this.limits = { ...DEFAULT_FILES_LIMITS, ...deps.limits }
    const { router } = deps
    this.offs = [
      router.on(offerRoute, (peerId, m) => this.onOffer(peerId, m)),
      router.on(withdrawRoute, (peerId, m) => this.onWithdraw(peerId, m.offerId)),
      router.on(acceptRoute, (peerId, m) => this.onAccept(peerId, m.offerId, m.transferId)),
      router.on(declineRoute, (peerId, m) => this.onDecline(peerId, m.offerId)),
      router.on(cancelRoute, (peerId, m) => this.onCancel(peerId, m.transferId, m.reason)),
      router.on(resumeRoute, (peerId, m) => this.onResume(peerId, m.transferId, m.offset)),
      router.on(ackRoute, (peerId, m) => this.onAck(peerId, m.transferId, m.offset)),
      router.on(completeRoute, (peerId, m) => this.onComplete(peerId, m.transferId, m.sha256)),
      router.on(verifiedRoute, (peerId, m) => this.onVerified(peerId, m.transferId, m.sha256)),
      router.onPeer('peer-open', (peerId) => this.onPeerOpen(peerId)),
      router.onPeer('peer-closed', (peerId) => {
        for (const t of this.incoming.values()) if (t.info.peerId === peerId) t.resumeAsked = false
      }),
    ]
  }

  get maxFileBytes(): number {
    return this.limits.maxFileBytes
  }

  start(selfId: string): void {
    this.stop()
    this.self = selfId
  }

  /** The call ended: every transfer stops and everything received is deleted. */
  stop(): Promise<void> {
    for (const t of this.outgoing.values()) this.closePort(t)
    for (const t of this.incoming.values()) {
      this.closePort(t)
      void t.sink.discard().catch(() => {})
    }
    for (const offer of this.own.values()) offer.source?.close()
    this.outgoing.clear()
    this.incoming.clear()
    this.own.clear()
    this.offers.clear()
    this.self = null
    return this.deps.storage.wipe()
  }

  dispose(): void {
    void this.stop().catch(() => {})
    for (const off of this.offs) off()
    this.removeAllListeners()
  }

  offerList(): OfferInfo[] {
    return [...this.offers.values()]
  }

  transfer(id: string): TransferInfo | undefined {
    return (this.outgoing.get(id) ?? this.incoming.get(id))?.info
  }

  // ---- sending ----

  offer(file: Blob, name: string): OfferResult {
    const self = this.self
    if (!self) return { ok: false, reason: 'not-in-call' }
    if (file.size > this.limits.maxFileBytes) return { ok: false, reason: 'too-large' }
    const offerId = this.deps.newId()
    const info: OfferInfo = {
      key: offerKey(self, offerId),
      offerId,
      from: self,
      self: true,
      name: sanitizeFileName(name),
      size: file.size,
      mime: file.type.slice(0, 127),
      at: this.deps.now(),
      state: 'open',
      answer: 'pending',
      declinedBy: [],
      error: null,
    }
    const own: OwnOffer = { info, file, source: null, sentTo: new Set() }
    this.own.set(offerId, own)
    this.offers.set(info.key, info)
    this.emit('offer', { ...info })
    for (const peerId of this.deps.router.peerIds) this.sendOffer(own, peerId)
    return { ok: true, offerKey: info.key }
  }

  withdraw(offerId: string): void {
    const own = this.own.get(offerId)
    if (!own || own.info.state !== 'open') return
    own.info.state = 'withdrawn'
    this.emit('offer', { ...own.info })
    for (const peerId of own.sentTo)
      this.deps.router.send(peerId, withdrawRoute, { type: 'file-withdraw', offerId })
    for (const t of this.outgoing.values())
      if (t.offer === own && !isOver(t.info.status)) this.endOutgoing(t, 'withdrawn')
    own.source?.close()
    own.source = null
  }

  private sendOffer(own: OwnOffer, peerId: string): void {
    if (own.info.state !== 'open' || own.sentTo.has(peerId)) return
    own.sentTo.add(peerId)
    const { offerId, size, mime, name } = own.info
    this.deps.router.send(peerId, offerRoute, { type: 'file-offer', offerId, name, size, mime })
  }

  private onAccept(peerId: string, offerId: string, transferId: string): void {
    const own = this.own.get(offerId)
    if (!own || !own.sentTo.has(peerId) || !this.self) return
    if (this.outgoing.has(transferId) || this.incoming.has(transferId)) {
      return this.sendCancel(peerId, transferId, 'protocol')
    }
    if (own.info.state !== 'open') return this.sendCancel(peerId, transferId, 'withdrawn')
    const active = [...this.outgoing.values()].filter((t) => !isOver(t.info.status)).length
    if (active >= this.limits.maxConcurrent) return this.sendCancel(peerId, transferId, 'busy')
    own.source ??= this.deps.openSource(own.file)
    const t: Outgoing = {
      info: {
        id: transferId,
        offerKey: own.info.key,
        peerId,
        direction: 'out',
        status: 'connecting',
        bytes: 0,
        size: own.info.size,
        sha256: null,
        error: null,
      },
      offer: own,
      port: null,
      offPort: [],
      sent: 0,
      generation: 0,
      wake: null,
    }
    this.outgoing.set(transferId, t)
    this.emitTransfer(t.info)
    this.startSending(t, 0)
  }

  private onDecline(peerId: string, offerId: string): void {
    const own = this.own.get(offerId)
    if (!own || !own.sentTo.has(peerId) || own.info.declinedBy.includes(peerId)) return
    own.info.declinedBy = [...own.info.declinedBy, peerId]
    this.emit('offer', { ...own.info })
  }

  private onResume(peerId: string, transferId: string, offset: number): void {
    const t = this.outgoing.get(transferId)
    if (!t || t.info.peerId !== peerId || isOver(t.info.status)) return
    if (offset > t.sent || offset > t.info.size) return this.endOutgoing(t, 'protocol')
    t.info.bytes = offset
    this.startSending(t, offset)
  }

  private onAck(peerId: string, transferId: string, offset: number): void {
    const t = this.outgoing.get(transferId)
    if (!t || t.info.peerId !== peerId || isOver(t.info.status)) return
    if (offset > t.sent) return this.endOutgoing(t, 'protocol')
    if (offset <= t.info.bytes) return
    t.info.bytes = offset
    this.emit('progress', transferId, offset)
    this.wakePump(t)
  }

  private onVerified(peerId: string, transferId: string, sha256: string): void {
    const t = this.outgoing.get(transferId)
    if (!t || t.info.peerId !== peerId || t.info.status !== 'verifying') return
    if (sha256 !== t.info.sha256) return this.endOutgoing(t, 'hash-mismatch')
    t.info.bytes = t.info.size
    t.info.status = 'done'
    this.closePort(t)
    this.emitTransfer(t.info)
  }

  /** A (new) bulk channel to the receiver, and bytes from `offset` on it. */
  private startSending(t: Outgoing, offset: number): void {
    t.generation++
    this.closePort(t)
    t.sent = offset
    if (t.info.size === 0) {
      void this.sendComplete(t, t.generation)
      return
    }
    let port: ChannelPort | null = null
    try {
      port = this.deps.openChannel(t.info.peerId, bulkLabel(t.info.id))
    } catch (error) {
      console.warn('could not open a bulk channel', error)
    }
    if (!port) {
      this.setStatus(t, 'waiting')
      return
    }
    t.port = port
    const current = port
    t.offPort = [
      port.on('close', () => {
        if (t.port !== current) return
        t.port = null
        this.wakePump(t)
        // The receiver asks to resume from what it has; until then, nothing to do here.
        if (t.info.status === 'active' || t.info.status === 'connecting')
          this.setStatus(t, 'waiting')
      }),
    ]
    void this.pump(t, port, t.generation)
  }

  private async pump(t: Outgoing, port: ChannelPort, generation: number): Promise<void> {
    const live = () => t.generation === generation && t.port === port && !isOver(t.info.status)
    if (!(await whenOpen(port)) || !live()) return
    this.setStatus(t, 'active')
    const size = t.info.size
    const headerLength = chunkHeaderLength(t.info.id)
    const payloadMax = Math.min(FILE_MESSAGE_MAX, port.messageSizeLimit) - headerLength
    const source = t.offer.source
    if (!source || payloadMax <= 0) return this.endOutgoing(t, 'read-failed')
    const ahead: { offset: number; read: Promise<Uint8Array> }[] = []
    let readAt = t.sent
    while (live() && t.sent < size) {
      while (
        ahead.length < READ_AHEAD &&
        readAt < size &&
        readAt - t.info.bytes < FILE_WINDOW_BYTES
      ) {
        const length = Math.min(payloadMax, size - readAt)
        const read = source.read(readAt, length, headerLength)
        read.catch(() => {})
        ahead.push({ offset: readAt, read })
        readAt += length
      }
      if (ahead.length === 0) {
        // The window is full: wait for the receiver to write and acknowledge.
        await new Promise<void>((resolve) => (t.wake = resolve))
        continue
      }
      const next = ahead.shift()!
      let frame: Uint8Array
      try {
        frame = await next.read
      } catch (error) {
        console.warn('reading the shared file failed', error)
        if (live()) this.endOutgoing(t, 'read-failed')
        return
      }
      if (!live()) return
      writeChunkHeader(frame, t.info.id, next.offset)
      t.sent = next.offset + frame.byteLength - headerLength
      try {
        await port.send(frame)
      } catch (error) {
        if (error instanceof MessageTooLargeError && live()) this.endOutgoing(t, 'protocol')
        // A closed channel: the receiver asks to resume.
        return
      }
    }
    if (live()) await this.sendComplete(t, generation)
  }

  private async sendComplete(t: Outgoing, generation: number): Promise<void> {
    let sha256: string
    try {
      sha256 = await (t.offer.source ?? this.deps.openSource(t.offer.file)).digest()
    } catch (error) {
      console.warn('hashing the shared file failed', error)
      if (t.generation === generation && !isOver(t.info.status)) this.endOutgoing(t, 'read-failed')
      return
    }
    if (t.generation !== generation || isOver(t.info.status)) return
    t.info.sha256 = sha256
    this.setStatus(t, 'verifying')
    this.deps.router.send(t.info.peerId, completeRoute, {
      type: 'file-complete',
      transferId: t.info.id,
      sha256,
    })
  }

  private wakePump(t: Outgoing): void {
    const wake = t.wake
    t.wake = null
    wake?.()
  }

  /** Ends an outgoing transfer from this side and tells the receiver why. */
  private endOutgoing(t: Outgoing, reason: FileCancelReason): void {
    this.sendCancel(t.info.peerId, t.info.id, reason)
    this.failOutgoing(t, reason === 'cancelled' ? 'cancelled' : CANCEL_ERROR[reason])
  }

  private failOutgoing(t: Outgoing, error: FileErrorCode): void {
    if (isOver(t.info.status)) return
    t.generation++
    t.info.status = 'failed'
    t.info.error = error
    this.closePort(t)
    this.wakePump(t)
    this.emitTransfer(t.info)
  }

  // ---- receiving ----

  private onOffer(
    peerId: string,
    m: { offerId: string; name: string; size: number; mime: string },
  ): void {
    if (!this.self) return
    const key = offerKey(peerId, m.offerId)
    if (this.offers.has(key)) return
    let fromPeer = 0
    for (const offer of this.offers.values()) if (offer.from === peerId) fromPeer++
    if (fromPeer >= MAX_OFFERS_PER_PEER) return
    const info: OfferInfo = {
      key,
      offerId: m.offerId,
      from: peerId,
      self: false,
      name: sanitizeFileName(m.name),
      size: m.size,
      mime: m.mime,
      at: this.deps.now(),
      state: 'open',
      answer: 'pending',
      declinedBy: [],
      error: null,
    }
    this.offers.set(key, info)
    this.emit('offer', { ...info })
  }

  /** Starts receiving an offered file; the reason when it cannot start. */
  async accept(key: string): Promise<AcceptResult> {
    const offer = this.offers.get(key)
    if (!offer || offer.self || offer.state !== 'open') return { ok: false, reason: 'withdrawn' }
    const running = [...this.incoming.values()].filter((t) => !isOver(t.info.status))
    if (running.some((t) => t.info.offerKey === key)) return { ok: false, reason: 'busy' }
    if (offer.size > this.limits.maxFileBytes) return this.refuse(offer, 'too-large')
    if (running.length >= this.limits.maxConcurrent) return this.refuse(offer, 'too-many')
    const transferId = this.deps.newId()
    const previous = offer.answer
    offer.answer = 'accepted'
    offer.error = null
    this.emit('offer', { ...offer })
    let sink: ChunkSink
    try {
      sink = await this.deps.storage.open(transferId, offer.size)
    } catch (error) {
      offer.answer = previous
      const code = error instanceof StorageError ? error.code : 'write-failed'
      return this.refuse(offer, code)
    }
    if (this.offers.get(key) !== offer || offer.state !== 'open') {
      void sink.discard().catch(() => {})
      return { ok: false, reason: 'withdrawn' }
    }
    const t: Incoming = {
      info: {
        id: transferId,
        offerKey: key,
        peerId: offer.from,
        direction: 'in',
        status: 'connecting',
        bytes: 0,
        size: offer.size,
        sha256: null,
        error: null,
      },
      sink,
      port: null,
      offPort: [],
      received: 0,
      lastAck: 0,
      expectedSha: null,
      finishing: false,
      resumeAsked: false,
      writes: Promise.resolve(),
    }
    this.incoming.set(transferId, t)
    this.emitTransfer(t.info)
    this.deps.router.send(offer.from, acceptRoute, {
      type: 'file-accept',
      offerId: offer.offerId,
      transferId,
    })
    return { ok: true, transferId }
  }

  decline(key: string): void {
    const offer = this.offers.get(key)
    if (!offer || offer.self || offer.answer === 'declined') return
    for (const t of this.incoming.values())
      if (t.info.offerKey === key && !isOver(t.info.status)) this.cancel(t.info.id)
    offer.answer = 'declined'
    this.emit('offer', { ...offer })
    if (offer.state === 'open')
      this.deps.router.send(offer.from, declineRoute, {
        type: 'file-decline',
        offerId: offer.offerId,
      })
  }

  /** Stops a transfer from either side; the other side is told. */
  cancel(transferId: string): void {
    const out = this.outgoing.get(transferId)
    if (out && !isOver(out.info.status)) return this.endOutgoing(out, 'cancelled')
    const t = this.incoming.get(transferId)
    if (!t || isOver(t.info.status)) return
    this.sendCancel(t.info.peerId, transferId, 'cancelled')
    this.failIncoming(t, 'cancelled')
  }

  /** The received file of a finished transfer, for saving. */
  async receivedFile(transferId: string): Promise<File> {
    const t = this.incoming.get(transferId)
    const offer = t && this.offers.get(t.info.offerKey)
    if (!t || !offer || t.info.status !== 'done') throw new Error('no such received file')
    return this.deps.storage.file(transferId, offer.name, offer.mime)
  }

  /** A bulk channel the peer opened (the sender of one of our transfers). */
  attachChannel(peerId: string, port: ChannelPort): void {
    const id = bulkIdOf(port.label)
    const t = id === null ? undefined : this.incoming.get(id)
    if (!t || t.info.peerId !== peerId || isOver(t.info.status) || t.finishing) {
      port.close()
      return
    }
    this.closePort(t)
    t.port = port
    t.resumeAsked = false
    t.offPort = [
      port.on('binary', (data) => this.onChunk(t, port, data)),
      port.on('close', () => {
        if (t.port !== port) return
        t.port = null
        if (isOver(t.info.status) || t.finishing) return
        this.setStatus(t, 'waiting')
        void this.askResume(t)
      }),
    ]
    if (t.info.status !== 'active') this.setStatus(t, 'active')
  }

  private onChunk(t: Incoming, port: ChannelPort, data: ArrayBuffer): void {
    if (t.port !== port || isOver(t.info.status)) return
    const header = readChunkHeader(data)
    const length = header ? data.byteLength - header.payloadStart : 0
    if (
      !header ||
      header.transferId !== t.info.id ||
      header.offset > t.received ||
      header.offset + length > t.info.size
    ) {
      this.sendCancel(t.info.peerId, t.info.id, 'protocol')
      return this.failIncoming(t, 'protocol')
    }
    const end = header.offset + length
    // Bytes re-sent after a resume that were already here.
    if (end <= t.received) return
    const at = t.received
    const start = header.payloadStart + (at - header.offset)
    t.received = end
    t.writes = t.sink.write(at, data, start).then(
      () => this.written(t, end),
      (error: unknown) => {
        if (isOver(t.info.status)) return
        const code = error instanceof StorageError ? error.code : 'write-failed'
        this.sendCancel(t.info.peerId, t.info.id, 'write-failed')
        this.failIncoming(t, code)
      },
    )
  }

  private written(t: Incoming, end: number): void {
    if (isOver(t.info.status)) return
    t.info.bytes = end
    this.emit('progress', t.info.id, end)
    if (end - t.lastAck >= FILE_ACK_EVERY_BYTES || end === t.info.size) this.ack(t)
    void this.tryFinish(t)
  }

  private ack(t: Incoming): void {
    t.lastAck = t.info.bytes
    this.deps.router.send(t.info.peerId, ackRoute, {
      type: 'file-ack',
      transferId: t.info.id,
      offset: t.info.bytes,
    })
  }

  private onComplete(peerId: string, transferId: string, sha256: string): void {
    const t = this.incoming.get(transferId)
    if (!t || t.info.peerId !== peerId || isOver(t.info.status)) return
    t.expectedSha = sha256
    void this.tryFinish(t)
  }

  private async tryFinish(t: Incoming): Promise<void> {
    if (t.finishing || t.expectedSha === null || t.info.bytes !== t.info.size) return
    t.finishing = true
    this.setStatus(t, 'verifying')
    let sha256: string
    try {
      sha256 = await t.sink.finish()
    } catch (error) {
      if (isOver(t.info.status)) return
      const code = error instanceof StorageError ? error.code : 'write-failed'
      this.sendCancel(t.info.peerId, t.info.id, 'write-failed')
      return this.failIncoming(t, code)
    }
    if (isOver(t.info.status)) return
    if (sha256 !== t.expectedSha) {
      this.sendCancel(t.info.peerId, t.info.id, 'hash-mismatch')
      return this.failIncoming(t, 'hash-mismatch')
    }
    t.info.sha256 = sha256
    t.info.status = 'done'
    this.closePort(t)
    this.emitTransfer(t.info)
    this.deps.router.send(t.info.peerId, verifiedRoute, {
      type: 'file-verified',
      transferId: t.info.id,
      sha256,
    })
  }

  /** After a broken channel: once every pending write is done, ask for the rest. */
  private async askResume(t: Incoming): Promise<void> {
    if (t.resumeAsked || !this.deps.router.isOpen(t.info.peerId)) return
    t.resumeAsked = true
    await t.writes
    if (t.info.status !== 'waiting' || t.port !== null) return
    t.received = t.info.bytes
    this.deps.router.send(t.info.peerId, resumeRoute, {
      type: 'file-resume',
      transferId: t.info.id,
      offset: t.info.bytes,
    })
  }

  private onWithdraw(peerId: string, offerId: string): void {
    const offer = this.offers.get(offerKey(peerId, offerId))
    if (!offer || offer.self || offer.state !== 'open') return
    offer.state = 'withdrawn'
    this.emit('offer', { ...offer })
    // Withdrawn means gone, also what was already received.
    for (const t of this.incoming.values())
      if (t.info.offerKey === offer.key) this.failIncoming(t, 'withdrawn', true)
  }

  private failIncoming(t: Incoming, error: FileErrorCode, evenIfDone = false): void {
    if (t.info.status === 'failed' || (t.info.status === 'done' && !evenIfDone)) return
    t.info.status = 'failed'
    t.info.error = error
    t.info.sha256 = null
    this.closePort(t)
    void t.sink.discard().catch(() => {})
    this.emitTransfer(t.info)
  }

  // ---- both ----

  private onCancel(peerId: string, transferId: string, reason: FileCancelReason): void {
    const out = this.outgoing.get(transferId)
    if (out && out.info.peerId === peerId) return this.failOutgoing(out, CANCEL_ERROR[reason])
    const t = this.incoming.get(transferId)
    if (t && t.info.peerId === peerId) this.failIncoming(t, CANCEL_ERROR[reason])
  }

  private onPeerOpen(peerId: string): void {
    for (const own of this.own.values()) this.sendOffer(own, peerId)
    for (const t of this.incoming.values()) {
      if (t.info.peerId !== peerId || isOver(t.info.status) || t.finishing) continue
      if (t.info.status === 'waiting') void this.askResume(t)
      // The last ack may have been lost with the old channel: the sender's window reopens.
      else if (t.info.bytes > 0) this.ack(t)
    }
  }

  /** The peer left the call for good: its transfers fail and its offers go. */
  peerGone(peerId: string): void {
    for (const t of this.outgoing.values())
      if (t.info.peerId === peerId) this.failOutgoing(t, 'peer-left')
    for (const t of this.incoming.values())
      if (t.info.peerId === peerId) this.failIncoming(t, 'peer-left')
    for (const offer of this.offers.values()) {
      if (offer.from !== peerId || offer.state !== 'open') continue
      offer.state = 'gone'
      this.emit('offer', { ...offer })
    }
    for (const own of this.own.values()) own.sentTo.delete(peerId)
  }

  private refuse(offer: OfferInfo, reason: FileErrorCode): AcceptResult {
    offer.error = reason
    this.emit('offer', { ...offer })
    return { ok: false, reason }
  }

  private sendCancel(peerId: string, transferId: string, reason: FileCancelReason): void {
    this.deps.router.send(peerId, cancelRoute, { type: 'file-cancel', transferId, reason })
  }

  private setStatus(t: Outgoing | Incoming, status: TransferInfo['status']): void {
    if (t.info.status === status || isOver(t.info.status)) return
    t.info.status = status
    this.emitTransfer(t.info)
  }

  private closePort(t: Outgoing | Incoming): void {
    for (const off of t.offPort) off()
    t.offPort = []
    const port = t.port
    t.port = null
    port?.close()
  }

  private emitTransfer(info: TransferInfo): void {
    this.emit('transfer', { ...info })
  }
}
