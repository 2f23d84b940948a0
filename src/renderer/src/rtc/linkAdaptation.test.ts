import { describe, expect, it } from 'vitest'
import {
  DOWN_AFTER,
  LADDER,
  LinkAdaptation,
  PAUSED_STEP,
  UP_AFTER,
  WARMUP_READINGS,
  judge,
  limitBudget,
} from './linkAdaptation'
import type { LinkFigures } from './linkStats'
import { cameraBudget } from './videoBudget'

const room = cameraBudget(2)

function figures(partial: Partial<LinkFigures> = {}): LinkFigures {
  return {
    at: 0,
    rttMs: 40,
    lossIn: 0,
    lossOut: 0,
    jitterMs: 5,
    bitrateIn: 600_000,
    bitrateOut: 600_000,
    videoBitrateOut: 550_000,
    cameraBitrateOut: 550_000,
    videoIn: null,
    videoOut: null,
    codecIn: null,
    codecOut: null,
    qualityLimitationReason: 'none',
    availableOutgoingBitrate: 3_000_000,
    path: 'direct',
    ...partial,
  }
}

const bad = figures({ lossOut: 0.2 })
const good = figures()

/** A link past its warm-up. */
function warmed(): LinkAdaptation {
  const link = new LinkAdaptation()
  for (let i = 0; i < WARMUP_READINGS; i++) link.update(good, room, true)
  return link
}

function feed(link: LinkAdaptation, reading: LinkFigures, times: number): number[] {
  return Array.from({ length: times }, () => link.update(reading, room, true))
}

describe('limitBudget', () => {
  it('gives up bitrate, then resolution, then frame rate, then the video', () => {
    const steps = Array.from({ length: PAUSED_STEP + 1 }, (_, step) => limitBudget(room, step))
    expect(steps[0]).toMatchObject(room)
    expect(steps[0].maxFramerate).toBeUndefined()
    expect(steps[1].maxBitrate).toBeLessThan(room.maxBitrate)
    expect(steps[1].scaleResolutionDownBy).toBe(room.scaleResolutionDownBy)
    expect(steps[2].scaleResolutionDownBy).toBeGreaterThan(room.scaleResolutionDownBy)
    expect(steps[2].maxFramerate).toBeUndefined()
    expect(steps[3].maxFramerate).toBe(15)
    for (let i = 1; i < PAUSED_STEP; i++) {
      expect(steps[i].maxBitrate).toBeLessThanOrEqual(steps[i - 1].maxBitrate)
      expect(steps[i].active).toBe(true)
    }
    expect(steps[PAUSED_STEP].active).toBe(false)
  })

  it('never goes below a usable bitrate', () => {
    expect(limitBudget(cameraBudget(8), LADDER.length - 1).maxBitrate).toBe(60_000)
  })
})

describe('judge', () => {
  it.each([
    ['clean', {}, 'healthy'],
    ['loss reported by the peer', { lossOut: 0.15 }, 'degraded'],
    ['long RTT', { rttMs: 800 }, 'degraded'],
    [
      'encoder held back by bandwidth the estimate confirms',
      { qualityLimitationReason: 'bandwidth', availableOutgoingBitrate: 550_000 },
      'degraded',
    ],
    [
      'encoder held back by bandwidth without an estimate',
      { qualityLimitationReason: 'bandwidth', availableOutgoingBitrate: null },
      'degraded',
    ],
    ['encoder held back by our own cap', { qualityLimitationReason: 'bandwidth' }, 'healthy'],
    ['encoder held back by CPU', { qualityLimitationReason: 'cpu' }, 'healthy'],
    ['estimate below what the camera sends', { availableOutgoingBitrate: 300_000 }, 'degraded'],
    ['estimate without headroom', { availableOutgoingBitrate: 700_000 }, 'steady'],
    ['some loss', { lossOut: 0.05 }, 'steady'],
  ] as const)('%s', (_name, partial, verdict) => {
    expect(judge(figures(partial), 600_000, 600_000)).toBe(verdict)
  })

  it('counts our screen share first: the camera gives way to it', () => {
    const sharing = figures({
      availableOutgoingBitrate: 1_000_000,
      videoBitrateOut: 1_550_000,
      cameraBitrateOut: 550_000,
    })
    expect(judge(sharing, 600_000, 600_000)).toBe('degraded')
    const cameraOnly = figures({ availableOutgoingBitrate: 1_000_000 })
    expect(judge(cameraOnly, 600_000, 600_000)).toBe('healthy')
  })
})

describe('LinkAdaptation', () => {
  it('ignores the congestion controller ramp-up after connecting', () => {
    const link = new LinkAdaptation()
    expect(feed(link, bad, WARMUP_READINGS)).toEqual(Array(WARMUP_READINGS).fill(0))
  })

  it('steps down one rung per run of bad readings, down to paused, and stays there', () => {
    const link = warmed()
    const steps = feed(link, bad, DOWN_AFTER * (PAUSED_STEP + 1))
    const expected = Array.from({ length: DOWN_AFTER * (PAUSED_STEP + 1) }, (_, i) =>
      Math.min(PAUSED_STEP, Math.floor((i + 1) / DOWN_AFTER)),
    )
    expect(steps).toEqual(expected)
    expect(link.paused).toBe(true)
  })

  it('does not step down on a single bad reading among good ones', () => {
    const link = warmed()
    for (let i = 0; i < 10; i++) link.update(i % 2 ? bad : good, room, true)
    expect(link.step).toBe(0)
  })

  it('steps back up one rung per longer run of good readings', () => {
    const link = warmed()
    feed(link, bad, DOWN_AFTER * 3)
    expect(link.step).toBe(3)
    const steps = feed(link, good, UP_AFTER * 3)
    expect(steps[UP_AFTER - 2]).toBe(3)
    expect(steps[UP_AFTER - 1]).toBe(2)
    expect(steps.at(-1)).toBe(0)
  })

  it('resumes video from paused once the link is good again', () => {
    const link = warmed()
    feed(link, bad, DOWN_AFTER * (PAUSED_STEP + 1))
    // Paused, only loss and RTT count: an estimate fed by audio alone stays low.
    const recovering = figures({
      availableOutgoingBitrate: 40_000,
      videoBitrateOut: 0,
      cameraBitrateOut: 0,
    })
    feed(link, recovering, UP_AFTER)
    expect(link.paused).toBe(false)
    expect(link.step).toBe(PAUSED_STEP - 1)
  })

  it('changes nothing while the camera is off or the link is not measured', () => {
    const link = warmed()
    expect(Array.from({ length: 6 }, () => link.update(bad, room, false))).toEqual(Array(6).fill(0))
    feed(link, figures({ rttMs: null, lossOut: 0.5 }), 6)
    expect(link.step).toBe(0)
  })
})

describe('limitBudget merged into a sender encoding', () => {
  it('clears the frame-rate cap when stepping back up', () => {
    const encoding = { active: true, ...limitBudget(room, 3) }
    expect(encoding.maxFramerate).toBe(15)
    const merged = { ...encoding, ...limitBudget(room, 1) }
    expect(merged.maxFramerate).toBeUndefined()
  })
})
