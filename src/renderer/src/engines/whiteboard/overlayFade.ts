/**
 * When overlay marks fade. A mark stays fully visible while it is drawn and for HOLD_MS after it
 * is finished (here: when this peer saw it complete), then fades out over FADE_MS and is gone;
 * a pinned mark never fades. Times are whatever clock the caller passes (frame timestamps in the
 * app, plain numbers in tests).
 */
import { keyOf, type BoardOp } from './ops'

export const MARK_HOLD_MS = 2_400
export const MARK_FADE_MS = 600

export class MarkFader {
  private readonly finishedAt = new Map<string, number>()

  constructor(
    private readonly holdMs = MARK_HOLD_MS,
    private readonly fadeMs = MARK_FADE_MS,
  ) {}

  /** Notes, at `now`, the strokes that are finished and were not yet. */
  observe(ops: readonly BoardOp[], now: number): void {
    for (const op of ops) {
      if (op.kind !== 'stroke' || !op.complete) continue
      const key = keyOf(op)
      if (!this.finishedAt.has(key)) this.finishedAt.set(key, now)
    }
  }

  /** 1 fully visible ... 0 gone. */
  opacity(op: BoardOp, now: number): number {
    if (op.kind !== 'stroke' || op.pinned) return 1
    const finished = this.finishedAt.get(keyOf(op))
    if (finished === undefined) return 1
    const elapsed = now - finished - this.holdMs
    if (elapsed <= 0) return 1
    if (elapsed >= this.fadeMs) return 0
    return 1 - elapsed / this.fadeMs
  }

  /** Whether some mark will still change its opacity after `now` (the view keeps animating). */
  fading(ops: readonly BoardOp[], now: number): boolean {
    return ops.some((op) => op.kind === 'stroke' && !op.pinned && this.opacity(op, now) > 0)
  }

  /** Forgets every mark (the overlay was reset). */
  reset(): void {
    this.finishedAt.clear()
  }
}
