/**
 * Attack 1 (password lockout under parallel guesses) and attack 2 (X-Forwarded-For spoofing)
 * against a real server and real socket clients.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Ack } from '../src/shared/protocol'
import { TestWorld, errorCode, join, type TestClient } from './testing/harness'

const world = new TestWorld()
afterEach(() => world.close())

const MAX = 5
const RIGHT = 'correct horse'

/** Sends every guess at once from its own connection; returns the answers in send order. */
async function guessAtOnce(
  url: string,
  room: string,
  guesses: string[],
  headers?: (i: number) => Record<string, string>,
): Promise<Ack[]> {
  const clients: TestClient[] = await Promise.all(
    guesses.map((_, i) => world.client(url, headers?.(i))),
  )
  return Promise.all(
    clients.map((c, i) =>
      c.emitWithAck('room:join', { room, name: `g${i}`, password: guesses[i] }),
    ),
  )
}

const refusedUnchecked = (code: string | null) => code === 'LOCKED_OUT' || code === 'RATE_LIMITED'

/** Answers that mean the password was actually checked. */
const checked = (answers: Ack[]) => answers.filter((a) => a.ok || errorCode(a) === 'WRONG_PASSWORD')

describe('password lockout under parallel guesses', () => {
  it('never checks more than maxAttempts guesses, wherever the right one is in the burst', async () => {
    const s = await world.server({ lockout: { maxAttempts: MAX, lockMs: 60_000 } })
    for (let position = 0; position <= 10; position++) {
      const room = `vault-${position}`
      const owner = await world.client(s.url)
      await join(owner, { room, name: 'Owner', password: RIGHT, capacity: 12 })
      const guesses = Array.from({ length: 11 }, (_, i) => (i === position ? RIGHT : `wrong-${i}`))
      const answers = await guessAtOnce(s.url, room, guesses)
      expect(checked(answers).length).toBeLessThanOrEqual(MAX)
      for (const answer of answers) {
        if (checked([answer]).length === 0) expect(refusedUnchecked(errorCode(answer))).toBe(true)
      }
      // Ten wrong guesses fill every slot the right one did not take: unless it was checked
      // (and admitted), the address stays locked out of the room, right password or not.
      if (!answers[position].ok) {
        const [after] = await guessAtOnce(s.url, room, [RIGHT])
        expect(errorCode(after)).toBe('LOCKED_OUT')
      }
    }
  })

  it.each([
    ['the right guess last of 11', 11, 10],
    ['the right guess first of 11', 11, 0],
    ['the right guess in the middle of 30', 30, 15],
    ['the right guess last of 30', 30, 29],
  ])(
    '%s: at most maxAttempts checks, the rest refused unchecked',
    async (_label, count, position) => {
      const s = await world.server({ lockout: { maxAttempts: MAX, lockMs: 60_000 } })
      const owner = await world.client(s.url)
      await join(owner, { room: 'vault', name: 'Owner', password: RIGHT, capacity: 12 })
      const guesses = Array.from({ length: count }, (_, i) => (i === position ? RIGHT : `w${i}`))
      const answers = await guessAtOnce(s.url, 'vault', guesses)
      const verified = checked(answers)
      expect(verified.length).toBeLessThanOrEqual(MAX)
      expect(answers.length - verified.length).toBe(
        answers.filter((a) => refusedUnchecked(errorCode(a))).length,
      )
      // The right password only gets in if it was one of the guesses actually checked.
      const admitted = answers.filter((a) => a.ok)
      expect(admitted.length).toBeLessThanOrEqual(1)
    },
  )

  it('staggered waves of guesses still stop at maxAttempts in total', async () => {
    const s = await world.server({ lockout: { maxAttempts: MAX, lockMs: 60_000 } })
    const owner = await world.client(s.url)
    await join(owner, { room: 'vault', name: 'Owner', password: RIGHT, capacity: 12 })
    const all: Ack[] = []
    for (let wave = 0; wave < 4; wave++) {
      all.push(
        ...(await guessAtOnce(
          s.url,
          'vault',
          ['a', 'b', 'c'].map((g) => g + wave),
        )),
      )
    }
    // The fifth wrong guess is checked too; its answer is already LOCKED_OUT.
    expect(all.filter((a) => errorCode(a) === 'WRONG_PASSWORD')).toHaveLength(MAX - 1)
    expect(all.filter((a) => refusedUnchecked(errorCode(a)))).toHaveLength(12 - (MAX - 1))
    const last = await guessAtOnce(s.url, 'vault', [RIGHT])
    expect(errorCode(last[0])).toBe('LOCKED_OUT')
  })
})

describe('TRUST_PROXY hops', () => {
  // What nginx hands the server when a client sends its own X-Forwarded-For: the client's
  // entry first, then the address nginx saw.
  const spoofed = (i: number) => ({ 'X-Forwarded-For': `10.9.${i}.1, 203.0.113.9` })

  it('a new X-Forwarded-For per guess no longer escapes the lockout', async () => {
    const s = await world.server({ trustProxy: 1, lockout: { maxAttempts: 3, lockMs: 60_000 } })
    const owner = await world.client(s.url)
    await join(owner, { room: 'vault', name: 'Owner', password: RIGHT })
    const codes: Array<string | null> = []
    for (let i = 0; i < 6; i++) {
      const [answer] = await guessAtOnce(s.url, 'vault', [i < 5 ? `w${i}` : RIGHT], () =>
        spoofed(i),
      )
      codes.push(errorCode(answer))
    }
    expect(codes).toEqual([
      'WRONG_PASSWORD',
      'WRONG_PASSWORD',
      'LOCKED_OUT',
      'LOCKED_OUT',
      'LOCKED_OUT',
      'LOCKED_OUT',
    ])
    // Another real client (another address nginx saw) is not affected.
    const [other] = await guessAtOnce(s.url, 'vault', [RIGHT], () => ({
      'X-Forwarded-For': '198.51.100.4',
    }))
    expect(other.ok).toBe(true)
  })
})
