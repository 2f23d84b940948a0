/**
 * Camera encoding budget for a mesh. Every peer gets its own encode of our camera, so upload
 * bandwidth and encoder CPU grow with the room; the per-peer resolution and bitrate shrink to
 * keep the total near what one 720p call costs. Screen shares are not budgeted here: they are
 * what people came to see.
 *
 * The picture is scaled down by each encoder rather than captured smaller: Chromium hands a
 * camera track constrained to a smaller size to every consumer at full size and lets each scale
 * it, which measured costlier than the encoders' own scaling.
 */
export interface VideoBudget {
  /** Divides the captured resolution (720p capture: 2 -> 360p, 3 -> 240p). */
  scaleResolutionDownBy: number
  /** Bits per second for one peer's copy. */
  maxBitrate: number
  /** A frame-rate cap (a link stepped down by linkAdaptation.ts); absent: as captured. */
  maxFramerate?: number
  /** False stops the camera video to this peer (audio flows on); absent: sending. */
  active?: boolean
}

export function cameraBudget(peerCount: number): VideoBudget {
  if (peerCount <= 1) return { scaleResolutionDownBy: 1, maxBitrate: 1_500_000 }
  if (peerCount <= 3) return { scaleResolutionDownBy: 2, maxBitrate: 600_000 }
  if (peerCount <= 6) return { scaleResolutionDownBy: 2, maxBitrate: 400_000 }
  return { scaleResolutionDownBy: 3, maxBitrate: 250_000 }
}

export function sameBudget(a: VideoBudget | null, b: VideoBudget | null): boolean {
  return (
    a === b ||
    (!!a &&
      !!b &&
      a.scaleResolutionDownBy === b.scaleResolutionDownBy &&
      a.maxBitrate === b.maxBitrate &&
      a.maxFramerate === b.maxFramerate &&
      (a.active ?? true) === (b.active ?? true))
  )
}
