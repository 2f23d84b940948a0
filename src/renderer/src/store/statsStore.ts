/**
 * Connection figures and quality per link, refreshed every 2 s while in a call. Kept out of
 * callStore so a stats tick never re-renders the grid: a tile subscribes to its peer's quality
 * (changes rarely) and the details popover reads the figures only while open. Written only by
 * session/qualityController.ts.
 */
import { createStore } from 'zustand/vanilla'
import type { Quality } from '../rtc/linkQuality'
import type { LinkFigures } from '../rtc/linkStats'

export type { Quality } from '../rtc/linkQuality'
export type { LinkFigures, LinkPath, VideoFormat } from '../rtc/linkStats'

export interface UplinkSummary {
  /** The worst quality over our links. */
  quality: Quality | null
  /** Everything we send, summed over links, bits/s. */
  bitrateOut: number
  /** Links whose camera is stepped down below the room budget. */
  limitedLinks: number
  /** Links where our camera video is paused. */
  pausedLinks: number
  links: number
}

export interface StatsState {
  /** Latest figures per peer id. */
  links: Record<string, LinkFigures>
  /** Quality per peer id (with hysteresis); absent until measured. */
  quality: Record<string, Quality>
  /** Peers that paused their camera video to us because our link to them is poor. */
  videoPausedBy: Record<string, true>
  /** Our camera's step below the room budget per peer (0 = full budget). */
  cameraSteps: Record<string, number>
  uplink: UplinkSummary | null
}

export function initialStatsState(): StatsState {
  return { links: {}, quality: {}, videoPausedBy: {}, cameraSteps: {}, uplink: null }
}

export function createStatsStore() {
  return createStore<StatsState>()(() => initialStatsState())
}
export type StatsStore = ReturnType<typeof createStatsStore>

export const statsStore = createStatsStore()
