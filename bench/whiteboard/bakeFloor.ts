/**
 * The floor under a late join: the seeded board's strokes (the same shapes as seed.ts) turned
 * into perfect-freehand outlines and filled on a plain 2D canvas of the joiner's size, in a
 * fresh page (cold, as a joiner's is), with no network and no app code. No renderer that draws
 * these strokes on a canvas can show the board sooner once the last page has arrived.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser } from 'playwright-core'

const require = createRequire(import.meta.url)

/** perfect-freehand's CommonJS build, wrapped so a blank page gets it as window.__pf. */
function freehandScript(): string {
  const source = readFileSync(require.resolve('perfect-freehand'), 'utf8')
  return `(() => { const module = { exports: {} }; const exports = module.exports; ${source}\n window.__pf = module.exports })()`
}

const BAKE = `(([strokes, points, width, height, size, color]) => {
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  document.body.append(canvas)
  const ctx = canvas.getContext('2d')
  const start = performance.now()
  const scale = width / 1600
  ctx.setTransform(scale, 0, 0, scale, 0, 0)
  ctx.fillStyle = color
  let seed = 7
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
  for (let s = 0; s < strokes; s++) {
    const x0 = 0.02 + random() * 0.76
    const y0 = 0.02 + random() * 0.76
    const input = []
    for (let k = 0; k < points; k++)
      input.push([(x0 + k * 0.004) * 1600, (y0 + (k ? Math.sin(k + s) * 0.006 : 0)) * 1000])
    const outline = window.__pf.getStroke(input, {
      size, thinning: 0.25, smoothing: 0.5, streamline: 0.4, simulatePressure: true, last: true,
    })
    const n = outline.length
    if (n < 2) continue
    ctx.beginPath()
    ctx.moveTo(outline[0][0], outline[0][1])
    for (let i = 0; i < n; i++) {
      const [a, b] = outline[i]
      const [c, d] = outline[(i + 1) % n]
      ctx.quadraticCurveTo(a, b, (a + c) / 2, (b + d) / 2)
    }
    ctx.closePath()
    ctx.fill()
  }
  ctx.getImageData(0, 0, 1, 1)
  return new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now() - start)))
})`

/** Milliseconds from the first outline to the frame that shows the baked board. */
export async function bakeFloor(
  browser: Browser,
  board: { strokes: number; points: number; width: number; height: number },
): Promise<number> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.setContent('<!doctype html><title>floor</title><body style="margin:0"></body>')
    await page.addScriptTag({ content: freehandScript() })
    const args = [board.strokes, board.points, board.width, board.height, 8, '#111827']
    return (await page.evaluate(`${BAKE}(${JSON.stringify(args)})`)) as number
  } finally {
    await context.close()
  }
}
