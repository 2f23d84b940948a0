/**
 * File sharing in the call: wires the files engine to filesStore (offers, transfers, notices)
 * and fileProgressStore (bytes, speed, time left, a few times a second), and saves finished
 * files through the platform. The only writer of both stores.
 */
import { FilesEngine, type FilesEngineDeps } from '../engines/files/filesEngine'
import type { OfferInfo, TransferInfo } from '../engines/files/types'
import type { ChannelPort } from '../rtc/channelPort'
import type { FileProgressStore, TransferProgress } from '../store/fileProgressStore'
import { initialFilesState, type FilesNotice, type FilesStore } from '../store/filesStore'

/** How often progress figures are published. */
export const PROGRESS_INTERVAL_MS = 250
/** Weight of the newest speed sample (exponential smoothing). */
const SPEED_WEIGHT = 0.3

export interface FilesApi {
  /** Offers files to everyone in the call; a refusal lands in the notice. */
  offer(files: readonly File[]): void
  withdraw(offerKey: string): void
  accept(offerKey: string): Promise<void>
  decline(offerKey: string): void
  cancel(transferId: string): void
  /** Saves a received file (a download, or the desktop app's save dialog). */
  save(transferId: string): Promise<void>
  dismissNotice(): void
}

export interface FilesControllerDeps extends Omit<FilesEngineDeps, 'openChannel'> {
  store: FilesStore
  progress: FileProgressStore
  openChannel: (peerId: string, label: string) => ChannelPort | null
  nameOf: (peerId: string) => string | undefined
  /** Hands a finished file to the user; resolves when done or declined. */
  saveFile: (file: File) => Promise<void>
  /** Someone else offered a file (the chat counts it as unread while out of view). */
  onIncomingOffer?: () => void
  setInterval?: (fn: () => void, ms: number) => ReturnType<typeof setInterval>
  clearInterval?: (timer: ReturnType<typeof setInterval>) => void
}

interface Meter {
  bytes: number
  at: number
  speed: number
}

export class FilesController implements FilesApi {
  private readonly deps: FilesControllerDeps
  private readonly engine: FilesEngine
  private readonly meters = new Map<string, Meter>()
  private readonly pending = new Map<string, number>()
  private timer: ReturnType<typeof setInterval> | null = null

  constructor(deps: FilesControllerDeps) {
    this.deps = deps
    this.engine = new FilesEngine(deps)
    deps.store.setState(initialFilesState(this.engine.maxFileBytes))
    this.engine.on('offer', (offer) => this.onOffer(offer))
    this.engine.on('transfer', (transfer) => this.onTransfer(transfer))
    this.engine.on('progress', (id, bytes) => {
      this.pending.set(id, bytes)
      this.startTimer()
    })
  }

  start(selfId: string): void {
    this.reset()
    this.engine.start(selfId)
  }

  /** The call ended: transfers stop, received files are deleted, the cards go. */
  stop(): Promise<void> {
    const wiped = this.engine.stop()
    this.reset()
    return wiped
  }

  /** A bulk channel a peer opened. */
  attachChannel(peerId: string, port: ChannelPort): void {
    this.engine.attachChannel(peerId, port)
  }

  /** A peer left the call for good. */
  peerGone(peerId: string): void {
    this.engine.peerGone(peerId)
  }

  offer(files: readonly File[]): void {
    for (const file of files) {
      const result = this.engine.offer(file, file.name)
      if (!result.ok) this.notify({ code: result.reason, name: file.name })
    }
  }

  withdraw(offerKey: string): void {
    const offer = this.deps.store.getState().offers.find((o) => o.key === offerKey)
    if (offer?.self) this.engine.withdraw(offer.offerId)
  }

  async accept(offerKey: string): Promise<void> {
    await this.engine.accept(offerKey)
  }

  decline(offerKey: string): void {
    this.engine.decline(offerKey)
  }

  cancel(transferId: string): void {
    this.engine.cancel(transferId)
  }

  async save(transferId: string): Promise<void> {
    let file: File
    try {
      file = await this.engine.receivedFile(transferId)
    } catch {
      return this.notify({ code: 'save-failed', name: '' })
    }
    try {
      await this.deps.saveFile(file)
    } catch {
      this.notify({ code: 'save-failed', name: file.name })
    }
  }

  dismissNotice(): void {
    this.deps.store.setState({ notice: null })
  }

  dispose(): void {
    this.engine.dispose()
    this.reset()
  }

  /** Publishes the progress gathered since the last tick (also called by the timer). */
  flushProgress(): void {
    if (this.pending.size === 0) {
      this.stopTimer()
      return
    }
    const now = this.deps.now()
    const updates: Record<string, TransferProgress> = {}
    for (const [id, bytes] of this.pending) {
      const transfer = this.deps.store.getState().transfers[id]
      if (!transfer) continue
      const meter = this.meters.get(id) ?? { bytes, at: now, speed: 0 }
      const elapsed = (now - meter.at) / 1000
      if (elapsed > 0) {
        const sample = Math.max(0, bytes - meter.bytes) / elapsed
        meter.speed =
          meter.speed === 0 ? sample : meter.speed + SPEED_WEIGHT * (sample - meter.speed)
        meter.at = now
        meter.bytes = bytes
      }
      this.meters.set(id, meter)
      const left = transfer.size - bytes
      updates[id] = {
        bytes,
        bytesPerSecond: meter.speed,
        secondsLeft: meter.speed > 0 ? left / meter.speed : null,
      }
    }
    this.pending.clear()
    this.deps.progress.setState((s) => ({ progress: { ...s.progress, ...updates } }))
  }

  private onOffer(offer: OfferInfo): void {
    const senderName = offer.self ? '' : (this.deps.nameOf(offer.from) ?? '')
    const isNew = !this.deps.store.getState().offers.some((o) => o.key === offer.key)
    this.deps.store.setState((s) => {
      const index = s.offers.findIndex((o) => o.key === offer.key)
      if (index < 0) return { offers: [...s.offers, { ...offer, senderName }] }
      const offers = [...s.offers]
      // The name of a sender who has left stays as it was.
      offers[index] = { ...offer, senderName: offers[index]!.senderName || senderName }
      return { offers }
    })
    if (isNew && !offer.self) this.deps.onIncomingOffer?.()
  }

  private onTransfer(transfer: TransferInfo): void {
    this.deps.store.setState((s) => ({ transfers: { ...s.transfers, [transfer.id]: transfer } }))
    const { id } = transfer
    if (transfer.status === 'active' && !this.meters.has(id))
      this.meters.set(id, { bytes: transfer.bytes, at: this.deps.now(), speed: 0 })
    if (transfer.status === 'done' || transfer.status === 'failed') {
      this.meters.delete(id)
      this.pending.delete(id)
      this.deps.progress.setState((s) => ({
        progress: {
          ...s.progress,
          [id]: { bytes: transfer.bytes, bytesPerSecond: 0, secondsLeft: null },
        },
      }))
    }
  }

  private notify(notice: FilesNotice): void {
    this.deps.store.setState({ notice })
  }

  private startTimer(): void {
    if (this.timer) return
    const every = this.deps.setInterval ?? setInterval
    this.timer = every(() => this.flushProgress(), PROGRESS_INTERVAL_MS)
  }

  private stopTimer(): void {
    if (!this.timer) return
    ;(this.deps.clearInterval ?? clearInterval)(this.timer)
    this.timer = null
  }

  private reset(): void {
    this.stopTimer()
    this.meters.clear()
    this.pending.clear()
    this.deps.store.setState(initialFilesState(this.engine.maxFileBytes))
    this.deps.progress.setState({ progress: {} })
  }
}
