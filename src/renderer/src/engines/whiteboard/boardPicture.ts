/**
 * A late joiner's board picture (shared/whiteboard/pictureCodec.ts): the answering peer sends an
 * image of its drawn board before the snapshot's ops frames, and the joiner shows it while it
 * draws the operations. Which image is the view's business, so the view registers a source; the
 * engine only pages, bounds and checks it. Knows nothing of the DOM: a source hands over a Blob.
 */
import {
  decodePictureFrame,
  encodePictureFrames,
  PICTURE_MAX_BYTES,
  PictureAssembly,
  type BoardPicture,
  type PictureFormat,
} from '../../../../shared/whiteboard/pictureCodec'

export interface PictureImage {
  blob: Blob
  /** Pixel size of the image. */
  width: number
  height: number
}

/** The drawn board as an image, or null when there is none worth sending (no view, nothing drawn). */
export type PictureSource = () => Promise<PictureImage | null>

export interface BoardPicturesDeps {
  /** One page to a peer (the engine adds the tag). */
  send: (peer: string, page: Uint8Array) => void
  warn: (message: string) => void
}

const FORMATS: Record<string, PictureFormat> = { 'image/webp': 'webp', 'image/png': 'png' }

export class BoardPictures {
  private source: PictureSource | null = null
  /** The picture being received: from the peer asked for the board only. */
  private incoming: { from: string; assembly: PictureAssembly } | null = null

  constructor(private readonly deps: BoardPicturesDeps) {}

  /** The last source registered wins; the returned function unregisters it (if still current). */
  setSource(source: PictureSource): () => void {
    this.source = source
    return () => {
      if (this.source === source) this.source = null
    }
  }

  /**
   * Someone is joining: the source may picture its board now, while the joiner's link is still
   * being set up, so the answer need not wait for it (a source keeps what it made).
   */
  prepare(): void {
    this.source?.().catch(() => {
      // The answer asks again and reports what fails.
    })
  }

  /**
   * Answers a snapshot request: the picture's pages, then the ops (`sendOps`). Without a source
   * the ops go at once, as they did before pictures existed.
   */
  answer(peer: string, sendOps: () => void): void {
    const source = this.source
    if (!source) return sendOps()
    void this.sendPicture(peer, source).then(sendOps)
  }

  /** Pictures are accepted from this peer only (the one asked for the board), or from nobody. */
  expectFrom(peer: string | null): void {
    this.incoming = peer === null ? null : { from: peer, assembly: new PictureAssembly() }
  }

  /** A page arrived; the whole picture when it was the last one. Never throws. */
  receive(peer: string, payload: Uint8Array): BoardPicture | null {
    const incoming = this.incoming
    if (!incoming || incoming.from !== peer) return null
    try {
      const picture = incoming.assembly.add(decodePictureFrame(payload))
      if (picture) this.incoming = null
      return picture
    } catch (error) {
      // The rest of this picture is worthless; the ops still come.
      this.incoming = null
      this.deps.warn(`a malformed whiteboard picture: ${String(error)}`)
      return null
    }
  }

  private async sendPicture(peer: string, source: PictureSource): Promise<void> {
    try {
      const image = await source()
      if (!image) return
      const format = FORMATS[image.blob.type]
      if (!format || image.blob.size > PICTURE_MAX_BYTES) return
      const bytes = new Uint8Array(await image.blob.arrayBuffer())
      const { width, height } = image
      for (const page of encodePictureFrames({
        format,
        width,
        height,
        byteLength: bytes.length,
        bytes,
      }))
        this.deps.send(peer, page)
    } catch (error) {
      // The picture is optional: the ops still go.
      this.deps.warn(`no whiteboard picture for a late joiner: ${String(error)}`)
    }
  }
}
