import { createHmac } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { TestWorld, errorCode, join } from './testing/harness'
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

describe('turn:refresh', () => {
  const world = new TestWorld()
  afterEach(() => world.close())

  it('hands a member fresh credentials that expire later than the first ones', async () => {
    const s = await world.server({
      stunUrls: [],
      turnUrls: ['turn:127.0.0.1:3478?transport=udp'],
      turnSecret: 'turn-secret',
      turnTtlSeconds: 600,
    })
    const a = await world.client(s.url)
    expect(errorCode(await a.emitWithAck('turn:refresh', {}))).toBe('NOT_IN_ROOM')
    const ja = await join(a, { room: 'r', name: 'A' })
    expect(ja.iceServersExpireAt).toBeGreaterThan(Date.now() / 1000 + 590)
    const first = ja.iceServers[0]
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const res = await a.emitWithAck('turn:refresh', {})
    if (!res.ok) throw new Error(res.error.message)
    expect(res.iceServersExpireAt).toBeGreaterThan(ja.iceServersExpireAt ?? 0)
    const [fresh] = res.iceServers
    expect(fresh.urls).toEqual(first.urls)
    expect(fresh.username).not.toBe(first.username)
    expect(fresh.username?.endsWith(`:${ja.self.id}`)).toBe(true)
    expect(fresh.credential).toBe(
      createHmac('sha1', 'turn-secret')
        .update(fresh.username ?? '')
        .digest('base64'),
    )
  })

  it('without TURN there is nothing to expire', async () => {
    const s = await world.server()
    const a = await world.client(s.url)
    const ja = await join(a, { room: 'r', name: 'A' })
    expect(ja.iceServersExpireAt).toBeUndefined()
    expect(await a.emitWithAck('turn:refresh', {})).toEqual({ ok: true, iceServers: ja.iceServers })
  })
})
