/**
 * The masked word guessers see: one slot per character (a Hangul syllable is one character),
 * null where the letter is still hidden. Spaces and hyphens are always shown, since they are
 * part of the word's shape, not of the answer.
 */

export type MaskedWord = (string | null)[]

const ALWAYS_SHOWN = /[\s-]/u

export function wordSlots(word: string): string[] {
  return [...word.normalize('NFC')]
}

/** Indices of the slots that are letters (hidden until revealed). */
export function letterIndices(word: string): number[] {
  const out: number[] = []
  wordSlots(word).forEach((ch, i) => {
    if (!ALWAYS_SHOWN.test(ch)) out.push(i)
  })
  return out
}

export function maskWord(
  word: string,
  revealed: ReadonlySet<number> | readonly number[],
): MaskedWord {
  const shown = revealed instanceof Set ? revealed : new Set(revealed)
  return wordSlots(word).map((ch, i) => (ALWAYS_SHOWN.test(ch) || shown.has(i) ? ch : null))
}
