import { describe, expect, it } from 'vitest'
import { readStats } from './linkStats'
import { chromiumReport } from './testing/statsFixtures'

describe('readStats', () => {
  it('has no rates on the first report, only what a single report tells', () => {
    const { figures } = readStats(
      chromiumReport({ at: 1_000, rtt: 0.12, available: 900_000 }),
      null,
      'camera-track',
    )
    expect(figures).toMatchObject({
      rttMs: 120,
      jitterMs: 12,
      bitrateIn: null,
      bitrateOut: null,
      lossIn: null,
      videoIn: { width: 640, height: 360, fps: 30 },
      videoOut: { width: 320, height: 180, fps: 15 },
      codecIn: 'VP8',
      codecOut: 'VP8',
      qualityLimitationReason: 'none',
      availableOutgoingBitrate: 900_000,
      path: 'direct',
    })
  })

  it('computes bitrates and loss from two reports', () => {
    const first = readStats(
      chromiumReport({ at: 1_000, bytesIn: 0, packetsIn: 0, cameraBytesOut: 0, screenBytesOut: 0 }),
      null,
      'camera-track',
    )
    const second = readStats(
      chromiumReport({
        at: 3_000,
        bytesIn: 250_000,
        packetsIn: 900,
        packetsLostIn: 100,
        cameraBytesOut: 100_000,
        screenBytesOut: 300_000,
        audioBytesOut: 10_000,
        fractionLost: 0.04,
        limitation: 'bandwidth',
      }),
      first.counters,
      'camera-track',
    ).figures
    expect(second.bitrateIn).toBe(1_000_000)
    expect(second.cameraBitrateOut).toBe(400_000)
    expect(second.videoBitrateOut).toBe(1_600_000)
    expect(second.bitrateOut).toBe(1_640_000)
    expect(second.lossIn).toBeCloseTo(0.1)
    expect(second.lossOut).toBe(0.04)
    expect(second.qualityLimitationReason).toBe('bandwidth')
  })

  it('tells a relayed path from a direct one', () => {
    expect(readStats(chromiumReport({ at: 1, relay: true }), null, null).figures.path).toBe('relay')
  })

  it('does not take a screen share for the camera when the camera is off', () => {
    const figures = readStats(chromiumReport({ at: 1, screenBytesOut: 5 }), null, null).figures
    expect(figures.videoOut).toBeNull()
    expect(figures.qualityLimitationReason).toBeNull()
  })

  it('ignores entries it does not know and survives an empty report', () => {
    const figures = readStats(
      new Map([['x', { id: 'x', type: 'peer-connection' }]]),
      null,
      null,
    ).figures
    expect(figures.rttMs).toBeNull()
    expect(figures.path).toBeNull()
    expect(figures.videoIn).toBeNull()
  })
})
