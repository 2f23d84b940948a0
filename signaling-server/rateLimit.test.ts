import { describe, expect, it } from 'vitest'
import { AddressLimits, Semaphore, TokenBucket } from './rateLimit'

describe('TokenBucket', () => {
  it('allows a burst, then refills at the sustained rate without exceeding the burst', () => {
    let now = 0
    const bucket = new TokenBucket(3, 2, () => now)
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ])
    now = 500 // half a second at 2/s = one token
    expect([bucket.take(), bucket.take()]).toEqual([true, false])
    now = 60_000
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ])
  })

  it('charges a cost (bytes) and refuses without taking anything when it does not fit', () => {
    const bucket = new TokenBucket(100, 10, () => 0)
    expect(bucket.take(60)).toBe(true)
    expect(bucket.take(60)).toBe(false)
    expect(bucket.take(40)).toBe(true)
  })
})

describe('AddressLimits', () => {
  it('caps connections and shares one message budget per address; loopback is exempt', () => {
    const limits = new AddressLimits({ maxConnections: 2, burst: 3, perSecond: 1 }, () => 0)
    expect([limits.open('203.0.113.1'), limits.open('203.0.113.1')]).toEqual([true, true])
    expect(limits.open('203.0.113.1')).toBe(false)
    expect(limits.open('203.0.113.2')).toBe(true)
    expect([1, 2, 3, 4].map(() => limits.takeMessage('203.0.113.1'))).toEqual([
      true,
      true,
      true,
      false,
    ])
    limits.close('203.0.113.1')
    expect(limits.open('203.0.113.1')).toBe(true)
    for (let i = 0; i < 100; i++) expect(limits.open('127.0.0.1')).toBe(true)
    expect(limits.takeMessage('127.0.0.1')).toBe(true)
  })
})

describe('AddressLimits penalties', () => {
  it('refuses an address cut off twice within a minute, for a minute; never loopback', () => {
    let now = 0
    const limits = new AddressLimits({ maxConnections: 5, burst: 1, perSecond: 1 }, () => now)
    limits.penalize('203.0.113.1')
    expect(limits.refuses('203.0.113.1')).toBe(false)
    now = 30_000
    limits.penalize('203.0.113.1')
    expect(limits.refuses('203.0.113.1')).toBe(true)
    expect(limits.open('203.0.113.1')).toBe(false)
    now = 90_001
    expect(limits.refuses('203.0.113.1')).toBe(false)
    limits.penalize('127.0.0.1')
    limits.penalize('127.0.0.1')
    expect(limits.refuses('127.0.0.1')).toBe(false)
  })
})

describe('Semaphore', () => {
  it('runs at most `max` tasks at once and refuses beyond the queue', async () => {
    const sem = new Semaphore(2, 1)
    let running = 0
    let peak = 0
    const release: Array<() => void> = []
    const task = () =>
      new Promise<string>((resolve) => {
        running++
        peak = Math.max(peak, running)
        release.push(() => {
          running--
          resolve('done')
        })
      })
    const runs = [sem.run(task), sem.run(task), sem.run(task), sem.run(task)]
    expect(await runs[3]).toBeNull()
    await Promise.resolve()
    expect(running).toBe(2)
    while (release.length > 0 || running > 0) {
      release.shift()?.()
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(await Promise.all(runs.slice(0, 3))).toEqual(['done', 'done', 'done'])
    expect(peak).toBe(2)
  })
})
