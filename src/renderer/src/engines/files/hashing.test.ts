import { describe, expect, it } from 'vitest'
import { HashingReader } from './hashingReader'
import { HashingWriter, type SyncHandleLike } from './hashingWriter'
import { sha256Hex } from './testing/sha256Hex'

const bytes = new Uint8Array(1000).map((_, i) => (i * 31) % 251)
const expected = await sha256Hex(bytes)

function reader() {
  return new HashingReader(bytes.length, async (start, end) => bytes.slice(start, end).buffer)
}

describe('HashingReader', () => {
  it('puts the payload after the header space and hashes each byte once, also across re-reads', async () => {
    const r = reader()
    const first = await r.read(0, 600, 4)
    expect([...first.subarray(0, 4)]).toEqual([0, 0, 0, 0])
    expect(first.subarray(4)).toEqual(bytes.subarray(0, 600))
    // A resume re-reads from an earlier offset.
    await r.read(300, 400, 0)
    await expect(r.digest()).rejects.toThrow()
    await r.read(700, 300, 0)
    expect(await r.digest()).toBe(expected)
  })

  it('refuses reads that skip unread bytes or leave the file', async () => {
    const r = reader()
    await expect(r.read(10, 10, 0)).rejects.toThrow(RangeError)
    await expect(r.read(0, 1001, 0)).rejects.toThrow(RangeError)
    // A failed read does not block the next one.
    expect((await r.read(0, 10, 0)).byteLength).toBe(10)
  })

  it('reads the file in blocks and cuts the frames from them', async () => {
    const asked: [number, number][] = []
    const r = new HashingReader(
      bytes.length,
      async (start, end) => {
        asked.push([start, end])
        return bytes.slice(start, end).buffer
      },
      400,
    )
    for (let offset = 0; offset < 1000; offset += 100)
      expect((await r.read(offset, 100, 2)).subarray(2)).toEqual(
        bytes.subarray(offset, offset + 100),
      )
    // A resume before the current block reads from there again.
    expect((await r.read(150, 100, 0)).subarray(0)).toEqual(bytes.subarray(150, 250))
    expect(asked).toEqual([
      [0, 400],
      [400, 800],
      [800, 1000],
      [150, 550],
    ])
    expect(await r.digest()).toBe(expected)
  })

  it('fails when the file is shorter than it said (changed on disk)', async () => {
    const r = new HashingReader(2000, async (start, end) => bytes.slice(start, end).buffer)
    await expect(r.read(900, 200, 0)).rejects.toThrow()
  })
})

class Handle implements SyncHandleLike {
  data: number[] = []
  closed = false
  flushed = false
  write(buffer: Uint8Array, { at }: { at: number }): number {
    // Short writes happen; the writer must continue.
    const n = Math.min(buffer.byteLength, 333)
    for (let i = 0; i < n; i++) this.data[at + i] = buffer[i]!
    return n
  }
  truncate(size: number): void {
    this.data.length = size
  }
  flush(): void {
    this.flushed = true
  }
  close(): void {
    this.closed = true
  }
}

describe('HashingWriter', () => {
  it('writes in order, through short writes, and hashes what it wrote', async () => {
    const handle = new Handle()
    const w = await HashingWriter.create(handle)
    w.write(0, bytes.subarray(0, 700))
    w.write(700, bytes.subarray(700))
    expect(w.finish()).toBe(expected)
    expect(handle.data).toEqual([...bytes])
    expect(handle.flushed && handle.closed).toBe(true)
  })

  it('refuses a write out of order', async () => {
    const w = await HashingWriter.create(new Handle())
    w.write(0, bytes.subarray(0, 10))
    expect(() => w.write(20, bytes.subarray(0, 10))).toThrow(RangeError)
  })
})
