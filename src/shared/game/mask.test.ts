import { describe, expect, it } from 'vitest'
import { hintCount, hintTimes, hintsDue, revealOrder } from './hints'
import { letterIndices, maskWord } from './mask'

function seeded(seed: number): () => number {
  let s = seed
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31
    return s / 2 ** 31
  }
}

describe('maskWord', () => {
  it('hides letters, shows spaces and hyphens', () => {
    expect(maskWord('hot dog', [])).toEqual([null, null, null, ' ', null, null, null])
    expect(maskWord('yo-yo', [0])).toEqual(['y', null, '-', null, null])
  })

  it('masks Hangul by whole syllables', () => {
    expect(maskWord('강아지', [1])).toEqual([null, '아', null])
    expect(letterIndices('곰인형')).toEqual([0, 1, 2])
  })

  it('normalizes decomposed Hangul so a syllable is one slot', () => {
    expect(maskWord('강'.normalize('NFD'), [])).toEqual([null])
  })
})

describe('hint schedule', () => {
  it('never reveals more than half the letters', () => {
    expect(hintCount('cat', 5)).toBe(1)
    expect(hintCount('elephant', 2)).toBe(2)
    expect(hintCount('elephant', 5)).toBe(4)
    expect(hintCount('곰', 3)).toBe(0)
    expect(hintCount('강아지', 3)).toBe(1)
    expect(hintCount('cat', 0)).toBe(0)
  })

  it('spreads hints evenly over the drawing time', () => {
    expect(hintTimes(80_000, 3)).toEqual([20_000, 40_000, 60_000])
    expect(hintTimes(60_000, 1)).toEqual([30_000])
    expect(hintTimes(60_000, 0)).toEqual([])
  })

  it('counts the hints due at a moment', () => {
    expect(hintsDue(0, 80_000, 3)).toBe(0)
    expect(hintsDue(19_999, 80_000, 3)).toBe(0)
    expect(hintsDue(20_000, 80_000, 3)).toBe(1)
    expect(hintsDue(79_000, 80_000, 3)).toBe(3)
  })

  it('reveals each letter slot once, in a shuffled order', () => {
    const order = revealOrder('ice cream', seeded(7))
    expect([...order].sort((a, b) => a - b)).toEqual(letterIndices('ice cream'))
    expect(order).not.toContain(3)
  })
})
