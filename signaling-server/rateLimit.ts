/** Token buckets and the per-address bookkeeping that flood limits count with. */
import { isLoopbackAddress } from './address'

/** Token bucket: `burst` units at once, refilled at `perSecond`. */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst
    this.last = now()
  }

  /** Takes `cost` tokens; false means the caller is over its rate (nothing is taken). */
  take(cost = 1): boolean {
    const t = this.now()
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond)
    this.last = t
    if (this.tokens < cost) return false
    this.tokens -= cost
    return true
  }
}

interface AddressEntry {
  connections: number
  messages: TokenBucket
}

/** An address whose connections were cut off this often within PENALTY_MS is refused for as long. */
const PENALTY_STRIKES = 2
const PENALTY_MS = 60_000

/**
 * Connections and messages per client address (an IPv4 address or IPv6 /64, see addressKey).
 * Loopback is not limited: on a single machine it is the user's own app, and behind a proxy
 * without TRUST_PROXY every client would look like one address.
 */
export class AddressLimits {
  private readonly entries = new Map<string, AddressEntry>()
  /** Recent cut-offs per address (times), and addresses refused until a time. */
  private readonly cutOffs = new Map<string, number[]>()
  private readonly refusedUntil = new Map<string, number>()

  constructor(
    private readonly options: { maxConnections: number; burst: number; perSecond: number },
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Notes that a connection of this address was closed for flooding. A persistent abuser
   * reconnects at once; the second cut-off within a minute keeps the address out for a minute.
   */
  penalize(key: string): void {
    if (isLoopbackAddress(key)) return
    const now = this.now()
    const recent = (this.cutOffs.get(key) ?? []).filter((t) => now - t < PENALTY_MS)
    recent.push(now)
    this.cutOffs.set(key, recent)
    if (recent.length >= PENALTY_STRIKES) {
      this.refusedUntil.set(key, now + PENALTY_MS)
      this.cutOffs.delete(key)
    }
    if (this.cutOffs.size > 100_000) this.cutOffs.clear()
    if (this.refusedUntil.size > 100_000) this.sweep()
  }

  /** Whether a new connection from this address is refused (too many open, or penalized). */
  refuses(key: string): boolean {
    if (isLoopbackAddress(key)) return false
    const until = this.refusedUntil.get(key)
    if (until !== undefined) {
      if (until > this.now()) return true
      this.refusedUntil.delete(key)
    }
    return this.connections(key) >= this.options.maxConnections
  }

  /** Forgets expired penalties. */
  sweep(): void {
    const now = this.now()
    for (const [key, until] of this.refusedUntil) if (until <= now) this.refusedUntil.delete(key)
  }

  /** Counts a new connection; false (and nothing counted) when the address is refused. */
  open(key: string): boolean {
    if (isLoopbackAddress(key)) return true
    if (this.refuses(key)) return false
    let entry = this.entries.get(key)
    if (!entry) {
      entry = {
        connections: 0,
        messages: new TokenBucket(this.options.burst, this.options.perSecond, this.now),
      }
      this.entries.set(key, entry)
    }
    entry.connections++
    return true
  }

  close(key: string): void {
    const entry = this.entries.get(key)
    if (!entry) return
    entry.connections--
    if (entry.connections <= 0) this.entries.delete(key)
  }

  /** One message from this address; false when all its connections together are over rate. */
  takeMessage(key: string): boolean {
    return this.entries.get(key)?.messages.take() ?? true
  }

  connections(key: string): number {
    return this.entries.get(key)?.connections ?? 0
  }
}

/** Bounded concurrency with a bounded queue: password checks, so scrypt cannot starve the server. */
export class Semaphore {
  private running = 0
  private readonly waiting: Array<() => void> = []

  constructor(
    private readonly max: number,
    private readonly maxQueue: number,
  ) {}

  /** Runs `task` when a slot is free; null (task not run) when the queue is full. */
  async run<T>(task: () => Promise<T>): Promise<T | null> {
    if (this.running >= this.max) {
      if (this.waiting.length >= this.maxQueue) return null
      await new Promise<void>((resolve) => this.waiting.push(resolve))
    } else {
      this.running++
    }
    try {
      return await task()
    } finally {
      const next = this.waiting.shift()
      if (next) next()
      else this.running--
    }
  }
}
