import { describe, expect, it } from 'vitest'
import { TokenBucket } from './rateLimit'

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
})
