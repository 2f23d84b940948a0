import { describe, expect, it } from 'vitest'
import {
  DEFAULT_AUDIO_SETTINGS,
  parseSavedAudioSettings,
  sameProcessing,
  type AudioSettings,
} from './audioSettings'

describe('saved audio settings', () => {
  it('reads back what was saved', () => {
    const saved = {
      echoCancellation: false,
      noiseSuppression: true,
      autoGainControl: false,
      pushToTalk: true,
      speakerId: 'abc123',
    }
    expect(parseSavedAudioSettings(JSON.stringify(saved))).toEqual(saved)
  })

  it('falls back to defaults for nothing saved, junk, or a wrong shape', () => {
    expect(parseSavedAudioSettings(null)).toEqual(DEFAULT_AUDIO_SETTINGS)
    expect(parseSavedAudioSettings('{not json')).toEqual(DEFAULT_AUDIO_SETTINGS)
    expect(parseSavedAudioSettings('[1,2]')).toEqual(DEFAULT_AUDIO_SETTINGS)
    expect(parseSavedAudioSettings('"on"')).toEqual(DEFAULT_AUDIO_SETTINGS)
  })

  it('keeps every valid field when one is bad', () => {
    const raw = JSON.stringify({ echoCancellation: 'no', pushToTalk: true, speakerId: '' })
    expect(parseSavedAudioSettings(raw)).toEqual({ ...DEFAULT_AUDIO_SETTINGS, pushToTalk: true })
  })

  it('compares processing only', () => {
    const withPushToTalk: AudioSettings = { ...DEFAULT_AUDIO_SETTINGS, pushToTalk: true }
    expect(sameProcessing(DEFAULT_AUDIO_SETTINGS, withPushToTalk)).toBe(true)
    expect(
      sameProcessing(DEFAULT_AUDIO_SETTINGS, {
        ...DEFAULT_AUDIO_SETTINGS,
        noiseSuppression: false,
      }),
    ).toBe(false)
  })
})
