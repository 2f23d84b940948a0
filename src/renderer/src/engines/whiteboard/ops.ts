/**
 * Board operations as every peer keeps them. An operation is identified by (author, seq) and
 * ordered by (lamport, author, seq): the same total order everywhere, whatever order the
 * operations arrived in. Only its author changes an operation's `undone` flag, with an
 * increasing `rev`, so the highest rev is the latest word on it.
 */
import type { StrokeTool } from '../../../../shared/channel/whiteboard'

interface OpBase {
  author: string
  seq: number
  lamport: number
  rev: number
  undone: boolean
}

export interface StrokeOp extends OpBase {
  kind: 'stroke'
  tool: StrokeTool
  color: string
  size: number
  /** Quantised board coordinates, flat: x0, y0, x1, y1, ... */
  points: number[]
  /** The author finished it and every point is here. */
  complete: boolean
  /** Points the author said the stroke has (its end message), when known. */
  expected: number | null
  /** A mark on a screen's overlay that does not fade (absent on the whiteboard). */
  pinned?: boolean
}

export interface FillOp extends OpBase {
  kind: 'fill'
  x: number
  y: number
  color: string
}

export interface ClearOp extends OpBase {
  kind: 'clear'
}

export type BoardOp = StrokeOp | FillOp | ClearOp

export function opKey(author: string, seq: number): string {
  return `${seq}@${author}`
}

export function keyOf(op: Pick<BoardOp, 'author' | 'seq'>): string {
  return opKey(op.author, op.seq)
}

/** The render order: Lamport time, then author id, then the author's sequence number. */
export function compareOps(
  a: Pick<BoardOp, 'lamport' | 'author' | 'seq'>,
  b: Pick<BoardOp, 'lamport' | 'author' | 'seq'>,
): number {
  if (a.lamport !== b.lamport) return a.lamport - b.lamport
  if (a.author !== b.author) return a.author < b.author ? -1 : 1
  return a.seq - b.seq
}

/** Points of a stroke as a count. */
export function pointCount(op: StrokeOp): number {
  return op.points.length / 2
}
