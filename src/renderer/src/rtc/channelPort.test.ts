import { describe, expect, it } from 'vitest'
import { ChannelClosedError, ChannelPort, MessageTooLargeError } from './channelPort'
import { FakeFlowChannel } from './testing/fakeFlowChannel'

const KIB = 1024

function openPort(options: ConstructorParameters<typeof ChannelPort>[1] = {}) {
  const channel = new FakeFlowChannel('moim-bulk:t1')
  const port = new ChannelPort(channel, options)
  channel.open()
  return { channel, port }
}

describe('ChannelPort', () => {
  it('accepts only the documented labels', () => {
    expect(() => new ChannelPort(new FakeFlowChannel('files'))).toThrow('not a Moim data channel')
    expect(new ChannelPort(new FakeFlowChannel('moim')).kind).toBe('control')
    expect(new ChannelPort(new FakeFlowChannel('moim-volatile')).kind).toBe('volatile')
    expect(new ChannelPort(new FakeFlowChannel('moim-bulk:abc')).kind).toBe('bulk')
  })

  it('waits for the channel to open, then sends in order', async () => {
    const channel = new FakeFlowChannel('moim')
    const port = new ChannelPort(channel)
    const sent = [port.send('one'), port.send('two')]
    expect(channel.sent).toEqual([])
    channel.open()
    await Promise.all(sent)
    expect(channel.sent).toEqual(['one', 'two'])
  })

  it('never queues more than the high-water mark in the channel, and resumes as it drains', async () => {
    const { channel, port } = openPort({ highWaterMark: 256 * KIB, lowWaterMark: 64 * KIB })
    const chunk = new Uint8Array(16 * KIB)
    const sends = Array.from({ length: 100 }, () => port.send(chunk))
    let done = 0
    for (const send of sends) void send.then(() => done++)
    await Promise.resolve()
    expect(channel.bufferedAmount).toBeLessThanOrEqual(256 * KIB)
    expect(done).toBeLessThan(100)
    while (done < 100) {
      channel.drain(48 * KIB)
      await Promise.resolve()
      await Promise.resolve()
    }
    expect(channel.sent).toHaveLength(100)
    expect(channel.peakBuffered).toBeLessThanOrEqual(256 * KIB)
    expect(channel.bufferedAmountLowThreshold).toBe(64 * KIB)
  })

  it('trySend sends only what fits now and never waits', () => {
    const { channel, port } = openPort({ highWaterMark: 32 * KIB })
    expect(port.trySend(new Uint8Array(20 * KIB))).toBe(true)
    expect(port.trySend(new Uint8Array(20 * KIB))).toBe(false)
    channel.drain()
    expect(port.trySend(new Uint8Array(20 * KIB))).toBe(true)
    expect(channel.sent).toHaveLength(2)
  })

  it('refuses a message larger than the peer accepts, before the channel sees it', async () => {
    const { channel, port } = openPort({ maxMessageSize: () => 64 * KIB })
    await expect(port.send(new Uint8Array(64 * KIB + 1))).rejects.toBeInstanceOf(
      MessageTooLargeError,
    )
    // Text is measured in UTF-8 bytes: 30,000 Hangul syllables are 90,000 bytes.
    await expect(port.send('가'.repeat(30_000))).rejects.toBeInstanceOf(MessageTooLargeError)
    await port.send(new Uint8Array(64 * KIB))
    expect(channel.sent).toHaveLength(1)
  })

  it('reports the close to its owner and fails what was still waiting', async () => {
    const { channel, port } = openPort({ highWaterMark: 16 * KIB })
    const events: string[] = []
    port.on('close', () => events.push('close'))
    await port.send(new Uint8Array(16 * KIB))
    const waiting = port.send(new Uint8Array(16 * KIB))
    channel.close()
    await expect(waiting).rejects.toBeInstanceOf(ChannelClosedError)
    await expect(port.send('late')).rejects.toBeInstanceOf(ChannelClosedError)
    expect(events).toEqual(['close'])
    expect(port.isClosed).toBe(true)
  })

  it('hands text and binary frames to its listeners', () => {
    const { channel, port } = openPort()
    const got: unknown[] = []
    port.on('text', (text) => got.push(text))
    port.on('binary', (data) => got.push(data.byteLength))
    channel.receive('hello')
    channel.receive(new ArrayBuffer(3))
    expect(got).toEqual(['hello', 3])
    expect(channel.binaryType).toBe('arraybuffer')
  })
})
