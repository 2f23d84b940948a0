/** Reads and hashes files being sent (see HashingReader); chunks go back as transferred buffers. */
import { HashingReader } from './hashingReader'
import type { ReaderRequest, WorkerReply, WorkerScope } from './workerProtocol'

const scope = self as unknown as WorkerScope
const readers = new Map<string, HashingReader>()

function reply(message: WorkerReply, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer)
}

function failure(seq: number, error: unknown): WorkerReply {
  const { name, message } = error instanceof Error ? error : new Error(String(error))
  return { seq, ok: false, name, message }
}

scope.onmessage = (event: MessageEvent<ReaderRequest>) => {
  const request = event.data
  if (request.op === 'open') {
    const file = request.file
    readers.set(
      request.key,
      new HashingReader(file.size, (start) => file.slice(start).stream().getReader()),
    )
    return
  }
  if (request.op === 'close') {
    readers.get(request.key)?.close()
    readers.delete(request.key)
    return
  }
  const reader = readers.get(request.key)
  if (!reader) return reply(failure(request.seq, new Error('the file is closed')))
  if (request.op === 'digest') {
    reader.digest().then(
      (value) => reply({ seq: request.seq, ok: true, value }),
      (error: unknown) => reply(failure(request.seq, error)),
    )
    return
  }
  reader.read(request.offset, request.length, request.headerLength).then(
    (frame) => reply({ seq: request.seq, ok: true, value: frame }, [frame.buffer]),
    (error: unknown) => reply(failure(request.seq, error)),
  )
}
