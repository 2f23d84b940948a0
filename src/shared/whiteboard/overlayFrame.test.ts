import { describe, expect, it } from 'vitest'
import { decodeOverlayFrame, encodeOverlayFrame, OverlayFrameError } from './overlayFrame'

describe('overlay frames', () => {
  it('carries the board id, the inner tag and the payload unchanged', () => {
    const payload = new Uint8Array([1, 2, 3, 250])
    const frame = encodeOverlayFrame('{4f1c-screen}', 0x57, payload)
    const decoded = decodeOverlayFrame(frame)
    expect(decoded.board).toBe('{4f1c-screen}')
    expect(decoded.tag).toBe(0x57)
    expect([...decoded.payload]).toEqual([1, 2, 3, 250])
  })

  it('rejects empty, truncated and non-UTF-8 frames with a clear error', () => {
    expect(() => decodeOverlayFrame(new Uint8Array([]))).toThrow(OverlayFrameError)
    expect(() => decodeOverlayFrame(new Uint8Array([0, 0x57]))).toThrow(OverlayFrameError)
    expect(() => decodeOverlayFrame(new Uint8Array([5, 65, 66]))).toThrow(/truncated/)
    expect(() => decodeOverlayFrame(new Uint8Array([1, 0xff, 0x57]))).toThrow(/UTF-8/)
  })

  it('refuses a board id longer than the schema allows', () => {
    expect(() => encodeOverlayFrame('x'.repeat(129), 0x57, new Uint8Array())).toThrow(
      OverlayFrameError,
    )
  })
})
