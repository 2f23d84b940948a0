import { describe, expect, it } from 'vitest'
import { SampleBudget } from './budget'

function run(budget: SampleBudget, phase: ReturnType<SampleBudget['phase']>, step: () => void) {
  let samples = 0
  while (phase.more()) {
    step()
    samples++
  }
  return samples
}

describe('SampleBudget', () => {
  it('takes fewer samples when each takes longer, and leaves time for later phases', () => {
    let now = 0
    const budget = new SampleBudget(100_000, () => now)
    // 13 s samples in half of 100 s: 3 fit (the 4th would end past 50 s).
    expect(run(budget, budget.phase(0.5, 1, 5), () => (now += 13_000))).toBe(3)
    expect(budget.remainingMs).toBe(61_000)
    // Fast samples stop at the maximum.
    expect(run(budget, budget.phase(1, 1, 5), () => (now += 1_000))).toBe(5)
  })

  it('always takes the minimum, even with no time left', () => {
    let now = 0
    const budget = new SampleBudget(0, () => now)
    expect(run(budget, budget.phase(1, 2, 5), () => (now += 10_000))).toBe(2)
  })
})
