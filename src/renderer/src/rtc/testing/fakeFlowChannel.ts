/**
 * A data channel whose send queue drains only when the test says so, like a slow network:
 * bufferedAmount grows with each send and bufferedamountlow fires as it drains past the
 * threshold. Records the largest queue it ever held.
 */
import type { DataChannelLike } from '../channelPort'

type Frame = string | ArrayBuffer | ArrayBufferView

export class FakeFlowChannel implements DataChannelLike {
  readyState: RTCDataChannelState = 'connecting'
  bufferedAmount = 0
  bufferedAmountLowThreshold = 0
  binaryType: BinaryType = 'blob'
  onopen: DataChannelLike['onopen'] = null
  onclose: DataChannelLike['onclose'] = null
  onmessage: DataChannelLike['onmessage'] = null
  onbufferedamountlow: DataChannelLike['onbufferedamountlow'] = null
  readonly sent: Frame[] = []
  peakBuffered = 0
  private queued: number[] = []

  constructor(readonly label: string) {}

  send(data: Frame): void {
    if (this.readyState !== 'open') throw new DOMException('not open', 'InvalidStateError')
    const size = typeof data === 'string' ? data.length : data.byteLength
    this.sent.push(data)
    this.queued.push(size)
    this.bufferedAmount += size
    this.peakBuffered = Math.max(this.peakBuffered, this.bufferedAmount)
  }

  open(): void {
    this.readyState = 'open'
    this.onopen?.(new Event('open'))
  }

  close(): void {
    if (this.readyState === 'closed') return
    this.readyState = 'closed'
    this.onclose?.(new Event('close'))
  }

  /** The network takes up to `bytes` from the queue (whole messages). */
  drain(bytes = Infinity): void {
    const before = this.bufferedAmount
    let budget = bytes
    while (this.queued.length > 0 && this.queued[0]! <= budget) {
      const size = this.queued.shift()!
      budget -= size
      this.bufferedAmount -= size
    }
    if (
      before > this.bufferedAmountLowThreshold &&
      this.bufferedAmount <= this.bufferedAmountLowThreshold
    )
      this.onbufferedamountlow?.(new Event('bufferedamountlow'))
  }

  /** A frame from the other side. */
  receive(data: string | ArrayBuffer): void {
    this.onmessage?.(new MessageEvent('message', { data }))
  }
}
