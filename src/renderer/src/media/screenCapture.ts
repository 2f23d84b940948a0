/** Screen capture through getDisplayMedia (the browser's picker, or Moim's own in the desktop app). */
import type { MediaDevicesLike } from './localMedia'

export type ScreenQuality = 'text' | 'motion'

export interface ScreenPreset {
  video: MediaTrackConstraints
  contentHint: 'detail' | 'motion'
}

/** "text": sharp slides/code at low frame rate; "motion": smooth video at 30 fps. */
export const SCREEN_PRESETS: Record<ScreenQuality, ScreenPreset> = {
  text: {
    video: { width: { max: 1920 }, height: { max: 1080 }, frameRate: { ideal: 10, max: 15 } },
    contentHint: 'detail',
  },
  motion: {
    video: { width: { max: 1920 }, height: { max: 1080 }, frameRate: { ideal: 30, max: 30 } },
    contentHint: 'motion',
  },
}

export async function captureScreen(
  devices: MediaDevicesLike | undefined,
  quality: ScreenQuality,
  audio: boolean,
): Promise<MediaStream> {
  if (!devices || typeof devices.getDisplayMedia !== 'function') {
    throw Object.assign(new Error('Screen capture is not supported here.'), {
      name: 'NotSupportedError',
    })
  }
  const preset = SCREEN_PRESETS[quality]
  const stream = await devices.getDisplayMedia({ video: preset.video, audio })
  for (const track of stream.getVideoTracks()) track.contentHint = preset.contentHint
  for (const track of stream.getAudioTracks()) track.contentHint = 'music'
  return stream
}
