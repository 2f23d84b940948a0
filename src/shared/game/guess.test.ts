import { describe, expect, it } from 'vitest'
import { canonicalGuess, judgeGuess, revealsWord, withinOneEdit } from './guess'

describe('judgeGuess', () => {
  it.each([
    ['cat', 'cat', 'correct'],
    ['  CAT ', 'cat', 'correct'],
    ['ice-cream', 'ice cream', 'correct'],
    ['icecream', 'ice cream', 'correct'],
    ['cats', 'cat', 'close'],
    ['ct', 'cat', 'close'],
    ['cot', 'cat', 'close'],
    ['dog', 'cat', 'wrong'],
    ['caterpillar', 'cat', 'wrong'],
    ['', 'cat', 'wrong'],
    ['   ', 'cat', 'wrong'],
  ] as const)('%j for %j is %s', (guess, word, verdict) => {
    expect(judgeGuess(guess, word)).toBe(verdict)
  })

  it('compares Hangul on jamo: one consonant or vowel apart is close', () => {
    expect(judgeGuess('강아지', '강아지')).toBe('correct')
    expect(judgeGuess('강아지', '감아지')).toBe('close') // final ㅇ vs ㅁ
    expect(judgeGuess('고양이', '고양미')).toBe('close') // initial ㅇ vs ㅁ
    expect(judgeGuess('가방', '가바')).toBe('close') // a missing final consonant
    expect(judgeGuess('사과', '사자')).toBe('wrong') // a whole syllable differs (ㄱ,ㅘ vs ㅈ,ㅏ)
    expect(judgeGuess('눈', '문')).toBe('close')
    expect(judgeGuess('곰', '범')).toBe('wrong')
  })

  it('treats composed and decomposed Hangul input alike', () => {
    expect(judgeGuess('강아지'.normalize('NFD'), '강아지')).toBe('correct')
  })
})

describe('withinOneEdit', () => {
  it.each([
    ['', '', true],
    ['a', '', true],
    ['ab', '', false],
    ['abc', 'abd', true],
    ['abc', 'acb', false],
    ['abc', 'abcd', true],
    ['abcd', 'abc', true],
    ['xabc', 'abc', true],
    ['abc', 'xbcd', false],
  ])('%j ~ %j: %s', (a, b, expected) => {
    expect(withinOneEdit([...a], [...b])).toBe(expected)
  })
})

describe('revealsWord', () => {
  it('flags guesses that contain the word or are close to it', () => {
    expect(revealsWord('big cat', 'cat')).toBe(true)
    expect(revealsWord('cats', 'cat')).toBe(true)
    expect(revealsWord('dog', 'cat')).toBe(false)
  })

  it('canonical form ignores case, spaces and hyphens', () => {
    expect(canonicalGuess(' Hot-Dog ')).toBe('hotdog')
  })
})
