/**
 * Paints a board onto a canvas smoothly with thousands of operations: finished operations are
 * baked into a back buffer at the canvas's pixel size, and only strokes still being drawn are
 * drawn again each animation frame. An operation that lands in the middle of the order, an
 * undo or a merge bakes everything again. A resize keeps the picture (the old buffer scaled)
 * and bakes it again at the new size a slice per frame, so dragging a window's edge over a
 * board of thousands of strokes never freezes the call. Fills are computed on a 1600 × 1000
 * reference raster (one pixel per board unit) so every peer, at every window size, fills the
 * same region.
 */
import type { BoardChange } from '../../engines/whiteboard/board'
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

/** Main-thread time a frame may spend baking again after a resize. */
const REBAKE_SLICE_MS = 6

interface Baked {
  op: StrokeOp | FillOp
  /** A fill's region, as it was when baked. */
  spans: Int32Array | null
}

/** A bake at the canvas's new size, in progress; `back` shows the old one scaled meanwhile. */
interface Rebake {
  canvas: HTMLCanvasElement
  ctx: CanvasRenderingContext2D
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
  /** The last operation baked (the back buffer holds it and everything before it). */
  private lastBaked: BoardOp | null = null
  /** Running signature of what is baked, so a fill's region is reused while nothing before it changed. */
  private signature = ''
  private readonly fillCache = new Map<string, { signature: string; spans: Int32Array }>()
  private live: StrokeOp[] = []
  /** Everything in the back buffer, in order (what a re-bake at another size draws). */
  private baked: Baked[] = []
  /** Baked operations not yet drawn on the reference raster (only a fill needs it). */
  private referenceBehind: Baked[] = []
  private rebake: Rebake | null = null
  private needsRebuild = true
  private frame: number | null = null
  private readonly off: () => void
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
    this.off = scene.onChange((change) => this.onChange(change))
    this.schedule()
  }

  /** The canvas's CSS size and the device pixel ratio: the picture is kept, only sharper or smaller. */
  resize(cssWidth: number, cssHeight: number, dpr: number): void {
    const width = Math.max(1, Math.round(cssWidth * dpr))
    const height = Math.max(1, Math.round(cssHeight * dpr))
    if (this.canvas.width === width && this.canvas.height === height) return
    this.canvas.width = width
    this.canvas.height = height
    this.rebake = null
    if (this.needsRebuild || this.baked.length === 0) {
      this.back.width = width
      this.back.height = height
      this.needsRebuild = true
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
    this.off()
    if (this.frame !== null) cancelAnimationFrame(this.frame)
  }

  private get scale(): number {
    return this.canvas.width / BOARD_WIDTH
  }

  private onChange(change: BoardChange): void {
    if (this.needsRebuild) return this.schedule()
    switch (change.kind) {
      case 'tail':
        if (change.op.kind === 'stroke' && !change.op.complete) this.live.push(change.op)
        else if (change.op.kind === 'clear') this.needsRebuild = true
        else this.bakeOrRebuild(change.op)
        break
      case 'points':
        break
      case 'complete': {
        const wasLive = this.live.includes(change.op)
        this.live = this.live.filter((op) => op !== change.op)
        // A stroke that was not live here is hidden (a clear came after it) or new: redraw all.
        if (wasLive) this.bakeOrRebuild(change.op)
        else this.needsRebuild = true
        break
      }
      case 'rebuild':
        this.needsRebuild = true
        break
    }
    this.schedule()
  }

  private bakeOrRebuild(op: BoardOp): void {
    if (this.lastBaked === null || compareOps(this.lastBaked, op) < 0) this.bake(op)
    else this.needsRebuild = true
  }

  private schedule(): void {
    if (this.frame !== null || this.disposed) return
    this.frame = requestAnimationFrame(() => {
      this.frame = null
      this.paint()
    })
  }

  private flushRebuild(): void {
    if (!this.needsRebuild) return
    this.needsRebuild = false
    const { backCtx, refCtx } = this
    backCtx.setTransform(1, 0, 0, 1, 0, 0)
    backCtx.clearRect(0, 0, this.back.width, this.back.height)
    refCtx.setTransform(1, 0, 0, 1, 0, 0)
    refCtx.clearRect(0, 0, BOARD_WIDTH, BOARD_HEIGHT)
    this.lastBaked = null
    this.signature = ''
    this.live = []
    this.baked = []
    this.referenceBehind = []
    this.rebake = null
    for (const op of this.scene.visible()) {
      if (op.kind === 'stroke' && !op.complete) this.live.push(op)
      else this.bake(op)
    }
  }

  private bake(op: BoardOp): void {
    const scale = this.scale
    this.backCtx.setTransform(scale, 0, 0, scale, 0, 0)
    if (op.kind === 'stroke' || op.kind === 'fill') {
      const baked: Baked = { op, spans: op.kind === 'fill' ? this.fillSpans(op) : null }
      drawBaked(this.backCtx, baked)
      this.baked.push(baked)
      this.referenceBehind.push(baked)
    }
    this.lastBaked = op
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

  /** Bakes a slice of the board at the new size; swaps it in once it has everything. */
  private continueRebake(): void {
    const rebake = this.rebake
    if (!rebake) return
    const scale = this.scale
    rebake.ctx.setTransform(scale, 0, 0, scale, 0, 0)
    const until = performance.now() + REBAKE_SLICE_MS
    while (rebake.next < this.baked.length && performance.now() < until)
      drawBaked(rebake.ctx, this.baked[rebake.next++]!)
    if (rebake.next < this.baked.length) return this.schedule()
    this.back = rebake.canvas
    this.backCtx = rebake.ctx
    this.rebake = null
  }

  private paint(): void {
    if (this.disposed) return
    this.flushRebuild()
    this.continueRebake()
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
