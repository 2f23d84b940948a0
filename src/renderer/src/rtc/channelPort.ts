/**
 * One RTCDataChannel as its owner sees it: text and binary frames in, frames out with flow
 * control, and its end reported. Chromium closes a channel whose send queue passes 16 MiB, and
 * rejects a message larger than the peer's SCTP maxMessageSize, so neither ever reaches the
 * channel: send() waits below a high-water mark and refuses oversized frames with a clear error.
 */
import { Emitter } from '../lib/emitter'
import { channelKindOf, type ChannelKind } from '../../../shared/channel/labels'

/** The part of RTCDataChannel a port uses (a fake in tests). */
export interface DataChannelLike {
  readonly label: string
  readonly readyState: RTCDataChannelState
  readonly bufferedAmount: number
  bufferedAmountLowThreshold: number
  binaryType: BinaryType
  onopen: ((ev: Event) => unknown) | null
  onclose: ((ev: Event) => unknown) | null
  onmessage: ((ev: MessageEvent) => unknown) | null
  onbufferedamountlow: ((ev: Event) => unknown) | null
  send(data: string | ArrayBuffer | ArrayBufferView): void
  close(): void
}

export interface ChannelPortEvents {
  open: []
  close: []
  text: [text: string]
  binary: [data: ArrayBuffer]
}

export interface ChannelPortOptions {
  /** The largest message the remote side accepts (RTCSctpTransport.maxMessageSize). */
  maxMessageSize?: () => number
  /** send() waits while more than this is queued in the channel. */
  highWaterMark?: number
  /** ...and resumes once the queue has drained to this. */
  lowWaterMark?: number
}

/** Well under Chromium's 16 MiB send-queue limit, and enough to keep a fast link busy. */
export const DEFAULT_HIGH_WATER_MARK = 4 * 1024 * 1024
export const DEFAULT_LOW_WATER_MARK = 1024 * 1024
/** What every browser accepts; used until the SCTP transport tells the real figure. */
export const SAFE_MESSAGE_SIZE = 64 * 1024

export class ChannelClosedError extends Error {
  constructor(label: string) {
    super(`data channel "${label}" is closed`)
    this.name = 'ChannelClosedError'
  }
}

export class MessageTooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`a ${size}-byte message is larger than the peer accepts (${limit} bytes)`)
    this.name = 'MessageTooLargeError'
  }
}

type Frame = string | ArrayBuffer | ArrayBufferView

interface PendingSend {
  data: Frame
  resolve: () => void
  reject: (error: Error) => void
}

const encoder = new TextEncoder()

/** Bytes on the wire; text is measured only when it could be near the limit. */
function frameSize(data: Frame, limit: number): number {
  if (typeof data !== 'string') return data.byteLength
  // A UTF-16 code unit never takes more than 3 bytes of UTF-8.
  return data.length * 3 <= limit ? data.length : encoder.encode(data).byteLength
}

export class ChannelPort extends Emitter<ChannelPortEvents> {
  readonly label: string
  readonly kind: ChannelKind
  private readonly channel: DataChannelLike
  private readonly maxMessageSize: () => number
  private readonly highWaterMark: number
  private readonly queue: PendingSend[] = []
  private ended = false

  constructor(channel: DataChannelLike, options: ChannelPortOptions = {}) {
    super()
    const kind = channelKindOf(channel.label)
    if (!kind) throw new Error(`not a Moim data channel: "${channel.label}"`)
    this.channel = channel
    this.label = channel.label
    this.kind = kind
    this.maxMessageSize = options.maxMessageSize ?? (() => SAFE_MESSAGE_SIZE)
    this.highWaterMark = options.highWaterMark ?? DEFAULT_HIGH_WATER_MARK
    if (channel.readyState === 'closed' || channel.readyState === 'closing') {
      this.ended = true
      return
    }
    channel.binaryType = 'arraybuffer'
    channel.bufferedAmountLowThreshold = options.lowWaterMark ?? DEFAULT_LOW_WATER_MARK
    channel.onopen = () => {
      this.emit('open')
      this.pump()
    }
    channel.onclose = () => this.end()
    channel.onbufferedamountlow = () => this.pump()
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const data = event.data
      if (typeof data === 'string') this.emit('text', data)
      else if (data instanceof ArrayBuffer) this.emit('binary', data)
    }
  }

  get isOpen(): boolean {
    return !this.ended && this.channel.readyState === 'open'
  }

  get isClosed(): boolean {
    return this.ended
  }

  /** Bytes waiting in the channel plus those waiting in this port. */
  get bufferedAmount(): number {
    let waiting = 0
    for (const item of this.queue) waiting += frameSize(item.data, Infinity)
    return this.channel.bufferedAmount + waiting
  }

  get messageSizeLimit(): number {
    return this.maxMessageSize()
  }

  /**
   * Sends now if the channel is open, nothing is waiting and the queue is under the high-water
   * mark; false otherwise (nothing sent). For data that is worthless late (cursors).
   */
  trySend(data: Frame): boolean {
    if (!this.isOpen || this.queue.length > 0) return false
    const size = this.checkSize(data)
    const buffered = this.channel.bufferedAmount
    if (buffered > 0 && buffered + size > this.highWaterMark) return false
    try {
      this.channel.send(data)
      return true
    } catch {
      return false
    }
  }

  /**
   * Sends in order, waiting while the channel's queue is above the high-water mark (or the
   * channel is still connecting). Rejects with MessageTooLargeError at once, and with
   * ChannelClosedError if the channel ends first.
   */
  send(data: Frame): Promise<void> {
    if (this.ended) return Promise.reject(new ChannelClosedError(this.label))
    try {
      this.checkSize(data)
    } catch (error) {
      return Promise.reject(error as Error)
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ data, resolve, reject })
      this.pump()
    })
  }

  close(): void {
    if (this.ended) return
    this.channel.close()
    this.end()
  }

  private checkSize(data: Frame): number {
    const limit = this.maxMessageSize()
    const size = frameSize(data, limit)
    if (size > limit) throw new MessageTooLargeError(size, limit)
    return size
  }

  private pump(): void {
    while (this.queue.length > 0 && this.isOpen) {
      const size = frameSize(this.queue[0]!.data, Infinity)
      // Never above the mark (an empty queue takes any message: none is larger than the mark).
      const buffered = this.channel.bufferedAmount
      if (buffered > 0 && buffered + size > this.highWaterMark) return
      const item = this.queue.shift()!
      try {
        this.channel.send(item.data)
        item.resolve()
      } catch (error) {
        item.reject(error instanceof Error ? error : new Error(String(error)))
      }
    }
  }

  private end(): void {
    if (this.ended) return
    this.ended = true
    const channel = this.channel
    channel.onopen = null
    channel.onclose = null
    channel.onmessage = null
    channel.onbufferedamountlow = null
    for (const item of this.queue.splice(0)) item.reject(new ChannelClosedError(this.label))
    this.emit('close')
    this.removeAllListeners()
  }
}
