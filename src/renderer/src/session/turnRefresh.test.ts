import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { scheduleTurnRefresh } from './turnRefresh'

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }))
afterEach(() => vi.useRealTimers())

const servers = (username: string) => [{ urls: 'turn:127.0.0.1:3478', username, credential: 'c' }]

describe('scheduleTurnRefresh', () => {
  it('refreshes at 80% of the lifetime and keeps going with the new expiry', async () => {
    const refresh = vi
      .fn()
      .mockResolvedValueOnce({ iceServers: servers('2'), iceServersExpireAt: 1000 + 2 * 600 })
      .mockResolvedValueOnce({ iceServers: servers('3'), iceServersExpireAt: 1000 + 3 * 600 })
    const apply = vi.fn()
    const stop = scheduleTurnRefresh({ expireAt: 1000 + 600, refresh, apply })
    await vi.advanceTimersByTimeAsync(479_000)
    expect(refresh).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(apply).toHaveBeenLastCalledWith(servers('2'))
    // The next expiry is 720 s away: refreshed again 576 s later.
    await vi.advanceTimersByTimeAsync(576_000)
    expect(apply).toHaveBeenLastCalledWith(servers('3'))
    stop()
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(refresh).toHaveBeenCalledTimes(2)
  })

  it('retries after a failure and does nothing without TURN', async () => {
    const refresh = vi
      .fn()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce({ iceServers: servers('2') })
    const apply = vi.fn()
    scheduleTurnRefresh({ expireAt: 1000 + 20, refresh, apply })
    await vi.advanceTimersByTimeAsync(16_000)
    expect(apply).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(30_000)
    expect(apply).toHaveBeenCalledWith(servers('2'))

    const none = vi.fn()
    scheduleTurnRefresh({ expireAt: undefined, refresh: none, apply })
    await vi.advanceTimersByTimeAsync(24 * 3600_000)
    expect(none).not.toHaveBeenCalled()
  })
})
