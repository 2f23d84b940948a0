import { describe, expect, it } from 'vitest'
import { joinVerdict } from './verdict'

describe('join verdict', () => {
  it('is met or not met on a machine with room to spare', () => {
    expect(joinVerdict(1.2, 1.5, [0.5, 0.6, null])).toBe('1.20x (target <= 1.5x: met)')
    expect(joinVerdict(1.8, 1.5, [0.5])).toBe('1.80x (target <= 1.5x: NOT met)')
    expect(joinVerdict(1.2, 1.5, [null])).toBe('1.20x (target <= 1.5x: met)')
  })

  it('gives no verdict when the machine was saturated or a side has no samples', () => {
    expect(joinVerdict(1.2, 1.5, [0.97, 0.99, 0.9])).toMatch(/INVALID, the machine was 97% busy/)
    expect(joinVerdict(NaN, 1.5, [0.2])).toMatch(/INVALID, a side has no samples/)
  })
})
