/**
 * Judging a guess against the word: the same rules on the server (which decides) and in tests.
 * Case, spacing, hyphens and Unicode form never make a right guess wrong.
 */
import { decomposeHangul } from './hangul'

export type GuessVerdict = 'correct' | 'close' | 'wrong'

/** The form guesses and words are compared in. */
export function canonicalGuess(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\-‐‑'’.]+/gu, '')
}

/** True when a and b (as code point lists) differ by at most one insertion, deletion or substitution. */
export function withinOneEdit(a: readonly string[], b: readonly string[]): boolean {
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  let j = 0
  let edits = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++
      j++
      continue
    }
    if (++edits > 1) return false
    if (a.length > b.length) i++
    else if (b.length > a.length) j++
    else {
      i++
      j++
    }
  }
  edits += a.length - i + (b.length - j)
  return edits <= 1
}

export function judgeGuess(guess: string, word: string): GuessVerdict {
  const g = canonicalGuess(guess)
  const w = canonicalGuess(word)
  if (g.length === 0) return 'wrong'
  if (g === w) return 'correct'
  // Hangul is compared on jamo: one wrong stroke of a syllable is one edit, not a whole syllable.
  if (withinOneEdit([...decomposeHangul(g)], [...decomposeHangul(w)])) return 'close'
  return 'wrong'
}

/**
 * A wrong guess is shown to everyone, unless it would give the word away: it contains the word
 * ("big cat" for "cat") or is close to it. Those are told only to the guesser.
 */
export function revealsWord(guess: string, word: string): boolean {
  const g = canonicalGuess(guess)
  const w = canonicalGuess(word)
  return g.includes(w) || judgeGuess(guess, word) !== 'wrong'
}
