import { describe, expect, it } from 'vitest'
import { invalidReasons } from './generatorHealth'

const healthy = {
  targetRate: 4000,
  achievedRate: 3990,
  sendLagP99Ms: 6,
  generatorCpuPercent: 40,
}

describe('load generator health', () => {
  it('accepts a run that sent on schedule with CPU to spare', () => {
    expect(invalidReasons(healthy)).toEqual([])
  })

  it('names every way the generator fell behind', () => {
    expect(invalidReasons({ ...healthy, achievedRate: 3000 })).toEqual([
      'sent 3000 msg/s, under 95% of 4000',
    ])
    expect(invalidReasons({ ...healthy, sendLagP99Ms: 120 })[0]).toMatch(/120\.0 ms late/)
    expect(invalidReasons({ ...healthy, generatorCpuPercent: 99 })[0]).toMatch(/99% of a core/)
  })

  it('treats a figure that could not be measured as a reason, not a pass', () => {
    expect(invalidReasons({ ...healthy, sendLagP99Ms: NaN })).toHaveLength(1)
  })
})
