/**
 * Voice activity for many streams with one AudioContext and one timer: each tick takes the
 * loudest ~10 ms block (RMS) of the audio since the previous tick, with a short hold so the
 * highlight doesn't flicker. Looking at the whole interval rather than a 10 ms snapshot means a
 * short sound between two ticks is not missed, and a periodic one (a beep every 500 ms, as
 * Chromium's fake microphone makes) cannot fall between the ticks for good.
 */

/** Samples per RMS block: about 10 ms at 48 kHz. */
const BLOCK = 512

/** The analyser window: a power of two covering one tick at this sample rate. */
export function windowSize(sampleRate: number, intervalMs: number): number {
  const wanted = (sampleRate * intervalMs) / 1000
  let size = BLOCK
  while (size < wanted && size < 32768) size *= 2
  return size
}
export interface LevelSample {
  levels: Record<string, number>
  speaking: Record<string, boolean>
}

export interface LevelMeterOptions {
  createAudioContext: () => AudioContext | null
  onSample: (sample: LevelSample) => void
  intervalMs?: number
  /** RMS level (0..1) of the loudest ~10 ms block above which someone counts as speaking. */
  threshold?: number
  /** Ticks below threshold before speaking turns off. */
  holdTicks?: number
}

interface Source {
  node: MediaStreamAudioSourceNode
  analyser: AnalyserNode
  buffer: Float32Array<ArrayBuffer>
  quietTicks: number
  speaking: boolean
  trackId: string
}

export class LevelMeter {
  private readonly options: Required<LevelMeterOptions>
  private context: AudioContext | null = null
  private readonly sources = new Map<string, Source>()
  private timer: ReturnType<typeof setInterval> | null = null

  constructor(options: LevelMeterOptions) {
    this.options = { intervalMs: 100, threshold: 0.03, holdTicks: 5, ...options }
  }

  /** Starts metering the first audio track of stream under id (replacing a previous one). */
  track(id: string, stream: MediaStream | null): void {
    const audio = stream?.getAudioTracks()[0]
    const current = this.sources.get(id)
    if (current && audio && current.trackId === audio.id) return
    this.untrack(id)
    if (!stream || !audio) return
    const context = this.ensureContext()
    if (!context) return
    // Streams given here carry one audio track (camera streams), which the source node picks.
    const node = context.createMediaStreamSource(stream)
    const analyser = context.createAnalyser()
    analyser.fftSize = windowSize(context.sampleRate || 48_000, this.options.intervalMs)
    node.connect(analyser)
    this.sources.set(id, {
      node,
      analyser,
      buffer: new Float32Array(analyser.fftSize),
      quietTicks: 0,
      speaking: false,
      trackId: audio.id,
    })
    this.ensureTimer()
  }

  untrack(id: string): void {
    const source = this.sources.get(id)
    if (!source) return
    source.node.disconnect()
    source.analyser.disconnect()
    this.sources.delete(id)
    if (this.sources.size === 0) this.stopTimer()
  }

  /** Browsers start AudioContexts suspended until a user gesture; call from click handlers. */
  resume(): void {
    if (this.context?.state === 'suspended') void this.context.resume().catch(() => {})
  }

  close(): void {
    for (const id of [...this.sources.keys()]) this.untrack(id)
    this.stopTimer()
    void this.context?.close().catch(() => {})
    this.context = null
  }

  private ensureContext(): AudioContext | null {
    if (!this.context) this.context = this.options.createAudioContext()
    return this.context
  }

  private ensureTimer(): void {
    if (!this.timer) this.timer = setInterval(() => this.sample(), this.options.intervalMs)
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  private sample(): void {
    const levels: Record<string, number> = {}
    const speaking: Record<string, boolean> = {}
    for (const [id, source] of this.sources) {
      source.analyser.getFloatTimeDomainData(source.buffer)
      const level = loudestBlock(source.buffer)
      if (level >= this.options.threshold) {
        source.speaking = true
        source.quietTicks = 0
      } else if (source.speaking && ++source.quietTicks >= this.options.holdTicks) {
        source.speaking = false
      }
      levels[id] = level
      speaking[id] = source.speaking
    }
    this.options.onSample({ levels, speaking })
  }
}

/** RMS of the loudest block of samples (0..1). */
function loudestBlock(samples: Float32Array): number {
  let loudest = 0
  for (let start = 0; start < samples.length; start += BLOCK) {
    const end = Math.min(samples.length, start + BLOCK)
    let sum = 0
    for (let i = start; i < end; i++) sum += samples[i] * samples[i]
    loudest = Math.max(loudest, sum / (end - start))
  }
  return Math.min(1, Math.sqrt(loudest))
}
