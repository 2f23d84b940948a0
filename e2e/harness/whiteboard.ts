import type { Locator, Page } from 'playwright-core'
import { callControl, WAIT_TIMEOUT } from './ui'

export function boardCanvas(page: Page): Locator {
  return page.getByRole('img', { name: 'Shared whiteboard', exact: true })
}

export function boardTools(page: Page): Locator {
  return page.getByRole('toolbar', { name: 'Whiteboard tools', exact: true })
}

/** Opens the whiteboard with its call-control button and waits for the board. */
export async function openBoard(page: Page): Promise<void> {
  const button = callControl(page, 'Whiteboard')
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click()
  await boardCanvas(page).waitFor({ timeout: WAIT_TIMEOUT })
}

/** Drags the mouse across the board between two points given as fractions of its size. */
export async function drawLine(
  page: Page,
  from: [number, number],
  to: [number, number],
  steps = 20,
): Promise<void> {
  const box = await boardCanvas(page).boundingBox()
  if (!box) throw new Error('the whiteboard is not visible')
  const at = ([fx, fy]: [number, number]) => [box.x + fx * box.width, box.y + fy * box.height]
  const [x0, y0] = at(from)
  const [x1, y1] = at(to)
  await page.mouse.move(x0!, y0!)
  await page.mouse.down()
  await page.mouse.move(x1!, y1!, { steps })
  await page.mouse.up()
}

/** The part of a canvas element read in the page (the harness compiles without the DOM types). */
interface CanvasLike {
  width: number
  height: number
  getContext(kind: '2d'): {
    getImageData(
      x: number,
      y: number,
      w: number,
      h: number,
    ): {
      data: ArrayLike<number>
      width: number
      height: number
    }
  } | null
}

/**
 * The board's canvas as a coarse grid (32 × 20 cells, '#' where a cell has ink): equal on peers
 * that show the same picture, whatever their canvas's pixel size.
 */
export async function inkGrid(page: Page): Promise<string> {
  return boardCanvas(page).evaluate((element) => {
    const canvas = element as unknown as CanvasLike
    const ctx = canvas.getContext('2d')
    if (!ctx || canvas.width < 32 || canvas.height < 20) return ''
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height)
    const cols = 32
    const rows = 20
    const counts = new Array<number>(cols * rows).fill(0)
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        if (data[(y * width + x) * 4 + 3]! > 64)
          counts[Math.floor((y * rows) / height) * cols + Math.floor((x * cols) / width)]!++
    // A cell counts when ink covers a visible part of it, not a stray anti-aliased pixel.
    const cell = (width / cols) * (height / rows)
    let out = ''
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) out += counts[r * cols + c]! > cell * 0.02 ? '#' : '.'
      out += '\n'
    }
    return out
  })
}

/** Whether the cell at these board fractions has ink. */
export function inkAt(grid: string, fx: number, fy: number): boolean {
  const rows = grid.trimEnd().split('\n')
  return rows[Math.floor(fy * rows.length)]?.[Math.floor(fx * 32)] === '#'
}

export function inkCells(grid: string): number {
  return [...grid].filter((c) => c === '#').length
}
