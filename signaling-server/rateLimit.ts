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

/**
 * Connections and messages per client address (an IPv4 address or IPv6 /64, see addressKey).
 * Loopback is not limited: on a single machine it is the user's own app, and behind a proxy
 * without TRUST_PROXY every client would look like one address.
 */
export class AddressLimits {
  private readonly entries = new Map<string, AddressEntry>()

  constructor(
    private readonly options: { maxConnections: number; burst: number; perSecond: number },
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Counts a new connection; false (and nothing counted) when the address has too many. */
  open(key: string): boolean {
    if (isLoopbackAddress(key)) return true
    let entry = this.entries.get(key)
    if (!entry) {
      entry = {
        connections: 0,
        messages: new TokenBucket(this.options.burst, this.options.perSecond, this.now),
      }
      this.entries.set(key, entry)
    }
    if (entry.connections >= this.options.maxConnections) return false
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
