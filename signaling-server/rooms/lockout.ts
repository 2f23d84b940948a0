/**
 * Counts wrong room passwords per client address and room; after `maxAttempts` failures
 * further guesses are refused for `lockMs`, which makes online guessing impractical.
 *
 * A check in progress counts as an attempt from the moment it starts: the verdict comes
 * from an asynchronous scrypt, and counting only finished failures let any number of guesses
 * sent at once all reach scrypt before the first failure was recorded.
 */
import type { LockoutConfig } from '../config'

/** Beyond this many tracked (address, room) pairs, the oldest are forgotten first. */
const MAX_ENTRIES = 100_000

interface Entry {
  failures: number
  /** Checks started and not finished yet. */
  inFlight: number
  /** Failures older than this are forgotten; while locked, the lock ends here. */
  until: number
}

/** How a reserved attempt ended: a cancelled one (never checked) counts for nothing. */
export type AttemptResult = 'success' | 'failure' | 'cancelled'

export type AttemptDecision =
  | { ok: true; finish: (result: AttemptResult) => void }
  /** LOCKED: maxAttempts failures. BUSY: checks in flight fill what is left (retry shortly). */
  | { ok: false; reason: 'LOCKED' | 'BUSY'; retryAfterMs: number }

export class PasswordLockout {
  private readonly entries = new Map<string, Entry>()

  constructor(
    private readonly config: LockoutConfig,
    private readonly now: () => number = Date.now,
  ) {}

  private key(address: string, room: string): string {
    return `${address}\n${room}`
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key)
    if (entry && entry.inFlight === 0 && entry.until <= this.now()) {
      this.entries.delete(key)
      return undefined
    }
    return entry
  }

  /** Milliseconds until the lock ends, or 0 when guessing is allowed. */
  lockedFor(address: string, room: string): number {
    const entry = this.live(this.key(address, room))
    if (!entry || entry.failures < this.config.maxAttempts) return 0
    return Math.max(1, entry.until - this.now())
  }

  /**
   * Reserves one attempt before the password is checked. Refused when finished failures plus
   * checks in flight already reach maxAttempts, so no ordering of parallel guesses gets more
   * than maxAttempts checks per lock period.
   */
  begin(address: string, room: string): AttemptDecision {
    const key = this.key(address, room)
    const entry = this.live(key) ?? { failures: 0, inFlight: 0, until: 0 }
    if (entry.failures >= this.config.maxAttempts) {
      return { ok: false, reason: 'LOCKED', retryAfterMs: Math.max(1, entry.until - this.now()) }
    }
    if (entry.failures + entry.inFlight >= this.config.maxAttempts) {
      return { ok: false, reason: 'BUSY', retryAfterMs: 1000 }
    }
    entry.inFlight++
    this.store(key, entry)
    let finished = false
    return {
      ok: true,
      finish: (result) => {
        if (finished) return
        finished = true
        entry.inFlight--
        if (result === 'cancelled') {
          if (entry.inFlight === 0 && entry.failures === 0) this.entries.delete(key)
          return
        }
        if (result === 'success') {
          // A right password clears the count, unless other guesses are still being checked.
          entry.failures = 0
          if (entry.inFlight === 0) this.entries.delete(key)
          return
        }
        entry.failures++
        entry.until = this.now() + this.config.lockMs
        this.store(key, entry)
      },
    }
  }

  recordFailure(address: string, room: string): void {
    const attempt = this.begin(address, room)
    if (attempt.ok) attempt.finish('failure')
  }

  recordSuccess(address: string, room: string): void {
    this.entries.delete(this.key(address, room))
  }

  private store(key: string, entry: Entry): void {
    this.entries.delete(key) // re-insert so Map order stays oldest-first
    this.entries.set(key, entry)
    if (this.entries.size > MAX_ENTRIES) {
      this.sweep()
      for (const [oldest, value] of this.entries) {
        if (this.entries.size <= MAX_ENTRIES) break
        if (value.inFlight === 0) this.entries.delete(oldest)
      }
    }
  }

  /** Drops expired entries so the map cannot grow without bound. */
  sweep(): void {
    const now = this.now()
    for (const [key, entry] of this.entries) {
      if (entry.inFlight === 0 && entry.until <= now) this.entries.delete(key)
    }
  }
}
