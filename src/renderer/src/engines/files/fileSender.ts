/** The sending side of the files engine: own offers and the transfers that send them. */
import {
  FILE_MESSAGE_MAX,
  FILE_WINDOW_BYTES,
  chunkHeaderLength,
  writeChunkHeader,
  type FileCancelReason,
} from '../../../../shared/channel/files'
import { bulkLabel } from '../../../../shared/channel/labels'
import { sanitizeFileName } from '../../../../shared/files/fileName'
import { MessageTooLargeError, type ChannelPort } from '../../rtc/channelPort'
import { CANCEL_ERROR, closePort, whenOpen, type FilesContext, type Transfer } from './filesContext'
import type { OfferResult } from './filesEngine'
import { completeRoute, offerRoute, withdrawRoute } from './routes'
import type { ChunkSource } from './storage'
import { isOver, offerKey, type FileErrorCode, type OfferInfo, type TransferInfo } from './types'

/** Reads of the file kept in flight ahead of the channel. */
const READ_AHEAD = 4

interface OwnOffer {
  info: OfferInfo
  file: Blob
  source: ChunkSource | null
  sentTo: Set<string>
}

interface Outgoing extends Transfer {
  offer: OwnOffer
  sent: number
  /** Bumped whenever the current pump must stop (resume, end). */
  generation: number
  wake: (() => void) | null
}

export class FileSender {
  private readonly own = new Map<string, OwnOffer>()
  private readonly outgoing = new Map<string, Outgoing>()

  constructor(
    private readonly ctx: FilesContext,
    private readonly isIncoming: (transferId: string) => boolean,
  ) {}

  transfer(id: string): TransferInfo | undefined {
    return this.outgoing.get(id)?.info
  }

  stop(): void {
    for (const t of this.outgoing.values()) closePort(t)
    for (const offer of this.own.values()) offer.source?.close()
    this.outgoing.clear()
    this.own.clear()
  }

  offer(file: Blob, name: string): OfferResult {
    const self = this.ctx.self
    if (!self) return { ok: false, reason: 'not-in-call' }
    if (file.size > this.ctx.limits.maxFileBytes) return { ok: false, reason: 'too-large' }
    const offerId = this.ctx.deps.newId()
    const info: OfferInfo = {
      key: offerKey(self, offerId),
      offerId,
      from: self,
      self: true,
      name: sanitizeFileName(name),
      size: file.size,
      mime: file.type.slice(0, 127),
      at: this.ctx.deps.now(),
      state: 'open',
      answer: 'pending',
      declinedBy: [],
      error: null,
    }
    const own: OwnOffer = { info, file, source: null, sentTo: new Set() }
    this.own.set(offerId, own)
    this.ctx.offers.set(info.key, info)
    this.ctx.emit('offer', { ...info })
    for (const peerId of this.ctx.deps.router.peerIds) this.sendOffer(own, peerId)
    return { ok: true, offerKey: info.key }
  }

  withdraw(offerId: string): void {
    const own = this.own.get(offerId)
    if (!own || own.info.state !== 'open') return
    own.info.state = 'withdrawn'
    this.ctx.emit('offer', { ...own.info })
    for (const peerId of own.sentTo)
      this.ctx.deps.router.send(peerId, withdrawRoute, { type: 'file-withdraw', offerId })
    for (const t of this.outgoing.values())
      if (t.offer === own && !isOver(t.info.status)) this.endOutgoing(t, 'withdrawn')
    own.source?.close()
    own.source = null
  }

  /** Ends an unfinished outgoing transfer; false when there is none by that id. */
  cancel(transferId: string): boolean {
    const t = this.outgoing.get(transferId)
    if (!t || isOver(t.info.status)) return false
    this.endOutgoing(t, 'cancelled')
    return true
  }

  onPeerOpen(peerId: string): void {
    for (const own of this.own.values()) this.sendOffer(own, peerId)
  }

  peerGone(peerId: string): void {
    for (const t of this.outgoing.values())
      if (t.info.peerId === peerId) this.failOutgoing(t, 'peer-left')
    for (const own of this.own.values()) own.sentTo.delete(peerId)
  }

  private sendOffer(own: OwnOffer, peerId: string): void {
    if (own.info.state !== 'open' || own.sentTo.has(peerId)) return
    own.sentTo.add(peerId)
    const { offerId, size, mime, name } = own.info
    this.ctx.deps.router.send(peerId, offerRoute, { type: 'file-offer', offerId, name, size, mime })
  }

  // ---- from the receivers ----

  onAccept(peerId: string, offerId: string, transferId: string): void {
    const own = this.own.get(offerId)
    if (!own || !own.sentTo.has(peerId) || !this.ctx.self) return
    if (this.outgoing.has(transferId) || this.isIncoming(transferId)) {
      return this.ctx.sendCancel(peerId, transferId, 'protocol')
    }
    if (own.info.state !== 'open') return this.ctx.sendCancel(peerId, transferId, 'withdrawn')
    const active = [...this.outgoing.values()].filter((t) => !isOver(t.info.status)).length
    if (active >= this.ctx.limits.maxConcurrent)
      return this.ctx.sendCancel(peerId, transferId, 'busy')
    own.source ??= this.ctx.deps.openSource(own.file)
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
    this.ctx.emitTransfer(t.info)
    this.startSending(t, 0)
  }

  onDecline(peerId: string, offerId: string): void {
    const own = this.own.get(offerId)
    if (!own || !own.sentTo.has(peerId) || own.info.declinedBy.includes(peerId)) return
    own.info.declinedBy = [...own.info.declinedBy, peerId]
    this.ctx.emit('offer', { ...own.info })
  }

  onResume(peerId: string, transferId: string, offset: number): void {
    const t = this.outgoing.get(transferId)
    if (!t || t.info.peerId !== peerId || isOver(t.info.status)) return
    if (offset > t.sent || offset > t.info.size) return this.endOutgoing(t, 'protocol')
    t.info.bytes = offset
    this.startSending(t, offset)
  }

  onAck(peerId: string, transferId: string, offset: number): void {
    const t = this.outgoing.get(transferId)
    if (!t || t.info.peerId !== peerId || isOver(t.info.status)) return
    if (offset > t.sent) return this.endOutgoing(t, 'protocol')
    if (offset <= t.info.bytes) return
    t.info.bytes = offset
    this.ctx.emit('progress', transferId, offset)
    this.wakePump(t)
  }

  onVerified(peerId: string, transferId: string, sha256: string): void {
    const t = this.outgoing.get(transferId)
    if (!t || t.info.peerId !== peerId || t.info.status !== 'verifying') return
    if (sha256 !== t.info.sha256) return this.endOutgoing(t, 'hash-mismatch')
    t.info.bytes = t.info.size
    t.info.status = 'done'
    closePort(t)
    this.ctx.emitTransfer(t.info)
  }

  /** The receiver ended the transfer; false when it is not one of its transfers from here. */
  onCancel(peerId: string, transferId: string, reason: FileCancelReason): boolean {
    const t = this.outgoing.get(transferId)
    if (!t || t.info.peerId !== peerId) return false
    this.failOutgoing(t, CANCEL_ERROR[reason])
    return true
  }

  // ---- the bytes ----

  /** A (new) bulk channel to the receiver, and bytes from `offset` on it. */
  private startSending(t: Outgoing, offset: number): void {
    t.generation++
    closePort(t)
    t.sent = offset
    if (t.info.size === 0) {
      void this.sendComplete(t, t.generation)
      return
    }
    let port: ChannelPort | null = null
    try {
      port = this.ctx.deps.openChannel(t.info.peerId, bulkLabel(t.info.id))
    } catch (error) {
      console.warn('could not open a bulk channel', error)
    }
    if (!port) {
      this.ctx.setStatus(t, 'waiting')
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
          this.ctx.setStatus(t, 'waiting')
      }),
    ]
    void this.pump(t, port, t.generation)
  }

  private async pump(t: Outgoing, port: ChannelPort, generation: number): Promise<void> {
    const live = () => t.generation === generation && t.port === port && !isOver(t.info.status)
    if (!(await whenOpen(port)) || !live()) return
    this.ctx.setStatus(t, 'active')
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
      sha256 = await (t.offer.source ?? this.ctx.deps.openSource(t.offer.file)).digest()
    } catch (error) {
      console.warn('hashing the shared file failed', error)
      if (t.generation === generation && !isOver(t.info.status)) this.endOutgoing(t, 'read-failed')
      return
    }
    if (t.generation !== generation || isOver(t.info.status)) return
    t.info.sha256 = sha256
    this.ctx.setStatus(t, 'verifying')
    this.ctx.deps.router.send(t.info.peerId, completeRoute, {
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
    this.ctx.sendCancel(t.info.peerId, t.info.id, reason)
    this.failOutgoing(t, reason === 'cancelled' ? 'cancelled' : CANCEL_ERROR[reason])
  }

  private failOutgoing(t: Outgoing, error: FileErrorCode): void {
    if (isOver(t.info.status)) return
    t.generation++
    t.info.status = 'failed'
    t.info.error = error
    closePort(t)
    this.wakePump(t)
    this.ctx.emitTransfer(t.info)
  }
}
