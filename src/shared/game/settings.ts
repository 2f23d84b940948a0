/**
 * Game settings the host picks when starting a game, with the limits the server enforces.
 */
import { z } from 'zod'
import { canonicalGuess } from './guess'
import { containsHangul } from './hangul'
import { letterIndices } from './mask'

export const GAME_LANGUAGES = ['en', 'ko'] as const
export type GameLanguage = (typeof GAME_LANGUAGES)[number]

export const ROUNDS_MIN = 1
export const ROUNDS_MAX = 10
export const DRAW_TIME_MIN_SEC = 30
export const DRAW_TIME_MAX_SEC = 240
export const WORD_CHOICES_MIN = 1
export const WORD_CHOICES_MAX = 5
export const HINTS_MIN = 0
export const HINTS_MAX = 5
/** Characters (code points) in one word, spaces included; a Hangul word may be one syllable (눈, 곰). */
export const WORD_MIN_LENGTH = 2
export const WORD_MAX_LENGTH = 30
export const CUSTOM_WORDS_MAX = 500

/** Letters, digits, spaces, hyphens and apostrophes: what a person can draw and type back. */
const WORD_PATTERN = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} '-]*$/u

/** NFC, single spaces, trimmed. */
export function cleanWord(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/gu, ' ').trim()
}

export function isValidWord(word: string): boolean {
  const length = [...word].length
  const minLetters = containsHangul(word) ? 1 : WORD_MIN_LENGTH
  return (
    word === cleanWord(word) &&
    length <= WORD_MAX_LENGTH &&
    WORD_PATTERN.test(word) &&
    letterIndices(word).length >= minLetters
  )
}

/**
 * Custom words as typed into the settings (comma or newline separated): cleaned, invalid ones
 * reported, duplicates (compared as guesses are) dropped.
 */
export function parseCustomWords(text: string): { words: string[]; invalid: string[] } {
  const words: string[] = []
  const invalid: string[] = []
  const seen = new Set<string>()
  for (const part of text.split(/[,\n]/u)) {
    const word = cleanWord(part)
    if (word.length === 0) continue
    if (!isValidWord(word)) {
      invalid.push(word)
      continue
    }
    const key = canonicalGuess(word)
    if (seen.has(key)) continue
    seen.add(key)
    words.push(word)
  }
  return { words, invalid }
}

const wordSchema = z
  .string()
  .max(WORD_MAX_LENGTH * 4)
  .transform(cleanWord)
  .refine(
    isValidWord,
    `a word is ${WORD_MIN_LENGTH}-${WORD_MAX_LENGTH} letters (Hangul: 1 syllable or more), digits, spaces or hyphens`,
  )

export const gameSettingsSchema = z
  .strictObject({
    rounds: z.number().int().min(ROUNDS_MIN).max(ROUNDS_MAX),
    drawTimeSec: z.number().int().min(DRAW_TIME_MIN_SEC).max(DRAW_TIME_MAX_SEC),
    wordChoices: z.number().int().min(WORD_CHOICES_MIN).max(WORD_CHOICES_MAX),
    hints: z.number().int().min(HINTS_MIN).max(HINTS_MAX),
    language: z.enum(GAME_LANGUAGES),
    customWords: z.array(wordSchema).max(CUSTOM_WORDS_MAX),
    customOnly: z.boolean(),
  })
  .refine((s) => !s.customOnly || s.customWords.length >= s.wordChoices, {
    message: 'custom words only: give at least as many custom words as word choices',
    path: ['customWords'],
  })
export type GameSettings = z.infer<typeof gameSettingsSchema>

export const DEFAULT_GAME_SETTINGS: GameSettings = {
  rounds: 3,
  drawTimeSec: 80,
  wordChoices: 3,
  hints: 2,
  language: 'en',
  customWords: [],
  customOnly: false,
}
