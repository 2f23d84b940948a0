/** Sources that read and hash in one shared reader worker, created on first use. */
import type { ChunkSource, SourceFactory } from './storage'
import { WorkerClient } from './workerClient'
import type { ReaderRequest } from './workerProtocol'

export function workerSources(createWorker: () => Worker): SourceFactory {
  let client: WorkerClient<ReaderRequest> | null = null
  let nextKey = 0
  return (file: Blob): ChunkSource => {
    client ??= new WorkerClient<ReaderRequest>(createWorker())
    const worker = client
    const key = String(++nextKey)
    worker.tell({ op: 'open', key, file })
    return {
      read: (offset, length, headerLength) =>
        worker.ask<Uint8Array>({ op: 'read', key, offset, length, headerLength }),
      digest: () => worker.ask<string>({ op: 'digest', key }),
      close: () => worker.tell({ op: 'close', key }),
    }
  }
}
