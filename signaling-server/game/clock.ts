/**
 * Time as the game sees it: injected so tests move it forward by hand instead of waiting.
 */
export interface GameClock {
  now(): number
  /** Calls `fn` after `ms`; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void
}

export const systemClock: GameClock = {
  now: () => Date.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, Math.max(0, ms))
    timer.unref()
    return () => clearTimeout(timer)
  },
}

/** A clock for tests: timers fire only when `advance` passes their time, in order. */
export class ManualClock implements GameClock {
  private time: number
  private timers: Array<{ at: number; seq: number; fn: () => void }> = []
  private seq = 0

  constructor(start = 1_000_000) {
    this.time = start
  }

  now(): number {
    return this.time
  }

  after(ms: number, fn: () => void): () => void {
    const timer = { at: this.time + Math.max(0, ms), seq: this.seq++, fn }
    this.timers.push(timer)
    return () => {
      this.timers = this.timers.filter((t) => t !== timer)
    }
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const end = this.time + ms
    for (;;) {
      const due = this.timers
        .filter((t) => t.at <= end)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0]
      if (!due) break
      this.timers = this.timers.filter((t) => t !== due)
      this.time = Math.max(this.time, due.at)
      due.fn()
    }
    this.time = end
  }

  pending(): number {
    return this.timers.length
  }
}
