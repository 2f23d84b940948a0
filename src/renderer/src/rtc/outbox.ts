/**
 * Frames for one peer whose control channel is not open yet, delivered in order when it opens.
 * Bounded: past the limit the oldest frame is dropped (and counted), so a peer that never
 * connects cannot grow memory without end.
 */
export const DEFAULT_OUTBOX_LIMIT = 256

interface Queued {
  type: string
  frame: string
}

export class Outbox {
  private items: Queued[] = []
  private droppedCount = 0

  constructor(private readonly limit = DEFAULT_OUTBOX_LIMIT) {}

  get size(): number {
    return this.items.length
  }

  /** Frames dropped for lack of room since the outbox was made. */
  get dropped(): number {
    return this.droppedCount
  }

  /**
   * Queues a frame. latestOnly: a state message where only the newest matters (media state);
   * an older queued frame of the same type is removed.
   */
  push(type: string, frame: string, latestOnly = false): void {
    if (latestOnly) this.items = this.items.filter((item) => item.type !== type)
    this.items.push({ type, frame })
    while (this.items.length > this.limit) {
      this.items.shift()
      this.droppedCount++
    }
  }

  /** Everything queued, oldest first; the outbox is empty afterwards. */
  drain(): string[] {
    const frames = this.items.map((item) => item.frame)
    this.items = []
    return frames
  }

  clear(): void {
    this.items = []
  }
}
