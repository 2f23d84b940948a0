/**
 * Audio settings and the microphone hints of a call; the only writer of audioStore.
 *
 * - Processing (echo cancellation, noise suppression, auto gain) is applied when the microphone
 *   opens (getUserMedia constraints); a change reopens an open microphone.
 * - "You're muted": while in a call with the microphone muted, a clone of the muted track (the
 *   sent one stays disabled, so nothing goes out) is metered locally; MutedSpeech decides when
 *   the hint shows.
 * - Push-to-talk: with the setting on, the microphone is muted in a call and open only while the
 *   talk key is held (the UI reports press and release).
 * - Speaker: the chosen output device; tiles apply it with setSinkId.
 */
import {
  processingOf,
  sameProcessing,
  type AudioProcessing,
  type AudioSettings,
} from '../media/audioSettings'
import type { LevelSample } from '../media/levelMeter'
import { MutedSpeech } from '../media/mutedSpeech'
import type { MediaDevicesLike } from '../media/localMedia'
import type { DeviceOption } from '../media/types'
import type { AudioStore } from '../store/audioStore'
import type { CallStore } from '../store/callStore'

export interface AudioApi {
  setProcessing(change: Partial<AudioProcessing>): void
  setPushToTalk(enabled: boolean): void
  setSpeaker(deviceId: string | null): void
  /** The push-to-talk key went down (true) or up (false). Ignored unless push-to-talk is on. */
  talk(held: boolean): void
}

/** The part of a level meter this needs (media/levelMeter.ts's LevelMeter). */
export interface MeterLike {
  track(id: string, stream: MediaStream | null): void
  untrack(id: string): void
  /** Starts a context the browser created suspended (autoplay policy). */
  resume(): void
  close(): void
}

/** The local microphone as LocalMediaController exposes it. */
export interface MicrophoneLike {
  readonly audioTrack: MediaStreamTrack | null
  setAudioEnabled(enabled: boolean): Promise<void>
  reopenMicrophone(): Promise<void>
}

export interface AudioControllerDeps {
  store: AudioStore
  callStore: CallStore
  microphone: MicrophoneLike
  mediaDevices: MediaDevicesLike | undefined
  createMediaStream: (tracks: MediaStreamTrack[]) => MediaStream
  createMeter: (onSample: (sample: LevelSample) => void) => MeterLike
  /** Where the settings are kept (localStorage in the app); none in tests by default. */
  storage?: { load(): string | null; save(value: string): void }
  parse: (raw: string | null) => AudioSettings
  canChooseSpeaker: boolean
}

const MUTED_KEY = 'muted-microphone'

export class AudioController {
  readonly api: AudioApi
  private readonly deps: AudioControllerDeps
  private readonly hint = new MutedSpeech()
  private meter: MeterLike | null = null
  /** The clone being metered, and the track it was cloned from. */
  private metered: { source: MediaStreamTrack; clone: MediaStreamTrack } | null = null
  private readonly unsubscribe: () => void

  constructor(deps: AudioControllerDeps) {
    this.deps = deps
    let saved: string | null = null
    try {
      saved = deps.storage?.load() ?? null
    } catch {
      // Storage refused (privacy mode): the defaults apply.
    }
    deps.store.setState({ settings: deps.parse(saved), canChooseSpeaker: deps.canChooseSpeaker })
    this.api = {
      setProcessing: (change) => this.setProcessing(change),
      setPushToTalk: (enabled) => this.setPushToTalk(enabled),
      setSpeaker: (deviceId) => this.update({ speakerId: deviceId }),
      talk: (held) => this.talk(held),
    }
    this.unsubscribe = deps.callStore.subscribe((state, prev) => {
      if (state.phase !== prev.phase && state.phase === 'in-call' && prev.phase === 'joining')
        this.enterCall()
      if (state.phase !== 'in-call' && prev.phase === 'in-call') this.setTalking(false)
      // The device lists were refreshed (permission granted, a device plugged in).
      if (state.local.microphones !== prev.local.microphones) void this.refreshSpeakers()
      this.followMutedMicrophone()
    })
  }

  get settings(): AudioSettings {
    return this.deps.store.getState().settings
  }

  get processing(): AudioProcessing {
    return processingOf(this.settings)
  }

  dispose(): void {
    this.unsubscribe()
    this.stopMetering()
    this.meter?.close()
    this.meter = null
  }

  private update(change: Partial<AudioSettings>): void {
    const settings = { ...this.settings, ...change }
    this.deps.store.setState({ settings })
    try {
      this.deps.storage?.save(JSON.stringify(settings))
    } catch {
      // Unsaved settings still apply until the app closes.
    }
  }

  private setProcessing(change: Partial<AudioProcessing>): void {
    const before = this.processing
    this.update(change)
    if (!sameProcessing(before, this.processing)) void this.deps.microphone.reopenMicrophone()
  }

  private setPushToTalk(enabled: boolean): void {
    this.update({ pushToTalk: enabled })
    this.setTalking(false)
    // Turned on in a call: the microphone closes until the key is held.
    if (enabled && this.inCall) void this.deps.microphone.setAudioEnabled(false)
  }

  private enterCall(): void {
    if (this.settings.pushToTalk) void this.deps.microphone.setAudioEnabled(false)
  }

  private talk(held: boolean): void {
    if (!this.settings.pushToTalk || !this.inCall || !this.deps.microphone.audioTrack) return
    if (held === this.deps.store.getState().talking) return
    this.setTalking(held)
    void this.deps.microphone.setAudioEnabled(held)
  }

  private setTalking(talking: boolean): void {
    if (this.deps.store.getState().talking !== talking) this.deps.store.setState({ talking })
  }

  private get inCall(): boolean {
    return this.deps.callStore.getState().phase === 'in-call'
  }

  /** Meters the microphone while it is muted in a call, and only then. */
  private followMutedMicrophone(): void {
    const { phase, local } = this.deps.callStore.getState()
    const track = this.deps.microphone.audioTrack
    const wanted =
      (phase === 'in-call' || phase === 'reconnecting') &&
      !local.audioEnabled &&
      track !== null &&
      track.readyState === 'live'
        ? track
        : null
    if (this.metered?.source === wanted) return
    this.stopMetering()
    if (!wanted) return
    // The clone has its own enabled flag: it hears the user while the sent track stays silent.
    const clone = wanted.clone()
    clone.enabled = true
    this.metered = { source: wanted, clone }
    this.meter ??= this.deps.createMeter((sample) => this.onSample(sample))
    this.meter.track(MUTED_KEY, this.deps.createMediaStream([clone]))
    // Muting happens in a click, but the meter may be created after an await: a context made
    // outside the gesture can start suspended and would hear only silence.
    this.meter.resume()
  }

  private stopMetering(): void {
    if (!this.metered) return
    this.meter?.untrack(MUTED_KEY)
    this.metered.clone.stop()
    this.metered = null
    this.hint.reset()
    if (this.deps.store.getState().mutedSpeaking) this.deps.store.setState({ mutedSpeaking: false })
  }

  private onSample({ speaking }: LevelSample): void {
    if (!this.metered) return
    const shown = this.hint.sample(speaking[MUTED_KEY] === true)
    if (shown !== this.deps.store.getState().mutedSpeaking)
      this.deps.store.setState({ mutedSpeaking: shown })
  }

  private async refreshSpeakers(): Promise<void> {
    const devices = this.deps.mediaDevices
    if (!this.deps.canChooseSpeaker || !devices) return
    let infos: MediaDeviceInfo[]
    try {
      infos = await devices.enumerateDevices()
    } catch {
      return
    }
    const speakers: DeviceOption[] = infos
      .filter((d) => d.kind === 'audiooutput' && d.deviceId !== '')
      // An empty label gets the UI's translated "Speaker N".
      .map((d) => ({ deviceId: d.deviceId, label: d.label }))
    this.deps.store.setState({ speakers })
  }
}
