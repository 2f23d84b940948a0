/**
 * Drawing operations onto a 2D canvas context whose transform maps board units to pixels.
 * Strokes are perfect-freehand outlines (pressure simulated from speed); the eraser removes
 * what is below it (destination-out), so a board is transparent and its background is the
 * view's (white for the whiteboard, the shared screen for drawing over a share).
 */
import { getStroke } from 'perfect-freehand'
import { POINT_QUANTUM } from '../../../../shared/whiteboard/pointCodec'
import type { StrokeOp } from './ops'

type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D

const outlines = new WeakMap<StrokeOp, { length: number; outline: number[][] }>()

/** The stroke's outline polygon in board units; cached for a finished stroke. */
export function strokeOutline(op: StrokeOp): number[][] {
  const cached = outlines.get(op)
  if (cached && cached.length === op.points.length) return cached.outline
  const input: number[][] = []
  for (let i = 0; i < op.points.length; i += 2)
    input.push([op.points[i]! / POINT_QUANTUM, op.points[i + 1]! / POINT_QUANTUM])
  const outline = getStroke(input, {
    size: op.size,
    thinning: 0.25,
    smoothing: 0.5,
    streamline: 0.4,
    simulatePressure: true,
    last: op.complete,
  })
  if (op.complete) outlines.set(op, { length: op.points.length, outline })
  return outline
}

/** Traces the outline with quadratic curves through the midpoints (smooth at any zoom). */
function traceOutline(ctx: Context, outline: number[][]): void {
  const n = outline.length
  if (n < 2) return
  const [fx, fy] = outline[0]!
  ctx.moveTo(fx!, fy!)
  for (let i = 0; i < n; i++) {
    const [x0, y0] = outline[i]!
    const [x1, y1] = outline[(i + 1) % n]!
    ctx.quadraticCurveTo(x0!, y0!, (x0! + x1!) / 2, (y0! + y1!) / 2)
  }
  ctx.closePath()
}

export function drawStroke(ctx: Context, op: StrokeOp): void {
  const outline = strokeOutline(op)
  if (outline.length < 2) return
  ctx.save()
  ctx.globalCompositeOperation = op.tool === 'eraser' ? 'destination-out' : 'source-over'
  ctx.fillStyle = op.tool === 'eraser' ? '#000000' : op.color
  ctx.beginPath()
  traceOutline(ctx, outline)
  ctx.fill()
  ctx.restore()
}

/** A fill's region (spans from floodFillSpans, in board units) in its colour, without seams. */
export function drawSpans(ctx: Context, spans: Int32Array, color: string): void {
  ctx.save()
  ctx.globalCompositeOperation = 'source-over'
  ctx.fillStyle = color
  ctx.beginPath()
  for (let i = 0; i < spans.length; i += 3) {
    const y = spans[i]!
    const x0 = spans[i + 1]!
    const x1 = spans[i + 2]!
    ctx.rect(x0, y, x1 - x0 + 1, 1)
  }
  ctx.fill()
  ctx.restore()
}
