/**
 * A board picture: an image of the answering peer's board, sent before a snapshot's ops frames
 * so a late joiner can show the board while it bakes the operations (which stay the truth).
 * The image is paged under the control channel's frame limit; every page repeats the header so a
 * receiver can check that the pages belong together. The layout is in docs/protocol.md.
 */
import { ByteReader, ByteWriter, PointCodecError } from './pointCodec'
import { OPS_FRAME_MAX_BYTES } from './opsCodec'

export type PictureFormat = 'webp' | 'png'

export interface PictureHeader {
  format: PictureFormat
  /** Pixel size of the image (the sender's canvas); the receiver scales it onto its own. */
  width: number
  height: number
  /** Bytes of the whole image. */
  byteLength: number
}

export interface PicturePage extends PictureHeader {
  index: number
  count: number
  chunk: Uint8Array
}

export interface BoardPicture extends PictureHeader {
  /** Backed by a plain ArrayBuffer, so it can go into a Blob as it is. */
  bytes: Uint8Array<ArrayBuffer>
}

/** Bounds on what a receiver will assemble: big enough for a 4K board as WebP, no more. */
export const PICTURE_MAX_BYTES = 2 * 1024 * 1024
export const PICTURE_MAX_SIDE = 4096
/** Payload bytes of one page, like an ops frame's (the channel's limit is 65,536 with the tag). */
export const PICTURE_PAGE_MAX_BYTES = OPS_FRAME_MAX_BYTES
/** Room left for the page header (six varints of at most 5 bytes). */
const HEADER_MAX_BYTES = 30
const CHUNK_BYTES = PICTURE_PAGE_MAX_BYTES - HEADER_MAX_BYTES
/** Lenient: another client may use smaller pages; the byte bound is what protects the receiver. */
export const PICTURE_MAX_PAGES = 256

const FORMATS: readonly PictureFormat[] = ['webp', 'png']

export class PictureFrameError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PictureFrameError'
  }
}

function checkHeader(h: PictureHeader): void {
  if (!FORMATS.includes(h.format)) throw new PictureFrameError('unknown format')
  for (const side of [h.width, h.height])
    if (!Number.isInteger(side) || side < 1 || side > PICTURE_MAX_SIDE)
      throw new PictureFrameError('picture size out of range')
  if (!Number.isInteger(h.byteLength) || h.byteLength < 1 || h.byteLength > PICTURE_MAX_BYTES)
    throw new PictureFrameError('picture bytes out of range')
}

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to))

/** Whether the bytes start like an image of that format (RIFF....WEBP, or PNG's signature). */
function hasMagic(format: PictureFormat, bytes: Uint8Array): boolean {
  if (format === 'webp') return ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP'
  return bytes[0] === 0x89 && ascii(bytes, 1, 4) === 'PNG'
}

/** The picture as pages (each under PICTURE_PAGE_MAX_BYTES), in order. */
export function encodePictureFrames(picture: BoardPicture): Uint8Array[] {
  const header = { ...picture, byteLength: picture.bytes.length }
  checkHeader(header)
  const count = Math.ceil(picture.bytes.length / CHUNK_BYTES)
  const pages: Uint8Array[] = []
  for (let index = 0; index < count; index++) {
    const w = new ByteWriter()
    w.uint(index)
    w.uint(count)
    w.uint(FORMATS.indexOf(header.format))
    w.uint(header.width)
    w.uint(header.height)
    w.uint(header.byteLength)
    const head = w.finish()
    const chunk = picture.bytes.subarray(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES)
    const page = new Uint8Array(head.length + chunk.length)
    page.set(head)
    page.set(chunk, head.length)
    pages.push(page)
  }
  return pages
}

/** One page; throws PictureFrameError when it is malformed or out of range. */
export function decodePictureFrame(bytes: Uint8Array): PicturePage {
  if (bytes.length > PICTURE_PAGE_MAX_BYTES) throw new PictureFrameError('page too large')
  const r = new ByteReader(bytes)
  let fields: number[]
  try {
    fields = [r.uint(), r.uint(), r.uint(), r.uint(), r.uint(), r.uint()]
  } catch (error) {
    if (error instanceof PointCodecError) throw new PictureFrameError(error.message)
    throw error
  }
  const [index, count, format, width, height, byteLength] = fields as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  if (count < 1 || count > PICTURE_MAX_PAGES || index >= count)
    throw new PictureFrameError('page index out of range')
  const header = { format: FORMATS[format]!, width, height, byteLength }
  checkHeader(header)
  const chunk = bytes.subarray(r.offset)
  if (chunk.length === 0) throw new PictureFrameError('an empty page')
  return { ...header, index, count, chunk }
}

/**
 * Puts a picture's pages back together; they must come in order, agree on the header and add up
 * to exactly its byte length. Throws PictureFrameError (and should then be dropped) otherwise.
 */
export class PictureAssembly {
  private first: PicturePage | null = null
  private chunks: Uint8Array[] = []
  private received = 0

  /** The whole picture when this was its last page, else null. */
  add(page: PicturePage): BoardPicture | null {
    const first = this.first ?? page
    if (page.index !== this.chunks.length) throw new PictureFrameError('a page out of order')
    if (
      page.count !== first.count ||
      page.format !== first.format ||
      page.width !== first.width ||
      page.height !== first.height ||
      page.byteLength !== first.byteLength
    )
      throw new PictureFrameError('pages of different pictures')
    if (this.received + page.chunk.length > first.byteLength)
      throw new PictureFrameError('more bytes than announced')
    this.first = first
    this.chunks.push(page.chunk.slice())
    this.received += page.chunk.length
    if (page.index < page.count - 1) return null
    if (this.received !== first.byteLength)
      throw new PictureFrameError('fewer bytes than announced')
    const bytes = new Uint8Array(this.received)
    let offset = 0
    for (const chunk of this.chunks) {
      bytes.set(chunk, offset)
      offset += chunk.length
    }
    const { format, width, height } = first
    if (!hasMagic(format, bytes)) throw new PictureFrameError(`not a ${format} image`)
    return { format, width, height, byteLength: bytes.length, bytes }
  }
}
