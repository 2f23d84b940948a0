/** Minimal typed event emitter for framework-free classes (rtc/, signaling/). */
// Event maps are declared as interfaces; `object` keeps them open to that without an index signature.
export type EventMap = object
export type Listener<Args> = Args extends unknown[] ? (...args: Args) => void : never

export class Emitter<Events extends EventMap> {
  // Listener types vary per event; each is only ever called with its own event's arguments.
  private readonly listeners = new Map<keyof Events, Set<unknown>>()

  /** Returns an unsubscribe function. */
  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    let set = this.listeners.get(event)
    if (!set) {
      set = new Set()
      this.listeners.set(event, set)
    }
    set.add(listener)
    return () => this.off(event, listener)
  }

  off<K extends keyof Events>(event: K, listener: Listener<Events[K]>): void {
    const set = this.listeners.get(event)
    if (!set) return
    set.delete(listener)
    if (set.size === 0) this.listeners.delete(event)
  }

  protected emit<K extends keyof Events>(
    event: K,
    ...args: Events[K] extends unknown[] ? Events[K] : never
  ): void {
    const set = this.listeners.get(event)
    if (!set) return
    for (const listener of [...set]) {
      // A throwing listener must not stop the others or the caller's state machine.
      try {
        ;(listener as (...a: unknown[]) => void)(...args)
      } catch (error) {
        console.error(`listener for "${String(event)}" failed`, error)
      }
    }
  }

  /** Number of listeners still attached; tests use it to prove cleanup. */
  listenerCount(): number {
    let n = 0
    for (const set of this.listeners.values()) n += set.size
    return n
  }

  removeAllListeners(): void {
    this.listeners.clear()
  }
}
