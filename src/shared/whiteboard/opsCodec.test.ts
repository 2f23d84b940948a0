import { describe, expect, it } from 'vitest'
import { decodeOpsFrame, encodeOpsFrames, OPS_FRAME_MAX_BYTES, type WireOp } from './opsCodec'
import { ByteWriter, PointCodecError } from './pointCodec'

const stroke = (
  author: string,
  seq: number,
  points: number[],
  extra: Partial<WireOp> = {},
): WireOp =>
  ({
    kind: 'stroke',
    author,
    seq,
    lamport: seq + 1,
    rev: 0,
    undone: false,
    tool: 'pen',
    color: '#1f2937',
    size: 8,
    points,
    complete: true,
    ...extra,
  }) as WireOp

describe('ops frames', () => {
  it('round-trip every kind of operation, flags and all', () => {
    const ops: WireOp[] = [
      stroke('peer-a', 0, [0, 0, 10, 12, 3200, 2000]),
      stroke('피어-b', 3, [5, 5], { tool: 'eraser', undone: true, rev: 3, size: 64 }),
      stroke('peer-a', 1, [], { complete: false }),
      {
        kind: 'fill',
        author: 'peer-c',
        seq: 9,
        lamport: 2 ** 32 - 1,
        rev: 1,
        undone: false,
        x: 3200,
        y: 0,
        color: '#ffffff',
      },
      { kind: 'clear', author: 'peer-a', seq: 2, lamport: 7, rev: 2, undone: true },
    ]
    const frames = encodeOpsFrames(ops, true)
    expect(frames).toHaveLength(1)
    expect(decodeOpsFrame(frames[0]!)).toEqual({ snapshot: true, done: true, ops })
    expect(decodeOpsFrame(encodeOpsFrames([], false)[0]!)).toEqual({
      snapshot: false,
      done: true,
      ops: [],
    })
  })

  it('pages a large board under the frame limit, in order, done only on the last', () => {
    const line = Array.from({ length: 8_000 }, (_, i) =>
      i % 2 ? (i * 7) % 2_000 : (i * 13) % 3_200,
    )
    const ops = Array.from({ length: 40 }, (_, i) => stroke(`peer-${i % 3}`, i, line))
    const frames = encodeOpsFrames(ops, true)
    expect(frames.length).toBeGreaterThan(1)
    for (const frame of frames) expect(frame.byteLength).toBeLessThanOrEqual(OPS_FRAME_MAX_BYTES)
    const decoded = frames.map(decodeOpsFrame)
    expect(decoded.map((f) => f.done)).toEqual(frames.map((_, i) => i === frames.length - 1))
    expect(decoded.flatMap((f) => f.ops)).toEqual(ops)
  })

  it('a short hand-drawn stroke costs about 25 bytes', () => {
    const points = [
      1000, 500, 1004, 503, 1009, 505, 1013, 506, 1020, 509, 1024, 512, 1030, 515, 1034, 516,
    ]
    const ops = Array.from({ length: 1_000 }, (_, i) => stroke('QMvK3x9Lp2Rt', i, points))
    const bytes = encodeOpsFrames(ops, true).reduce((n, f) => n + f.byteLength, 0)
    expect(bytes / 1_000).toBeLessThan(30)
  })

  const bytes = (...values: number[]) => {
    const w = new ByteWriter()
    for (const v of values) w.uint(v)
    return w.finish()
  }
  it.each([
    ['unknown flags', bytes(9, 0, 0)],
    ['an author index that does not exist', bytes(1, 0, 1, 2, 0, 0, 0, 0)],
    ['an unknown operation kind', bytes(1, 1, 1, 97, 1, 3, 0, 0, 0, 0)],
    ['a size of 0', bytes(1, 1, 1, 97, 1, 8, 0, 0, 1, 0, 0, 0, 1, 5, 5)],
    ['a finished stroke without points', bytes(1, 1, 1, 97, 1, 8, 0, 0, 1, 0, 0, 8, 0)],
    ['a point off the board', bytes(1, 1, 1, 97, 1, 8, 0, 0, 1, 0, 0, 8, 1, 4000, 5)],
    ['a fill off the board', bytes(1, 1, 1, 97, 1, 1, 0, 0, 1, 0, 0, 5, 3000)],
    ['a colour too large', bytes(1, 1, 1, 97, 1, 1, 0, 0, 1, 0, 0x1000000, 5, 5)],
    ['bytes after the last operation', bytes(1, 0, 0, 7)],
    ['a truncated frame', bytes(1, 1, 1, 97, 1, 8, 0, 0, 1, 0, 0, 8, 2, 5)],
  ])('refuses %s', (_name, frame) => {
    expect(() => decodeOpsFrame(frame)).toThrow(PointCodecError)
  })
})
