/**
 * Writes received files into the Origin Private File System with synchronous access handles
 * (available only in workers), hashing as it goes (see HashingWriter). Requests are handled one
 * at a time, in order, so writes land in the order the engine made them.
 */
import { HashingWriter, type SyncHandleLike } from './hashingWriter'
import type { WorkerReply, WorkerScope, WriterRequest } from './workerProtocol'

interface SyncFileHandle {
  createSyncAccessHandle(): Promise<SyncHandleLike>
}

const scope = self as unknown as WorkerScope
const writers = new Map<string, HashingWriter>()
let queue: Promise<void> = Promise.resolve()

async function areaDirectory(area: string, instance: string, create: boolean) {
  const root = await navigator.storage.getDirectory()
  const dir = await root.getDirectoryHandle(area, { create })
  return dir.getDirectoryHandle(instance, { create })
}

async function ignoreMissing(work: Promise<unknown>): Promise<void> {
  try {
    await work
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'NotFoundError')) throw error
  }
}

async function handle(request: WriterRequest): Promise<unknown> {
  switch (request.op) {
    case 'open': {
      const dir = await areaDirectory(request.area, request.instance, true)
      const file = (await dir.getFileHandle(request.key, {
        create: true,
      })) as unknown as SyncFileHandle
      writers.set(request.key, await HashingWriter.create(await file.createSyncAccessHandle()))
      return undefined
    }
    case 'write': {
      const writer = writers.get(request.key)
      if (!writer) throw new Error('the file is closed')
      writer.write(request.offset, new Uint8Array(request.frame, request.start))
      return undefined
    }
    case 'finish': {
      const writer = writers.get(request.key)
      if (!writer) throw new Error('the file is closed')
      writers.delete(request.key)
      return writer.finish()
    }
    case 'discard': {
      writers.get(request.key)?.close()
      writers.delete(request.key)
      await ignoreMissing(
        areaDirectory(request.area, request.instance, false).then((dir) =>
          dir.removeEntry(request.key),
        ),
      )
      return undefined
    }
    case 'wipe': {
      for (const writer of writers.values()) writer.close()
      writers.clear()
      const root = await navigator.storage.getDirectory()
      await ignoreMissing(
        root
          .getDirectoryHandle(request.area)
          .then((dir) => dir.removeEntry(request.instance, { recursive: true })),
      )
      return undefined
    }
  }
}

scope.onmessage = (event: MessageEvent<WriterRequest>) => {
  const request = event.data
  queue = queue.then(async () => {
    let message: WorkerReply
    try {
      message = { seq: request.seq, ok: true, value: await handle(request) }
    } catch (error) {
      const { name, message: text } = error instanceof Error ? error : new Error(String(error))
      message = { seq: request.seq, ok: false, name, message: text }
    }
    scope.postMessage(message)
  })
}
