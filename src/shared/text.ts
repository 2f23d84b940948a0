/**
 * Text rules shared by the server (which enforces them) and clients (which apply them before
 * sending): room ids and display names.
 */
import { ROOM_ID_PATTERN } from './limits'

/** NFC form of a room id; the server compares ids in this form. */
export function normalizeRoomId(raw: string): string {
  return raw.normalize('NFC')
}

export function isValidRoomId(raw: string): boolean {
  return ROOM_ID_PATTERN.test(normalizeRoomId(raw))
}

/**
 * Characters never kept in a display name: controls (Cc), format characters (Cf: bidi
 * embeddings, overrides and isolates, zero-width spaces and joiners, the BOM), line and
 * paragraph separators, private-use and unassigned code points, and the blank "filler" letters
 * that render as nothing (Hangul fillers, Braille blank). These let a name reorder the text
 * around it, look empty, or imitate another name.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\u115F\u1160\u3164\uFFA0\u2800]/gu
const PICTOGRAPHIC = /\p{Extended_Pictographic}\uFE0F?$/u
const STARTS_PICTOGRAPHIC = /^\p{Extended_Pictographic}/u

/** A zero-width joiner inside an emoji sequence (👩‍💻) is kept; anywhere else it goes. */
function joinsEmoji(text: string, offset: number): boolean {
  return (
    PICTOGRAPHIC.test(text.slice(Math.max(0, offset - 3), offset)) &&
    STARTS_PICTOGRAPHIC.test(text.slice(offset + 1, offset + 3))
  )
}

/** NFC, invisible and direction-changing characters removed, runs of spaces collapsed. */
export function sanitizeDisplayName(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(INVISIBLE, (ch: string, offset: number, whole: string) =>
      ch === '\u200D' && joinsEmoji(whole, offset) ? ch : '',
    )
    .replace(/\s+/gu, ' ')
    .trim()
}
