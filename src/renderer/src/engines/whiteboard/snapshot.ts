/**
 * Whole operations on the wire (`wb-ops` entries): a late joiner's snapshot, in pages under the
 * control channel's frame limit, and repaired strokes.
 */
import {
  STROKE_POINTS_MAX,
  WB_OPS_PAGE_CHARS,
  WB_OPS_PAGE_MAX,
  type WbOpEntry,
  type WbOps,
} from '../../../../shared/channel/whiteboard'
import {
  base64ToBytes,
  bytesToBase64,
  decodePoints,
  encodePoints,
} from '../../../../shared/whiteboard/pointCodec'
import type { BoardOp } from './ops'

export function toEntry(op: BoardOp): WbOpEntry {
  const base = {
    author: op.author,
    seq: op.seq,
    lamport: op.lamport,
    rev: op.rev,
    undone: op.undone,
  }
  if (op.kind === 'fill') return { kind: 'fill', ...base, x: op.x, y: op.y, color: op.color }
  if (op.kind === 'clear') return { kind: 'clear', ...base }
  return {
    kind: 'stroke',
    ...base,
    tool: op.tool,
    color: op.color,
    size: op.size,
    points: bytesToBase64(encodePoints(op.points)),
    complete: op.complete,
  }
}

/** An entry as an operation; throws PointCodecError on malformed points. */
export function fromEntry(entry: WbOpEntry): BoardOp {
  const base = {
    author: entry.author,
    seq: entry.seq,
    lamport: entry.lamport,
    rev: entry.rev,
    undone: entry.undone,
  }
  if (entry.kind === 'fill')
    return { kind: 'fill', ...base, x: entry.x, y: entry.y, color: entry.color }
  if (entry.kind === 'clear') return { kind: 'clear', ...base }
  const points = decodePoints(base64ToBytes(entry.points), STROKE_POINTS_MAX)
  const complete = entry.complete && points.length > 0
  return {
    kind: 'stroke',
    ...base,
    tool: entry.tool,
    color: entry.color,
    size: entry.size,
    points,
    complete,
    expected: complete ? points.length / 2 : null,
  }
}

/** The operations as `wb-ops` pages, in order; at least one page (`done` on the last). */
export function opsPages(ops: readonly BoardOp[]): WbOps[] {
  const pages: WbOps[] = []
  let current: WbOpEntry[] = []
  // JSON of an empty page plus separators; entries are measured as they are added.
  let chars = 40
  for (const op of ops) {
    const entry = toEntry(op)
    const size = JSON.stringify(entry).length + 1
    if (
      current.length > 0 &&
      (chars + size > WB_OPS_PAGE_CHARS || current.length >= WB_OPS_PAGE_MAX)
    ) {
      pages.push({ type: 'wb-ops', ops: current, done: false })
      current = []
      chars = 40
    }
    current.push(entry)
    chars += size
  }
  pages.push({ type: 'wb-ops', ops: current, done: true })
  return pages
}
