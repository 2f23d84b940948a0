import type { CallError, MediaErrorInfo } from '../store/callStore'
import { SignalingError } from '../signaling/signalingClient'

/** A signaling failure as the UI shows it (translated by code; params fill the message). */
export function callErrorFromSignaling(error: unknown): CallError {
  if (error instanceof SignalingError) {
    const params: Record<string, number> = {}
    if (error.details?.capacity !== undefined) params.capacity = error.details.capacity
    if (error.details?.retryAfterMs !== undefined) params.retryAfterMs = error.details.retryAfterMs
    return Object.keys(params).length > 0
      ? { code: error.code, message: error.message, params }
      : { code: error.code, message: error.message }
  }
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) }
}

const MEDIA_CODES = {
  denied: 'MEDIA_DENIED',
  busy: 'MEDIA_BUSY',
  'not-found': 'MEDIA_NOT_FOUND',
  unsupported: 'MEDIA_UNSUPPORTED',
  unknown: 'MEDIA_UNKNOWN',
} as const

export function callErrorFromMedia(error: MediaErrorInfo): CallError {
  return { code: MEDIA_CODES[error.kind], message: error.message, params: { device: error.device } }
}
