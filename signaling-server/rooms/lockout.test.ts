import { describe, expect, it } from 'vitest'
import { PasswordLockout } from './lockout'

describe('PasswordLockout', () => {
  it('locks after maxAttempts failures per address and room, then forgets after lockMs', () => {
    let now = 0
    const lockout = new PasswordLockout({ maxAttempts: 2, lockMs: 1000 }, () => now)
    lockout.recordFailure('1.2.3.4', 'r')
    expect(lockout.lockedFor('1.2.3.4', 'r')).toBe(0)
    lockout.recordFailure('1.2.3.4', 'r')
    expect(lockout.lockedFor('1.2.3.4', 'r')).toBe(1000)
    expect(lockout.lockedFor('1.2.3.4', 'other')).toBe(0)
    expect(lockout.lockedFor('5.6.7.8', 'r')).toBe(0)
    now = 1000
    expect(lockout.lockedFor('1.2.3.4', 'r')).toBe(0)
  })

  it('clears the count on success', () => {
    const lockout = new PasswordLockout({ maxAttempts: 2, lockMs: 1000 }, () => 0)
    lockout.recordFailure('a', 'r')
    lockout.recordSuccess('a', 'r')
    lockout.recordFailure('a', 'r')
    expect(lockout.lockedFor('a', 'r')).toBe(0)
  })
})
