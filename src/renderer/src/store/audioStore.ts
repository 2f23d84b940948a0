/**
 * Audio preferences and what the call shows about the microphone: the settings (processing,
 * push-to-talk, speaker), the speakers to choose from, "You're muted" and push-to-talk's
 * "talking". Written only by session/audioController; changes are rare (no per-tick data).
 */
import { createStore } from 'zustand/vanilla'
import { DEFAULT_AUDIO_SETTINGS, type AudioSettings } from '../media/audioSettings'
import type { DeviceOption } from '../media/types'

export interface AudioState {
  settings: AudioSettings
  /** Output devices (audiooutput), once the browser lists them. */
  speakers: DeviceOption[]
  /** The browser can route remote voices to a chosen output (HTMLMediaElement.setSinkId). */
  canChooseSpeaker: boolean
  /** Speech was heard on the microphone while it is muted (nothing is sent). */
  mutedSpeaking: boolean
  /** Push-to-talk: the key is held and the microphone is open. */
  talking: boolean
}

export function initialAudioState(): AudioState {
  return {
    settings: { ...DEFAULT_AUDIO_SETTINGS },
    speakers: [],
    canChooseSpeaker: false,
    mutedSpeaking: false,
    talking: false,
  }
}

export function createAudioStore() {
  return createStore<AudioState>()(() => initialAudioState())
}
export type AudioStore = ReturnType<typeof createAudioStore>

export const audioStore = createAudioStore()
