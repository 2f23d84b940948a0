/**
 * A time budget for a bench run that must finish on a slow, loaded machine: each phase gets a
 * share of what is left, and takes as many samples as its observed sample time allows (at least
 * its minimum, at most its maximum), so a machine where a sample takes 13 s instead of 3 s runs
 * fewer samples rather than running out of time before the last phase.
 */
export class SampleBudget {
  private readonly endsAt: number

  constructor(
    readonly totalMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.endsAt = now() + totalMs
  }

  get remainingMs(): number {
    return Math.max(0, this.endsAt - this.now())
  }

  /**
   * A phase that may use `share` (0..1) of the remaining time. `more(taken, slowestMs)` says
   * whether another sample fits, given how many were taken and the slowest one so far.
   */
  phase(share: number, min: number, max: number): PhaseBudget {
    return new PhaseBudget(this.now() + this.remainingMs * share, min, max, this.now)
  }
}

export class PhaseBudget {
  private slowestMs = 0
  private startedAt: number | null = null
  taken = 0

  constructor(
    private readonly endsAt: number,
    readonly min: number,
    readonly max: number,
    private readonly now: () => number,
  ) {}

  /** Call before each sample; false when the phase should stop. */
  more(): boolean {
    if (this.startedAt !== null) {
      this.slowestMs = Math.max(this.slowestMs, this.now() - this.startedAt)
      this.taken++
    }
    this.startedAt = null
    if (this.taken >= this.max) return false
    if (this.taken >= this.min && this.now() + this.slowestMs > this.endsAt) return false
    this.startedAt = this.now()
    return true
  }
}
