import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { request } from 'node:https'
import { testCertificate } from './testing/certificate'
import { runUtility, type ParentPort, type UtilityReply } from './utilityEntry'

class FakeParentPort extends EventEmitter implements ParentPort {
  readonly replies: UtilityReply[] = []
  private waiters: Array<(reply: UtilityReply) => void> = []
  override on(event: 'message', listener: (message: { data: unknown }) => void): this {
    return super.on(event, listener)
  }
  postMessage(message: UtilityReply): void {
    this.replies.push(message)
    this.waiters.shift()?.(message)
  }
  send(data: unknown): Promise<UtilityReply> {
    const reply = new Promise<UtilityReply>((resolve) => this.waiters.push(resolve))
    this.emit('message', { data })
    return reply
  }
}

describe('utility process entry', () => {
  it('starts on request, reports the port, and stops', async () => {
    const port = new FakeParentPort()
    runUtility(port, { LOG_LEVEL: 'silent' })
    const ready = await port.send({ type: 'start', config: { port: 0, webRoot: null } })
    expect(ready).toMatchObject({
      type: 'ready',
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    })
    if (ready.type !== 'ready') throw new Error('not ready')
    expect(await (await fetch(`http://127.0.0.1:${ready.port}/healthz`)).text()).toBe('ok\n')
    expect(await port.send({ type: 'start' })).toEqual({
      type: 'error',
      message: 'the server is already running',
    })
    expect(await port.send({ type: 'stop' })).toEqual({ type: 'stopped' })
  })

  it('opens the local-network HTTPS listener only while hosting', async () => {
    const port = new FakeParentPort()
    runUtility(port, { LOG_LEVEL: 'silent' })
    expect(await port.send({ type: 'hosting', enabled: true })).toEqual({
      type: 'error',
      message: 'the server is not running',
    })
    const tls = await testCertificate()
    await port.send({ type: 'start', config: { port: 0, webRoot: null, inviteOnly: true, tls } })
    const opened = await port.send({ type: 'hosting', enabled: true })
    if (opened.type !== 'hosting' || opened.lanPort === null) throw new Error('not hosting')
    const status = await new Promise<number>((resolve, reject) =>
      request(`https://127.0.0.1:${opened.lanPort}/healthz`, { rejectUnauthorized: false }, (r) =>
        resolve(r.statusCode ?? 0),
      )
        .on('error', reject)
        .end(),
    )
    expect(status).toBe(200)
    expect(await port.send({ type: 'hosting', enabled: false })).toEqual({
      type: 'hosting',
      lanPort: null,
    })
    expect(await port.send({ type: 'stop' })).toEqual({ type: 'stopped' })
  })

  it('answers bad messages and bad env with an error instead of crashing', async () => {
    const port = new FakeParentPort()
    runUtility(port, { PORT: 'nope' })
    expect(await port.send({ type: 'launch' })).toMatchObject({ type: 'error' })
    expect(await port.send({ type: 'start', config: { port: 0 } })).toEqual({
      type: 'error',
      message: 'PORT must be an integer, got "nope"',
    })
  })
})
