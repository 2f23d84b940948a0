import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createTurnCredentials, iceServersFor } from './turn'

describe('TURN REST credentials', () => {
  it('uses "<expiry>:<id>" and base64 HMAC-SHA1 of it, as coturn use-auth-secret expects', () => {
    const now = 1_700_000_000_000
    const creds = createTurnCredentials('shh', 'peer42', 3600, now)
    expect(creds.username).toBe('1700003600:peer42')
    const expected = createHmac('sha1', 'shh').update('1700003600:peer42').digest('base64')
    expect(creds.credential).toBe(expected)
    expect(Buffer.from(creds.credential, 'base64')).toHaveLength(20)
  })

  it('lists STUN first and TURN only when both URLs and a secret are configured', () => {
    const base = { stunUrls: ['stun:a:3478'], turnUrls: [], turnSecret: null, turnTtlSeconds: 60 }
    expect(iceServersFor(base, 'p')).toEqual([{ urls: ['stun:a:3478'] }])
    const withTurn = iceServersFor(
      { ...base, turnUrls: ['turn:t:3478?transport=udp'], turnSecret: 'k' },
      'p',
      0,
    )
    expect(withTurn[1]).toEqual({
      urls: ['turn:t:3478?transport=udp'],
      username: '60:p',
      credential: createHmac('sha1', 'k').update('60:p').digest('base64'),
    })
    expect(iceServersFor({ ...base, stunUrls: [] }, 'p')).toEqual([])
  })

  it('hands the credentials out in the join ack', async () => {
    const { TestWorld, join } = await import('./testing/harness')
    const world = new TestWorld()
    try {
      const s = await world.server({
        turnUrls: ['turn:127.0.0.1:3478'],
        turnSecret: 'k',
        stunUrls: [],
      })
      const a = await world.client(s.url)
      const ack = await join(a, { room: 'r', name: 'A' })
      const [turn] = ack.iceServers
      expect(turn.username).toMatch(new RegExp(`^\\d+:${ack.self.id}$`))
      expect(turn.credential).toBe(createHmac('sha1', 'k').update(turn.username!).digest('base64'))
    } finally {
      await world.close()
    }
  })
})
