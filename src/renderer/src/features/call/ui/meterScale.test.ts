import { describe, expect, it } from 'vitest'
import { meterFraction } from './meterScale'

describe('meterFraction', () => {
  it('is empty for silence and bad input, full at full scale', () => {
    expect(meterFraction(0)).toBe(0)
    expect(meterFraction(-1)).toBe(0)
    expect(meterFraction(Number.NaN)).toBe(0)
    expect(meterFraction(1)).toBe(1)
    expect(meterFraction(5)).toBe(1)
  })

  it('puts speech levels in the middle of the meter and rises monotonically', () => {
    expect(meterFraction(0.1)).toBeGreaterThan(0.5)
    expect(meterFraction(0.1)).toBeLessThan(0.8)
    expect(meterFraction(0.001)).toBe(0)
    let previous = 0
    for (const level of [0.002, 0.01, 0.05, 0.2, 0.6]) {
      expect(meterFraction(level)).toBeGreaterThan(previous)
      previous = meterFraction(level)
    }
  })
})
