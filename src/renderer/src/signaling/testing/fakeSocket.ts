/** A scriptable stand-in for a socket.io-client Socket: the test plays the server. */
import type { MoimSocket } from '../signalingClient'

type Handler = (...args: unknown[]) => void

class Handlers {
  private readonly map = new Map<string, Set<Handler>>()
  on(event: string, fn: Handler): this {
    let set = this.map.get(event)
    if (!set) this.map.set(event, (set = new Set()))
    set.add(fn)
    return this
  }
  off(event: string, fn: Handler): this {
    this.map.get(event)?.delete(fn)
    return this
  }
  fire(event: string, ...args: unknown[]): void {
    for (const fn of [...(this.map.get(event) ?? [])]) fn(...args)
  }
  count(): number {
    let n = 0
    for (const set of this.map.values()) n += set.size
    return n
  }
}

export interface Emitted {
  event: string
  payload: unknown
  ack: (res: unknown) => void
}

export class FakeSocket {
  connected = false
  recovered = false
  connectCalls = 0
  readonly io = new Handlers()
  private readonly handlers = new Handlers()
  readonly emitted: Emitted[] = []
  /** Answers requests like a server would; undefined = never answer. */
  respond: ((event: string, payload: unknown) => unknown) | null = null

  on(event: string, fn: Handler): this {
    this.handlers.on(event, fn)
    return this
  }

  off(event: string, fn: Handler): this {
    this.handlers.off(event, fn)
    return this
  }

  emit(event: string, payload: unknown, ack: (res: unknown) => void): this {
    this.emitted.push({ event, payload, ack })
    const answer = this.respond?.(event, payload)
    if (answer !== undefined) queueMicrotask(() => ack(answer))
    return this
  }

  /** When set, connect() is accepted on the next microtask, as a reachable server would. */
  autoAccept = false

  connect(): this {
    this.connectCalls++
    if (this.autoAccept) queueMicrotask(() => this.serverAccept())
    return this
  }

  disconnect(): this {
    this.connected = false
    return this
  }

  // --- the test's side ---
  serverAccept(recovered = false): void {
    this.connected = true
    this.recovered = recovered
    this.handlers.fire('connect')
  }

  serverDrop(reason = 'transport close'): void {
    this.connected = false
    this.handlers.fire('disconnect', reason)
  }

  serverSend(event: string, payload: unknown): void {
    this.handlers.fire(event, payload)
  }

  listenerCount(): number {
    return this.handlers.count() + this.io.count()
  }

  asSocket(): MoimSocket {
    return this as unknown as MoimSocket
  }
}
