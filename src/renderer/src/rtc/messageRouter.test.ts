import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { ChannelPort } from './channelPort'
import { defineRoute, MessageRouter } from './messageRouter'
import { FakeFlowChannel } from './testing/fakeFlowChannel'

const noteSchema = z.strictObject({ type: z.literal('note'), text: z.string().max(10) })
const stateSchema = z.strictObject({ type: z.literal('state'), on: z.boolean() })
const pointerSchema = z.strictObject({ type: z.literal('pointer'), x: z.number() })
const note = defineRoute('note', noteSchema)
const state = defineRoute('state', stateSchema, { whenClosed: 'latest' })
const pointer = defineRoute('pointer', pointerSchema, { channel: 'volatile' })

function peerChannels(router: MessageRouter, peerId: string) {
  const control = new FakeFlowChannel('moim')
  const volatile = new FakeFlowChannel('moim-volatile')
  router.addPeer(peerId)
  router.attach(peerId, new ChannelPort(control))
  router.attach(peerId, new ChannelPort(volatile))
  return { control, volatile }
}

describe('MessageRouter', () => {
  it('dispatches validated messages to the handlers of their type', () => {
    const router = new MessageRouter()
    const got: string[] = []
    router.on(note, (peer, m) => got.push(`${peer}:${m.text}`))
    const { control } = peerChannels(router, 'b')
    control.open()
    control.receive(JSON.stringify({ type: 'note', text: 'hi' }))
    expect(got).toEqual(['b:hi'])
  })

  it('drops malformed frames, counts them and warns once per peer', () => {
    const warn = vi.fn()
    const router = new MessageRouter({ warn })
    const handler = vi.fn()
    router.on(note, handler)
    router.on(pointer, handler)
    const b = peerChannels(router, 'b')
    const c = peerChannels(router, 'c')
    b.control.open()
    c.control.open()
    for (const frame of [
      'not json',
      '42',
      JSON.stringify({ text: 'no type' }),
      JSON.stringify({ type: 'nope' }),
      JSON.stringify({ type: 'note', text: 'far too long for it' }),
      JSON.stringify({ type: 'note', text: 'hi', extra: 1 }),
      JSON.stringify({ type: 'pointer', x: 1 }), // a volatile type on the control channel
      `{"type":"note","text":"${'x'.repeat(70_000)}"}`, // over the size cap: never parsed
    ])
      b.control.receive(frame)
    b.control.receive(new ArrayBuffer(4)) // no handler for tag 0
    c.control.receive('garbage')
    expect(handler).not.toHaveBeenCalled()
    expect(router.droppedFrom('b')).toBe(9)
    expect(router.droppedFrom('c')).toBe(1)
    expect(warn).toHaveBeenCalledTimes(2)
    expect(warn.mock.calls[0]![0]).toContain('from b')
  })

  it('checks the size before parsing', () => {
    const router = new MessageRouter({ warn: () => {} })
    router.on(note, () => {})
    const parse = vi.spyOn(JSON, 'parse')
    const { control } = peerChannels(router, 'b')
    control.receive(`"${'x'.repeat(70_000)}"`)
    expect(parse).not.toHaveBeenCalled()
    parse.mockRestore()
  })

  it('keeps messages for a peer whose channel is not open, and delivers them in order', () => {
    const router = new MessageRouter()
    router.addPeer('b')
    router.send('b', note, { type: 'note', text: 'first' })
    router.broadcast(note, { type: 'note', text: 'second' })
    const control = new FakeFlowChannel('moim')
    router.attach('b', new ChannelPort(control))
    router.send('b', note, { type: 'note', text: 'third' })
    expect(control.sent).toEqual([])
    const opened = vi.fn()
    router.onPeer('peer-open', opened)
    control.open()
    expect(control.sent.map((f) => JSON.parse(f as string).text)).toEqual([
      'first',
      'second',
      'third',
    ])
    expect(opened).toHaveBeenCalledWith('b')
  })

  it('queues only the newest state message, and drops volatile ones while closed', () => {
    const router = new MessageRouter()
    router.addPeer('b')
    router.send('b', state, { type: 'state', on: true })
    router.send('b', pointer, { type: 'pointer', x: 1 })
    router.send('b', state, { type: 'state', on: false })
    const { control, volatile } = peerChannels(router, 'b')
    control.open()
    volatile.open()
    expect(control.sent).toEqual([JSON.stringify({ type: 'state', on: false })])
    expect(volatile.sent).toEqual([])
    router.send('b', pointer, { type: 'pointer', x: 2 })
    expect(volatile.sent).toEqual([JSON.stringify({ type: 'pointer', x: 2 })])
  })

  it('bounds the outbox: the oldest messages go first, counted', () => {
    const warn = vi.fn()
    const router = new MessageRouter({ outboxLimit: 3, warn })
    router.addPeer('b')
    for (let i = 1; i <= 5; i++) router.send('b', note, { type: 'note', text: `m${i}` })
    const { control } = peerChannels(router, 'b')
    control.open()
    expect(control.sent.map((f) => JSON.parse(f as string).text)).toEqual(['m3', 'm4', 'm5'])
    expect(router.outboxDropped('b')).toBe(2)
    expect(warn).toHaveBeenCalledTimes(1)
  })

  it('a message caught by its channel closing waits for the peer’s next channel', async () => {
    const router = new MessageRouter()
    router.addPeer('b')
    const first = new FakeFlowChannel('moim')
    const port = new ChannelPort(first, { highWaterMark: 10 })
    router.attach('b', port)
    first.open()
    router.send('b', note, { type: 'note', text: 'fills it' })
    router.send('b', note, { type: 'note', text: 'waits' })
    first.close()
    await Promise.resolve()
    const second = new FakeFlowChannel('moim')
    router.attach('b', new ChannelPort(second))
    second.open()
    expect(second.sent.map((f) => JSON.parse(f as string).text)).toEqual(['waits'])
  })

  it('forgets a peer that left: nothing queued, nothing sent, closed reported', () => {
    const router = new MessageRouter()
    const closed = vi.fn()
    router.onPeer('peer-closed', closed)
    const { control } = peerChannels(router, 'b')
    control.open()
    router.removePeer('b')
    expect(closed).toHaveBeenCalledWith('b')
    router.send('b', note, { type: 'note', text: 'late' })
    router.broadcast(note, { type: 'note', text: 'late' })
    expect(control.sent).toEqual([])
    expect(router.peerIds).toEqual([])
  })

  it('routes tagged binary frames on the control channel', () => {
    const router = new MessageRouter()
    const got: number[][] = []
    router.onBinary(3, (_peer, payload) => got.push([...payload]))
    expect(() => router.onBinary(3, () => {})).toThrow('taken')
    const { control, volatile } = peerChannels(router, 'b')
    control.open()
    volatile.open()
    expect(router.sendBinary('b', 3, new Uint8Array([9, 8]))).toBe(true)
    expect(new Uint8Array(control.sent[0] as Uint8Array)).toEqual(new Uint8Array([3, 9, 8]))
    control.receive(new Uint8Array([3, 1, 2]).buffer)
    volatile.receive(new Uint8Array([3, 5]).buffer)
    expect(got).toEqual([[1, 2]])
    expect(router.droppedFrom('b')).toBe(1)
  })

  it('refuses to send a frame over the limit (a sender bug) and a type registered twice', () => {
    const router = new MessageRouter()
    router.addPeer('b')
    const big = defineRoute('big', z.strictObject({ type: z.literal('big'), s: z.string() }))
    expect(() => router.send('b', big, { type: 'big', s: 'x'.repeat(70_000) })).toThrow('over')
    router.on(note, () => {})
    expect(() => router.on(note, () => {})).not.toThrow()
    expect(() => router.on(defineRoute('note', noteSchema), () => {})).toThrow('taken')
  })
})
