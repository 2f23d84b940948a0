/** Request/reply over a worker: each request gets a number, each reply settles its promise. */
import type { WorkerReply } from './workerProtocol'

/** A request before it is numbered (distributes over the union of requests). */
type Unnumbered<R> = R extends unknown ? Omit<R, 'seq'> : never

export class WorkerFailure extends Error {
  constructor(name: string, message: string) {
    super(message)
    this.name = name
  }
}

export class WorkerClient<Request extends { op: string }> {
  private seq = 0
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >()

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data
      const waiting = this.pending.get(reply.seq)
      if (!waiting) return
      this.pending.delete(reply.seq)
      if (reply.ok) waiting.resolve(reply.value)
      else waiting.reject(new WorkerFailure(reply.name, reply.message))
    }
    worker.onerror = (event) => {
      event.preventDefault()
      const error = new WorkerFailure('WorkerError', event.message || 'the worker failed')
      for (const waiting of this.pending.values()) waiting.reject(error)
      this.pending.clear()
    }
  }

  /** A request that is answered; `seq` is filled in here. */
  ask<T>(request: Unnumbered<Request>, transfer: Transferable[] = []) {
    const seq = ++this.seq
    return new Promise<T>((resolve, reject) => {
      this.pending.set(seq, { resolve: resolve as (value: unknown) => void, reject })
      this.worker.postMessage({ ...request, seq }, transfer)
    })
  }

  /** A request without an answer. */
  tell(request: Request, transfer: Transferable[] = []): void {
    this.worker.postMessage(request, transfer)
  }

  terminate(): void {
    this.worker.terminate()
    for (const waiting of this.pending.values())
      waiting.reject(new WorkerFailure('AbortError', 'the worker was stopped'))
    this.pending.clear()
  }
}
