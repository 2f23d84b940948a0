/**
 * Camera and microphone acquisition. Asks for both at once (one permission prompt) and, if that
 * fails, for each alone so a busy camera never costs the microphone too.
 */
import type { AudioProcessing } from './audioSettings'
import type { DeviceOption, MediaErrorInfo } from './types'
import { classifyMediaError, describeMediaError } from './mediaErrors'

export type MediaDevicesLike = Pick<
  MediaDevices,
  'getUserMedia' | 'enumerateDevices' | 'addEventListener' | 'removeEventListener'
> &
  Partial<Pick<MediaDevices, 'getDisplayMedia'>>

export interface AcquireRequest {
  audio: boolean
  video: boolean
  microphoneId?: string | null
  cameraId?: string | null
  /** Echo cancellation, noise suppression, auto gain as the user set them (default: all on). */
  processing?: AudioProcessing
}

export interface AcquireResult {
  audio: MediaStreamTrack | null
  video: MediaStreamTrack | null
  /** Set when a requested device could not be opened. */
  error: MediaErrorInfo | null
}

export const VIDEO_CONSTRAINTS: MediaTrackConstraints = {
  width: { ideal: 1280 },
  height: { ideal: 720 },
  frameRate: { ideal: 30, max: 30 },
}

export const AUDIO_CONSTRAINTS: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
}

function constraint(base: MediaTrackConstraints, deviceId?: string | null): MediaTrackConstraints {
  return deviceId ? { ...base, deviceId: { exact: deviceId } } : base
}

export async function acquireUserMedia(
  devices: MediaDevicesLike | undefined,
  request: AcquireRequest,
): Promise<AcquireResult> {
  const none: AcquireResult = { audio: null, video: null, error: null }
  if (!request.audio && !request.video) return none
  const device =
    request.audio && request.video ? 'camera+microphone' : request.audio ? 'microphone' : 'camera'
  if (!devices || typeof devices.getUserMedia !== 'function') {
    return {
      ...none,
      error: { device, kind: 'unsupported', message: describeMediaError(device, 'unsupported') },
    }
  }
  const audio = request.audio
    ? constraint({ ...AUDIO_CONSTRAINTS, ...request.processing }, request.microphoneId)
    : false
  const video = request.video ? constraint(VIDEO_CONSTRAINTS, request.cameraId) : false
  try {
    const stream = await devices.getUserMedia({ audio, video })
    return {
      audio: stream.getAudioTracks()[0] ?? null,
      video: stream.getVideoTracks()[0] ?? null,
      error: null,
    }
  } catch (error) {
    if (!(request.audio && request.video)) {
      const kind = classifyMediaError(error)
      const chosenId = request.audio ? request.microphoneId : request.cameraId
      if (kind === 'not-found' && chosenId) {
        // The remembered device is gone (unplugged, or ids reset): use the default one.
        return acquireUserMedia(devices, { ...request, microphoneId: null, cameraId: null })
      }
      return { ...none, error: { device, kind, message: describeMediaError(device, kind) } }
    }
  }
  // Both together failed: find out which one is the problem and keep the other.
  const [mic, cam] = await Promise.all([
    acquireUserMedia(devices, { ...request, video: false }),
    acquireUserMedia(devices, { ...request, audio: false }),
  ])
  const error =
    mic.error && cam.error ? mergeErrors(mic.error, cam.error) : (cam.error ?? mic.error)
  return { audio: mic.audio, video: cam.video, error }
}

function mergeErrors(mic: MediaErrorInfo, cam: MediaErrorInfo): MediaErrorInfo {
  if (mic.kind === cam.kind) {
    return {
      device: 'camera+microphone',
      kind: cam.kind,
      message: describeMediaError('camera+microphone', cam.kind),
    }
  }
  // Different problems: the camera one is what people notice (blank tile), report it.
  return cam
}

export interface DeviceLists {
  cameras: DeviceOption[]
  microphones: DeviceOption[]
}

export async function listDevices(devices: MediaDevicesLike | undefined): Promise<DeviceLists> {
  if (!devices || typeof devices.enumerateDevices !== 'function')
    return { cameras: [], microphones: [] }
  let infos: MediaDeviceInfo[]
  try {
    infos = await devices.enumerateDevices()
  } catch {
    return { cameras: [], microphones: [] }
  }
  const pick = (kind: MediaDeviceKind, fallback: string): DeviceOption[] =>
    infos
      // Before permission is granted, browsers report devices with empty ids: not selectable.
      .filter((d) => d.kind === kind && d.deviceId !== '')
      .map((d, index) => ({ deviceId: d.deviceId, label: d.label || `${fallback} ${index + 1}` }))
  return { cameras: pick('videoinput', 'Camera'), microphones: pick('audioinput', 'Microphone') }
}

/** Calls onChange when devices are plugged/unplugged; returns the unsubscribe. */
export function watchDevices(
  devices: MediaDevicesLike | undefined,
  onChange: () => void,
): () => void {
  if (!devices || typeof devices.addEventListener !== 'function') return () => {}
  devices.addEventListener('devicechange', onChange)
  return () => devices.removeEventListener('devicechange', onChange)
}
