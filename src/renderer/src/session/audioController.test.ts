import { describe, expect, it } from 'vitest'
import { parseSavedAudioSettings, type AudioSettings } from '../media/audioSettings'
import type { LevelSample } from '../media/levelMeter'
import type { FakeTrack } from '../rtc/testing/fakeMedia'
import { createFakeMediaStream } from '../rtc/testing/fakeMedia'
import { createAudioStore } from '../store/audioStore'
import { createCallStore, type CallPhase } from '../store/callStore'
import { AudioController, type MeterLike } from './audioController'
import { LocalMediaController } from './localMediaController'
import { FakeMediaDevices } from './testing/fakeDevices'

/** A meter the test drives: which streams it meters, and samples on demand. */
class FakeMeter implements MeterLike {
  readonly tracked = new Map<string, MediaStream>()
  closed = false
  constructor(readonly onSample: (sample: LevelSample) => void) {}
  track(id: string, stream: MediaStream | null): void {
    if (stream) this.tracked.set(id, stream)
  }
  untrack(id: string): void {
    this.tracked.delete(id)
  }
  resumed = 0
  resume(): void {
    this.resumed++
  }
  close(): void {
    this.closed = true
  }
  speak(speaking: boolean, ticks = 1): void {
    for (let i = 0; i < ticks; i++) {
      const speakingById = Object.fromEntries([...this.tracked.keys()].map((id) => [id, speaking]))
      this.onSample({ levels: {}, speaking: speakingById })
    }
  }
}

function setup(options: { saved?: Partial<AudioSettings>; canChooseSpeaker?: boolean } = {}) {
  const callStore = createCallStore()
  const store = createAudioStore()
  const devices = new FakeMediaDevices()
  const saved: string[] = []
  const meters: FakeMeter[] = []
  let controller: AudioController | null = null
  const local = new LocalMediaController({
    store: callStore,
    mediaDevices: devices.asMediaDevices(),
    createMediaStream: createFakeMediaStream,
    onTrackChange: () => {},
    onStateChange: () => {},
    audioProcessing: () => (controller as AudioController).processing,
  })
  controller = new AudioController({
    store,
    callStore,
    microphone: local,
    mediaDevices: devices.asMediaDevices(),
    createMediaStream: createFakeMediaStream,
    createMeter: (onSample) => {
      const meter = new FakeMeter(onSample)
      meters.push(meter)
      return meter
    },
    storage: {
      load: () => (options.saved ? JSON.stringify(options.saved) : null),
      save: (value) => saved.push(value),
    },
    parse: parseSavedAudioSettings,
    canChooseSpeaker: options.canChooseSpeaker ?? true,
  })
  const phase = (next: CallPhase) => callStore.setState({ phase: next })
  const micTrack = () => local.audioTrack as unknown as FakeTrack | null
  return { callStore, store, devices, saved, meters, controller, local, phase, micTrack }
}

const lastAudioConstraints = (devices: FakeMediaDevices) =>
  devices.calls.filter((c) => c.audio).at(-1)?.audio as MediaTrackConstraints

describe('audio settings', () => {
  it('opens the microphone with the saved processing and reopens it when processing changes', async () => {
    const t = setup({ saved: { noiseSuppression: false } })
    await t.local.startPreview()
    expect(lastAudioConstraints(t.devices)).toMatchObject({
      echoCancellation: true,
      noiseSuppression: false,
      autoGainControl: true,
    })
    const first = t.micTrack()

    t.controller.api.setProcessing({ echoCancellation: false })
    await t.local.setAudioEnabled(true) // runs after the queued reopen
    expect(lastAudioConstraints(t.devices)).toMatchObject({ echoCancellation: false })
    expect(t.micTrack()).not.toBe(first)
    expect(first?.readyState).toBe('ended')
    expect(JSON.parse(t.saved.at(-1) ?? '{}')).toMatchObject({
      echoCancellation: false,
      noiseSuppression: false,
    })

    // Push-to-talk or the speaker are no reason to reopen the microphone.
    const calls = t.devices.calls.length
    t.controller.api.setSpeaker('speaker-2')
    t.controller.api.setPushToTalk(false)
    await t.local.setAudioEnabled(true)
    expect(t.devices.calls.length).toBe(calls)
    expect(t.store.getState().settings.speakerId).toBe('speaker-2')
  })

  it('lists speakers once the device lists are refreshed, only where they can be chosen', async () => {
    const yes = setup()
    await yes.local.startPreview()
    await expect
      .poll(() => yes.store.getState().speakers)
      .toEqual([{ deviceId: 'default', label: 'DEFAULT' }])
    expect(yes.store.getState().canChooseSpeaker).toBe(true)

    const no = setup({ canChooseSpeaker: false })
    await no.local.startPreview()
    expect(no.store.getState().speakers).toEqual([])
    expect(no.store.getState().canChooseSpeaker).toBe(false)
  })
})

describe("the muted hint ('You're muted')", () => {
  it('meters a clone of the muted microphone in a call and shows the hint while the user speaks', async () => {
    const t = setup()
    await t.local.startPreview()
    t.phase('joining')
    t.phase('in-call')
    expect(t.meters).toHaveLength(0) // unmuted: nothing is metered here

    await t.local.toggleAudio()
    const sent = t.micTrack()
    expect(sent?.enabled).toBe(false)
    const meter = t.meters[0]
    const stream = meter.tracked.get('muted-microphone')
    const clone = stream?.getAudioTracks()[0] as unknown as FakeTrack
    expect(clone).toBeDefined()
    expect(clone).not.toBe(sent)
    expect(clone.enabled).toBe(true)
    expect(meter.resumed).toBe(1) // a context made outside the click would hear silence

    meter.speak(true, 2)
    expect(t.store.getState().mutedSpeaking).toBe(false)
    meter.speak(true)
    expect(t.store.getState().mutedSpeaking).toBe(true)

    await t.local.toggleAudio()
    expect(t.store.getState().mutedSpeaking).toBe(false)
    expect(meter.tracked.size).toBe(0)
    expect(clone.readyState).toBe('ended')
    expect(sent?.readyState).toBe('live')
  })

  it('is not metered in the lobby or after leaving', async () => {
    const t = setup()
    await t.local.startPreview()
    await t.local.toggleAudio()
    expect(t.meters).toHaveLength(0)
    t.phase('joining')
    t.phase('in-call')
    expect(t.meters[0]?.tracked.size).toBe(1)
    t.phase('lobby')
    expect(t.meters[0]?.tracked.size).toBe(0)
    t.controller.dispose()
    expect(t.meters[0]?.closed).toBe(true)
  })
})

describe('push-to-talk', () => {
  it('mutes on joining and opens the microphone only while the key is held', async () => {
    const t = setup({ saved: { pushToTalk: true } })
    await t.local.startPreview()
    t.phase('joining')
    t.phase('in-call')
    await t.local.setAudioEnabled(false) // after the queued mute
    expect(t.callStore.getState().local.audioEnabled).toBe(false)

    t.controller.api.talk(true)
    expect(t.store.getState().talking).toBe(true)
    await expect.poll(() => t.callStore.getState().local.audioEnabled).toBe(true)
    expect(t.micTrack()?.enabled).toBe(true)

    t.controller.api.talk(false)
    expect(t.store.getState().talking).toBe(false)
    await expect.poll(() => t.callStore.getState().local.audioEnabled).toBe(false)
    expect(t.micTrack()?.enabled).toBe(false)
  })

  it('does nothing while the setting is off, and turning it on in a call mutes', async () => {
    const t = setup()
    await t.local.startPreview()
    t.phase('joining')
    t.phase('in-call')
    await t.local.toggleAudio() // muted by hand
    t.controller.api.talk(true)
    expect(t.store.getState().talking).toBe(false)
    expect(t.callStore.getState().local.audioEnabled).toBe(false)

    await t.local.toggleAudio() // unmuted
    t.controller.api.setPushToTalk(true)
    await expect.poll(() => t.callStore.getState().local.audioEnabled).toBe(false)
    expect(JSON.parse(t.saved.at(-1) ?? '{}')).toMatchObject({ pushToTalk: true })
  })

  it('releases on leaving', async () => {
    const t = setup({ saved: { pushToTalk: true } })
    await t.local.startPreview()
    t.phase('joining')
    t.phase('in-call')
    t.controller.api.talk(true)
    t.phase('lobby')
    expect(t.store.getState().talking).toBe(false)
  })
})
