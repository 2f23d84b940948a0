/**
 * Draws many short strokes on the page's board quickly: pointer events dispatched on the canvas,
 * through the app's own pointer handlers, as a mouse would send them. (A string: tsx would wrap
 * the functions of a serialised callback in a helper the page does not have.)
 */
import type { Page } from 'playwright-core'

/** Where the last seeded stroke goes (board fractions); nothing else is drawn near it. */
export const LAST_STROKE_AT: [number, number] = [0.92, 0.9]

const SEED_SCRIPT = `(strokes, points, last) => {
  const canvas = document.querySelector('canvas.wb-canvas')
  if (!canvas) throw new Error('the whiteboard is not open')
  const rect = canvas.getBoundingClientRect()
  const send = (type, fx, fy) =>
    canvas.dispatchEvent(
      new PointerEvent(type, {
        bubbles: true,
        cancelable: true,
        pointerId: 1,
        pointerType: 'mouse',
        isPrimary: true,
        button: type === 'pointermove' ? -1 : 0,
        buttons: type === 'pointerup' ? 0 : 1,
        clientX: rect.left + fx * rect.width,
        clientY: rect.top + fy * rect.height,
      }),
    )
  let seed = 7
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
  for (let s = 0; s < strokes; s++) {
    const isLast = s === strokes - 1
    const x0 = isLast ? last[0] - 0.02 : 0.02 + random() * 0.76
    const y0 = isLast ? last[1] : 0.02 + random() * 0.76
    send('pointerdown', x0, y0)
    for (let k = 1; k < points; k++)
      send('pointermove', x0 + k * (isLast ? 0.006 : 0.004), y0 + Math.sin(k + s) * 0.006)
    send('pointerup', x0, y0)
  }
}`

export async function seedStrokes(page: Page, count: number, pointsEach: number): Promise<void> {
  await page.evaluate(
    `(${SEED_SCRIPT})(${count}, ${pointsEach}, ${JSON.stringify(LAST_STROKE_AT)})`,
  )
}
