/**
 * Connection quality of one link (good / fair / poor) from its figures, with hysteresis: a level
 * changes only after several readings in a row agree, and getting better must clear stricter
 * thresholds than getting worse, so a figure hovering at a boundary does not make the indicator
 * flicker.
 */
import type { LinkFigures } from './linkStats'

export type Quality = 'good' | 'fair' | 'poor'

const RANK: Record<Quality, number> = { good: 0, fair: 1, poor: 2 }
const BY_RANK: readonly Quality[] = ['good', 'fair', 'poor']

/** Upper bounds of "good" and "fair" for figures where more is worse. */
export const THRESHOLDS = {
  rttMs: { good: 250, fair: 500 },
  loss: { good: 0.02, fair: 0.08 },
  jitterMs: { good: 30, fair: 80 },
} as const
/** Lower bounds of "good" and "fair" for the outgoing bitrate estimate (bits/s). */
export const BITRATE_THRESHOLDS = { good: 300_000, fair: 120_000 } as const

/** To get better, a figure must be this much inside the better level's bound. */
const RECOVERY_MARGIN = 0.8
/** Readings in a row needed to get worse / better (2 s apart). */
export const WORSE_AFTER = 2
export const BETTER_AFTER = 3

function higherIsWorse(value: number | null, bounds: { good: number; fair: number }, k: number) {
  if (value === null) return 0
  if (value < bounds.good * k) return 0
  return value < bounds.fair * k ? 1 : 2
}

function lowerIsWorse(value: number | null, bounds: { good: number; fair: number }, k: number) {
  if (value === null) return 0
  if (value >= bounds.good / k) return 0
  return value >= bounds.fair / k ? 1 : 2
}

/**
 * The level the figures alone say; margin < 1 makes every bound stricter. Null when the link has
 * not measured anything yet (no RTT: not connected).
 */
export function classify(figures: LinkFigures, margin = 1): Quality | null {
  if (figures.rttMs === null && figures.lossIn === null) return null
  const loss =
    figures.lossIn === null && figures.lossOut === null
      ? null
      : Math.max(figures.lossIn ?? 0, figures.lossOut ?? 0)
  const rank = Math.max(
    higherIsWorse(figures.rttMs, THRESHOLDS.rttMs, margin),
    higherIsWorse(loss, THRESHOLDS.loss, margin),
    higherIsWorse(figures.jitterMs, THRESHOLDS.jitterMs, margin),
    lowerIsWorse(figures.availableOutgoingBitrate, BITRATE_THRESHOLDS, margin),
  )
  return BY_RANK[rank]
}

/** One link's quality over time. */
export class QualityTracker {
  private current: Quality | null = null
  private pending: Quality | null = null
  private run = 0

  get level(): Quality | null {
    return this.current
  }

  /** Takes a reading; returns the (possibly unchanged) level. */
  update(figures: LinkFigures): Quality | null {
    const plain = classify(figures)
    if (plain === null) return this.current
    if (this.current === null) {
      // The first reading sets the level: there is nothing to flicker from.
      this.current = plain
      return plain
    }
    let wanted = plain
    if (RANK[plain] < RANK[this.current]) {
      const strict = classify(figures, RECOVERY_MARGIN) ?? plain
      // Only as far up as the strict reading allows (and never down on its account).
      wanted = RANK[strict] < RANK[this.current] ? strict : this.current
    }
    if (wanted === this.current) {
      this.pending = null
      this.run = 0
      return this.current
    }
    if (wanted !== this.pending) {
      this.pending = wanted
      this.run = 0
    }
    this.run++
    const needed = RANK[wanted] > RANK[this.current] ? WORSE_AFTER : BETTER_AFTER
    if (this.run >= needed) {
      this.current = wanted
      this.pending = null
      this.run = 0
    }
    return this.current
  }
}

/** The worst of several levels (the uplink summary over every link). */
export function worstQuality(levels: readonly (Quality | null)[]): Quality | null {
  let worst: Quality | null = null
  for (const level of levels) {
    if (level !== null && (worst === null || RANK[level] > RANK[worst])) worst = level
  }
  return worst
}
