import { describe, expect, it } from 'vitest'
import { canonicalGuess } from './guess'
import { GAME_LANGUAGES, isValidWord } from './settings'
import { pickChoices, WORD_LISTS, wordPool } from './words'

/** Words that must never be offered in a family game (checked as whole words). */
const OFFENSIVE = [
  'sex',
  'kill',
  'gun',
  'drug',
  'beer',
  'wine',
  'blood',
  'naked',
  'stupid',
  'idiot',
  'hate',
  'damn',
  'hell',
  '술',
  '총',
  '마약',
  '섹스',
  '바보',
  '멍청이',
  '죽음',
  '피',
]

describe.each(GAME_LANGUAGES)('word list %s', (language) => {
  const words = WORD_LISTS[language]

  it('has at least 300 words', () => {
    expect(words.length).toBeGreaterThanOrEqual(300)
  })

  it('has no duplicates (compared as guesses are)', () => {
    const keys = words.map(canonicalGuess)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('has only valid, drawable-length words', () => {
    expect(words.filter((w) => !isValidWord(w))).toEqual([])
    for (const w of words) expect([...w].length).toBeLessThanOrEqual(language === 'ko' ? 6 : 20)
  })

  it('has no offensive words', () => {
    const found = words.filter((w) =>
      OFFENSIVE.some((bad) => w.toLowerCase().split(' ').includes(bad)),
    )
    expect(found).toEqual([])
  })

  it('is in its own script', () => {
    const script = language === 'ko' ? /^[가-힣]+$/u : /^[a-z][a-z '-]*$/u
    expect(words.filter((w) => !script.test(w))).toEqual([])
  })
})

describe('word choices', () => {
  const random = (): number => 0.5

  it('merges custom words first and skips duplicates', () => {
    const pool = wordPool({ language: 'en', customWords: ['Apple', 'zeppelin'], customOnly: false })
    expect(pool.slice(0, 2)).toEqual(['Apple', 'zeppelin'])
    expect(pool.filter((w) => canonicalGuess(w) === 'apple')).toHaveLength(1)
  })

  it('uses only custom words when asked', () => {
    expect(wordPool({ language: 'ko', customWords: ['a1', 'b2'], customOnly: true })).toEqual([
      'a1',
      'b2',
    ])
  })

  it('offers distinct words, fresh ones before used ones', () => {
    const pool = ['a1', 'b2', 'c3', 'd4']
    const used = new Set(['a1', 'b2', 'c3'])
    const picked = pickChoices(pool, 3, used, random)
    expect(picked[0]).toBe('d4')
    expect(new Set(picked).size).toBe(3)
    expect(pickChoices(pool, 9, new Set(), random)).toHaveLength(4)
  })
})
