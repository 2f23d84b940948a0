import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
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
