/**
 * The user's audio preferences: the microphone's processing (applied as getUserMedia
 * constraints), push-to-talk, and the speaker remote voices play on. Saved as JSON; what is
 * read back is validated field by field, so one bad or missing value (an older version, a
 * hand edit) falls back to its default without losing the others.
 */
import { z } from 'zod'

export interface AudioProcessing {
  echoCancellation: boolean
  noiseSuppression: boolean
  autoGainControl: boolean
}

export interface AudioSettings extends AudioProcessing {
  /** Microphone muted except while Space is held. */
  pushToTalk: boolean
  /** Output device for remote voices (HTMLMediaElement.setSinkId); null = system default. */
  speakerId: string | null
}

export const DEFAULT_AUDIO_SETTINGS: AudioSettings = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
  pushToTalk: false,
  speakerId: null,
}

const fields = {
  echoCancellation: z.boolean(),
  noiseSuppression: z.boolean(),
  autoGainControl: z.boolean(),
  pushToTalk: z.boolean(),
  // Device ids are opaque strings of bounded length (Chromium: 64 hex characters).
  speakerId: z.string().min(1).max(256).nullable(),
} satisfies { [K in keyof AudioSettings]: z.ZodType<AudioSettings[K]> }

export function parseSavedAudioSettings(raw: string | null): AudioSettings {
  if (raw === null) return { ...DEFAULT_AUDIO_SETTINGS }
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return { ...DEFAULT_AUDIO_SETTINGS }
  }
  if (typeof value !== 'object' || value === null) return { ...DEFAULT_AUDIO_SETTINGS }
  const record = value as Record<string, unknown>
  const settings: AudioSettings = { ...DEFAULT_AUDIO_SETTINGS }
  for (const key of Object.keys(fields) as (keyof AudioSettings)[]) {
    const parsed = fields[key].safeParse(record[key])
    if (parsed.success) Object.assign(settings, { [key]: parsed.data })
  }
  return settings
}

export function processingOf(settings: AudioProcessing): AudioProcessing {
  return {
    echoCancellation: settings.echoCancellation,
    noiseSuppression: settings.noiseSuppression,
    autoGainControl: settings.autoGainControl,
  }
}

export function sameProcessing(a: AudioProcessing, b: AudioProcessing): boolean {
  return (
    a.echoCancellation === b.echoCancellation &&
    a.noiseSuppression === b.noiseSuppression &&
    a.autoGainControl === b.autoGainControl
  )
}
