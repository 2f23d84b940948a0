import { describe, expect, it } from 'vitest'
import {
  FILE_WINDOW_BYTES,
  chunkHeaderLength,
  readChunkHeader,
} from '../../../../shared/channel/files'
import { eventually } from '../../rtc/testing/eventually'
import { MAX_OFFERS_PER_PEER } from './filesEngine'
import { FilesWorld, randomBytes, type Peer } from './testing/filesWorld'
import { sha256Hex } from './testing/sha256Hex'

function fileOf(bytes: Uint8Array<ArrayBuffer>, name = 'photo.jpg'): File {
  return new File([bytes], name, { type: 'image/jpeg' })
}

function offerTo(
  world: FilesWorld,
  sender: Peer,
  bytes: Uint8Array<ArrayBuffer>,
  name?: string,
): string {
  const result = sender.engine.offer(fileOf(bytes, name), name ?? 'photo.jpg')
  if (!result.ok) throw new Error(result.reason)
  return result.offerKey
}

async function accepted(peer: Peer, key: string): Promise<string> {
  await eventually(() => expect(peer.offers.get(key)).toBeDefined())
  const result = await peer.engine.accept(key)
  if (!result.ok) throw new Error(result.reason)
  return result.transferId
}

/** toEqual on megabytes is slow; a byte comparison is not. */
function same(a: Uint8Array | undefined, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.byteLength) return false
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false
  return true
}

function statusOf(peer: Peer, id: string) {
  return peer.transfers.get(id)?.status
}

describe('FilesEngine', () => {
  it('sends nothing before Accept; the accepted copy has the same bytes and hash; a decliner gets no bytes', async () => {
    const world = new FilesWorld()
    const ana = world.add('ana')
    const bo = world.add('bo')
    const chul = world.add('chul')
    const bytes = randomBytes(700_000)
    const key = offerTo(world, ana, bytes)
    await eventually(() => expect(chul.offers.get(key)?.name).toBe('photo.jpg'))
    await eventually(() => expect(bo.offers.get(key)?.size).toBe(700_000))
    expect(ana.wires).toHaveLength(0)

    chul.engine.decline(key)
    const id = await accepted(bo, key)
    await eventually(() => expect(statusOf(bo, id)).toBe('done'))
    await eventually(() => expect(statusOf(ana, id)).toBe('done'))
    const expected = await sha256Hex(bytes)
    expect(same(bo.storage.bytes(id), bytes)).toBe(true)
    expect(bo.transfers.get(id)?.sha256).toBe(expected)
    expect(ana.transfers.get(id)?.sha256).toBe(expected)
    expect(ana.offers.get(key)?.declinedBy).toEqual(['chul'])
    expect(ana.wires).toHaveLength(1)
    expect(chul.storage.files.size).toBe(0)
    const saved = await bo.engine.receivedFile(id)
    expect(saved.name).toBe('photo.jpg')
    expect(same(new Uint8Array(await saved.arrayBuffer()), bytes)).toBe(true)
  })

  it('an empty file arrives verified without a bulk channel', async () => {
    const world = new FilesWorld()
    const ana = world.add('ana')
    const bo = world.add('bo')
    const id = await accepted(bo, offerTo(world, ana, new Uint8Array(0)))
    await eventually(() => expect(statusOf(bo, id)).toBe('done'))
    expect(bo.transfers.get(id)?.sha256).toBe(await sha256Hex(new Uint8Array(0)))
    expect(ana.wires).toHaveLength(0)
  })

  it.each([16 * 1024, 64 * 1024 + 7, 1024 * 1024])(
    'keeps every chunk within a %i-byte message limit (and within 256 KiB)',
    async (limit) => {
      const world = new FilesWorld({ maxMessageSize: limit })
      const ana = world.add('ana')
      const bo = world.add('bo')
      const bytes = randomBytes(3 * limit + 1234)
      const id = await accepted(bo, offerTo(world, ana, bytes))
      await eventually(() => expect(statusOf(bo, id)).toBe('done'))
      const sizes = ana.wires[0]!.sizes
      expect(Math.max(...sizes)).toBe(Math.min(limit, 256 * 1024))
      expect(same(bo.storage.bytes(id), bytes)).toBe(true)
    },
  )

  it('stops at the window of unacknowledged bytes until the receiver has written them', async () => {
    const world = new FilesWorld({ hold: true })
    const ana = world.add('ana')
    const bo = world.add('bo')
    const size = FILE_WINDOW_BYTES + 4 * 1024 * 1024
    const id = await accepted(bo, offerTo(world, ana, randomBytes(size)))
    await eventually(() => expect(ana.wires[0]?.inFlight.length).toBeGreaterThan(0))
    // Nothing delivered, so nothing acknowledged: the sender stops at the window.
    await eventually(() => {
      const sent = ana.wires[0]!.sizes.reduce((a, b) => a + b, 0)
      expect(sent).toBeGreaterThanOrEqual(FILE_WINDOW_BYTES)
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    const sent = ana.wires[0]!.sizes.reduce((a, b) => a + b, 0)
    expect(sent).toBeLessThan(FILE_WINDOW_BYTES + 2 * 256 * 1024)
    ana.wires[0]!.held = false
    ana.wires[0]!.deliver()
    await eventually(() => {
      ana.wires[0]!.deliver()
      expect(statusOf(bo, id)).toBe('done')
    })
  })

  it('resumes from the last written byte after the bulk channel breaks', async () => {
    const world = new FilesWorld({ hold: true })
    const ana = world.add('ana')
    const bo = world.add('bo')
    const bytes = randomBytes(2 * 1024 * 1024 + 99)
    const key = offerTo(world, ana, bytes)
    const id = await accepted(bo, key)
    await eventually(() => expect(ana.wires[0]?.inFlight.length).toBeGreaterThan(3))
    ana.wires[0]!.deliver(3)
    const payload = 256 * 1024 - chunkHeaderLength(id)
    await eventually(() => expect(bo.engine.transfer(id)?.bytes).toBe(3 * payload))
    const written = bo.engine.transfer(id)!.bytes
    ana.wires[0]!.close()
    await eventually(() => expect(ana.wires).toHaveLength(2))
    const again = ana.wires[1]!
    await eventually(() => expect(again.inFlight.length).toBeGreaterThan(0))
    expect(readChunkHeader(again.inFlight[0]!)?.offset).toBe(written)
    again.held = false
    again.deliver()
    await eventually(() => expect(statusOf(bo, id)).toBe('done'))
    expect(same(bo.storage.bytes(id), bytes)).toBe(true)
    await eventually(() => expect(statusOf(ana, id)).toBe('done'))
  })

  it('a hash mismatch fails the transfer on both sides and deletes the data', async () => {
    const world = new FilesWorld()
    const ana = world.add('ana')
    const bo = world.add('bo')
    bo.storage.corrupt = true
    const id = await accepted(bo, offerTo(world, ana, randomBytes(100_000)))
    await eventually(() => expect(bo.transfers.get(id)?.error).toBe('hash-mismatch'))
    await eventually(() => expect(ana.transfers.get(id)?.error).toBe('hash-mismatch'))
    expect(bo.storage.files.size).toBe(0)
  })

  it.each(['receiver', 'sender'] as const)(
    'cancelling from the %s stops both sides and deletes the partial data',
    async (who) => {
      const world = new FilesWorld({ hold: true })
      const ana = world.add('ana')
      const bo = world.add('bo')
      const id = await accepted(bo, offerTo(world, ana, randomBytes(1024 * 1024)))
      await eventually(() => expect(ana.wires[0]?.inFlight.length).toBeGreaterThan(1))
      ana.wires[0]!.deliver(1)
      await eventually(() => expect(bo.engine.transfer(id)?.bytes).toBeGreaterThan(0))
      ;(who === 'receiver' ? bo : ana).engine.cancel(id)
      const [mine, theirs] = who === 'receiver' ? [bo, ana] : [ana, bo]
      expect(mine.transfers.get(id)?.error).toBe('cancelled')
      await eventually(() => expect(theirs.transfers.get(id)?.error).toBe('cancelled-by-peer'))
      expect(bo.storage.files.size).toBe(0)
      expect(ana.wires[0]!.readyState).toBe('closed')
    },
  )

  it('withdrawing deletes even a finished copy; a new peer never sees a withdrawn offer', async () => {
    const world = new FilesWorld()
    const ana = world.add('ana')
    const bo = world.add('bo')
    const key = offerTo(world, ana, randomBytes(10_000))
    const id = await accepted(bo, key)
    await eventually(() => expect(statusOf(bo, id)).toBe('done'))
    ana.engine.withdraw(key.split('/')[1]!)
    await eventually(() => expect(bo.offers.get(key)?.state).toBe('withdrawn'))
    expect(bo.transfers.get(id)?.error).toBe('withdrawn')
    expect(bo.storage.files.size).toBe(0)
    const chul = world.add('chul')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(chul.offers.size).toBe(0)
  })

  it('keeps at most MAX_OFFERS_PER_PEER offers from one peer', async () => {
    const world = new FilesWorld()
    const ana = world.add('ana')
    const bo = world.add('bo')
    for (let i = 0; i <= MAX_OFFERS_PER_PEER; i++) ana.engine.offer(new Blob(['x']), `${i}.txt`)
    await eventually(() => expect(bo.offers.size).toBe(MAX_OFFERS_PER_PEER))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(bo.offers.size).toBe(MAX_OFFERS_PER_PEER)
  })

  it('a late joiner gets the open offers', async () => {
    const world = new FilesWorld()
    const ana = world.add('ana')
    const key = offerTo(world, ana, randomBytes(10))
    const bo = world.add('bo')
    await eventually(() => expect(bo.offers.get(key)?.state).toBe('open'))
  })

  it('the sender leaving for good fails the transfer and deletes the partial data', async () => {
    const world = new FilesWorld({ hold: true })
    const ana = world.add('ana')
    const bo = world.add('bo')
    const key = offerTo(world, ana, randomBytes(1024 * 1024))
    const id = await accepted(bo, key)
    await eventually(() => expect(ana.wires[0]?.inFlight.length).toBeGreaterThan(1))
    ana.wires[0]!.deliver(1)
    await eventually(() => expect(bo.engine.transfer(id)?.bytes).toBeGreaterThan(0))
    world.remove('ana')
    expect(bo.transfers.get(id)?.error).toBe('peer-left')
    expect(bo.offers.get(key)?.state).toBe('gone')
    expect(bo.storage.files.size).toBe(0)
  })

  it('leaving the call deletes everything received', async () => {
    const world = new FilesWorld()
    const ana = world.add('ana')
    const bo = world.add('bo')
    const id = await accepted(bo, offerTo(world, ana, randomBytes(1000)))
    await eventually(() => expect(statusOf(bo, id)).toBe('done'))
    await bo.engine.stop()
    expect(bo.storage.files.size).toBe(0)
    expect(bo.storage.wipes).toBeGreaterThan(0)
    expect(bo.engine.offerList()).toEqual([])
  })

  it('refuses with a reason: too large, too many, no storage, over quota', async () => {
    const world = new FilesWorld({ limits: { maxFileBytes: 1000, maxConcurrent: 1 }, hold: true })
    const ana = world.add('ana')
    const bo = world.add('bo')
    expect(ana.engine.offer(fileOf(randomBytes(1001)), 'big.bin')).toEqual({
      ok: false,
      reason: 'too-large',
    })
    const first = offerTo(world, ana, randomBytes(1000), 'a.bin')
    const second = offerTo(world, ana, randomBytes(1000), 'b.bin')
    await accepted(bo, first)
    await eventually(() => expect(bo.offers.get(second)).toBeDefined())
    expect(await bo.engine.accept(second)).toEqual({ ok: false, reason: 'too-many' })
    expect(bo.offers.get(second)?.error).toBe('too-many')

    const chul = world.add('chul')
    await eventually(() => expect(chul.offers.get(second)).toBeDefined())
    chul.storage.available = false
    expect(await chul.engine.accept(second)).toEqual({ ok: false, reason: 'no-opfs' })
    chul.storage.available = true
    chul.storage.quota = 10
    expect(await chul.engine.accept(second)).toEqual({ ok: false, reason: 'quota' })
    expect(chul.offers.get(second)?.answer).toBe('pending')
  })

  it('drops chunks of a peer that is not the sender and fails on a malformed chunk', async () => {
    const world = new FilesWorld({ hold: true })
    const ana = world.add('ana')
    const bo = world.add('bo')
    const id = await accepted(bo, offerTo(world, ana, randomBytes(300_000)))
    await eventually(() => expect(ana.wires[0]?.inFlight.length).toBeGreaterThan(0))
    const wire = ana.wires[0]!
    wire.inFlight.unshift(new Uint8Array([1, 2, 3]).buffer)
    wire.deliver(1)
    expect(bo.transfers.get(id)?.error).toBe('protocol')
    await eventually(() => expect(ana.transfers.get(id)?.error).toBe('protocol'))
    expect(bo.storage.files.size).toBe(0)
  })
})
