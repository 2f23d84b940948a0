/**
 * Writes a received file front to back through a synchronous OPFS access handle and hashes it
 * on the way, so verifying needs no second pass and nothing is kept in memory. Runs in the
 * writer worker (SHA-256 from hash-wasm, as in HashingReader).
 */
import { createSHA256, type IHasher } from 'hash-wasm'

/** The part of FileSystemSyncAccessHandle the writer uses (a fake in tests). */
export interface SyncHandleLike {
  write(buffer: Uint8Array, options: { at: number }): number
  truncate(size: number): void
  flush(): void
  close(): void
}

export class HashingWriter {
  private position = 0
  private closed = false

  private constructor(
    private readonly handle: SyncHandleLike,
    private readonly hasher: IHasher,
  ) {
    handle.truncate(0)
  }

  /** A writer at the start of the (emptied) file. */
  static async create(handle: SyncHandleLike): Promise<HashingWriter> {
    return new HashingWriter(handle, await createSHA256())
  }

  get written(): number {
    return this.position
  }

  write(offset: number, bytes: Uint8Array): void {
    if (this.closed) throw new Error('the file is closed')
    if (offset !== this.position)
      throw new RangeError(`write at ${offset}, expected ${this.position}`)
    let done = 0
    while (done < bytes.byteLength) {
      const n = this.handle.write(bytes.subarray(done), { at: offset + done })
      if (n <= 0) throw new Error('the file could not be written')
      done += n
    }
    this.hasher.update(bytes)
    this.position += bytes.byteLength
  }

  /** Flushes and closes the file; the hex SHA-256 of everything written. */
  finish(): string {
    this.handle.flush()
    this.close()
    return this.hasher.digest('hex')
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.handle.close()
  }
}
