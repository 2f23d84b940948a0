import { describe, expect, it } from 'vitest'
import { chunkHeaderLength, fileOfferSchema, readChunkHeader, writeChunkHeader } from './files'

function frameWith(id: string, offset: number, payload: number[]): ArrayBuffer {
  const frame = new Uint8Array(chunkHeaderLength(id) + payload.length)
  const start = writeChunkHeader(frame, id, offset)
  frame.set(payload, start)
  return frame.buffer
}

describe('chunk framing', () => {
  it.each([0, 1, 2 ** 32 - 1, 2 ** 32, 5 * 2 ** 32 + 17, Number.MAX_SAFE_INTEGER])(
    'round-trips offset %i',
    (offset) => {
      const frame = frameWith('Tr_ansfer-1', offset, [9, 8, 7])
      const header = readChunkHeader(frame)
      expect(header).toEqual({ transferId: 'Tr_ansfer-1', offset, payloadStart: 21 })
      expect([...new Uint8Array(frame, header!.payloadStart)]).toEqual([9, 8, 7])
    },
  )

  it('lays the header out as kind, id length, id, 64-bit big-endian offset', () => {
    const bytes = new Uint8Array(frameWith('ab', 0x0102030405, []))
    expect([...bytes]).toEqual([1, 2, 97, 98, 0, 0, 0, 1, 2, 3, 4, 5])
  })

  it.each([
    ['empty', []],
    ['another kind', [2, 1, 65, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['a zero-length id', [1, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['an id longer than 32', [1, 33, ...new Array(41).fill(65)]],
    ['a cut-off offset', [1, 1, 65, 0, 0, 0]],
    ['a bad id character', [1, 1, 47, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['an offset past 2^53', [1, 1, 65, 0, 0x20, 0, 0, 0, 0, 0, 0]],
  ])('rejects %s', (_, bytes) => {
    expect(readChunkHeader(new Uint8Array(bytes).buffer)).toBeNull()
  })

  it('refuses to write a header with an invalid id', () => {
    expect(() => writeChunkHeader(new Uint8Array(64), '../x', 0)).toThrow()
  })

  it('validates offers strictly', () => {
    const offer = { type: 'file-offer', offerId: 'a1', name: 'x.txt', size: 3, mime: 'text/plain' }
    expect(fileOfferSchema.safeParse(offer).success).toBe(true)
    expect(fileOfferSchema.safeParse({ ...offer, size: -1 }).success).toBe(false)
    expect(fileOfferSchema.safeParse({ ...offer, name: '' }).success).toBe(false)
    expect(fileOfferSchema.safeParse({ ...offer, extra: 1 }).success).toBe(false)
  })
})
