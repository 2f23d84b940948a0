import { describe, expect, it } from 'vitest'
import { describeOrder, firstSide, rotatedOrder, roundOrder } from './runOrder'

describe('bench run order', () => {
  it('alternates which side goes first, round by round', () => {
    expect([0, 1, 2, 3].map((r) => roundOrder('baseline', r))).toEqual([
      ['baseline', 'app'],
      ['app', 'baseline'],
      ['baseline', 'app'],
      ['app', 'baseline'],
    ])
    expect(describeOrder('app', 2)).toBe('app then baseline, baseline then app')
  })

  it('flips a coin for the opening side unless the environment pins it', () => {
    expect(firstSide(undefined, () => 0.2)).toBe('app')
    expect(firstSide(undefined, () => 0.7)).toBe('baseline')
    expect(firstSide('baseline-first', () => 0.2)).toBe('baseline')
    expect(firstSide('app-first', () => 0.7)).toBe('app')
  })

  it('rotates three sides so that each runs once in each place over three rounds', () => {
    const rounds = [0, 1, 2].map((r) => rotatedOrder(['app', 'baseline', 'floor'], r))
    expect(rounds).toEqual([
      ['app', 'baseline', 'floor'],
      ['baseline', 'floor', 'app'],
      ['floor', 'app', 'baseline'],
    ])
    expect(rotatedOrder(['a', 'b'], 3)).toEqual(['b', 'a'])
  })
})
