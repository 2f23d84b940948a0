import { describe, expect, it } from 'vitest'
import { avatarHue, initialsOf } from './avatar'

describe('initialsOf', () => {
  it('takes the first and last word', () => {
    expect(initialsOf('ada lovelace')).toBe('AL')
    expect(initialsOf('  Grace  Brewster Hopper ')).toBe('GH')
    expect(initialsOf('bob')).toBe('B')
  })

  it('uses two syllables for a Korean name and survives emoji and empty names', () => {
    expect(initialsOf('김민준')).toBe('김민')
    expect(initialsOf('🎉 party')).toBe('🎉P')
    expect(initialsOf('   ')).toBe('?')
  })
})

describe('avatarHue', () => {
  it('is stable and in range', () => {
    expect(avatarHue('Bob')).toBe(avatarHue('Bob'))
    expect(avatarHue('Bob')).toBeGreaterThanOrEqual(0)
    expect(avatarHue('Bob')).toBeLessThan(360)
  })
})
