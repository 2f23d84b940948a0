/**
 * The built-in word lists (family-friendly, easy to draw) and how a turn's choices are drawn
 * from them and the host's custom words.
 */
import { canonicalGuess } from './guess'
import type { GameLanguage, GameSettings } from './settings'
import english from './words/en.json'
import korean from './words/ko.json'

export const WORD_LISTS: Readonly<Record<GameLanguage, readonly string[]>> = {
  en: english,
  ko: korean,
}

/** The words a game draws from: custom words first-class, the language's list unless custom-only. */
export function wordPool(
  settings: Pick<GameSettings, 'language' | 'customWords' | 'customOnly'>,
): string[] {
  const base = settings.customOnly ? [] : WORD_LISTS[settings.language]
  const seen = new Set<string>()
  const out: string[] = []
  for (const word of [...settings.customWords, ...base]) {
    const key = canonicalGuess(word)
    if (seen.has(key)) continue
    seen.add(key)
    out.push(word)
  }
  return out
}

/**
 * `count` different words from the pool, preferring words not used yet in this game (`used`
 * holds their canonical forms); when the fresh words run out, used ones come back.
 */
export function pickChoices(
  pool: readonly string[],
  count: number,
  used: ReadonlySet<string>,
  random: () => number,
): string[] {
  const fresh = pool.filter((w) => !used.has(canonicalGuess(w)))
  const stale = pool.filter((w) => used.has(canonicalGuess(w)))
  const out: string[] = []
  for (const source of [fresh, stale]) {
    const bag = [...source]
    while (out.length < count && bag.length > 0) {
      const i = Math.floor(random() * bag.length)
      out.push(bag.splice(i, 1)[0])
    }
  }
  return out
}
