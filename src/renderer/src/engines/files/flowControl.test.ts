import { describe, expect, it } from 'vitest'
import { FILE_MESSAGE_MAX } from '../../../../shared/channel/files'
import { ChannelPort, DEFAULT_HIGH_WATER_MARK } from '../../rtc/channelPort'
import { eventually } from '../../rtc/testing/eventually'
import { FakeFlowChannel } from '../../rtc/testing/fakeFlowChannel'
import { RouterMesh } from '../../rtc/testing/routerMesh'
import { FilesEngine } from './filesEngine'
import { MemoryStorage, memorySource } from './testing/memoryStorage'

describe('FilesEngine over a slow channel', () => {
  it('never queues more than the channel port allows, and goes on as the network drains', async () => {
    const mesh = new RouterMesh()
    const channels: FakeFlowChannel[] = []
    const sender = new FilesEngine({
      router: mesh.router('ana'),
      openChannel: (_peer, label) => {
        const channel = new FakeFlowChannel(label)
        channels.push(channel)
        const port = new ChannelPort(channel, { maxMessageSize: () => FILE_MESSAGE_MAX })
        setTimeout(() => channel.open(), 0)
        return port
      },
      openSource: memorySource,
      storage: new MemoryStorage(),
      newId: () => 'x1',
      now: () => 0,
    })
    const receiver = new FilesEngine({
      router: mesh.router('bo'),
      openChannel: () => null,
      openSource: memorySource,
      storage: new MemoryStorage(),
      newId: () => 't1',
      now: () => 0,
    })
    sender.start('ana')
    receiver.start('bo')
    mesh.connect('ana', 'bo')
    const offered = sender.offer(new Blob([new Uint8Array(12 * 1024 * 1024)]), 'a.bin')
    if (!offered.ok) throw new Error(offered.reason)
    await eventually(() => expect(receiver.offerList()).toHaveLength(1))
    await receiver.accept(offered.offerKey)
    await eventually(() => expect(channels[0]?.sent.length).toBeGreaterThan(0))
    const channel = channels[0]!
    // The network takes nothing: sending stops at the port's high-water mark.
    await eventually(() =>
      expect(channel.bufferedAmount).toBeGreaterThan(DEFAULT_HIGH_WATER_MARK - FILE_MESSAGE_MAX),
    )
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(channel.peakBuffered).toBeLessThanOrEqual(DEFAULT_HIGH_WATER_MARK)
    const before = channel.sent.length
    channel.drain()
    await eventually(() => expect(channel.sent.length).toBeGreaterThan(before))
    expect(channel.peakBuffered).toBeLessThanOrEqual(DEFAULT_HIGH_WATER_MARK)
  })
})
