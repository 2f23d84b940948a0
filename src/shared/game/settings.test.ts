import { describe, expect, it } from 'vitest'
import {
  DEFAULT_GAME_SETTINGS,
  gameSettingsSchema,
  isValidWord,
  parseCustomWords,
} from './settings'

describe('game settings', () => {
  it('accepts the defaults and the limits', () => {
    expect(gameSettingsSchema.safeParse(DEFAULT_GAME_SETTINGS).success).toBe(true)
    for (const patch of [
      { rounds: 1 },
      { rounds: 10 },
      { drawTimeSec: 30 },
      { drawTimeSec: 240 },
      { wordChoices: 1 },
      { wordChoices: 5 },
      { hints: 0 },
      { hints: 5 },
      { language: 'ko' },
    ]) {
      expect(gameSettingsSchema.safeParse({ ...DEFAULT_GAME_SETTINGS, ...patch }).success).toBe(
        true,
      )
    }
  })

  it.each([
    { rounds: 0 },
    { rounds: 11 },
    { rounds: 2.5 },
    { drawTimeSec: 29 },
    { drawTimeSec: 241 },
    { wordChoices: 0 },
    { wordChoices: 6 },
    { hints: -1 },
    { hints: 6 },
    { language: 'fr' },
    { customWords: ['<script>'] },
    { customOnly: true, customWords: ['cat', 'dog'] },
    { extra: 1 },
  ])('refuses %j', (patch) => {
    expect(gameSettingsSchema.safeParse({ ...DEFAULT_GAME_SETTINGS, ...patch }).success).toBe(false)
  })

  it('accepts custom-only with enough words, cleaned', () => {
    const parsed = gameSettingsSchema.parse({
      ...DEFAULT_GAME_SETTINGS,
      customOnly: true,
      customWords: [' red  fox ', 'owl', '눈'],
    })
    expect(parsed.customWords).toEqual(['red fox', 'owl', '눈'])
  })
})

describe('custom words', () => {
  it('splits on commas and lines, drops duplicates, reports invalid ones', () => {
    expect(parseCustomWords('Cat, dog\n cat ,hot dog,, x, a+b, 곰')).toEqual({
      words: ['Cat', 'dog', 'hot dog', '곰'],
      invalid: ['x', 'a+b'],
    })
  })

  it('allows one-syllable Hangul words but not one-letter Latin ones', () => {
    expect(isValidWord('눈')).toBe(true)
    expect(isValidWord('a')).toBe(false)
    expect(isValidWord('ab')).toBe(true)
    expect(isValidWord(' ab')).toBe(false)
    expect(isValidWord('a'.repeat(31))).toBe(false)
  })
})
