/**
 * Paints a board onto a canvas smoothly with thousands of operations: finished operations are
 * baked into a back buffer at the canvas's pixel size, and only strokes still being drawn are
 * drawn again each animation frame. Baking never runs in one go: it takes a few milliseconds of
 * each frame (REBAKE_SLICE_MS), so a late joiner's thousands of strokes, an undo deep in a big
 * board or dragging a window's edge never freeze the call. Meanwhile the canvas shows the best
 * there is: a late joiner's picture of the board, the board before the change, the old size
 * scaled, or (with nothing else to show) the bake so far. An operation that lands in the middle
 * of the order, an undo or a merge bakes everything again. Fills are computed on a 1600 × 1000
 * reference raster (one pixel per board unit) so every peer, at every window size, fills the
 * same region.
 */
import type { BoardChange } from '../../engines/whiteboard/board'
import type { PictureImage } from '../../engines/whiteboard/boardPicture'
import { floodFillSpans } from '../../engines/whiteboard/floodFill'
import {
  compareOps,
  keyOf,
  type BoardOp,
  type FillOp,
  type StrokeOp,
} from '../../engines/whiteboard/ops'
import { drawSpans, drawStroke } from '../../engines/whiteboard/render'
import type { WhiteboardScene } from '../../session/whiteboardController'
import { BOARD_HEIGHT, BOARD_WIDTH, POINT_QUANTUM } from '../../../../shared/whiteboard/pointCodec'
import type { BoardPicture } from '../../../../shared/whiteboard/pictureCodec'
import { nextBakeStep, pictureWanted } from './bakeSteps'
import { decodedPicture } from './pictureDecode'

/** Main-thread time a frame may spend baking. */
const REBAKE_SLICE_MS = 6
/**
 * Marked when the shown board becomes exact (every operation baked, a late joiner's board all
 * come): on opening, and after a bake that took more than one frame. The bench reads it.
 */
const EXACT_MARK = 'moim:wb-exact'
/**
 * Widest picture sent to late joiners (board pixels scaled down to it): a preview shown for a
 * second or so, and each pixel fewer is less to encode, send and decode on a busy machine.
 */
const PICTURE_MAX_WIDTH = 960
/** WebP quality of the picture sent to late joiners: a preview, replaced within a second or two. */
const PICTURE_QUALITY = 0.8

interface Baked {
  op: StrokeOp | FillOp
  /** A fill's region, as it was when baked. */
  spans: Int32Array | null
}

/** The exact board being baked in a buffer of its own while `back` shows something else. */
interface Rebake {
  canvas: HTMLCanvasElement
  ctx: CanvasRenderingContext2D
  /** Entries of `baked` drawn into it so far. */
  next: number
}

function canvas2d(canvas: HTMLCanvasElement, readBack = false): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d', readBack ? { willReadFrequently: true } : undefined)
  if (!ctx) throw new Error('no 2D canvas context')
  return ctx
}

export class BoardPainter {
  private readonly display: CanvasRenderingContext2D
  private back = document.createElement('canvas')
  private backCtx: CanvasRenderingContext2D
  private readonly reference = document.createElement('canvas')
  private readonly refCtx: CanvasRenderingContext2D
  /** The last operation accepted for baking (baked or pending). */
  private lastAccepted: BoardOp | null = null
  /** Running signature of what is baked, so a fill's region is reused while nothing before it changed. */
  private signature = ''
  private readonly fillCache = new Map<string, { signature: string; spans: Int32Array }>()
  private live: StrokeOp[] = []
  /** Everything in the back buffer, in order (what a re-bake at another size draws). */
  private baked: Baked[] = []
  /** Baked operations not yet drawn on the reference raster (only a fill needs it). */
  private referenceBehind: Baked[] = []
  /** Operations accepted, in order, not yet in `baked` (from `pendingNext` on). */
  private pending: BoardOp[] = []
  private pendingNext = 0
  private rebake: Rebake | null = null
  /** `back` is a late joiner's picture of the board. */
  private showingPicture = false
  /** The last picture decoded: each is shown once, and a newer one wins over a slower decode. */
  private pictureTaken: BoardPicture | null = null
  private wasExact = false
  /** Counts what may change `back` (changes, resizes, a picture shown); a kept picture is of one count. */
  private shown = 0
  /** The last picture made for late joiners, while `back` still shows exactly that. */
  private kept: { shown: number; picture: Promise<PictureImage | null> } | null = null
  private needsRebuild = true
  private frame: number | null = null
  private readonly offs: (() => void)[]
  private disposed = false

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly scene: WhiteboardScene,
  ) {
    this.display = canvas2d(canvas)
    this.backCtx = canvas2d(this.back)
    this.reference.width = BOARD_WIDTH
    this.reference.height = BOARD_HEIGHT
    this.refCtx = canvas2d(this.reference, true)
    this.offs = [
      scene.onChange((change) => this.onChange(change)),
      scene.onLoad(() => {
        this.showPicture(scene.picture())
        this.schedule()
      }),
      scene.providePicture(() => this.pictureOfBoard()),
    ]
    this.showPicture(scene.picture())
    this.schedule()
  }

  /** The canvas's CSS size and the device pixel ratio: the picture is kept, only sharper or smaller. */
  resize(cssWidth: number, cssHeight: number, dpr: number): void {
    const width = Math.max(1, Math.round(cssWidth * dpr))
    const height = Math.max(1, Math.round(cssHeight * dpr))
    if (this.canvas.width === width && this.canvas.height === height) return
    this.shown++
    this.canvas.width = width
    this.canvas.height = height
    if (this.baked.length === 0 && !this.rebake && !this.showingPicture) {
      // Nothing on show worth keeping: bake straight into the buffer at its new size.
      this.back.width = width
      this.back.height = height
    } else {
      const scaled = sizedCanvas(width, height)
      const ctx = canvas2d(scaled)
      ctx.drawImage(this.back, 0, 0, width, height)
      this.back = scaled
      this.backCtx = ctx
      const fresh = sizedCanvas(width, height)
      this.rebake = { canvas: fresh, ctx: canvas2d(fresh), next: 0 }
    }
    this.paint()
  }

  /** The board at one pixel per board unit on a background colour (for export). */
  snapshot(background: string): HTMLCanvasElement {
    this.flushRebuild()
    // The user asked for the file: work out what is still pending now, in one go.
    while (this.pendingNext < this.pending.length) this.record(this.pending[this.pendingNext++]!)
    const out = document.createElement('canvas')
    out.width = BOARD_WIDTH
    out.height = BOARD_HEIGHT
    const ctx = canvas2d(out)
    ctx.fillStyle = background
    ctx.fillRect(0, 0, BOARD_WIDTH, BOARD_HEIGHT)
    const layer = document.createElement('canvas')
    layer.width = BOARD_WIDTH
    layer.height = BOARD_HEIGHT
    const layerCtx = canvas2d(layer)
    this.syncReference()
    layerCtx.drawImage(this.reference, 0, 0)
    for (const op of this.live) drawStroke(layerCtx, op)
    ctx.drawImage(layer, 0, 0)
    return out
  }

  dispose(): void {
    this.disposed = true
    this.kept = null
    for (const off of this.offs) off()
    if (this.frame !== null) cancelAnimationFrame(this.frame)
  }

  private get scale(): number {
    return this.canvas.width / BOARD_WIDTH
  }

  private onChange(change: BoardChange): void {
    // Points extend a live stroke, which is drawn over `back`, not in it.
    if (change.kind !== 'points') this.shown++
    if (this.needsRebuild) return this.schedule()
    switch (change.kind) {
      case 'tail':
        if (change.op.kind === 'stroke' && !change.op.complete) this.live.push(change.op)
        else if (change.op.kind === 'clear') this.needsRebuild = true
        else this.acceptOrRebuild(change.op)
        break
      case 'points':
        break
      case 'complete': {
        const wasLive = this.live.includes(change.op)
        this.live = this.live.filter((op) => op !== change.op)
        // A stroke that was not live here is hidden (a clear came after it) or new: redraw all.
        if (!wasLive) this.needsRebuild = true
        else if (this.acceptOrRebuild(change.op) && this.rebake) {
          // It was on screen while drawn: keep it there until the separate bake is shown.
          this.backCtx.setTransform(this.scale, 0, 0, this.scale, 0, 0)
          drawStroke(this.backCtx, change.op)
        }
        break
      }
      case 'rebuild':
        this.needsRebuild = true
        break
    }
    this.schedule()
  }

  /** Queues an operation ordered after everything accepted, else bakes all again; true if queued. */
  private acceptOrRebuild(op: BoardOp): boolean {
    if (this.lastAccepted !== null && compareOps(this.lastAccepted, op) >= 0) {
      this.needsRebuild = true
      return false
    }
    this.pending.push(op)
    this.lastAccepted = op
    return true
  }

  private schedule(): void {
    if (this.frame !== null || this.disposed) return
    this.frame = requestAnimationFrame(() => {
      this.frame = null
      this.paint()
    })
  }

  /** Starts baking everything again; the bake itself runs a slice per frame (continueBake). */
  private flushRebuild(): void {
    if (!this.needsRebuild) return
    this.needsRebuild = false
    const refCtx = this.refCtx
    refCtx.setTransform(1, 0, 0, 1, 0, 0)
    refCtx.clearRect(0, 0, BOARD_WIDTH, BOARD_HEIGHT)
    // Keep showing what is there (a picture, the board before the change) until the new bake
    // is whole, unless there is nothing to keep: then the bake shows as it goes.
    const keep = this.showingPicture || this.rebake !== null || this.baked.length > 0
    if (!keep) clear(this.backCtx)
    else if (this.rebake) {
      clear(this.rebake.ctx)
      this.rebake.next = 0
    } else this.rebake = freshRebake(this.canvas.width, this.canvas.height)
    this.lastAccepted = null
    this.signature = ''
    this.live = []
    this.baked = []
    this.referenceBehind = []
    this.pending = []
    this.pendingNext = 0
    for (const op of this.scene.visible()) {
      if (op.kind === 'stroke' && !op.complete) this.live.push(op)
      else {
        this.pending.push(op)
        this.lastAccepted = op
      }
    }
  }

  /** Works out an operation's bake (a fill's region); draws it when `back` is the bake. */
  private record(op: BoardOp): void {
    if (op.kind === 'stroke' || op.kind === 'fill') {
      const baked: Baked = { op, spans: op.kind === 'fill' ? this.fillSpans(op) : null }
      if (!this.rebake) {
        this.backCtx.setTransform(this.scale, 0, 0, this.scale, 0, 0)
        drawBaked(this.backCtx, baked)
      }
      this.baked.push(baked)
      this.referenceBehind.push(baked)
    }
    this.signature = hash(
      `${this.signature}|${keyOf(op)}:${op.kind === 'stroke' ? op.points.length : 0}`,
    )
  }

  /** Brings the reference raster up to what is baked. */
  private syncReference(): void {
    const ctx = this.refCtx
    ctx.setTransform(1, 0, 0, 1, 0, 0)
    for (const baked of this.referenceBehind) drawBaked(ctx, baked)
    this.referenceBehind = []
  }

  private fillSpans(op: FillOp): Int32Array {
    const key = keyOf(op)
    const cached = this.fillCache.get(key)
    if (cached && cached.signature === this.signature) return cached.spans
    this.syncReference()
    const pixels = this.refCtx.getImageData(0, 0, BOARD_WIDTH, BOARD_HEIGHT).data
    const spans = floodFillSpans(
      pixels,
      BOARD_WIDTH,
      BOARD_HEIGHT,
      op.x / POINT_QUANTUM,
      op.y / POINT_QUANTUM,
    )
    this.fillCache.set(key, { signature: this.signature, spans })
    return spans
  }

  /** A slice of the bake; shows the separate buffer once it has everything. */
  private continueBake(): void {
    const until = performance.now() + REBAKE_SLICE_MS
    const scale = this.scale
    for (;;) {
      const rebake = this.rebake
      const step = nextBakeStep({
        separate: rebake !== null,
        drawn: rebake?.next ?? 0,
        recorded: this.baked.length,
        pending: this.pending.length - this.pendingNext,
        holdPicture: this.showingPicture && this.scene.loading() && this.scene.picture() !== null,
      })
      if (step === 'hold' || step === 'idle') break
      if (step === 'swap') {
        this.back = rebake!.canvas
        this.backCtx = rebake!.ctx
        this.rebake = null
        this.showingPicture = false
        break
      }
      if (performance.now() >= until) {
        this.wasExact = false
        return this.schedule()
      }
      if (step === 'draw') {
        rebake!.ctx.setTransform(scale, 0, 0, scale, 0, 0)
        drawBaked(rebake!.ctx, this.baked[rebake!.next++]!)
      } else this.record(this.pending[this.pendingNext++]!)
    }
    if (this.pendingNext === this.pending.length) {
      this.pending = []
      this.pendingNext = 0
    }
    const exact = this.exact && !this.scene.loading()
    if (exact && !this.wasExact) {
      performance.mark(EXACT_MARK)
      this.scene.dropPicture()
    }
    this.wasExact = exact
  }

  /** `back` holds every operation accepted, and nothing else. */
  private get exact(): boolean {
    return !this.needsRebuild && !this.rebake && this.pendingNext === this.pending.length
  }

  /** Shows a late joiner's picture (scaled to the canvas) while the exact bake goes on behind it. */
  private showPicture(picture: BoardPicture | null): void {
    if (!picture || picture === this.pictureTaken) return
    this.pictureTaken = picture
    decodedPicture(picture)
      .then((bitmap) => {
        const wanted = pictureWanted({ exact: this.exact, loading: this.scene.loading() })
        // The bitmap is shared (pictureDecode.ts): it goes with the picture, not closed here.
        if (this.disposed || picture !== this.pictureTaken || !wanted) return
        const { width, height } = this.canvas
        // What `back` has so far is the bake's start: it goes on in there, out of sight.
        this.rebake ??= { canvas: this.back, ctx: this.backCtx, next: this.baked.length }
        this.back = sizedCanvas(width, height)
        this.backCtx = canvas2d(this.back)
        this.backCtx.drawImage(bitmap, 0, 0, width, height)
        this.showingPicture = true
        this.shown++
        this.wasExact = false
        this.schedule()
      })
      .catch((error: unknown) =>
        console.warn(`a whiteboard picture could not be shown: ${String(error)}`),
      )
  }

  /**
   * The picture for late joiners, made at most once per state of `back`: it is asked for when a
   * peer starts joining and again when its request comes, and several may join at once.
   */
  private pictureOfBoard(): Promise<PictureImage | null> {
    if (this.kept?.shown === this.shown) return this.kept.picture
    const picture = this.encodePicture()
    // A bake in progress changes `back` with no count: only an exact board's picture is kept.
    const kept = this.exact ? { shown: this.shown, picture } : null
    this.kept = kept
    picture.then(
      (image) => {
        if (!image && this.kept === kept) this.kept = null
      },
      () => {
        if (this.kept === kept) this.kept = null
      },
    )
    return picture
  }

  /** What a late joiner is sent to show at once: `back`, as WebP, at most PICTURE_MAX_WIDTH wide. */
  private async encodePicture(): Promise<PictureImage | null> {
    if (this.disposed || (this.baked.length === 0 && !this.showingPicture && !this.rebake))
      return null
    let source = this.back
    const fit = Math.min(1, PICTURE_MAX_WIDTH / source.width)
    if (fit < 1) {
      const smaller = sizedCanvas(
        Math.max(1, Math.floor(source.width * fit)),
        Math.max(1, Math.floor(source.height * fit)),
      )
      canvas2d(smaller).drawImage(source, 0, 0, smaller.width, smaller.height)
      source = smaller
    }
    const { width, height } = source
    const blob = await new Promise<Blob | null>((resolve) =>
      source.toBlob(resolve, 'image/webp', PICTURE_QUALITY),
    )
    return blob ? { blob, width, height } : null
  }

  private paint(): void {
    if (this.disposed) return
    this.flushRebuild()
    this.continueBake()
    const { display } = this
    display.setTransform(1, 0, 0, 1, 0, 0)
    display.globalCompositeOperation = 'source-over'
    display.clearRect(0, 0, this.canvas.width, this.canvas.height)
    display.drawImage(this.back, 0, 0)
    if (this.live.length === 0) return
    const scale = this.scale
    display.setTransform(scale, 0, 0, scale, 0, 0)
    for (const op of this.live) drawStroke(display, op)
  }
}

function sizedCanvas(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  return canvas
}

function freshRebake(width: number, height: number): Rebake {
  const canvas = sizedCanvas(width, height)
  return { canvas, ctx: canvas2d(canvas), next: 0 }
}

function clear(ctx: CanvasRenderingContext2D): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height)
}

function drawBaked(ctx: CanvasRenderingContext2D, { op, spans }: Baked): void {
  if (spans) drawSpans(ctx, spans, op.color)
  else if (op.kind === 'stroke') drawStroke(ctx, op)
}

/** FNV-1a of a string, as 8 hex digits: keeps the running signature short. */
function hash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}
