/** Maps getUserMedia/getDisplayMedia failures to the few kinds a person can act on. */
import type { MediaErrorKind } from './types'

export function classifyMediaError(error: unknown): MediaErrorKind {
  const name =
    error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)
      ? String((error as { name: unknown }).name)
      : ''
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied'
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy'
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return 'not-found'
    case 'TypeError':
    case 'NotSupportedError':
      return 'unsupported'
    default:
      return 'unknown'
  }
}

const DEVICE_LABEL = {
  camera: 'Camera',
  microphone: 'Microphone',
  'camera+microphone': 'Camera and microphone',
  screen: 'Screen capture',
} as const

/** English fallback text; the UI translates by kind + device. */
export function describeMediaError(
  device: keyof typeof DEVICE_LABEL,
  kind: MediaErrorKind,
): string {
  const what = DEVICE_LABEL[device]
  switch (kind) {
    case 'denied':
      return `${what}: permission denied.`
    case 'busy':
      return `${what} is in use by another application.`
    case 'not-found':
      return `${what}: no device found.`
    case 'unsupported':
      return `${what} is not available in this browser (a secure https:// page is required).`
    default:
      return `${what} could not be started.`
  }
}
