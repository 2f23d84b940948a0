/**
 * Whole whiteboard operations as binary frames: a late joiner's snapshot and repaired strokes.
 * Binary because a board of thousands of strokes must reach a newcomer in a fraction of a
 * second: as JSON it was 180 characters a short stroke and most of the time went to parsing;
 * here it is about 25 bytes. The layout is in docs/protocol.md (Whiteboard).
 */
import { ByteReader, ByteWriter, PointCodecError, readPoints, writePoints } from './pointCodec'

export type WireTool = 'pen' | 'eraser'

interface WireBase {
  author: string
  seq: number
  lamport: number
  rev: number
  undone: boolean
}

export interface WireStroke extends WireBase {
  kind: 'stroke'
  tool: WireTool
  color: string
  size: number
  points: number[]
  complete: boolean
}

export interface WireFill extends WireBase {
  kind: 'fill'
  x: number
  y: number
  color: string
}

export interface WireClear extends WireBase {
  kind: 'clear'
}

export type WireOp = WireStroke | WireFill | WireClear

export interface OpsFrame {
  /** A page of a snapshot (else a repaired stroke). */
  snapshot: boolean
  /** The snapshot's last page. */
  done: boolean
  ops: WireOp[]
}

/** Payload bytes of one frame (the control channel's limit is 65,536 with the tag byte). */
export const OPS_FRAME_MAX_BYTES = 60_000
export const OPS_STROKE_POINTS_MAX = 4_000
const SEQ_MAX = 2 ** 31 - 1
const SIZE_MAX = 64
const AUTHOR_MAX_BYTES = 64

const FLAG_SNAPSHOT = 1
const FLAG_DONE = 2
const KIND = ['stroke', 'fill', 'clear'] as const
const OP_UNDONE = 4
const OP_COMPLETE = 8
const OP_ERASER = 16

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

function writeColor(writer: ByteWriter, color: string): void {
  const value = /^#[0-9a-f]{6}$/.test(color) ? parseInt(color.slice(1), 16) : 0
  writer.uint(value)
}

function readColor(reader: ByteReader): string {
  const value = reader.uint()
  if (value > 0xffffff) throw new PointCodecError('colour out of range')
  return `#${value.toString(16).padStart(6, '0')}`
}

/** One op's bytes, authors given by index into the frame's author table. */
function encodeOp(op: WireOp, authorIndex: number): Uint8Array {
  const w = new ByteWriter()
  let head = KIND.indexOf(op.kind)
  if (op.undone) head |= OP_UNDONE
  if (op.kind === 'stroke' && op.complete) head |= OP_COMPLETE
  if (op.kind === 'stroke' && op.tool === 'eraser') head |= OP_ERASER
  w.uint(head)
  w.uint(authorIndex)
  w.uint(op.seq)
  w.uint(op.lamport)
  w.uint(op.rev)
  if (op.kind === 'stroke') {
    writeColor(w, op.color)
    w.uint(op.size)
    w.uint(op.points.length / 2)
    writePoints(w, op.points, null)
  } else if (op.kind === 'fill') {
    writeColor(w, op.color)
    w.uint(op.x)
    w.uint(op.y)
  }
  return w.finish()
}

/** The operations as frames under OPS_FRAME_MAX_BYTES, in order; at least one frame. */
export function encodeOpsFrames(ops: readonly WireOp[], snapshot: boolean): Uint8Array[] {
  const frames: Uint8Array[] = []
  const authors = new Map<string, number>()
  let bodies: Uint8Array[] = []
  let size = 8
  const flush = (done: boolean) => {
    const w = new ByteWriter()
    w.uint((snapshot ? FLAG_SNAPSHOT : 0) | (done ? FLAG_DONE : 0))
    w.uint(authors.size)
    for (const author of authors.keys()) {
      const bytes = encoder.encode(author)
      w.uint(bytes.length)
      for (const byte of bytes) w.byte(byte)
    }
    w.uint(bodies.length)
    const head = w.finish()
    const frame = new Uint8Array(head.length + bodies.reduce((n, b) => n + b.length, 0))
    frame.set(head)
    let offset = head.length
    for (const body of bodies) {
      frame.set(body, offset)
      offset += body.length
    }
    frames.push(frame)
    authors.clear()
    bodies = []
    size = 8
  }
  for (const op of ops) {
    let index = authors.get(op.author)
    let body = encodeOp(op, index ?? authors.size)
    let extra = body.length + (index === undefined ? AUTHOR_MAX_BYTES + 1 : 0)
    if (bodies.length > 0 && size + extra > OPS_FRAME_MAX_BYTES) {
      flush(false)
      // Every frame has its own author table.
      index = undefined
      body = encodeOp(op, 0)
      extra = body.length + AUTHOR_MAX_BYTES + 1
    }
    if (index === undefined) authors.set(op.author, authors.size)
    bodies.push(body)
    size += extra
  }
  flush(true)
  return frames
}

/** A frame's operations; throws PointCodecError when anything is malformed or out of range. */
export function decodeOpsFrame(bytes: Uint8Array): OpsFrame {
  const r = new ByteReader(bytes)
  const flags = r.uint()
  if (flags > 3) throw new PointCodecError('unknown flags')
  const authorCount = r.uint()
  if (authorCount > 256) throw new PointCodecError('too many authors')
  const authors: string[] = []
  for (let i = 0; i < authorCount; i++) {
    const length = r.uint()
    if (length < 1 || length > AUTHOR_MAX_BYTES) throw new PointCodecError('bad author length')
    let author: string
    try {
      author = decoder.decode(r.take(length))
    } catch {
      throw new PointCodecError('author is not UTF-8')
    }
    authors.push(author)
  }
  const count = r.uint()
  if (count > OPS_FRAME_MAX_BYTES) throw new PointCodecError('too many operations')
  const ops: WireOp[] = []
  for (let i = 0; i < count; i++) {
    const head = r.uint()
    const kind = KIND[head & 3]
    if (!kind || head > 31) throw new PointCodecError('unknown operation')
    const author = authors[r.uint()]
    if (author === undefined) throw new PointCodecError('unknown author index')
    const seq = r.uint()
    const lamport = r.uint()
    const rev = r.uint()
    if (seq > SEQ_MAX || rev > SEQ_MAX) throw new PointCodecError('number out of range')
    const base = { author, seq, lamport, rev, undone: (head & OP_UNDONE) !== 0 }
    if (kind === 'stroke') {
      const color = readColor(r)
      const size = r.uint()
      if (size < 1 || size > SIZE_MAX) throw new PointCodecError('size out of range')
      const n = r.uint()
      if (n > OPS_STROKE_POINTS_MAX) throw new PointCodecError('too many points')
      const complete = (head & OP_COMPLETE) !== 0
      if (complete && n === 0) throw new PointCodecError('a finished stroke without points')
      const points = readPoints(r, null, n, n)
      ops.push({
        kind,
        ...base,
        tool: head & OP_ERASER ? 'eraser' : 'pen',
        color,
        size,
        points,
        complete,
      })
    } else if (kind === 'fill') {
      const color = readColor(r)
      const [x, y] = readPoints(r, null, 1, 1)
      ops.push({ kind, ...base, x: x!, y: y!, color })
    } else {
      ops.push({ kind, ...base })
    }
  }
  if (!r.done) throw new PointCodecError('bytes after the last operation')
  return { snapshot: (flags & FLAG_SNAPSHOT) !== 0, done: (flags & FLAG_DONE) !== 0, ops }
}
