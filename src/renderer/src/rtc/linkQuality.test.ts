import { describe, expect, it } from 'vitest'
import { classify, QualityTracker, worstQuality, type Quality } from './linkQuality'
import type { LinkFigures } from './linkStats'

function figures(partial: Partial<LinkFigures>): LinkFigures {
  return {
    at: 0,
    rttMs: 40,
    lossIn: 0,
    lossOut: 0,
    jitterMs: 5,
    bitrateIn: 500_000,
    bitrateOut: 500_000,
    videoBitrateOut: 400_000,
    cameraBitrateOut: 400_000,
    videoIn: null,
    videoOut: null,
    codecIn: null,
    codecOut: null,
    qualityLimitationReason: 'none',
    availableOutgoingBitrate: 2_000_000,
    path: 'direct',
    ...partial,
  }
}

describe('classify', () => {
  const table: [string, Partial<LinkFigures>, Quality | null][] = [
    ['a clean link', {}, 'good'],
    ['nothing measured yet', { rttMs: null, lossIn: null }, null],
    ['RTT 300 ms', { rttMs: 300 }, 'fair'],
    ['RTT 700 ms', { rttMs: 700 }, 'poor'],
    ['3 % loss in', { lossIn: 0.03 }, 'fair'],
    ['12 % loss reported by the peer', { lossOut: 0.12 }, 'poor'],
    ['jitter 50 ms', { jitterMs: 50 }, 'fair'],
    ['jitter 120 ms', { jitterMs: 120 }, 'poor'],
    ['200 kbit/s available', { availableOutgoingBitrate: 200_000 }, 'fair'],
    ['80 kbit/s available', { availableOutgoingBitrate: 80_000 }, 'poor'],
    ['no bitrate estimate', { availableOutgoingBitrate: null }, 'good'],
    ['the worst figure wins', { rttMs: 300, lossIn: 0.2 }, 'poor'],
  ]
  it.each(table)('%s', (_name, partial, expected) => {
    expect(classify(figures(partial))).toBe(expected)
  })
})

describe('QualityTracker', () => {
  function run(readings: Partial<LinkFigures>[]): (Quality | null)[] {
    const tracker = new QualityTracker()
    return readings.map((r) => tracker.update(figures(r)))
  }

  it('starts at the first reading', () => {
    expect(run([{ rttMs: 700 }])).toEqual(['poor'])
  })

  it('gets worse only after two readings agree', () => {
    expect(run([{}, { lossIn: 0.2 }, {}, { lossIn: 0.2 }, { lossIn: 0.2 }])).toEqual([
      'good',
      'good',
      'good',
      'good',
      'poor',
    ])
  })

  it('gets better only after three readings agree', () => {
    expect(run([{ rttMs: 700 }, {}, {}, {}])).toEqual(['poor', 'poor', 'poor', 'good'])
  })

  it('does not flicker on a figure hovering at a boundary', () => {
    // 240 and 260 ms alternate around the 250 ms bound: once fair, 240 ms is not good enough.
    const levels = run([
      { rttMs: 260 },
      { rttMs: 240 },
      { rttMs: 260 },
      { rttMs: 240 },
      { rttMs: 240 },
      { rttMs: 240 },
    ])
    expect(new Set(levels)).toEqual(new Set(['fair']))
  })

  it('recovers once clearly inside the better level', () => {
    expect(run([{ rttMs: 260 }, { rttMs: 150 }, { rttMs: 150 }, { rttMs: 150 }])).toEqual([
      'fair',
      'fair',
      'fair',
      'good',
    ])
  })

  it('keeps its level through readings without measurements', () => {
    expect(run([{ rttMs: 700 }, { rttMs: null, lossIn: null }])).toEqual(['poor', 'poor'])
  })
})

describe('worstQuality', () => {
  it('is the worst known level', () => {
    expect(worstQuality(['good', null, 'fair'])).toBe('fair')
    expect(worstQuality([null])).toBeNull()
  })
})
