/**
 * Reads a file for sending and hashes each byte the first time it is read, so the SHA-256 of a
 * file is known once it has been sent to anyone, without a second pass. Runs in the reader
 * worker; reads are served one after another in the order asked. SHA-256 is hash-wasm's
 * WebAssembly build (about twice as fast as a JS one). The file is read a block at a time: each
 * read of a `File` is a round trip through the browser process.
 */
import { createSHA256, type IHasher } from 'hash-wasm'

export type ReadSlice = (start: number, end: number) => Promise<ArrayBuffer>

/** Bytes read from the file at a time; frames are cut from this block. */
export const READ_BLOCK_BYTES = 4 * 1024 * 1024

export class HashingReader {
  private readonly hasher: Promise<IHasher> = createSHA256()
  private hashed = 0
  private digestHex: string | null = null
  private queue: Promise<unknown> = Promise.resolve()
  private block: { start: number; bytes: Uint8Array } | null = null

  constructor(
    readonly size: number,
    private readonly readSlice: ReadSlice,
    private readonly blockBytes = READ_BLOCK_BYTES,
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

  private async readNow(offset: number, length: number, headerLength: number) {
    if (offset < 0 || length < 0 || offset + length > this.size)
      throw new RangeError(`read of ${length} bytes at ${offset} is outside the file`)
    // Sequential hashing needs every byte before this read to have been read once.
    if (offset > this.hashed) throw new RangeError(`read at ${offset} skips unread bytes`)
    const hasher = await this.hasher
    const bytes = await this.slice(offset, length)
    const fresh = offset + length - this.hashed
    if (fresh > 0) {
      hasher.update(bytes.subarray(length - fresh))
      this.hashed += fresh
    }
    const frame = new Uint8Array(headerLength + length)
    frame.set(bytes, headerLength)
    return frame
  }

  private async slice(offset: number, length: number): Promise<Uint8Array> {
    let block = this.block
    if (!block || offset < block.start || offset + length > block.start + block.bytes.byteLength) {
      const end = Math.min(this.size, offset + Math.max(length, this.blockBytes))
      const bytes = new Uint8Array(await this.readSlice(offset, end))
      if (bytes.byteLength !== end - offset)
        throw new Error('the file changed while it was being shared')
      block = this.block = { start: offset, bytes }
    }
    return block.bytes.subarray(offset - block.start, offset - block.start + length)
  }
}
