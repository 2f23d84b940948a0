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

describe('PasswordLockout attempts in flight', () => {
  it('counts checks in progress, so parallel guesses cannot exceed maxAttempts', () => {
    const lockout = new PasswordLockout({ maxAttempts: 3, lockMs: 1000 }, () => 0)
    const started = Array.from({ length: 10 }, () => lockout.begin('a', 'r'))
    expect(started.filter((s) => s.ok)).toHaveLength(3)
    expect(started[3]).toMatchObject({ ok: false, reason: 'BUSY' })
    for (const s of started) if (s.ok) s.finish('failure')
    expect(lockout.lockedFor('a', 'r')).toBe(1000)
    expect(lockout.begin('a', 'r').ok).toBe(false)
  })

  it('a right password among them clears the count once it finishes', () => {
    const lockout = new PasswordLockout({ maxAttempts: 2, lockMs: 1000 }, () => 0)
    const wrong = lockout.begin('a', 'r')
    const right = lockout.begin('a', 'r')
    if (!wrong.ok || !right.ok) throw new Error('expected two attempts')
    wrong.finish('failure')
    right.finish('success')
    expect(lockout.lockedFor('a', 'r')).toBe(0)
    expect(lockout.begin('a', 'r').ok).toBe(true)
  })
})
