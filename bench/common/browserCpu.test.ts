import { describe, expect, it } from 'vitest'
import { chromiumCpuMs, cpuTicksOf } from './browserCpu'

describe('cpuTicksOf', () => {
  it('adds utime and stime, whatever spaces or parentheses the command name has', () => {
    const stat =
      '4242 (chromium (x) y) S 1 4242 4242 0 -1 4194560 900 0 0 0 123 45 0 0 20 0 9 0 100 1 1'
    expect(cpuTicksOf(stat)).toEqual({ command: 'chromium (x) y', ticks: 168 })
  })
  it('is null for a line it cannot read', () => {
    expect(cpuTicksOf('garbage')).toBeNull()
  })
})

describe('chromiumCpuMs', () => {
  it('reads a number (or null where there is no /proc)', () => {
    const ms = chromiumCpuMs()
    expect(ms === null || ms >= 0).toBe(true)
  })
})
