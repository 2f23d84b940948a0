/**
 * Where the engine's bytes come from and go to. The browser implementations read the File and
 * write the Origin Private File System in workers (workerSource.ts, opfsStorage.ts); tests use
 * memory (testing/memoryStorage.ts).
 */

/** Reads one offered file in order of need, hashing every byte the first time it is read. */
export interface ChunkSource {
  /**
   * Bytes [offset, offset + length) of the file, placed at `headerLength` in a new buffer so the
   * caller can write its header in front without a copy. A read must not start past the end of
   * what earlier reads covered (transfers only ever go forward or resume within what was sent).
   */
  read(offset: number, length: number, headerLength: number): Promise<Uint8Array>
  /** Hex SHA-256 of the whole file; rejects until every byte has been read once. */
  digest(): Promise<string>
  close(): void
}

export type SourceFactory = (file: Blob) => ChunkSource

/** One received file being written. Writes are applied in the order they were called. */
export interface ChunkSink {
  /** Writes frame[payloadStart..] at `offset` and hashes it; the buffer is the sink's now. */
  write(offset: number, frame: ArrayBuffer, payloadStart: number): Promise<void>
  /** After the last write: flushes, closes, and gives the hex SHA-256 of what was written. */
  finish(): Promise<string>
  /** Deletes what was written (idempotent). */
  discard(): Promise<void>
}

export type StorageErrorCode = 'no-opfs' | 'quota' | 'write-failed'

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string = code,
  ) {
    super(message)
    this.name = 'StorageError'
  }
}

export interface FileStorage {
  /** A sink for a file of `size` bytes; StorageError 'no-opfs' or 'quota' when it cannot be. */
  open(transferId: string, size: number): Promise<ChunkSink>
  /** The finished file, for saving. */
  file(transferId: string, name: string, mime: string): Promise<File>
  /** Deletes everything this client received (leaving the call). */
  wipe(): Promise<void>
}
