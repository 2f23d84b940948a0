/**
 * Reads a file for sending and hashes each byte the first time it is read, so the SHA-256 of a
 * file is known once it has been sent to anyone, without a second pass. Runs in the reader
 * worker; reads are served one after another in the order asked. SHA-256 is hash-wasm's
 * WebAssembly build (about twice as fast as a JS one). The file is read as streams, not in
 * separate slices: each read of a `File` is a round trip through the browser process with a cost
 * of its own. Each transfer of the file reads front to back, so a read continues the stream that
 * ended where it starts; only a resume (or another receiver's transfer) opens another one.
 */
import { createSHA256, type IHasher } from 'hash-wasm'

/** The part of a ReadableStreamDefaultReader the reader uses. */
export interface ByteStream {
  read(): Promise<{ done: boolean; value?: Uint8Array }>
  cancel(): Promise<void>
}

/** The file's bytes from `start` to its end, as a stream. */
export type OpenStream = (start: number) => ByteStream

interface Cursor {
  stream: ByteStream
  at: number
  left: Uint8Array
}

/** Streams kept open at once: one per transfer of the file, up to the engine's default limit. */
export const MAX_CURSORS = 8

export class HashingReader {
  private readonly hasher: Promise<IHasher> = createSHA256()
  private hashed = 0
  private digestHex: string | null = null
  private queue: Promise<unknown> = Promise.resolve()
  /** Open streams, least recently read first: each one's next byte and the rest of its chunk. */
  private cursors: Cursor[] = []

  constructor(
    readonly size: number,
    private readonly openStream: OpenStream,
  ) {}

  read(offset: number, length: number, headerLength: number): Promise<Uint8Array> {
    const result = this.queue.then(() => this.readNow(offset, length, headerLength))
    this.queue = result.catch(() => {})
    return result
  }

  /** Hex SHA-256 of the whole file; rejects while some of it was never read. */
  async digest(): Promise<string> {
    const hasher = await this.hasher
    await this.queue
    if (this.hashed < this.size) throw new Error('the file has not been read to its end')
    this.digestHex ??= hasher.digest('hex')
    return this.digestHex
  }

  /** Stops the streams (the file is no longer shared). */
  close(): void {
    for (const cursor of this.cursors) stop(cursor)
    this.cursors = []
  }

  private async readNow(offset: number, length: number, headerLength: number) {
    if (offset < 0 || length < 0 || offset + length > this.size)
      throw new RangeError(`read of ${length} bytes at ${offset} is outside the file`)
    // Sequential hashing needs every byte before this read to have been read once.
    if (offset > this.hashed) throw new RangeError(`read at ${offset} skips unread bytes`)
    const hasher = await this.hasher
    const frame = new Uint8Array(headerLength + length)
    await this.fill(frame.subarray(headerLength), offset)
    const fresh = offset + length - this.hashed
    if (fresh > 0) {
      hasher.update(frame.subarray(headerLength + length - fresh))
      this.hashed += fresh
    }
    return frame
  }

  /** Copies the file's bytes from `offset` into `target`. */
  private async fill(target: Uint8Array, offset: number): Promise<void> {
    const cursor = this.cursorAt(offset)
    let filled = 0
    try {
      while (filled < target.byteLength) {
        if (cursor.left.byteLength === 0) {
          const chunk = await cursor.stream.read()
          if (chunk.done || !chunk.value)
            throw new Error('the file changed while it was being shared')
          cursor.left = chunk.value
        }
        const n = Math.min(cursor.left.byteLength, target.byteLength - filled)
        target.set(cursor.left.subarray(0, n), filled)
        cursor.left = cursor.left.subarray(n)
        filled += n
      }
    } catch (error) {
      // Taken out of the list by cursorAt: a failed stream is not kept.
      stop(cursor)
      throw error
    }
    cursor.at += filled
    this.cursors.push(cursor)
  }

  /** The stream whose next byte is at `offset` (taken out of the list), or a new one. */
  private cursorAt(offset: number): Cursor {
    const index = this.cursors.findIndex((c) => c.at === offset)
    if (index >= 0) return this.cursors.splice(index, 1)[0]!
    while (this.cursors.length >= MAX_CURSORS) stop(this.cursors.shift()!)
    return { stream: this.openStream(offset), at: offset, left: new Uint8Array(0) }
  }
}

function stop(cursor: Cursor): void {
  void cursor.stream.cancel().catch(() => {})
}
