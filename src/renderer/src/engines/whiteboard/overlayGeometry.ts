/**
 * Where a shared screen's content is, in a tile and on its overlay board. The video is shown
 * with object-fit: contain, so the content is letterboxed inside the tile's box; the overlay's
 * board coordinates are those of the content, scaled uniformly into the 1600 × 1000 board
 * (anchored top-left), so a point means the same spot of the shared picture for every viewer
 * whatever their tile size, and the sender's and receivers' frame sizes (one is often a
 * scaled-down copy of the other) agree as long as the aspect ratio does.
 */
import { BOARD_HEIGHT, BOARD_WIDTH } from '../../../../shared/whiteboard/pointCodec'

export interface Size {
  width: number
  height: number
}

export interface Rect extends Size {
  x: number
  y: number
}

export interface Point {
  x: number
  y: number
}

/** The content's extent on the board, board units: as large as fits with its aspect ratio. */
export function contentBoardSize(video: Size): Size {
  if (video.width <= 0 || video.height <= 0) return { width: BOARD_WIDTH, height: BOARD_HEIGHT }
  const scale = Math.min(BOARD_WIDTH / video.width, BOARD_HEIGHT / video.height)
  return { width: video.width * scale, height: video.height * scale }
}

/** The content's rectangle inside the box (object-fit: contain, centred), box pixels. */
export function contentRect(box: Size, video: Size): Rect {
  if (video.width <= 0 || video.height <= 0 || box.width <= 0 || box.height <= 0)
    return { x: 0, y: 0, width: Math.max(0, box.width), height: Math.max(0, box.height) }
  const scale = Math.min(box.width / video.width, box.height / video.height)
  const width = video.width * scale
  const height = video.height * scale
  return { x: (box.width - width) / 2, y: (box.height - height) / 2, width, height }
}

/**
 * Board units to box pixels: `box = board * scale + offset`. The same transform draws the
 * overlay (before the device pixel ratio) and, inverted, turns a pointer into board units.
 */
export interface OverlayTransform {
  scale: number
  offsetX: number
  offsetY: number
}

export function overlayTransform(box: Size, video: Size): OverlayTransform {
  const rect = contentRect(box, video)
  const board = contentBoardSize(video)
  return { scale: rect.width / board.width, offsetX: rect.x, offsetY: rect.y }
}

/** A point of the box (pixels from its top-left) on the board, or null outside the content. */
export function boxToBoard(point: Point, box: Size, video: Size): Point | null {
  const rect = contentRect(box, video)
  if (rect.width <= 0 || rect.height <= 0) return null
  if (
    point.x < rect.x ||
    point.y < rect.y ||
    point.x > rect.x + rect.width ||
    point.y > rect.y + rect.height
  )
    return null
  return clampToContent(boxToBoardUnclamped(point, box, video), video)
}

/** Like boxToBoard for a stroke already under way: outside the content it sticks to the edge. */
export function boxToBoardClamped(point: Point, box: Size, video: Size): Point {
  return clampToContent(boxToBoardUnclamped(point, box, video), video)
}

/** A board point in box pixels. */
export function boardToBox(point: Point, box: Size, video: Size): Point {
  const t = overlayTransform(box, video)
  return { x: point.x * t.scale + t.offsetX, y: point.y * t.scale + t.offsetY }
}

function boxToBoardUnclamped(point: Point, box: Size, video: Size): Point {
  const t = overlayTransform(box, video)
  if (t.scale <= 0) return { x: 0, y: 0 }
  return { x: (point.x - t.offsetX) / t.scale, y: (point.y - t.offsetY) / t.scale }
}

function clampToContent(point: Point, video: Size): Point {
  const board = contentBoardSize(video)
  return {
    x: Math.min(board.width, Math.max(0, point.x)),
    y: Math.min(board.height, Math.max(0, point.y)),
  }
}
