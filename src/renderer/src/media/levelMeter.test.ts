import { afterEach, describe, expect, it, vi } from 'vitest'
import { asStream, FakeStream, FakeTrack } from '../rtc/testing/fakeMedia'
import { LevelMeter, windowSize, type LevelSample } from './levelMeter'

/** An AudioContext whose analysers report whatever amplitude the test sets per stream. */
function fakeAudio() {
  const amplitude = new Map<string, number>()
  let connected = 0
  const context = {
    state: 'running',
    createMediaStreamSource(stream: FakeStream) {
      const node = {
        streamId: stream.id,
        connect: () => connected++,
        disconnect: () => connected--,
      }
      return node
    },
    createAnalyser() {
      const analyser = {
        fftSize: 2048,
        source: null as null | { streamId: string },
        getFloatTimeDomainData(buffer: Float32Array) {
          buffer.fill(amplitude.get(analyser.source?.streamId ?? '') ?? 0)
        },
        disconnect: () => {},
      }
      return analyser
    },
    resume: vi.fn(async () => {}),
    close: vi.fn(async () => {}),
  }
  // Wire each analyser to the source created just before it (the meter's order).
  const createSource = context.createMediaStreamSource
  let lastSource: { streamId: string } | null = null
  context.createMediaStreamSource = (stream: FakeStream) => (lastSource = createSource(stream))
  const createAnalyser = context.createAnalyser
  context.createAnalyser = () => {
    const a = createAnalyser()
    a.source = lastSource
    return a
  }
  return { context, amplitude, connections: () => connected }
}

afterEach(() => vi.useRealTimers())

describe('LevelMeter', () => {
  it('samples levels at its interval and holds "speaking" briefly after the voice stops', () => {
    vi.useFakeTimers()
    const audio = fakeAudio()
    const samples: LevelSample[] = []
    const meter = new LevelMeter({
      createAudioContext: () => audio.context as unknown as AudioContext,
      onSample: (s) => samples.push(s),
      intervalMs: 100,
      threshold: 0.05,
      holdTicks: 3,
    })
    const stream = new FakeStream([new FakeTrack('audio')])
    meter.track('p1', asStream(stream))
    audio.amplitude.set(stream.id, 0.2)
    vi.advanceTimersByTime(100)
    expect(samples.at(-1)).toEqual({
      levels: { p1: expect.closeTo(0.2, 5) },
      speaking: { p1: true },
    })
    audio.amplitude.set(stream.id, 0)
    vi.advanceTimersByTime(200)
    expect(samples.at(-1)?.speaking.p1).toBe(true)
    vi.advanceTimersByTime(100)
    expect(samples.at(-1)?.speaking.p1).toBe(false)
    expect(samples).toHaveLength(4)
  })

  it('ignores streams without audio, stops its timer when nothing is metered, and tolerates no WebAudio', () => {
    vi.useFakeTimers()
    const audio = fakeAudio()
    const meter = new LevelMeter({
      createAudioContext: () => audio.context as unknown as AudioContext,
      onSample: () => {},
    })
    meter.track('video-only', asStream(new FakeStream([new FakeTrack('video')])))
    expect(vi.getTimerCount()).toBe(0)
    meter.track('p1', asStream(new FakeStream([new FakeTrack('audio')])))
    expect(vi.getTimerCount()).toBe(1)
    expect(audio.connections()).toBe(1)
    meter.untrack('p1')
    expect(vi.getTimerCount()).toBe(0)
    expect(audio.connections()).toBe(0)
    meter.close()
    expect(audio.context.close).toHaveBeenCalled()

    const none = new LevelMeter({ createAudioContext: () => null, onSample: () => {} })
    none.track('p1', asStream(new FakeStream([new FakeTrack('audio')])))
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('the meter window', () => {
  it('covers a whole tick, so a short beep between two ticks is heard', () => {
    expect(windowSize(48_000, 100)).toBe(8192)
    expect(windowSize(44_100, 100)).toBe(8192)
    expect(windowSize(48_000, 5)).toBe(512)

    vi.useFakeTimers()
    const samples: LevelSample[] = []
    const context = {
      state: 'running',
      sampleRate: 48_000,
      createMediaStreamSource: () => ({ connect: () => {}, disconnect: () => {} }),
      createAnalyser: () => ({
        fftSize: 0,
        disconnect: () => {},
        // 20 ms of beep (960 samples at 0.2) somewhere in the last 100 ms, silence around it.
        getFloatTimeDomainData(buffer: Float32Array) {
          buffer.fill(0)
          buffer.fill(0.2, 3000, 3960)
        },
      }),
      resume: async () => {},
      close: async () => {},
    }
    const meter = new LevelMeter({
      createAudioContext: () => context as unknown as AudioContext,
      onSample: (s) => samples.push(s),
    })
    meter.track('a', asStream(new FakeStream([new FakeTrack('audio')])))
    vi.advanceTimersByTime(100)
    expect(samples[0]?.levels.a).toBeGreaterThan(0.15)
    expect(samples[0]?.speaking.a).toBe(true)
    meter.close()
  })
})
