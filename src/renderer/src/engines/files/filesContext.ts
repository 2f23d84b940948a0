/** What the sending and the receiving side of the files engine share (filesEngine.ts). */
import type { FileCancelReason } from '../../../../shared/channel/files'
import type { ChannelPort } from '../../rtc/channelPort'
import type { FilesEngineDeps, FilesEngineEvents, FilesLimits } from './filesEngine'
import { cancelRoute } from './routes'
import { isOver, type FileErrorCode, type OfferInfo, type TransferInfo } from './types'

/** One transfer, either way, with the bulk channel it runs on. */
export interface Transfer {
  info: TransferInfo
  port: ChannelPort | null
  offPort: (() => void)[]
}

/** FilesEngine's emit (Emitter.emit is protected). */
export type FilesEmit = <K extends keyof FilesEngineEvents>(
  event: K,
  ...args: FilesEngineEvents[K] extends unknown[] ? FilesEngineEvents[K] : never
) => void

export const CANCEL_ERROR: Record<FileCancelReason, FileErrorCode> = {
  cancelled: 'cancelled-by-peer',
  withdrawn: 'withdrawn',
  'hash-mismatch': 'hash-mismatch',
  'write-failed': 'write-failed',
  'read-failed': 'read-failed',
  busy: 'busy',
  protocol: 'protocol',
}

export class FilesContext {
  self: string | null = null
  /** Own offers and those of others, by key. */
  readonly offers = new Map<string, OfferInfo>()

  constructor(
    readonly deps: FilesEngineDeps,
    readonly limits: FilesLimits,
    readonly emit: FilesEmit,
  ) {}

  sendCancel(peerId: string, transferId: string, reason: FileCancelReason): void {
    this.deps.router.send(peerId, cancelRoute, { type: 'file-cancel', transferId, reason })
  }

  setStatus(t: Transfer, status: TransferInfo['status']): void {
    if (t.info.status === status || isOver(t.info.status)) return
    t.info.status = status
    this.emitTransfer(t.info)
  }

  emitTransfer(info: TransferInfo): void {
    this.emit('transfer', { ...info })
  }
}

export function closePort(t: Transfer): void {
  for (const off of t.offPort) off()
  t.offPort = []
  const port = t.port
  t.port = null
  port?.close()
}

export function whenOpen(port: ChannelPort): Promise<boolean> {
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
