/**
 * Maps call and media errors from the store to translated strings. Pure, so the wording rules
 * (which problems are errors, which are just notices) are unit-tested.
 */
import type { StringKey, TranslateVars } from '../../i18n/translate'
import type { CallError, MediaErrorInfo } from '../../store/callStore'

export interface Message {
  key: StringKey
  vars?: TranslateVars
  /** A second sentence telling the user what to do. */
  hintKey?: StringKey
  /** "notice": informational (joining still works); "error": something failed. */
  tone: 'error' | 'notice'
}

const MEDIA_DEVICES = ['camera', 'microphone', 'camera+microphone', 'screen'] as const
const MEDIA_KINDS = {
  MEDIA_DENIED: 'denied',
  MEDIA_BUSY: 'busy',
  MEDIA_NOT_FOUND: 'not-found',
  MEDIA_UNSUPPORTED: 'unsupported',
  MEDIA_UNKNOWN: 'unknown',
} as const

export function describeCallError(error: CallError): Message {
  const params = error.params ?? {}
  switch (error.code) {
    case 'ROOM_FULL': {
      const capacity = params.capacity
      if (capacity === undefined) return { key: 'error.roomFullNoCount', tone: 'error' }
      return {
        key: 'error.roomFull',
        vars: { count: params.count ?? capacity, capacity },
        tone: 'error',
      }
    }
    case 'WRONG_PASSWORD':
      return { key: 'error.wrongPassword', tone: 'error' }
    case 'LOCKED_OUT':
      return { key: 'error.lockedOut', tone: 'error' }
    case 'RATE_LIMITED':
      return { key: 'error.rateLimited', tone: 'error' }
    case 'BAD_REQUEST':
      return { key: 'error.badRequest', vars: { detail: error.message }, tone: 'error' }
    case 'CONNECTION_FAILED':
    case 'TIMEOUT':
      return {
        key: 'error.serverUnreachable',
        hintKey: 'error.serverUnreachableHint',
        tone: 'error',
      }
    case 'KICKED':
      // Removed during the call, or refused on the way back in: the same fact for the user.
      return { key: 'notice.kicked', tone: 'error' }
    case 'INVITE_REQUIRED':
      return {
        key: 'security.inviteRequired',
        hintKey: 'security.inviteRequiredHint',
        tone: 'error',
      }
    case 'RESTARTING':
      return { key: 'security.restarting', hintKey: 'security.restartingHint', tone: 'error' }
    case 'MEDIA_DENIED':
    case 'MEDIA_BUSY':
    case 'MEDIA_NOT_FOUND':
    case 'MEDIA_UNSUPPORTED':
    case 'MEDIA_UNKNOWN': {
      const device = MEDIA_DEVICES.find((d) => d === params.device) ?? 'camera+microphone'
      const kind = MEDIA_KINDS[error.code]
      return (
        describeMediaError({ device, kind, message: error.message }) ?? {
          key: 'error.mediaUnknown',
          tone: 'error',
        }
      )
    }
    case 'SCREEN_SHARE_FAILED':
      return { key: 'error.screenShareFailed', tone: 'error' }
    default:
      return { key: 'error.unknown', vars: { detail: error.message }, tone: 'error' }
  }
}

/** A missing device is only a notice: joining without it works (receive-only). */
export function describeMediaError(error: MediaErrorInfo): Message | null {
  const { device, kind } = error
  if (device === 'screen') {
    // The user closing the picker is reported as "denied": not worth a message.
    return kind === 'denied' ? null : { key: 'error.screenShareFailed', tone: 'error' }
  }
  switch (kind) {
    case 'not-found':
      if (device === 'camera') return { key: 'notice.noCamera', tone: 'notice' }
      if (device === 'microphone') return { key: 'notice.noMicrophone', tone: 'notice' }
      return { key: 'notice.noDevices', tone: 'notice' }
    case 'busy':
      return device === 'microphone'
        ? { key: 'error.microphoneBusy', hintKey: 'error.microphoneBusyHint', tone: 'error' }
        : { key: 'error.cameraBusy', hintKey: 'error.cameraBusyHint', tone: 'error' }
    case 'denied': {
      const key: StringKey =
        device === 'camera'
          ? 'error.cameraDenied'
          : device === 'microphone'
            ? 'error.microphoneDenied'
            : 'error.mediaDenied'
      return { key, hintKey: 'error.mediaDeniedHint', tone: 'error' }
    }
    case 'unsupported':
      return { key: 'error.mediaUnsupported', tone: 'error' }
    default:
      return { key: 'error.mediaUnknown', tone: 'error' }
  }
}

/** The notice for devices that simply are not there, when no error says more. */
export function missingDeviceNotice(hasCamera: boolean, hasMicrophone: boolean): Message | null {
  if (!hasCamera && !hasMicrophone) return { key: 'notice.noDevices', tone: 'notice' }
  if (!hasCamera) return { key: 'notice.noCamera', tone: 'notice' }
  if (!hasMicrophone) return { key: 'notice.noMicrophone', tone: 'notice' }
  return null
}
