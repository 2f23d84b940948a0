/**
 * The desktop app's hosted server: loopback for the app, an HTTPS listener for the local
 * network only while hosting, and room keys that nobody gets in without.
 */
import { request } from 'node:https'
import { afterEach, describe, expect, it } from 'vitest'
import { TestWorld, errorCode, join } from './testing/harness'
import { testCertificate } from './testing/certificate'

const world = new TestWorld()
afterEach(() => world.close())

async function hostedServer() {
  const s = await world.server({ inviteOnly: true, tls: await testCertificate() })
  const lanPort = await s.openLan({ host: '127.0.0.1' })
  return { s, lanUrl: `https://127.0.0.1:${lanPort}` }
}

const guest = (url: string) => world.client(url, undefined, { rejectUnauthorized: false })

function httpsStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { rejectUnauthorized: false }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
      .on('error', reject)
      .end()
  })
}

describe('invite-only hosted server', () => {
  it('gives the host a 128-bit room key and admits no guest without it', async () => {
    const { s, lanUrl } = await hostedServer()
    const host = await world.client(s.url)
    const jh = await join(host, { room: 'friday', name: 'Host' })
    expect(jh.room.key).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(Buffer.from(jh.room.key ?? '', 'base64url')).toHaveLength(16)

    const stranger = await guest(lanUrl)
    const refused = await stranger.emitWithAck('room:join', { room: 'friday', name: 'X' })
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'INVITE_REQUIRED',
        message: 'this call can only be joined with its invite link',
      },
    })
    const wrongKey = 'A'.repeat(22)
    expect(
      errorCode(
        await stranger.emitWithAck('room:join', { room: 'friday', name: 'X', key: wrongKey }),
      ),
    ).toBe('INVITE_REQUIRED')
    // Guests cannot create rooms either, and a missing room looks the same as a wrong key.
    expect(
      errorCode(
        await stranger.emitWithAck('room:join', { room: 'other', name: 'X', key: wrongKey }),
      ),
    ).toBe('INVITE_REQUIRED')

    const friend = await guest(lanUrl)
    const jf = await join(friend, { room: 'friday', name: 'Friend', key: jh.room.key })
    expect(jf.peers).toEqual([jh.self])
    expect(jf.room.key).toBe(jh.room.key)
  })

  it('keeps /metrics off the local network and closes guests when hosting stops', async () => {
    const { s, lanUrl } = await hostedServer()
    expect(await httpsStatus(`${lanUrl}/metrics`)).toBe(404)
    expect(await httpsStatus(`${lanUrl}/healthz`)).toBe(200)
    expect((await fetch(`${s.url}/metrics`)).status).toBe(200)
    const host = await world.client(s.url)
    const jh = await join(host, { room: 'r', name: 'Host' })
    const friend = await guest(lanUrl)
    await join(friend, { room: 'r', name: 'Friend', key: jh.room.key })
    const closed = new Promise((resolve) => friend.once('disconnect', resolve))
    await s.closeLan()
    await closed
    await expect(httpsStatus(`${lanUrl}/healthz`)).rejects.toThrow()
    expect(host.connected).toBe(true)
  })

  it('a restart restores the room key from the returning members', async () => {
    const secret = 'hosted-secret-0123456789'
    const tls = await testCertificate()
    const s1 = await world.server({ inviteOnly: true, tls, secret })
    const host = await world.client(s1.url)
    const jh = await join(host, { room: 'r', name: 'Host' })
    await s1.close()
    const s2 = await world.server({ inviteOnly: true, tls, secret })
    const lanUrl = `https://127.0.0.1:${await s2.openLan({ host: '127.0.0.1' })}`
    const back = await join(await world.client(s2.url), {
      room: 'r',
      name: 'Host',
      resumeToken: jh.resumeToken,
    })
    expect(back.room.key).toBe(jh.room.key)
    const friend = await guest(lanUrl)
    await expect(join(friend, { room: 'r', name: 'F', key: jh.room.key })).resolves.toBeTruthy()
  })
})
