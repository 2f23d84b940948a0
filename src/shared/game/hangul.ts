/**
 * Hangul helpers for the game rules. A precomposed syllable (가-힣) is one code point, so a
 * syllable is the unit of masking and hints; closeness is judged on its jamo, so 강 and 감
 * (one final consonant apart) are one edit apart while 강 and 문 are not.
 */

const SYLLABLE_FIRST = 0xac00
const SYLLABLE_LAST = 0xd7a3

export function isHangulSyllable(ch: string): boolean {
  const code = ch.codePointAt(0)
  return code !== undefined && code >= SYLLABLE_FIRST && code <= SYLLABLE_LAST
}

export function containsHangul(text: string): boolean {
  for (const ch of text) if (isHangulSyllable(ch)) return true
  return false
}

/**
 * Syllables split into their leading consonant, vowel and optional final consonant (Unicode
 * canonical decomposition gives exactly these conjoining jamo); other text is left as it is.
 */
export function decomposeHangul(text: string): string {
  return text.normalize('NFD')
}
