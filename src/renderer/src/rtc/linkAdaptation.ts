/**
 * Per-link camera adaptation. Links to different peers have different bottlenecks, so each link
 * walks its own ladder below the room's camera budget (videoBudget.ts): first less bitrate, then
 * a smaller picture, then fewer frames, and finally no camera video at all on that link (audio
 * is never touched). A link steps down after a few bad readings in a row and back up after a
 * longer run of good ones, one rung at a time.
 *
 * Screen shares keep priority: they are never stepped down, and what our screen shares send on
 * a link counts against the link's bandwidth estimate before the camera gets any of it.
 */
import type { LinkFigures } from './linkStats'
import type { VideoBudget } from './videoBudget'

export interface CameraRung {
  /** Multiplies the room budget's bitrate. */
  bitrate: number
  /** Multiplies the room budget's downscale factor. */
  scale: number
  /** Frame-rate cap, or null for the captured rate. */
  fps: number | null
}

/** Rung 0 is the room budget itself; each later rung gives up one more thing. */
export const LADDER: readonly CameraRung[] = [
  { bitrate: 1, scale: 1, fps: null },
  { bitrate: 0.6, scale: 1, fps: null },
  { bitrate: 0.4, scale: 2, fps: null },
  { bitrate: 0.25, scale: 2, fps: 15 },
  { bitrate: 0.15, scale: 2, fps: 8 },
]
/** The step after the last rung: no camera video on the link. */
export const PAUSED_STEP = LADDER.length
/** Below this a camera picture is not worth sending. */
export const MIN_CAMERA_BITRATE = 60_000

/**
 * The room budget as limited by a link's step. Every field is present (maxFramerate possibly
 * undefined) because the budget is merged into the sender's current encoding: a cap from a
 * lower rung must be cleared, not left behind.
 */
export function limitBudget(budget: VideoBudget, step: number): VideoBudget {
  if (step >= PAUSED_STEP) return { ...budget, maxFramerate: undefined, active: false }
  const rung = LADDER[Math.max(0, step)]
  return {
    scaleResolutionDownBy: budget.scaleResolutionDownBy * rung.scale,
    maxBitrate:
      step <= 0
        ? budget.maxBitrate
        : Math.max(MIN_CAMERA_BITRATE, Math.round(budget.maxBitrate * rung.bitrate)),
    maxFramerate: rung.fps ?? undefined,
    active: true,
  }
}

/** What a link reading says about sending more or less camera video. */
export type LinkVerdict = 'degraded' | 'healthy' | 'steady'

export const DEGRADED = { lossOut: 0.1, rttMs: 500 } as const
export const HEALTHY = { lossOut: 0.03, rttMs: 300 } as const
/** The bandwidth estimate must leave this much headroom over what the camera would send. */
const HEADROOM_UP = 1.3
const SHORTFALL_DOWN = 0.7

/** Readings in a row (2 s apart) before a step down / up. */
export const DOWN_AFTER = 2
export const UP_AFTER = 5
/**
 * Readings ignored after a link connects: the congestion controller starts low and ramps up,
 * and that ramp looks like a bandwidth limit.
 */
export const WARMUP_READINGS = 4

export function judge(f: LinkFigures, cameraBitrate: number, nextBitrate: number): LinkVerdict {
  const screens = Math.max(0, (f.videoBitrateOut ?? 0) - (f.cameraBitrateOut ?? 0))
  const available = f.availableOutgoingBitrate
  const wanted = screens + cameraBitrate
  // Chromium also says 'bandwidth' when our own cap (the room budget) holds the encoder back;
  // only an estimate below what the link should carry makes it the network's doing.
  const networkLimited =
    f.qualityLimitationReason === 'bandwidth' && (available === null || available < wanted)
  if (
    (f.lossOut ?? 0) > DEGRADED.lossOut ||
    (f.rttMs ?? 0) > DEGRADED.rttMs ||
    networkLimited ||
    (available !== null && available < wanted * SHORTFALL_DOWN)
  ) {
    return 'degraded'
  }
  if (
    (f.lossOut ?? 0) < HEALTHY.lossOut &&
    (f.rttMs ?? 0) < HEALTHY.rttMs &&
    (available === null || available >= (screens + nextBitrate) * HEADROOM_UP)
  ) {
    return 'healthy'
  }
  return 'steady'
}

/** One link's position on the ladder. */
export class LinkAdaptation {
  private current = 0
  private bad = 0
  private good = 0
  private readings = 0

  get step(): number {
    return this.current
  }

  get paused(): boolean {
    return this.current >= PAUSED_STEP
  }

  /**
   * Takes a reading and the room budget now; returns the step to apply. Readings without an
   * RTT (not connected) and those taken with the camera off change nothing.
   */
  update(f: LinkFigures, room: VideoBudget, cameraOn: boolean): number {
    if (f.rttMs === null || !cameraOn) {
      this.bad = this.good = 0
      return this.current
    }
    if (++this.readings <= WARMUP_READINGS) return this.current
    const now = limitBudget(room, this.current)
    const up = limitBudget(room, Math.max(0, this.current - 1))
    // Paused, the camera sends nothing and the estimate, fed by audio alone, says little about
    // what video would get: resuming needs only loss and RTT to be good (the encoder probes for
    // bandwidth when its stream comes back, and the lowest rung is small).
    const sending = this.paused ? 0 : now.maxBitrate
    const verdict = judge(f, sending, this.paused ? 0 : up.maxBitrate)
    if (verdict === 'degraded') {
      this.good = 0
      if (++this.bad >= DOWN_AFTER && this.current < PAUSED_STEP) this.move(this.current + 1)
    } else if (verdict === 'healthy') {
      this.bad = 0
      if (++this.good >= UP_AFTER && this.current > 0) this.move(this.current - 1)
    } else {
      this.bad = this.good = 0
    }
    return this.current
  }

  private move(step: number): void {
    this.current = step
    this.bad = this.good = 0
  }
}
