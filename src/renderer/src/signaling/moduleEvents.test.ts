import { describe, expect, it } from 'vitest'
import { SignalingClient, SignalingError } from './signalingClient'
import { FakeSocket } from './testing/fakeSocket'

function setup() {
  const socket = new FakeSocket()
  const client = new SignalingClient({
    url: 'http://127.0.0.1:1',
    socketFactory: () => socket.asSocket(),
  })
  socket.serverAccept()
  return { socket, client }
}

describe('SignalingClient module requests and events', () => {
  it('request() sends a module request and resolves with the ack body', async () => {
    const { socket, client } = setup()
    socket.respond = (event, payload) =>
      event === 'game:guess' && (payload as { text: string }).text === 'cat'
        ? { ok: true, result: 'correct' }
        : undefined
    const ack = await client.request('game:guess', { text: 'cat' })
    expect(ack.result).toBe('correct')
    expect(socket.emitted.map((e) => e.event)).toEqual(['game:guess'])
  })

  it('request() rejects with the server error code', async () => {
    const { socket, client } = setup()
    socket.respond = () => ({ ok: false, error: { code: 'NOT_HOST', message: 'only the host' } })
    const failure = await client.request('game:stop', {}).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(SignalingError)
    expect((failure as SignalingError).code).toBe('NOT_HOST')
  })

  it('on() delivers module events until unsubscribed, and close() detaches them', () => {
    const { socket, client } = setup()
    const seen: unknown[] = []
    const off = client.on('game:chat', (payload) => seen.push(payload))
    socket.serverSend('game:chat', { kind: 'close', text: 'cats' })
    off()
    socket.serverSend('game:chat', { kind: 'close', text: 'again' })
    expect(seen).toEqual([{ kind: 'close', text: 'cats' }])
    const before = socket.listenerCount()
    client.close()
    expect(socket.listenerCount()).toBeLessThan(before)
  })
})
