import { describe, expect, it } from 'vitest'
import { HashingReader, type OpenStream } from './hashingReader'
import { HashingWriter, type SyncHandleLike } from './hashingWriter'
import { sha256Hex } from './testing/sha256Hex'

const bytes = new Uint8Array(1000).map((_, i) => (i * 31) % 251)
const expected = await sha256Hex(bytes)

/** The bytes from `start` on in chunks of `chunk`; `opened` records where each stream began. */
function streams(data: Uint8Array, chunk = 64, opened: number[] = []): OpenStream {
  return (start) => {
    opened.push(start)
    let at = start
    let cancelled = false
    return {
      read: async () => {
        if (cancelled || at >= data.byteLength) return { done: true }
        const value = data.slice(at, at + chunk)
        at += value.byteLength
        return { done: false, value }
      },
      cancel: async () => {
        cancelled = true
      },
    }
  }
}

function reader() {
  return new HashingReader(bytes.length, streams(bytes))
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

  it('reads the file as one stream, cut into frames across its chunks, reopened only to go back', async () => {
    const opened: number[] = []
    const r = new HashingReader(bytes.length, streams(bytes, 64, opened))
    for (let offset = 0; offset < 1000; offset += 100)
      expect((await r.read(offset, 100, 2)).subarray(2)).toEqual(
        bytes.subarray(offset, offset + 100),
      )
    expect(opened).toEqual([0])
    // A resume from an earlier offset opens a stream there, and reading on continues it.
    expect(await r.read(150, 100, 0)).toEqual(bytes.subarray(150, 250))
    expect(await r.read(250, 100, 0)).toEqual(bytes.subarray(250, 350))
    expect(opened).toEqual([0, 150])
    expect(await r.digest()).toBe(expected)
  })

  it('keeps one stream per transfer when two receivers take the same file at different places', async () => {
    const opened: number[] = []
    const r = new HashingReader(bytes.length, streams(bytes, 64, opened))
    for (let offset = 0; offset < 400; offset += 100) await r.read(offset, 100, 0)
    // A second receiver starts from the beginning; the two transfers' reads interleave.
    for (let step = 0; step < 6; step++) {
      expect(await r.read(400 + step * 100, 100, 0)).toEqual(
        bytes.subarray(400 + step * 100, 500 + step * 100),
      )
      expect(await r.read(step * 100, 100, 0)).toEqual(bytes.subarray(step * 100, step * 100 + 100))
    }
    expect(opened).toEqual([0, 0])
    expect(await r.digest()).toBe(expected)
  })

  it('fails when the file is shorter than it said (changed on disk), and when the stream fails', async () => {
    const short = new HashingReader(2000, streams(bytes))
    await expect(short.read(0, 1000, 0)).resolves.toHaveLength(1000)
    await expect(short.read(1000, 200, 0)).rejects.toThrow(/changed/)
    const opened: number[] = []
    let fail = true
    const flaky = new HashingReader(bytes.length, (start) => {
      const stream = streams(bytes, 64, opened)(start)
      return {
        read: () => (fail ? Promise.reject(new Error('NotReadableError')) : stream.read()),
        cancel: () => stream.cancel(),
      }
    })
    await expect(flaky.read(0, 100, 0)).rejects.toThrow('NotReadableError')
    fail = false
    // The next read opens a fresh stream instead of reusing the failed one.
    expect(await flaky.read(0, 100, 0)).toEqual(bytes.subarray(0, 100))
    expect(opened).toEqual([0, 0])
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
