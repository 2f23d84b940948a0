import { describe, expect, it } from 'vitest'
import {
  base64ToBytes,
  bytesToBase64,
  decodePoints,
  encodePoints,
  encodePointsFrame,
  PointCodecError,
  QX_MAX,
  QY_MAX,
  quantise,
  readPoints,
  readPointsFrameHeader,
} from './pointCodec'

/** A hand-drawn-looking line: small steps with an occasional jump. */
function scribble(count: number): number[] {
  const points: number[] = []
  let x = 1600
  let y = 1000
  for (let i = 0; i < count; i++) {
    x = Math.min(
      QX_MAX,
      Math.max(0, x + Math.round(Math.sin(i / 7) * 9) + (i % 50 === 0 ? 400 : 0)),
    )
    y = Math.min(QY_MAX, Math.max(0, y + Math.round(Math.cos(i / 5) * 7)))
    points.push(x, y)
  }
  return points
}

describe('point codec', () => {
  it.each([
    ['one point at the origin', [0, 0]],
    ['one point at the far corner', [QX_MAX, QY_MAX]],
    ['corner to corner and back', [0, 0, QX_MAX, QY_MAX, 0, 0]],
    ['repeated points', [5, 5, 5, 5, 5, 5]],
    ['a long scribble', scribble(4_000)],
  ])('round-trips %s', (_name, points) => {
    expect(decodePoints(encodePoints(points), 4_000)).toEqual(points)
    expect(decodePoints(base64ToBytes(bytesToBase64(encodePoints(points))), 4_000)).toEqual(points)
  })

  it('costs at most 4 bytes a point on a hand-drawn line (2 for small steps)', () => {
    const points = scribble(1_000)
    expect(encodePoints(points).byteLength / 1_000).toBeLessThanOrEqual(2.2)
    const worst = [0, 0, QX_MAX, QY_MAX, 0, 0, QX_MAX, QY_MAX]
    expect(encodePoints(worst).byteLength).toBeLessThanOrEqual(4 * 4)
  })

  it('quantises board units to half units and clamps to the board', () => {
    expect(quantise(10.26, 3.74)).toEqual([21, 7])
    expect(quantise(-5, 99_999)).toEqual([0, QY_MAX])
  })

  it('a points frame continues from the previous point of its stroke', () => {
    const points = scribble(20)
    const frame = encodePointsFrame(7, 10, points.slice(20), [points[18]!, points[19]!])
    const header = readPointsFrameHeader(frame)
    expect(header.seq).toBe(7)
    expect(header.start).toBe(10)
    expect(readPoints(header.reader, [points[18]!, points[19]!], 4_000)).toEqual(points.slice(20))
    const first = readPointsFrameHeader(encodePointsFrame(300, 0, points.slice(0, 4), null))
    expect([first.seq, first.start]).toEqual([300, 0])
    expect(readPoints(first.reader, null, 4_000)).toEqual(points.slice(0, 4))
  })

  it.each([
    ['a truncated varint', Uint8Array.of(0x80)],
    ['a varint that never ends', Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0x01)],
    ['a point one past the right edge', Uint8Array.of(...encodeUint(QX_MAX + 1), 0)],
    ['a point one past the bottom edge', Uint8Array.of(0, ...encodeUint(QY_MAX + 1))],
    ['a delta that leaves the board', Uint8Array.of(0, 0, 1, 0)],
  ])('refuses %s', (_name, bytes) => {
    expect(() => decodePoints(bytes, 10)).toThrow(PointCodecError)
  })

  it('refuses more points than allowed, a frame without points, and bad base64', () => {
    expect(() => decodePoints(encodePoints(scribble(11)), 10)).toThrow(PointCodecError)
    expect(() => readPointsFrameHeader(Uint8Array.of(1, 0))).toThrow(PointCodecError)
    expect(() => base64ToBytes('**')).toThrow(PointCodecError)
  })
})

function encodeUint(value: number): number[] {
  const out: number[] = []
  let rest = value
  do {
    let byte = rest & 0x7f
    rest >>>= 7
    if (rest) byte |= 0x80
    out.push(byte)
  } while (rest)
  return out
}
