/**
 * Compact point encoding for whiteboard strokes. Points are board coordinates quantised to
 * POINT_QUANTUM (integers 0..QX_MAX, 0..QY_MAX), so every window size sees the same picture.
 * A run of points is LEB128 varints: the first point absolute (when there is no previous point)
 * and then zigzag deltas from the point before. A hand-drawn point usually costs 2 bytes.
 */

/** Board size in board units; the view scales it to the window. */
export const BOARD_WIDTH = 1600
export const BOARD_HEIGHT = 1000
/** Quantised units per board unit. */
export const POINT_QUANTUM = 2
export const QX_MAX = BOARD_WIDTH * POINT_QUANTUM
export const QY_MAX = BOARD_HEIGHT * POINT_QUANTUM

export class PointCodecError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PointCodecError'
  }
}

/** Board coordinates to the nearest quantised point, clamped to the board. */
export function quantise(x: number, y: number): [number, number] {
  const qx = Math.round(x * POINT_QUANTUM)
  const qy = Math.round(y * POINT_QUANTUM)
  return [Math.min(QX_MAX, Math.max(0, qx)), Math.min(QY_MAX, Math.max(0, qy))]
}

/** A growable byte buffer for varints. */
export class ByteWriter {
  private bytes = new Uint8Array(64)
  length = 0

  uint(value: number): void {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff)
      throw new PointCodecError(`cannot encode ${value}`)
    let rest = value
    do {
      let byte = rest & 0x7f
      rest = Math.floor(rest / 128)
      if (rest > 0) byte |= 0x80
      this.push(byte)
    } while (rest > 0)
  }

  int(value: number): void {
    this.uint(value >= 0 ? value * 2 : -value * 2 - 1)
  }

  byte(value: number): void {
    this.push(value & 0xff)
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length)
  }

  private push(byte: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2)
      grown.set(this.bytes)
      this.bytes = grown
    }
    this.bytes[this.length++] = byte
  }
}

export class ByteReader {
  offset = 0
  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.offset >= this.bytes.length
  }

  uint(): number {
    let value = 0
    let factor = 1
    for (let i = 0; i < 5; i++) {
      if (this.offset >= this.bytes.length) throw new PointCodecError('truncated varint')
      const byte = this.bytes[this.offset++]!
      value += (byte & 0x7f) * factor
      if ((byte & 0x80) === 0) {
        if (value > 0xffffffff) throw new PointCodecError('varint out of range')
        return value
      }
      factor *= 128
    }
    throw new PointCodecError('varint too long')
  }

  int(): number {
    const raw = this.uint()
    return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2
  }

  take(length: number): Uint8Array {
    if (this.offset + length > this.bytes.length) throw new PointCodecError('truncated bytes')
    const out = this.bytes.subarray(this.offset, this.offset + length)
    this.offset += length
    return out
  }
}

/**
 * Appends points (flat [x0, y0, x1, y1, ...], quantised) to a writer; `previous` is the point
 * before the first one, or null at a stroke's start.
 */
export function writePoints(
  writer: ByteWriter,
  points: ArrayLike<number>,
  previous: readonly [number, number] | null,
): void {
  if (points.length % 2 !== 0) throw new PointCodecError('odd number of coordinates')
  let px = previous?.[0] ?? 0
  let py = previous?.[1] ?? 0
  for (let i = 0; i < points.length; i += 2) {
    const x = points[i]!
    const y = points[i + 1]!
    if (i === 0 && previous === null) {
      writer.uint(x)
      writer.uint(y)
    } else {
      writer.int(x - px)
      writer.int(y - py)
    }
    px = x
    py = y
  }
}

/**
 * Reads points (to the end of the reader, or exactly `count` of them); every point must lie on
 * the board.
 */
export function readPoints(
  reader: ByteReader,
  previous: readonly [number, number] | null,
  maxPoints: number,
  count?: number,
): number[] {
  const out: number[] = []
  let px = previous?.[0] ?? 0
  let py = previous?.[1] ?? 0
  while (count === undefined ? !reader.done : out.length / 2 < count) {
    if (out.length / 2 >= maxPoints) throw new PointCodecError('too many points')
    let x: number
    let y: number
    if (out.length === 0 && previous === null) {
      x = reader.uint()
      y = reader.uint()
    } else {
      x = px + reader.int()
      y = py + reader.int()
    }
    if (x < 0 || x > QX_MAX || y < 0 || y > QY_MAX) throw new PointCodecError('point off the board')
    out.push(x, y)
    px = x
    py = y
  }
  return out
}

export function encodePoints(points: ArrayLike<number>): Uint8Array {
  const writer = new ByteWriter()
  writePoints(writer, points, null)
  return writer.finish()
}

export function decodePoints(bytes: Uint8Array, maxPoints: number): number[] {
  return readPoints(new ByteReader(bytes), null, maxPoints)
}

/**
 * A live points frame (the payload after the router's tag byte): varint stroke seq, varint
 * index of the first point in the stroke, then the points (deltas from the stroke's point at
 * index-1, or absolute when index is 0).
 */
export function encodePointsFrame(
  seq: number,
  start: number,
  points: ArrayLike<number>,
  previous: readonly [number, number] | null,
): Uint8Array {
  const writer = new ByteWriter()
  writer.uint(seq)
  writer.uint(start)
  writePoints(writer, points, start === 0 ? null : previous)
  return writer.finish()
}

export interface PointsFrameHeader {
  seq: number
  start: number
  reader: ByteReader
}

/** The frame's header; the caller reads the points once it knows the previous point. */
export function readPointsFrameHeader(payload: Uint8Array): PointsFrameHeader {
  const reader = new ByteReader(payload)
  const seq = reader.uint()
  const start = reader.uint()
  if (reader.done) throw new PointCodecError('a points frame without points')
  return { seq, start, reader }
}

const CHUNK = 0x8000

/** Base64 (standard alphabet, padded) of bytes; used for points inside JSON snapshots. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  return btoa(binary)
}

export function base64ToBytes(text: string): Uint8Array {
  let binary: string
  try {
    binary = atob(text)
  } catch {
    throw new PointCodecError('not base64')
  }
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
