/**
 * File names that came from another peer, made safe to show and to save on any system: no path
 * separators (a name can never climb out of the folder it is saved in), no control or bidi
 * characters (a name cannot disguise its extension), no characters Windows refuses, no names
 * Windows reserves for devices, no trailing dots or spaces, and a bounded length.
 */

/** UTF-16 code units kept of a name (most file systems allow 255 bytes). */
export const FILE_NAME_MAX = 120
export const FALLBACK_FILE_NAME = 'file'

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g
const FORBIDDEN = /[/\\:*?"<>|]/g
/** CON, PRN, AUX, NUL, COM1-9, LPT1-9 (also with superscript digits), with any extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i

export function sanitizeFileName(raw: string): string {
  let name = raw.normalize('NFC').replace(CONTROL, '').replace(FORBIDDEN, '_').trim()
  name = name.replace(/[. ]+$/, '').replace(/^\.+/, '')
  if (name.length > FILE_NAME_MAX) {
    const dot = name.lastIndexOf('.')
    const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : ''
    name = name.slice(0, FILE_NAME_MAX - ext.length).replace(/[\uD800-\uDBFF]$/, '') + ext
  }
  if (RESERVED.test(name)) name = `_${name}`
  return name.length > 0 ? name : FALLBACK_FILE_NAME
}
