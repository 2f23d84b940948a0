/**
 * Reads getStats() of every link of a call on one timer (every 2 s by default) and hands each
 * link's figures to the owner. The timer runs only while there are links to read: it stops when
 * the last one goes and on stop(), so nothing keeps ticking after a call. A tick waits for its
 * reports before the next is scheduled, so a busy machine never piles reads up.
 */
import { readStats, type LinkFigures, type StatsCounters, type StatsReportLike } from './linkStats'

export const STATS_INTERVAL_MS = 2_000

export interface StatsSource {
  getStats(): Promise<StatsReportLike>
}

export interface StatsPollerOptions {
  onFigures: (peerId: string, figures: LinkFigures) => void
  /** The local camera track id now (outbound camera vs screen share), or null. */
  cameraTrackId: () => string | null
  intervalMs?: number
}

export class StatsPoller {
  private readonly options: StatsPollerOptions
  private readonly intervalMs: number
  private readonly sources = new Map<string, StatsSource>()
  private readonly counters = new Map<string, StatsCounters>()
  private timer: ReturnType<typeof setTimeout> | null = null
  private reading = false

  constructor(options: StatsPollerOptions) {
    this.options = options
    this.intervalMs = options.intervalMs ?? STATS_INTERVAL_MS
  }

  /** Timers this poller holds now (0 or 1): what tests check after a call. */
  get timerCount(): number {
    return this.timer ? 1 : 0
  }

  get linkCount(): number {
    return this.sources.size
  }

  add(peerId: string, source: StatsSource): void {
    this.sources.set(peerId, source)
    this.counters.delete(peerId)
    this.schedule()
  }

  remove(peerId: string): void {
    this.sources.delete(peerId)
    this.counters.delete(peerId)
    if (this.sources.size === 0) this.clearTimer()
  }

  /** Forgets every link and stops the timer. */
  stop(): void {
    this.sources.clear()
    this.counters.clear()
    this.clearTimer()
  }

  private schedule(): void {
    if (this.timer || this.reading || this.sources.size === 0) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.tick()
    }, this.intervalMs)
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private async tick(): Promise<void> {
    this.reading = true
    try {
      const cameraTrackId = this.options.cameraTrackId()
      await Promise.all(
        [...this.sources].map(([id, source]) => this.read(id, source, cameraTrackId)),
      )
    } finally {
      this.reading = false
    }
    this.schedule()
  }

  private async read(peerId: string, source: StatsSource, cameraTrackId: string | null) {
    let report: StatsReportLike
    try {
      report = await source.getStats()
    } catch {
      // A link closing under the read; the next tick no longer has it.
      return
    }
    // Removed (or replaced) while the report was on its way.
    if (this.sources.get(peerId) !== source) return
    const { figures, counters } = readStats(
      report,
      this.counters.get(peerId) ?? null,
      cameraTrackId,
    )
    this.counters.set(peerId, counters)
    this.options.onFigures(peerId, figures)
  }
}
