/**
 * File sharing for one call. A sender offers files to everyone; each receiver accepts (nothing
 * is sent before) or declines. Each accepted file travels on its own bulk channel in chunks with
 * a binary header, under a window of unacknowledged bytes so a receiver never holds more than
 * the window in memory; the receiver writes to storage and acknowledges what is written. A
 * broken channel is resumed from the last written byte, keyed by the transfer id. SHA-256 is
 * computed by both sides while reading and writing and compared at the end.
 * Knows nothing of React or the stores (docs/protocol.md, "File transfer").
 */
import { DEFAULT_MAX_FILE_BYTES } from '../../../../shared/channel/files'
import { Emitter } from '../../lib/emitter'
import type { ChannelPort } from '../../rtc/channelPort'
import type { MessageRouter } from '../../rtc/messageRouter'
import { FilesContext } from './filesContext'
import { FileReceiver } from './fileReceiver'
import { FileSender } from './fileSender'
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
import type { FileStorage, SourceFactory } from './storage'
import type { FileErrorCode, OfferInfo, TransferInfo } from './types'

export { MAX_OFFERS_PER_PEER } from './fileReceiver'

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

export class FilesEngine extends Emitter<FilesEngineEvents> {
  private readonly ctx: FilesContext
  private readonly sender: FileSender
  private readonly receiver: FileReceiver
  private readonly offs: (() => void)[]

  constructor(deps: FilesEngineDeps) {
    super()
    const limits = { ...DEFAULT_FILES_LIMITS, ...deps.limits }
    this.ctx = new FilesContext(deps, limits, (event, ...args) => this.emit(event, ...args))
    const sender = new FileSender(this.ctx, (id) => this.receiver.has(id))
    const receiver = new FileReceiver(this.ctx, (id) => this.cancel(id))
    this.sender = sender
    this.receiver = receiver
    const { router } = deps
    this.offs = [
      router.on(offerRoute, (peerId, m) => receiver.onOffer(peerId, m)),
      router.on(withdrawRoute, (peerId, m) => receiver.onWithdraw(peerId, m.offerId)),
      router.on(acceptRoute, (peerId, m) => sender.onAccept(peerId, m.offerId, m.transferId)),
      router.on(declineRoute, (peerId, m) => sender.onDecline(peerId, m.offerId)),
      router.on(cancelRoute, (peerId, m) => {
        if (!sender.onCancel(peerId, m.transferId, m.reason))
          receiver.onCancel(peerId, m.transferId, m.reason)
      }),
      router.on(resumeRoute, (peerId, m) => sender.onResume(peerId, m.transferId, m.offset)),
      router.on(ackRoute, (peerId, m) => sender.onAck(peerId, m.transferId, m.offset)),
      router.on(completeRoute, (peerId, m) => receiver.onComplete(peerId, m.transferId, m.sha256)),
      router.on(verifiedRoute, (peerId, m) => sender.onVerified(peerId, m.transferId, m.sha256)),
      router.onPeer('peer-open', (peerId) => {
        sender.onPeerOpen(peerId)
        receiver.onPeerOpen(peerId)
      }),
      router.onPeer('peer-closed', (peerId) => receiver.onPeerClosed(peerId)),
    ]
  }

  get maxFileBytes(): number {
    return this.ctx.limits.maxFileBytes
  }

  start(selfId: string): void {
    this.stop()
    this.ctx.self = selfId
  }

  /** The call ended: every transfer stops and everything received is deleted. */
  stop(): Promise<void> {
    this.sender.stop()
    this.receiver.stop()
    this.ctx.offers.clear()
    this.ctx.self = null
    return this.ctx.deps.storage.wipe()
  }

  dispose(): void {
    void this.stop().catch(() => {})
    for (const off of this.offs) off()
    this.removeAllListeners()
  }

  offerList(): OfferInfo[] {
    return [...this.ctx.offers.values()]
  }

  transfer(id: string): TransferInfo | undefined {
    return this.sender.transfer(id) ?? this.receiver.transfer(id)
  }

  offer(file: Blob, name: string): OfferResult {
    return this.sender.offer(file, name)
  }

  withdraw(offerId: string): void {
    this.sender.withdraw(offerId)
  }

  /** Starts receiving an offered file; the reason when it cannot start. */
  accept(key: string): Promise<AcceptResult> {
    return this.receiver.accept(key)
  }

  decline(key: string): void {
    this.receiver.decline(key)
  }

  /** Stops a transfer from either side; the other side is told. */
  cancel(transferId: string): void {
    if (!this.sender.cancel(transferId)) this.receiver.cancel(transferId)
  }

  /** The received file of a finished transfer, for saving. */
  receivedFile(transferId: string): Promise<File> {
    return this.receiver.receivedFile(transferId)
  }

  /** A bulk channel the peer opened (the sender of one of our transfers). */
  attachChannel(peerId: string, port: ChannelPort): void {
    this.receiver.attachChannel(peerId, port)
  }

  /** The peer left the call for good: its transfers fail and its offers go. */
  peerGone(peerId: string): void {
    this.sender.peerGone(peerId)
    this.receiver.peerGone(peerId)
  }
}
