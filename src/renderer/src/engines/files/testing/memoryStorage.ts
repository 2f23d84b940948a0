/**
 * The engine's storage in memory, through the same hashing reader and writer the workers use,
 * with switches for the failures tests need.
 */
import { HashingReader } from '../hashingReader'
import { HashingWriter, type SyncHandleLike } from '../hashingWriter'
import { StorageError, type ChunkSink, type ChunkSource, type FileStorage } from '../storage'

class MemoryHandle implements SyncHandleLike {
  data = new Uint8Array(0)
  size = 0
  closed = false
  write(buffer: Uint8Array, { at }: { at: number }): number {
    const end = at + buffer.byteLength
    if (end > this.data.byteLength) {
      const grown = new Uint8Array(Math.max(end, this.data.byteLength * 2))
      grown.set(this.data.subarray(0, this.size))
      this.data = grown
    }
    this.data.set(buffer, at)
    this.size = Math.max(this.size, end)
    return buffer.byteLength
  }
  truncate(size: number): void {
    this.size = size
  }
  flush(): void {}
  close(): void {
    this.closed = true
  }
}

export function memorySource(file: Blob): ChunkSource & { reads: number } {
  const reader = new HashingReader(file.size, (start) => file.slice(start).stream().getReader())
  const source = {
    reads: 0,
    read(offset: number, length: number, headerLength: number) {
      source.reads++
      return reader.read(offset, length, headerLength)
    },
    digest: () => reader.digest(),
    close: () => reader.close(),
  }
  return source
}

export class MemoryStorage implements FileStorage {
  readonly files = new Map<string, MemoryHandle>()
  /** Bytes a written file may not exceed in total (quota); Infinity by default. */
  quota = Infinity
  available = true
  /** Flips a byte of every file as it is finished (a corrupted transfer). */
  corrupt = false
  wipes = 0

  async open(transferId: string, size: number): Promise<ChunkSink> {
    if (!this.available) throw new StorageError('no-opfs')
    if (size > this.quota) throw new StorageError('quota')
    const handle = new MemoryHandle()
    const writer = await HashingWriter.create(handle)
    this.files.set(transferId, handle)
    return {
      write: async (offset, frame, payloadStart) => {
        writer.write(offset, new Uint8Array(frame, payloadStart))
      },
      finish: async () => {
        const sha = writer.finish()
        return this.corrupt ? sha.replace(/^./, (c) => (c === '0' ? '1' : '0')) : sha
      },
      discard: async () => {
        writer.close()
        this.files.delete(transferId)
      },
    }
  }

  async file(transferId: string, name: string, mime: string): Promise<File> {
    const handle = this.files.get(transferId)
    if (!handle) throw new Error('no such file')
    return new File([handle.data.slice(0, handle.size)], name, { type: mime })
  }

  bytes(transferId: string): Uint8Array | undefined {
    const handle = this.files.get(transferId)
    return handle?.data.slice(0, handle.size)
  }

  async wipe(): Promise<void> {
    this.wipes++
    this.files.clear()
  }
}
