/** Up to two initials: first letters of the first and last words ("Kim Min-jun" -> "KM"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return '?'
  const first = Array.from(words[0])[0] ?? ''
  if (words.length === 1) {
    // Hangul names are usually written without spaces: two syllables read better than one.
    const chars = Array.from(words[0])
    return /^[\uac00-\ud7a3]/.test(chars[0] ?? '')
      ? chars.slice(0, 2).join('')
      : first.toUpperCase()
  }
  const last = Array.from(words[words.length - 1])[0] ?? ''
  return (first + last).toUpperCase()
}

/** A stable hue per name so each friend keeps their colour across calls. */
export function avatarHue(name: string): number {
  let hash = 0
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0
  return hash % 360
}
