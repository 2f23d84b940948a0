import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RemoteVoices } from './remoteVoices'

const stream = (id: string) => ({ id }) as unknown as MediaStream

describe('RemoteVoices', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  function setup() {
    const meter = { track: vi.fn(), untrack: vi.fn() }
    const streams = new Map<string, MediaStream>()
    const voices = new RemoteVoices({
      meter,
      delayMs: 1_000,
      streamOf: (peerId) => streams.get(peerId) ?? null,
    })
    return { meter, streams, voices }
  }

  it('meters a voice a moment after its link connects, and a replaced stream at once', () => {
    const { meter, streams, voices } = setup()
    streams.set('p', stream('a'))
    voices.refresh('p', false)
    voices.refresh('p', true)
    voices.refresh('p', true)
    expect(meter.track).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1_000)
    expect(meter.track).toHaveBeenCalledTimes(1)
    streams.set('p', stream('b'))
    voices.refresh('p', true)
    expect(meter.track).toHaveBeenLastCalledWith('p', stream('b'))
  })

  it('forgets pending and metered voices without leaving timers', () => {
    const { meter, streams, voices } = setup()
    streams.set('p', stream('a'))
    streams.set('q', stream('b'))
    voices.refresh('p', true)
    voices.refresh('q', true)
    voices.forget('p')
    voices.clear()
    expect(vi.getTimerCount()).toBe(0)
    expect(meter.untrack).toHaveBeenCalledWith('p')
    expect(meter.untrack).toHaveBeenCalledWith('q')
    expect(meter.track).not.toHaveBeenCalled()
  })
})
