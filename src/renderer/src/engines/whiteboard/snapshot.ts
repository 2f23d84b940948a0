/**
 * Whole operations on the wire (ops frames, shared/whiteboard/opsCodec.ts): a late joiner's
 * snapshot, paged under the control channel's frame limit, and repaired strokes.
 */
import { encodeOpsFrames, type WireOp } from '../../../../shared/whiteboard/opsCodec'
import type { BoardOp } from './ops'

export function toWire(op: BoardOp): WireOp {
  if (op.kind !== 'stroke') return op
  const { expected: _expected, ...wire } = op
  return wire
}

export function fromWire(op: WireOp): BoardOp {
  if (op.kind !== 'stroke') return op
  const complete = op.complete && op.points.length > 0
  return { ...op, complete, expected: complete ? op.points.length / 2 : null }
}

/** The board as snapshot frames, in render order; at least one (the last says done). */
export function snapshotFrames(ops: readonly BoardOp[]): Uint8Array[] {
  return encodeOpsFrames(ops.map(toWire), true)
}

/** One finished stroke, whole, for a peer that missed some of its points. */
export function repairFrame(op: BoardOp): Uint8Array {
  return encodeOpsFrames([toWire(op)], false)[0]!
}
