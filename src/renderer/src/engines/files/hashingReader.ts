/**
 * Reads a file for sending and hashes each byte the first time it is read, so the SHA-256 of a
 * file is known once it has been sent to anyone, without a second pass. Runs in the reader
 * worker; reads are served one after another in the order asked.
 *
 * Each Blob read costs far more than copying its bytes (in Chromium a round trip to the browser
 * process), so the File is read in blocks several chunks long and chunks are cut from them.
 * Files sent to several peers are read at several places at once, so the last few blocks read
 * are kept, a few for all files of the worker together (memory stays bounded however many).
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'

export type ReadSlice = (start: number, end: number) => Promise<ArrayBuffer>

/** Bytes read from the File at once. */
export const READ_BLOCK_BYTES = 1024 * 1024

interface Block {
  reader: object
  at: number
  bytes: Uint8Array
}

/** The blocks last read, shared by the readers of one worker. */
export class BlockCache {
  /** Most recently used first. */
  private blocks: Block[] = []

  constructor(private readonly limit = 4) {}

  find(reader: object, at: number): Block | undefined {
    const block = this.blocks.find(
      (b) => b.reader === reader && at >= b.at && at < b.at + b.bytes.length,
    )
    if (block) this.keep(block)
    return block
  }

  keep(block: Block): void {
    this.blocks = [block, ...this.blocks.filter((b) => b !== block)].slice(0, this.limit)
  }

  drop(reader: object): void {
    this.blocks = this.blocks.filter((b) => b.reader !== reader)
  }
}

export class HashingReader {
  private readonly hasher = sha256.create()
  private hashed = 0
  private digestHex: string | null = null
  private queue: Promise<unknown> = Promise.resolve()
  constructor(
    readonly size: number,
    private readonly readSlice: ReadSlice,
    private readonly cache = new BlockCache(),
    private readonly blockBytes = READ_BLOCK_BYTES,
  ) {}

  read(offset: number, length: number, headerLength: number): Promise<Uint8Array> {
    const result = this.queue.then(() => this.readNow(offset, length, headerLength))
    this.queue = result.catch(() => {})
    return result
  }

  /** Hex SHA-256 of the whole file; throws while some of it was never read. */
  digest(): string {
    if (this.hashed < this.size) throw new Error('the file has not been read to its end')
    this.digestHex ??= bytesToHex(this.hasher.digest())
    return this.digestHex
  }

  private async readNow(offset: number, length: number, headerLength: number) {
    if (offset < 0 || length < 0 || offset + length > this.size)
      throw new RangeError(`read of ${length} bytes at ${offset} is outside the file`)
    // Sequential hashing needs every byte before this read to have been read once.
    if (offset > this.hashed) throw new RangeError(`read at ${offset} skips unread bytes`)
    const frame = new Uint8Array(headerLength + length)
    const end = offset + length
    for (let at = offset; at < end;) {
      const block = await this.blockAt(at)
      const piece = block.bytes.subarray(
        at - block.at,
        Math.min(end - block.at, block.bytes.length),
      )
      frame.set(piece, headerLength + at - offset)
      const fresh = at + piece.byteLength - this.hashed
      if (fresh > 0) {
        this.hasher.update(piece.subarray(piece.byteLength - fresh))
        this.hashed += fresh
      }
      at += piece.byteLength
    }
    return frame
  }

  /** Forgets this file's kept blocks. */
  close(): void {
    this.cache.drop(this)
  }

  /** The block holding byte `at`: a kept one, or a new one read from there. */
  private async blockAt(at: number): Promise<Block> {
    const kept = this.cache.find(this, at)
    if (kept) return kept
    const end = Math.min(this.size, at + this.blockBytes)
    const bytes = new Uint8Array(await this.readSlice(at, end))
    if (bytes.byteLength !== end - at) throw new Error('the file changed while it was being shared')
    const block = { reader: this, at, bytes }
    this.cache.keep(block)
    return block
  }
}
