import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LinkFigures } from './linkStats'
import { StatsPoller, type StatsSource } from './statsPoller'
import { chromiumReport } from './testing/statsFixtures'

function source(): StatsSource & { calls: number } {
  let at = 0
  const s = {
    calls: 0,
    getStats: () => {
      s.calls++
      at += 2_000
      return Promise.resolve(chromiumReport({ at, cameraBytesOut: at * 10 }))
    },
  }
  return s
}

describe('StatsPoller', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  function poller() {
    const seen: [string, LinkFigures][] = []
    const p = new StatsPoller({
      onFigures: (id, figures) => seen.push([id, figures]),
      cameraTrackId: () => 'camera-track',
    })
    return { p, seen }
  }

  it('holds no timer without links', () => {
    const { p } = poller()
    expect(p.timerCount).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('reads each link once per interval and reports rates from the second read', async () => {
    const { p, seen } = poller()
    const a = source()
    const b = source()
    p.add('a', a)
    p.add('b', b)
    expect(vi.getTimerCount()).toBe(1)
    await vi.advanceTimersByTimeAsync(2_000)
    expect([a.calls, b.calls]).toEqual([1, 1])
    await vi.advanceTimersByTimeAsync(2_000)
    expect([a.calls, b.calls]).toEqual([2, 2])
    const last = seen.filter(([id]) => id === 'a').at(-1)?.[1]
    expect(last?.cameraBitrateOut).toBe(80_000)
  })

  it('stops its timer when the last link goes', async () => {
    const { p } = poller()
    const a = source()
    p.add('a', a)
    await vi.advanceTimersByTimeAsync(2_000)
    p.remove('a')
    expect(p.timerCount).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(a.calls).toBe(1)
  })

  it('leaves no timer after stop, even with a read in flight', async () => {
    const { p, seen } = poller()
    let resolve: (r: Map<string, Record<string, unknown>>) => void = () => {}
    p.add('a', { getStats: () => new Promise((r) => (resolve = r)) })
    await vi.advanceTimersByTimeAsync(2_000)
    p.stop()
    resolve(chromiumReport({ at: 1 }))
    await vi.advanceTimersByTimeAsync(10_000)
    expect(vi.getTimerCount()).toBe(0)
    expect(seen).toEqual([])
  })

  it('drops the figures of a link removed while its report was on the way', async () => {
    const { p, seen } = poller()
    let resolve: (r: Map<string, Record<string, unknown>>) => void = () => {}
    p.add('a', { getStats: () => new Promise((r) => (resolve = r)) })
    p.add('b', source())
    await vi.advanceTimersByTimeAsync(2_000)
    p.remove('a')
    resolve(chromiumReport({ at: 1 }))
    await vi.advanceTimersByTimeAsync(0)
    expect(seen.map(([id]) => id)).toEqual(['b'])
    p.stop()
  })

  it('keeps going when one link fails to report', async () => {
    const { p, seen } = poller()
    p.add('bad', { getStats: () => Promise.reject(new Error('closed')) })
    p.add('good', source())
    await vi.advanceTimersByTimeAsync(4_000)
    expect(seen.map(([id]) => id)).toEqual(['good', 'good'])
    p.stop()
    expect(vi.getTimerCount()).toBe(0)
  })
})
