import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IceRestarter, OfferRetry } from './linkRecovery'

function fakePc() {
  return {
    signalingState: 'have-local-offer' as RTCSignalingState,
    localDescription: { type: 'offer', sdp: 'v=0 offer-1' } as RTCSessionDescriptionInit | null,
    iceConnectionState: 'connected' as RTCIceConnectionState,
    restarts: 0,
    restartIce() {
      this.restarts++
    },
  }
}
const asPc = (pc: ReturnType<typeof fakePc>) => pc as unknown as RTCPeerConnection

beforeEach(() => {
  vi.useFakeTimers()
  vi.spyOn(console, 'info').mockImplementation(() => undefined)
})
afterEach(() => vi.useRealTimers())

describe('OfferRetry', () => {
  it('re-sends the same unanswered offer at most maxRetries times', () => {
    const pc = fakePc()
    const resend = vi.fn()
    new OfferRetry(asPc(pc), resend, 100, 3).offerSent()
    vi.advanceTimersByTime(1_000)
    expect(resend).toHaveBeenCalledTimes(3)
  })

  it('stops once the offer is answered or replaced, and after stop()', () => {
    const pc = fakePc()
    const resend = vi.fn()
    const retry = new OfferRetry(asPc(pc), resend, 100, 3)
    retry.offerSent()
    pc.signalingState = 'stable'
    vi.advanceTimersByTime(500)
    expect(resend).not.toHaveBeenCalled()

    pc.signalingState = 'have-local-offer'
    retry.offerSent()
    pc.localDescription = { type: 'offer', sdp: 'v=0 offer-2' }
    vi.advanceTimersByTime(500)
    expect(resend).not.toHaveBeenCalled()

    retry.offerSent()
    retry.stop()
    vi.advanceTimersByTime(500)
    expect(resend).not.toHaveBeenCalled()
  })
})

describe('IceRestarter', () => {
  it('restarts at once on failed, and on disconnected only past the grace period', () => {
    const pc = fakePc()
    const restarter = new IceRestarter(asPc(pc), 'peer-b', 1_000)
    pc.iceConnectionState = 'failed'
    restarter.onIceStateChange()
    expect(pc.restarts).toBe(1)

    pc.iceConnectionState = 'disconnected'
    restarter.onIceStateChange()
    vi.advanceTimersByTime(999)
    expect(pc.restarts).toBe(1)
    vi.advanceTimersByTime(1)
    expect(pc.restarts).toBe(2)
  })

  it('a disconnection that heals within the grace period restarts nothing', () => {
    const pc = fakePc()
    const restarter = new IceRestarter(asPc(pc), 'peer-b', 1_000)
    pc.iceConnectionState = 'disconnected'
    restarter.onIceStateChange()
    pc.iceConnectionState = 'connected'
    restarter.onIceStateChange()
    vi.advanceTimersByTime(2_000)
    expect(pc.restarts).toBe(0)
  })
})
