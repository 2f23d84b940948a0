/**
 * Drawing over a shared screen, seen from a page: the screen tile's overlay, the mouse on the
 * shared content, and the overlay canvas's ink read back in content coordinates (fractions of
 * the shared picture), so pages with different window and tile sizes can be compared.
 */
import type { Locator, Page } from 'playwright-core'
import { tile } from './ui'

export function overlayCanvas(screenTile: Locator): Locator {
  return screenTile.getByRole('img', { name: 'Marks drawn on the shared screen', exact: true })
}

export function overlayTools(screenTile: Locator): Locator {
  return screenTile.getByRole('toolbar', { name: 'Screen drawing tools', exact: true })
}

export function drawOnScreenButton(screenTile: Locator): Locator {
  return screenTile.getByRole('button', { name: 'Draw on screen', exact: true })
}

export function screenTile(page: Page, sharer: string): Locator {
  return tile(page, sharer === 'you' ? 'Screen shared by you' : `Screen shared by ${sharer}`)
}

interface Geometry {
  /** The content's rectangle in page coordinates. */
  x: number
  y: number
  width: number
  height: number
}

/** Where the shared picture is inside the tile (letterboxed like object-fit: contain). */
export async function contentBox(screenTile: Locator): Promise<Geometry> {
  const box = await screenTile.boundingBox()
  if (!box) throw new Error('the screen tile is not visible')
  const frame = await screenTile.locator('video').evaluate((v) => ({
    width: (v as unknown as { videoWidth: number }).videoWidth,
    height: (v as unknown as { videoHeight: number }).videoHeight,
  }))
  if (frame.width === 0) throw new Error('the shared screen has no frames yet')
  const scale = Math.min(box.width / frame.width, box.height / frame.height)
  const width = frame.width * scale
  const height = frame.height * scale
  return {
    x: box.x + (box.width - width) / 2,
    y: box.y + (box.height - height) / 2,
    width,
    height,
  }
}

/**
 * Presses the mouse at one point of the shared content and drags to another (fractions of the
 * picture); the button stays down unless `release`, so the mark is still being drawn.
 */
export async function dragOnContent(
  page: Page,
  screenTile: Locator,
  from: [number, number],
  to: [number, number],
  release: boolean,
): Promise<void> {
  const box = await contentBox(screenTile)
  const at = ([fx, fy]: [number, number]) => [box.x + fx * box.width, box.y + fy * box.height]
  const [x0, y0] = at(from)
  const [x1, y1] = at(to)
  await page.mouse.move(x0!, y0!)
  await page.mouse.down()
  await page.mouse.move(x1!, y1!, { steps: 20 })
  if (release) await page.mouse.up()
}

/**
 * Whether the overlay has ink near each point of the shared content (fractions of the picture):
 * read from the overlay canvas's pixels, the content's rectangle worked out from the video's
 * intrinsic size and the canvas's size, within a few CSS pixels of the point.
 */
export async function inkAtContent(
  screenTile: Locator,
  points: [number, number][],
): Promise<boolean[]> {
  const canvas = overlayCanvas(screenTile)
  if ((await canvas.count()) === 0) return points.map(() => false)
  return canvas.evaluate((element, pts) => {
    interface CanvasLike {
      width: number
      height: number
      clientWidth: number
      clientHeight: number
      parentElement: { parentElement: { querySelector(s: string): unknown } | null } | null
      getContext(kind: '2d'): {
        getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> }
      } | null
    }
    const c = element as unknown as CanvasLike
    const video = c.parentElement?.parentElement?.querySelector('video') as
      { videoWidth: number; videoHeight: number } | undefined
    const ctx = c.getContext('2d')
    if (!ctx || !video || video.videoWidth === 0 || c.clientWidth === 0) return pts.map(() => false)
    const scale = Math.min(c.clientWidth / video.videoWidth, c.clientHeight / video.videoHeight)
    const w = video.videoWidth * scale
    const h = video.videoHeight * scale
    const ox = (c.clientWidth - w) / 2
    const oy = (c.clientHeight - h) / 2
    const dpr = c.width / c.clientWidth
    const reach = Math.ceil(4 * dpr)
    return pts.map(([fx, fy]) => {
      const px = Math.round((ox + fx * w) * dpr)
      const py = Math.round((oy + fy * h) * dpr)
      const x = Math.max(0, px - reach)
      const y = Math.max(0, py - reach)
      const { data } = ctx.getImageData(x, y, reach * 2 + 1, reach * 2 + 1)
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 64) return true
      return false
    })
  }, points)
}
