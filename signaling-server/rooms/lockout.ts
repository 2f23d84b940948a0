/**
 * Counts wrong room passwords per client address and room; after `maxAttempts` failures
 * further guesses are refused for `lockMs`, which makes online guessing impractical.
 */
import type { LockoutConfig } from '../config'

/** Beyond this many tracked (address, room) pairs, the oldest are forgotten first. */
const MAX_ENTRIES = 100_000

interface Entry {
  failures: number
  /** Failures older than this are forgotten; while locked, the lock ends here. */
  until: number
}

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
    if (entry && entry.until <= this.now()) {
      this.entries.delete(key)
      return undefined
    }
    return entry
  }

  /** Milliseconds until the lock ends, or 0 when guessing is allowed. */
  lockedFor(address: string, room: string): number {
    const entry = this.live(this.key(address, room))
    if (!entry || entry.failures < this.config.maxAttempts) return 0
    return entry.until - this.now()
  }

  recordFailure(address: string, room: string): void {
    const key = this.key(address, room)
    const entry = this.live(key) ?? { failures: 0, until: 0 }
    entry.failures++
    entry.until = this.now() + this.config.lockMs
    this.entries.delete(key) // re-insert so Map order stays oldest-first
    this.entries.set(key, entry)
    if (this.entries.size > MAX_ENTRIES) {
      this.sweep()
      for (const oldest of this.entries.keys()) {
        if (this.entries.size <= MAX_ENTRIES) break
        this.entries.delete(oldest)
      }
    }
  }

  recordSuccess(address: string, room: string): void {
    this.entries.delete(this.key(address, room))
  }

  /** Drops expired entries so the map cannot grow without bound. */
  sweep(): void {
    const now = this.now()
    for (const [key, entry] of this.entries) if (entry.until <= now) this.entries.delete(key)
  }
}
