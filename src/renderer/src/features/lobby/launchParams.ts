import { ROOM_ID_MAX_LENGTH, ROOM_KEY_PATTERN } from '../../../../shared/limits'
import { isValidRoomId, normalizeRoomId } from '../../../../shared/text'
import { isLanguage, type Language } from '../../i18n/language'

export interface LaunchParams {
  /** Room to prefill, already made valid for the protocol, or null when absent or unusable. */
  room: string | null
  lang: Language | null
  /** Room key from the invite link's fragment (`#key=`), or null. */
  key: string | null
}

/**
 * Turns free text into a protocol-valid room id: NFC, and anything but letters, marks, digits,
 * `_` and `-` (spaces, symbols, invisible and bidi characters) becomes "-", runs of "-"
 * collapse, and the result is cut to 64 characters. Returns "" if nothing is left.
 */
export function sanitizeRoomName(input: string): string {
  const cleaned = normalizeRoomId(input.trim())
    .replace(/[^\p{L}\p{M}\p{N}_-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
  return [...cleaned].slice(0, ROOM_ID_MAX_LENGTH).join('')
}

export function isValidRoomName(room: string): boolean {
  return isValidRoomId(room)
}

/** Reads `#key=` from a location.hash string. */
export function parseInviteKey(hash: string): string | null {
  const key = new URLSearchParams(hash.replace(/^#/, '')).get('key')
  return key !== null && ROOM_KEY_PATTERN.test(key) ? key : null
}

/** Reads `?room=` and `?lang=` from a location.search string, and `#key=` from the hash. */
export function parseLaunchParams(search: string, hash = ''): LaunchParams {
  const params = new URLSearchParams(search)
  const rawRoom = params.get('room')
  const room = rawRoom === null ? '' : sanitizeRoomName(rawRoom)
  const lang = params.get('lang')
  return {
    room: room === '' ? null : room,
    lang: isLanguage(lang) ? lang : null,
    key: parseInviteKey(hash),
  }
}
