/** The receiving side of the files engine: offers from others and the transfers receiving them. */
import {
  FILE_ACK_EVERY_BYTES,
  readChunkHeader,
  type FileCancelReason,
} from '../../../../shared/channel/files'
import { bulkIdOf } from '../../../../shared/channel/labels'
import { sanitizeFileName } from '../../../../shared/files/fileName'
import type { ChannelPort } from '../../rtc/channelPort'
import { CANCEL_ERROR, closePort, type FilesContext, type Transfer } from './filesContext'
import type { AcceptResult } from './filesEngine'
import { acceptRoute, ackRoute, declineRoute, resumeRoute, verifiedRoute } from './routes'
import { StorageError, type ChunkSink } from './storage'
import { isOver, offerKey, type FileErrorCode, type OfferInfo, type TransferInfo } from './types'

/** Offers kept from one peer in a call: more is a flood, not sharing. */
export const MAX_OFFERS_PER_PEER = 200

interface Incoming extends Transfer {
  sink: ChunkSink
  /** Bytes handed to the sink; `info.bytes` is what it has written. */
  received: number
  lastAck: number
  expectedSha: string | null
  finishing: boolean
  resumeAsked: boolean
  writes: Promise<void>
}

export class FileReceiver {
  private readonly incoming = new Map<string, Incoming>()

  constructor(
    private readonly ctx: FilesContext,
    /** FilesEngine.cancel, which a decline uses to stop the offer's running transfers. */
    private readonly cancelTransfer: (transferId: string) => void,
  ) {}

  transfer(id: string): TransferInfo | undefined {
    return this.incoming.get(id)?.info
  }

  has(transferId: string): boolean {
    return this.incoming.has(transferId)
  }

  stop(): void {
    for (const t of this.incoming.values()) {
      closePort(t)
      void t.sink.discard().catch(() => {})
    }
    this.incoming.clear()
  }

  onOffer(peerId: string, m: { offerId: string; name: string; size: number; mime: string }): void {
    if (!this.ctx.self) return
    const key = offerKey(peerId, m.offerId)
    if (this.ctx.offers.has(key)) return
    let fromPeer = 0
    for (const offer of this.ctx.offers.values()) if (offer.from === peerId) fromPeer++
    if (fromPeer >= MAX_OFFERS_PER_PEER) return
    const info: OfferInfo = {
      key,
      offerId: m.offerId,
      from: peerId,
      self: false,
      name: sanitizeFileName(m.name),
      size: m.size,
      mime: m.mime,
      at: this.ctx.deps.now(),
      state: 'open',
      answer: 'pending',
      declinedBy: [],
      error: null,
    }
    this.ctx.offers.set(key, info)
    this.ctx.emit('offer', { ...info })
  }

  async accept(key: string): Promise<AcceptResult> {
    const offer = this.ctx.offers.get(key)
    if (!offer || offer.self || offer.state !== 'open') return { ok: false, reason: 'withdrawn' }
    const running = [...this.incoming.values()].filter((t) => !isOver(t.info.status))
    if (running.some((t) => t.info.offerKey === key)) return { ok: false, reason: 'busy' }
    if (offer.size > this.ctx.limits.maxFileBytes) return this.refuse(offer, 'too-large')
    if (running.length >= this.ctx.limits.maxConcurrent) return this.refuse(offer, 'too-many')
    const transferId = this.ctx.deps.newId()
    const previous = offer.answer
    offer.answer = 'accepted'
    offer.error = null
    this.ctx.emit('offer', { ...offer })
    let sink: ChunkSink
    try {
      sink = await this.ctx.deps.storage.open(transferId, offer.size)
    } catch (error) {
      offer.answer = previous
      const code = error instanceof StorageError ? error.code : 'write-failed'
      return this.refuse(offer, code)
    }
    if (this.ctx.offers.get(key) !== offer || offer.state !== 'open') {
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
    this.ctx.emitTransfer(t.info)
    this.ctx.deps.router.send(offer.from, acceptRoute, {
      type: 'file-accept',
      offerId: offer.offerId,
      transferId,
    })
    return { ok: true, transferId }
  }

  decline(key: string): void {
    const offer = this.ctx.offers.get(key)
    if (!offer || offer.self || offer.answer === 'declined') return
    for (const t of this.incoming.values())
      if (t.info.offerKey === key && !isOver(t.info.status)) this.cancelTransfer(t.info.id)
    offer.answer = 'declined'
    this.ctx.emit('offer', { ...offer })
    if (offer.state === 'open')
      this.ctx.deps.router.send(offer.from, declineRoute, {
        type: 'file-decline',
        offerId: offer.offerId,
      })
  }

  cancel(transferId: string): void {
    const t = this.incoming.get(transferId)
    if (!t || isOver(t.info.status)) return
    this.ctx.sendCancel(t.info.peerId, transferId, 'cancelled')
    this.failIncoming(t, 'cancelled')
  }

  async receivedFile(transferId: string): Promise<File> {
    const t = this.incoming.get(transferId)
    const offer = t && this.ctx.offers.get(t.info.offerKey)
    if (!t || !offer || t.info.status !== 'done') throw new Error('no such received file')
    return this.ctx.deps.storage.file(transferId, offer.name, offer.mime)
  }

  attachChannel(peerId: string, port: ChannelPort): void {
    const id = bulkIdOf(port.label)
    const t = id === null ? undefined : this.incoming.get(id)
    if (!t || t.info.peerId !== peerId || isOver(t.info.status) || t.finishing) {
      port.close()
      return
    }
    closePort(t)
    t.port = port
    t.resumeAsked = false
    t.offPort = [
      port.on('binary', (data) => this.onChunk(t, port, data)),
      port.on('close', () => {
        if (t.port !== port) return
        t.port = null
        if (isOver(t.info.status) || t.finishing) return
        this.ctx.setStatus(t, 'waiting')
        void this.askResume(t)
      }),
    ]
    if (t.info.status !== 'active') this.ctx.setStatus(t, 'active')
  }

  onPeerOpen(peerId: string): void {
    for (const t of this.incoming.values()) {
      if (t.info.peerId !== peerId || isOver(t.info.status) || t.finishing) continue
      if (t.info.status === 'waiting') void this.askResume(t)
      // The last ack may have been lost with the old channel: the sender's window reopens.
      else if (t.info.bytes > 0) this.ack(t)
    }
  }

  onPeerClosed(peerId: string): void {
    for (const t of this.incoming.values()) if (t.info.peerId === peerId) t.resumeAsked = false
  }

  peerGone(peerId: string): void {
    for (const t of this.incoming.values())
      if (t.info.peerId === peerId) this.failIncoming(t, 'peer-left')
    for (const offer of this.ctx.offers.values()) {
      if (offer.from !== peerId || offer.state !== 'open') continue
      offer.state = 'gone'
      this.ctx.emit('offer', { ...offer })
    }
  }

  // ---- from the senders ----

  onComplete(peerId: string, transferId: string, sha256: string): void {
    const t = this.incoming.get(transferId)
    if (!t || t.info.peerId !== peerId || isOver(t.info.status)) return
    t.expectedSha = sha256
    void this.tryFinish(t)
  }

  onWithdraw(peerId: string, offerId: string): void {
    const offer = this.ctx.offers.get(offerKey(peerId, offerId))
    if (!offer || offer.self || offer.state !== 'open') return
    offer.state = 'withdrawn'
    this.ctx.emit('offer', { ...offer })
    // Withdrawn means gone, also what was already received.
    for (const t of this.incoming.values())
      if (t.info.offerKey === offer.key) this.failIncoming(t, 'withdrawn', true)
  }

  onCancel(peerId: string, transferId: string, reason: FileCancelReason): void {
    const t = this.incoming.get(transferId)
    if (t && t.info.peerId === peerId) this.failIncoming(t, CANCEL_ERROR[reason])
  }

  // ---- the bytes ----

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
      this.ctx.sendCancel(t.info.peerId, t.info.id, 'protocol')
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
        this.ctx.sendCancel(t.info.peerId, t.info.id, 'write-failed')
        this.failIncoming(t, code)
      },
    )
  }

  private written(t: Incoming, end: number): void {
    if (isOver(t.info.status)) return
    t.info.bytes = end
    this.ctx.emit('progress', t.info.id, end)
    if (end - t.lastAck >= FILE_ACK_EVERY_BYTES || end === t.info.size) this.ack(t)
    void this.tryFinish(t)
  }

  private ack(t: Incoming): void {
    t.lastAck = t.info.bytes
    this.ctx.deps.router.send(t.info.peerId, ackRoute, {
      type: 'file-ack',
      transferId: t.info.id,
      offset: t.info.bytes,
    })
  }

  private async tryFinish(t: Incoming): Promise<void> {
    if (t.finishing || t.expectedSha === null || t.info.bytes !== t.info.size) return
    t.finishing = true
    this.ctx.setStatus(t, 'verifying')
    let sha256: string
    try {
      sha256 = await t.sink.finish()
    } catch (error) {
      if (isOver(t.info.status)) return
      const code = error instanceof StorageError ? error.code : 'write-failed'
      this.ctx.sendCancel(t.info.peerId, t.info.id, 'write-failed')
      return this.failIncoming(t, code)
    }
    if (isOver(t.info.status)) return
    if (sha256 !== t.expectedSha) {
      this.ctx.sendCancel(t.info.peerId, t.info.id, 'hash-mismatch')
      return this.failIncoming(t, 'hash-mismatch')
    }
    t.info.sha256 = sha256
    t.info.status = 'done'
    closePort(t)
    this.ctx.emitTransfer(t.info)
    this.ctx.deps.router.send(t.info.peerId, verifiedRoute, {
      type: 'file-verified',
      transferId: t.info.id,
      sha256,
    })
  }

  /** After a broken channel: once every pending write is done, ask for the rest. */
  private async askResume(t: Incoming): Promise<void> {
    if (t.resumeAsked || !this.ctx.deps.router.isOpen(t.info.peerId)) return
    t.resumeAsked = true
    await t.writes
    if (t.info.status !== 'waiting' || t.port !== null) return
    t.received = t.info.bytes
    this.ctx.deps.router.send(t.info.peerId, resumeRoute, {
      type: 'file-resume',
      transferId: t.info.id,
      offset: t.info.bytes,
    })
  }

  private failIncoming(t: Incoming, error: FileErrorCode, evenIfDone = false): void {
    if (t.info.status === 'failed' || (t.info.status === 'done' && !evenIfDone)) return
    t.info.status = 'failed'
    t.info.error = error
    t.info.sha256 = null
    closePort(t)
    void t.sink.discard().catch(() => {})
    this.ctx.emitTransfer(t.info)
  }

  private refuse(offer: OfferInfo, reason: FileErrorCode): AcceptResult {
    offer.error = reason
    this.ctx.emit('offer', { ...offer })
    return { ok: false, reason }
  }
}
