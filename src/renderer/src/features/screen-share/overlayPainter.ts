/**
 * Paints a screen's overlay marks over the shared picture: the transform puts the overlay's
 * board units on the letterboxed content (engines/whiteboard/overlayGeometry.ts), and each mark
 * is drawn with its fading opacity. Overlays hold a few marks, so everything is redrawn each
 * frame while something is drawn or fading, and nothing runs when all is still.
 */
import { drawStroke } from '../../engines/whiteboard/render'
import { contentRect, overlayTransform, type Size } from '../../engines/whiteboard/overlayGeometry'
import type { OverlayScene } from '../../session/screenDrawController'

export class OverlayPainter {
  private readonly ctx: CanvasRenderingContext2D
  private box: Size = { width: 0, height: 0 }
  private video: Size = { width: 0, height: 0 }
  private dpr = 1
  private frame: number | null = null
  private readonly off: () => void

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly scene: OverlayScene,
    private readonly now: () => number,
  ) {
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no 2D canvas context')
    this.ctx = ctx
    this.off = scene.onChange(() => this.schedule())
    this.schedule()
  }

  /** The overlay's CSS box, the video's intrinsic frame size and the device pixel ratio. */
  setGeometry(box: Size, video: Size, dpr: number): void {
    this.box = box
    this.video = video
    this.dpr = dpr
    const width = Math.max(1, Math.round(box.width * dpr))
    const height = Math.max(1, Math.round(box.height * dpr))
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width
      this.canvas.height = height
    }
    this.paint()
  }

  dispose(): void {
    this.off()
    if (this.frame !== null) cancelAnimationFrame(this.frame)
    this.frame = null
  }

  private schedule(): void {
    if (this.frame !== null) return
    this.frame = requestAnimationFrame(() => {
      this.frame = null
      this.paint()
    })
  }

  private paint(): void {
    const { ctx, dpr } = this
    ctx.setTransform(1, 0, 0, 1, 0, 0)
    ctx.globalAlpha = 1
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height)
    if (this.video.width <= 0 || this.video.height <= 0) return
    const now = this.now()
    const rect = contentRect(this.box, this.video)
    const t = overlayTransform(this.box, this.video)
    ctx.save()
    ctx.beginPath()
    ctx.rect(rect.x * dpr, rect.y * dpr, rect.width * dpr, rect.height * dpr)
    ctx.clip()
    ctx.setTransform(dpr * t.scale, 0, 0, dpr * t.scale, dpr * t.offsetX, dpr * t.offsetY)
    for (const op of this.scene.visible()) {
      if (op.kind !== 'stroke') continue
      const opacity = this.scene.opacity(op, now)
      if (opacity <= 0) continue
      ctx.globalAlpha = opacity
      drawStroke(ctx, op)
    }
    ctx.restore()
    if (this.scene.animating(now)) this.schedule()
  }
}
