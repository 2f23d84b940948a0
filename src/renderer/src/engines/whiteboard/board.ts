/**
 * The board's operations and their reconciliation, pure and synchronous: live messages and
 * snapshot pages from any peer, in any order and any number of times, end in the same picture.
 * What is shown is every operation that is not undone and ordered after the last visible clear.
 */
import { STROKE_POINTS_MAX } from '../../../../shared/channel/whiteboard'
import { compareOps, keyOf, opKey, pointCount, type BoardOp, type StrokeOp } from './ops'

/** What a change did to the picture, so a view can redraw as little as possible. */
export type BoardChange =
  /** An operation sorted after every other one (a view draws it on top). */
  | { kind: 'tail'; op: BoardOp }
  /** A stroke got more points. */
  | { kind: 'points'; op: StrokeOp }
  /** A stroke was finished (last in order or not). */
  | { kind: 'complete'; op: StrokeOp }
  /** Anything else (an insertion in the middle, undo, a merge, a reset): redraw everything. */
  | { kind: 'rebuild' }

export type AppendResult = 'ok' | 'unknown' | 'gap' | 'duplicate' | 'too-long'

export class Board {
  private readonly ops = new Map<string, BoardOp>()
  /** Every operation in render order. */
  private ordered: BoardOp[] = []
  private lamport = 0
  /** Undo states that arrived before their operation (relayed by different peers). */
  private readonly early = new Map<string, { undone: boolean; rev: number }>()

  /** The Lamport time a new local operation takes. */
  nextLamport(): number {
    return ++this.lamport
  }

  get clock(): number {
    return this.lamport
  }

  get size(): number {
    return this.ordered.length
  }

  get(author: string, seq: number): BoardOp | undefined {
    return this.ops.get(opKey(author, seq))
  }

  all(): readonly BoardOp[] {
    return this.ordered
  }

  /** Operations drawn, in order: not undone, after the last visible clear, clears left out. */
  visible(): BoardOp[] {
    let from = 0
    for (let i = this.ordered.length - 1; i >= 0; i--) {
      const op = this.ordered[i]!
      if (op.kind === 'clear' && !op.undone) {
        from = i + 1
        break
      }
    }
    const out: BoardOp[] = []
    for (let i = from; i < this.ordered.length; i++) {
      const op = this.ordered[i]!
      if (!op.undone && op.kind !== 'clear') out.push(op)
    }
    return out
  }

  /** Whether a visible clear is ordered after this operation (its undo would change nothing). */
  isCovered(op: BoardOp): boolean {
    for (let i = this.ordered.length - 1; i >= 0; i--) {
      const other = this.ordered[i]!
      if (other === op) return false
      if (other.kind === 'clear' && !other.undone) return true
    }
    return false
  }

  /** Adds a new operation; an existing one (same author and seq) is reconciled instead. */
  add(op: BoardOp): BoardChange | null {
    const key = keyOf(op)
    const known = this.ops.get(key)
    if (known) return this.reconcile(known, op)
    this.lamport = Math.max(this.lamport, op.lamport)
    const early = this.early.get(key)
    if (early && early.rev > op.rev) {
      op.rev = early.rev
      op.undone = early.undone
    }
    this.early.delete(key)
    this.ops.set(key, op)
    const index = this.insertionIndex(op)
    this.ordered.splice(index, 0, op)
    const atTail = index === this.ordered.length - 1
    if (op.undone) return null
    return atTail ? { kind: 'tail', op } : { kind: 'rebuild' }
  }

  /** Points of a live stroke from its author, starting at index `start`. */
  appendPoints(
    author: string,
    seq: number,
    start: number,
    points: readonly number[],
  ): { result: AppendResult; change: BoardChange | null } {
    const op = this.ops.get(opKey(author, seq))
    if (!op || op.kind !== 'stroke') return { result: 'unknown', change: null }
    const have = pointCount(op)
    if (start > have) return { result: 'gap', change: null }
    const skip = (have - start) * 2
    if (skip >= points.length) return { result: 'duplicate', change: null }
    if (have + (points.length - skip) / 2 > STROKE_POINTS_MAX)
      return { result: 'too-long', change: null }
    for (let i = skip; i < points.length; i++) op.points.push(points[i]!)
    return { result: 'ok', change: this.maybeComplete(op) ?? { kind: 'points', op } }
  }

  /** The author ended a stroke with `count` points; 'gap' when some are missing here. */
  endStroke(
    author: string,
    seq: number,
    count: number,
  ): { gap: boolean; change: BoardChange | null } {
    const op = this.ops.get(opKey(author, seq))
    if (!op || op.kind !== 'stroke') return { gap: false, change: null }
    op.expected = count
    if (pointCount(op) > count) op.points.length = count * 2
    const change = this.maybeComplete(op)
    return { gap: !op.complete, change }
  }

  /** The author's undo (true) or redo (false) of one of its operations. */
  setUndone(author: string, seq: number, undone: boolean, rev: number): BoardChange | null {
    const key = opKey(author, seq)
    const op = this.ops.get(key)
    if (!op) {
      if (rev > (this.early.get(key)?.rev ?? 0)) this.early.set(key, { undone, rev })
      return null
    }
    if (rev <= op.rev) return null
    op.rev = rev
    if (op.undone === undone) return null
    op.undone = undone
    return { kind: 'rebuild' }
  }

  /**
   * A live stroke whose author left: what arrived is all there will be. Returns whether any
   * stroke changed.
   */
  settleStrokesOf(author: string): boolean {
    let changed = false
    for (const op of this.ordered) {
      if (op.author !== author || op.kind !== 'stroke' || op.complete) continue
      op.complete = true
      op.expected = pointCount(op)
      changed = true
    }
    return changed
  }

  /** Forgets every operation (the game's turn boundary); the clock keeps counting. */
  reset(): void {
    this.ops.clear()
    this.ordered = []
    this.early.clear()
  }

  private maybeComplete(op: StrokeOp): BoardChange | null {
    if (op.complete || op.expected === null || pointCount(op) < op.expected) return null
    op.complete = true
    return op.undone ? null : { kind: 'complete', op }
  }

  /** The same operation again (a snapshot, a repair): more points and a newer rev win. */
  private reconcile(known: BoardOp, incoming: BoardOp): BoardChange | null {
    let changed = false
    if (known.kind === 'stroke' && incoming.kind === 'stroke') {
      if (incoming.points.length > known.points.length) {
        known.points = incoming.points.slice(0, STROKE_POINTS_MAX * 2)
        changed = true
      }
      if (incoming.complete && !known.complete) {
        known.expected = pointCount(incoming)
        changed = true
      }
      if (incoming.expected !== null && known.expected === null) known.expected = incoming.expected
      if (!known.complete && known.expected !== null && pointCount(known) >= known.expected) {
        known.points.length = known.expected * 2
        known.complete = true
        changed = true
      }
    }
    if (incoming.rev > known.rev) {
      known.rev = incoming.rev
      if (known.undone !== incoming.undone) {
        known.undone = incoming.undone
        changed = true
      }
    }
    return changed ? { kind: 'rebuild' } : null
  }

  private insertionIndex(op: BoardOp): number {
    let lo = 0
    let hi = this.ordered.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (compareOps(this.ordered[mid]!, op) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
