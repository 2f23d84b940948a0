import { describe, expect, it } from 'vitest'
import { VideoBudgetWriter } from './videoBudgetWriter'

const budget = (maxBitrate: number) => ({ maxBitrate, scaleResolutionDownBy: 1, maxFramerate: 30 })

/** A sender whose setParameters resolves when the test says, and counts overlapping writes. */
function fakeSender() {
  let encodings: RTCRtpEncodingParameters[] = [{}]
  let inFlight = 0
  const state = { maxInFlight: 0, writes: 0, release: [] as (() => void)[] }
  const sender = {
    getParameters: () => ({ encodings }) as RTCRtpSendParameters,
    setParameters: (params: RTCRtpSendParameters) => {
      inFlight++
      state.writes++
      state.maxInFlight = Math.max(state.maxInFlight, inFlight)
      return new Promise<void>((done) =>
        state.release.push(() => {
          inFlight--
          encodings = params.encodings
          done()
        }),
      )
    },
    get encodings() {
      return encodings
    },
  }
  return { sender, state }
}

describe('VideoBudgetWriter', () => {
  it('writes one budget at a time and ends at the newest', async () => {
    const { sender, state } = fakeSender()
    const writer = new VideoBudgetWriter(null, () => sender as unknown as RTCRtpSender)
    writer.set(budget(1))
    writer.set(budget(2))
    writer.set(budget(3))
    while (state.release.length > 0 || state.writes < 2) {
      await Promise.resolve()
      state.release.shift()?.()
    }
    await new Promise((done) => setTimeout(done, 0))
    expect(state.maxInFlight).toBe(1)
    expect(state.writes).toBe(2)
    expect(sender.encodings[0]?.maxBitrate).toBe(3)
  })

  it('waits while the sender is not ready and skips a budget it was made with', async () => {
    const { sender, state } = fakeSender()
    let ready = false
    const writer = new VideoBudgetWriter(budget(5), () =>
      ready ? (sender as unknown as RTCRtpSender) : undefined,
    )
    await writer.apply()
    expect(state.writes).toBe(0)
    writer.madeWith(budget(5))
    ready = true
    await writer.apply()
    expect(state.writes).toBe(0)
  })
})
