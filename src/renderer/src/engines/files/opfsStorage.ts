/**
 * Received files in the Origin Private File System, written by a worker with synchronous access
 * handles. Each page keeps its files under `moim-files/<instance>` and holds a Web Lock named
 * after its instance for as long as it lives, so a starting page can delete what crashed or
 * closed pages left behind without touching another open tab's files.
 */
import { StorageError, type ChunkSink, type FileStorage } from './storage'
import { WorkerClient, WorkerFailure } from './workerClient'
import type { WriterRequest } from './workerProtocol'

export const FILES_AREA = 'moim-files'
const LOCK_PREFIX = 'moim-files:'

export interface OpfsEnvironment {
  storage: StorageManager | undefined
  locks: LockManager | undefined
  createWorker: () => Worker
  instance: string
}

function storageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error
  if (error instanceof WorkerFailure || error instanceof DOMException) {
    if (error.name === 'QuotaExceededError') return new StorageError('quota', error.message)
    if (error.name === 'SecurityError' || error.name === 'NotSupportedError')
      return new StorageError('no-opfs', error.message)
  }
  return new StorageError('write-failed', error instanceof Error ? error.message : String(error))
}

export class OpfsStorage implements FileStorage {
  private client: WorkerClient<WriterRequest> | null = null
  private readonly env: OpfsEnvironment

  constructor(env: OpfsEnvironment) {
    this.env = env
  }

  get supported(): boolean {
    return typeof this.env.storage?.getDirectory === 'function' && typeof Worker !== 'undefined'
  }

  /** Claims this page's area and deletes areas no live page holds (call once at startup). */
  async claim(): Promise<void> {
    const { locks, storage } = this.env
    if (!this.supported || !locks || !storage) return
    await new Promise<void>((claimed) => {
      void locks.request(LOCK_PREFIX + this.env.instance, () => {
        claimed()
        // Held until the page goes away.
        return new Promise<never>(() => {})
      })
    })
    const held = new Set((await locks.query()).held?.map((lock) => lock.name) ?? [])
    const root = await storage.getDirectory()
    let area: FileSystemDirectoryHandle
    try {
      area = await root.getDirectoryHandle(FILES_AREA)
    } catch {
      return
    }
    const stale: string[] = []
    for await (const name of (area as unknown as { keys(): AsyncIterable<string> }).keys())
      if (!held.has(LOCK_PREFIX + name)) stale.push(name)
    for (const name of stale) await area.removeEntry(name, { recursive: true }).catch(() => {})
  }

  async open(transferId: string, size: number): Promise<ChunkSink> {
    if (!this.supported) throw new StorageError('no-opfs')
    const estimate = await this.env.storage!.estimate().catch(() => null)
    if (estimate?.quota !== undefined && estimate.quota - (estimate.usage ?? 0) < size)
      throw new StorageError('quota')
    const worker = this.worker()
    const place = { area: FILES_AREA, instance: this.env.instance }
    try {
      await worker.ask({ op: 'open', key: transferId, ...place })
    } catch (error) {
      throw storageError(error)
    }
    return {
      write: (offset, frame, start) =>
        worker
          .ask<void>({ op: 'write', key: transferId, offset, frame, start }, [frame])
          .catch((error: unknown) => Promise.reject(storageError(error))),
      finish: () =>
        worker
          .ask<string>({ op: 'finish', key: transferId })
          .catch((error: unknown) => Promise.reject(storageError(error))),
      discard: () => worker.ask<void>({ op: 'discard', key: transferId, ...place }),
    }
  }

  async file(transferId: string, name: string, mime: string): Promise<File> {
    const root = await this.env.storage!.getDirectory()
    const area = await root.getDirectoryHandle(FILES_AREA)
    const dir = await area.getDirectoryHandle(this.env.instance)
    const stored = await (await dir.getFileHandle(transferId)).getFile()
    return new File([stored], name, { type: mime })
  }

  async wipe(): Promise<void> {
    if (!this.client) return
    await this.client.ask({ op: 'wipe', area: FILES_AREA, instance: this.env.instance })
  }

  private worker(): WorkerClient<WriterRequest> {
    this.client ??= new WorkerClient<WriterRequest>(this.env.createWorker())
    return this.client
  }
}
