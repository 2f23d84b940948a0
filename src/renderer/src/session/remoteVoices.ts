/**
 * Remote voices on the level meter (speaking indicators). A voice is metered a moment after its
 * link connects: no audio flows before that, and setting up its WebAudio source is a long
 * main-thread task that would otherwise land between the connection and the first video frames.
 * A replaced stream of a voice already metered is metered at once.
 */
interface VoiceMeter {
  track(key: string, stream: MediaStream | null): void
  untrack(key: string): void
}

export interface RemoteVoicesDeps {
  meter: VoiceMeter
  delayMs: number
  /** The peer's current camera stream in the current call, or null. */
  streamOf: (peerId: string) => MediaStream | null
}

export class RemoteVoices {
  /** Peers whose voice is metered (null), or about to be (the pending timer). */
  private readonly metered = new Map<string, ReturnType<typeof setTimeout> | null>()

  constructor(private readonly deps: RemoteVoicesDeps) {}

  /** The peer's link status or camera changed. */
  refresh(peerId: string, connected: boolean): void {
    const stream = this.deps.streamOf(peerId)
    if (!connected || !stream) return
    const state = this.metered.get(peerId)
    if (state === undefined) {
      const timer = setTimeout(() => {
        this.metered.set(peerId, null)
        const current = this.deps.streamOf(peerId)
        if (current) this.deps.meter.track(peerId, current)
      }, this.deps.delayMs)
      this.metered.set(peerId, timer)
    } else if (state === null) {
      this.deps.meter.track(peerId, stream)
    }
  }

  forget(peerId: string): void {
    const timer = this.metered.get(peerId)
    if (timer) clearTimeout(timer)
    this.metered.delete(peerId)
    this.deps.meter.untrack(peerId)
  }

  clear(): void {
    for (const peerId of [...this.metered.keys()]) this.forget(peerId)
  }
}
