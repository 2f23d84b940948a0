import { describe, expect, it } from 'vitest'
import {
  decodePictureFrame,
  encodePictureFrames,
  PICTURE_MAX_BYTES,
  PICTURE_PAGE_MAX_BYTES,
  PictureAssembly,
  PictureFrameError,
  type BoardPicture,
} from './pictureCodec'

/** Bytes that look like a WebP file: RIFF, a length, WEBP, then filler. */
function webp(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length)
  for (let i = 0; i < length; i++) bytes[i] = (i * 31) & 0xff
  bytes.set(
    [...'RIFF'].map((c) => c.charCodeAt(0)),
    0,
  )
  bytes.set(
    [...'WEBP'].map((c) => c.charCodeAt(0)),
    8,
  )
  return bytes
}

const picture = (bytes: Uint8Array<ArrayBuffer>): BoardPicture => ({
  format: 'webp',
  width: 1280,
  height: 800,
  byteLength: bytes.length,
  bytes,
})

function assemble(pages: Uint8Array[]): BoardPicture | null {
  const assembly = new PictureAssembly()
  let out: BoardPicture | null = null
  for (const page of pages) out = assembly.add(decodePictureFrame(page))
  return out
}

describe('board picture frames', () => {
  it('round-trips a picture over several pages, each under the frame limit', () => {
    const bytes = webp(150_000)
    const pages = encodePictureFrames(picture(bytes))
    expect(pages.length).toBe(3)
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(PICTURE_PAGE_MAX_BYTES)
    const out = assemble(pages)
    expect(out).toMatchObject({ format: 'webp', width: 1280, height: 800, byteLength: 150_000 })
    // Compared byte by byte: toEqual on 150,000 elements takes seconds.
    expect(out?.bytes.length).toBe(bytes.length)
    expect(out?.bytes.every((byte, i) => byte === bytes[i])).toBe(true)
  })

  it('a small picture is one page', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2])
    const pages = encodePictureFrames({ ...picture(png), format: 'png' })
    expect(pages).toHaveLength(1)
    expect(assemble(pages)?.bytes).toEqual(png)
  })

  it('refuses to encode pictures over the bounds', () => {
    expect(() => encodePictureFrames(picture(webp(PICTURE_MAX_BYTES + 1)))).toThrow(
      PictureFrameError,
    )
    expect(() => encodePictureFrames({ ...picture(webp(100)), width: 4097 })).toThrow(
      PictureFrameError,
    )
    expect(() => encodePictureFrames({ ...picture(webp(100)), height: 0 })).toThrow(
      PictureFrameError,
    )
  })

  it('rejects malformed pages', () => {
    const [page] = encodePictureFrames(picture(webp(100)))
    const bad = (bytes: number[]) => () => decodePictureFrame(new Uint8Array(bytes))
    // index, count, format, width, height, byteLength, chunk
    expect(bad([])).toThrow(PictureFrameError)
    expect(bad([0, 1, 0, 10, 10])).toThrow(PictureFrameError)
    expect(bad([1, 1, 0, 10, 10, 1, 7])).toThrow(/index/)
    expect(bad([0, 0, 0, 10, 10, 1, 7])).toThrow(/index/)
    expect(bad([0, 0x81, 0x02, 0, 10, 10, 1, 7])).toThrow(/index/)
    expect(bad([0, 1, 2, 10, 10, 1, 7])).toThrow(/format/)
    expect(bad([0, 1, 0, 0, 10, 1, 7])).toThrow(/size/)
    expect(bad([0, 1, 0, 10, 0x81, 0x20, 1, 7])).toThrow(/size/)
    expect(bad([0, 1, 0, 10, 10, 0, 7])).toThrow(/bytes/)
    expect(bad([0, 1, 0, 10, 10, 1])).toThrow(/empty/)
    expect(() => decodePictureFrame(new Uint8Array(PICTURE_PAGE_MAX_BYTES + 1))).toThrow(
      /too large/,
    )
    expect(decodePictureFrame(page!).chunk.length).toBe(100)
  })

  it('rejects pages out of order, of different pictures, or adding up wrong', () => {
    const pages = encodePictureFrames(picture(webp(150_000)))
    expect(() => assemble([pages[1]!])).toThrow(/order/)
    expect(() => assemble([pages[0]!, pages[2]!])).toThrow(/order/)
    const other = encodePictureFrames({ ...picture(webp(150_000)), width: 1000 })
    expect(() => assemble([pages[0]!, other[1]!])).toThrow(/different/)
    // A last page that claims fewer bytes than announced.
    const last = decodePictureFrame(pages[2]!)
    const assembly = new PictureAssembly()
    assembly.add(decodePictureFrame(pages[0]!))
    assembly.add(decodePictureFrame(pages[1]!))
    expect(() => assembly.add({ ...last, chunk: last.chunk.subarray(1) })).toThrow(/fewer/)
    const overfull = new PictureAssembly()
    const first = decodePictureFrame(pages[0]!)
    expect(() => overfull.add({ ...first, count: 1, byteLength: 10 })).toThrow(/more bytes/)
  })

  it('rejects bytes that are not an image of the announced format', () => {
    const bytes = webp(100)
    bytes[8] = 0
    expect(() => assemble(encodePictureFrames(picture(bytes)))).toThrow(/not a webp/)
  })
})
