/**
 * The two timers that keep a link alive without anyone's help: an offer that got no answer is
 * sent again (its signal, or the answer's, was lost while signaling was down), and ICE is
 * restarted when the path fails, or stays disconnected longer than a grace period.
 */

/** Sends the current local offer again while it stays unanswered, a few times at most. */
export class OfferRetry {
  private timer: ReturnType<typeof setTimeout> | null = null
  private retries = 0

  constructor(
    private readonly pc: RTCPeerConnection,
    private readonly resend: () => void,
    private readonly intervalMs: number,
    private readonly maxRetries: number,
  ) {}

  /** A new offer was just sent. */
  offerSent(): void {
    this.retries = 0
    this.schedule()
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private schedule(): void {
    this.stop()
    const offer = this.pc.localDescription
    if (this.retries >= this.maxRetries || offer?.type !== 'offer') return
    this.timer = setTimeout(() => {
      this.timer = null
      // Still waiting for the answer to this very offer: it (or the answer) was lost.
      if (
        this.pc.signalingState !== 'have-local-offer' ||
        this.pc.localDescription?.sdp !== offer.sdp
      ) {
        return
      }
      this.retries++
      this.resend()
      this.schedule()
    }, this.intervalMs)
  }
}

/** Restarts ICE on 'failed' at once, and on 'disconnected' only if it outlasts the grace. */
export class IceRestarter {
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly pc: RTCPeerConnection,
    private readonly remoteId: string,
    private readonly graceMs: number,
  ) {}

  onIceStateChange(): void {
    const state = this.pc.iceConnectionState
    if (state === 'failed') {
      this.stop()
      console.info(`ICE to ${this.remoteId} failed: restarting ICE`)
      this.pc.restartIce()
    } else if (state === 'disconnected') {
      if (this.timer) return
      // Brief drops (Wi-Fi roaming) often heal by themselves; restart only if they persist.
      this.timer = setTimeout(() => {
        this.timer = null
        if (this.pc.iceConnectionState !== 'disconnected') return
        console.info(`ICE to ${this.remoteId} still disconnected: restarting ICE`)
        this.pc.restartIce()
      }, this.graceMs)
    } else {
      this.stop()
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
