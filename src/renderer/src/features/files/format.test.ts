import { describe, expect, it } from 'vitest'
import { formatBytes, formatDuration, hashPrefix } from './format'

describe('file figures', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1500, '1.5 KB'],
    [52_428_800, '52.4 MB'],
    [2_000_000_000, '2 GB'],
    [150_000_000, '150 MB'],
  ])('%i bytes read %s', (bytes, text) => {
    expect(formatBytes(bytes, 'en')).toBe(text)
  })

  it('writes durations coarsely', () => {
    expect(formatDuration(0.2, 'en')).toBe('1 sec')
    expect(formatDuration(65, 'en')).toBe('1 min 5 sec')
    expect(formatDuration(900, 'en')).toBe('15 min')
    expect(formatDuration(7500, 'en')).toBe('2 hr 5 min')
    expect(formatDuration(65, 'ko')).toBe('1분 5초')
  })

  it('groups a hash prefix in fours', () => {
    expect(hashPrefix('0123456789abcdef0123')).toBe('0123 4567 89ab cdef')
  })
})
