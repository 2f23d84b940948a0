import { ROOM_ID_PATTERN } from '../../../../shared/limits'
import { isLanguage, type Language } from '../../i18n/language'

export interface LaunchParams {
  /** Room to prefill, already made valid for the protocol, or null when absent or unusable. */
  room: string | null
  lang: Language | null
}

const ROOM_MAX = 64

/**
 * Turns free text into a protocol-valid room id: spaces and other characters become "-",
 * runs of "-" collapse, and the result is cut to 64 characters. Returns "" if nothing is left.
 */
export function sanitizeRoomName(input: string): string {
  return input
    .trim()
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, ROOM_MAX)
}

export function isValidRoomName(room: string): boolean {
  return ROOM_ID_PATTERN.test(room)
}

/** Reads `?room=` and `?lang=` from a location.search string. */
export function parseLaunchParams(search: string): LaunchParams {
  const params = new URLSearchParams(search)
  const rawRoom = params.get('room')
  const room = rawRoom === null ? '' : sanitizeRoomName(rawRoom)
  const lang = params.get('lang')
  return { room: room === '' ? null : room, lang: isLanguage(lang) ? lang : null }
}
