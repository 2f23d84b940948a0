/**
 * During a draw-and-guess turn only the drawer's operations count. The server tells every player
 * who draws next, but the new drawer's first stroke travels peer to peer and can overtake that
 * news: a player still in the previous turn would drop it, and the drawing would miss its start.
 * So a non-drawer's live operations are kept a moment instead of dropped; when that peer becomes
 * the drawer, what it sent in the last seconds is replayed in order, and the rest is forgotten.
 */

/** How far back a new drawer's operations are replayed (a turn lasts at least 30 s). */
export const EARLY_OPS_MAX_AGE_MS = 5_000
/** At most this many are kept (a stroke sends about one frame per animation frame). */
export const EARLY_OPS_LIMIT = 1_000

interface Early {
  author: string
  at: number
  replay: () => void
}

export class EarlyOps {
  private kept: Early[] = []

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly limit = EARLY_OPS_LIMIT,
    private readonly maxAgeMs = EARLY_OPS_MAX_AGE_MS,
  ) {}

  /** An operation from a peer that may not draw (yet); `replay` applies it. */
  keep(author: string, replay: () => void): void {
    if (this.kept.length >= this.limit) this.kept.shift()
    this.kept.push({ author, at: this.now(), replay })
  }

  /**
   * The drawer changed: replays, in arrival order, what the new drawer sent in the last
   * EARLY_OPS_MAX_AGE_MS, and forgets everything kept (none is replayed for no drawer).
   */
  release(drawer: string | null): void {
    const kept = this.kept
    this.kept = []
    if (drawer === null) return
    const since = this.now() - this.maxAgeMs
    for (const early of kept) if (early.author === drawer && early.at >= since) early.replay()
  }

  clear(): void {
    this.kept = []
  }

  get size(): number {
    return this.kept.length
  }
}
