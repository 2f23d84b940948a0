/**
 * Pure layout math for the video grid: how many columns and how large each tile is so that
 * `count` 16:9 tiles fill a `width` x `height` area as well as possible.
 */
export const TILE_ASPECT = 16 / 9
export const TILE_GAP = 8

export interface GridLayout {
  columns: number
  rows: number
  tileWidth: number
  tileHeight: number
}

const EMPTY: GridLayout = { columns: 0, rows: 0, tileWidth: 0, tileHeight: 0 }

export function computeGridLayout(
  count: number,
  width: number,
  height: number,
  gap = TILE_GAP,
  aspect = TILE_ASPECT,
): GridLayout {
  if (!Number.isFinite(count) || count < 1 || !(width > 0) || !(height > 0)) return EMPTY
  const tiles = Math.floor(count)
  let best = EMPTY
  for (let columns = 1; columns <= tiles; columns += 1) {
    const rows = Math.ceil(tiles / columns)
    const cellWidth = (width - gap * (columns - 1)) / columns
    const cellHeight = (height - gap * (rows - 1)) / rows
    if (cellWidth <= 0 || cellHeight <= 0) continue
    // The tile keeps its aspect ratio inside the cell: whichever side runs out first wins.
    const tileWidth = Math.min(cellWidth, cellHeight * aspect)
    if (tileWidth > best.tileWidth) {
      best = { columns, rows, tileWidth, tileHeight: tileWidth / aspect }
    }
  }
  return {
    ...best,
    tileWidth: Math.floor(best.tileWidth),
    tileHeight: Math.floor(best.tileHeight),
  }
}

export interface StageLayout {
  /** "grid": every tile the same size. "spotlight": one large tile plus a strip of the rest. */
  mode: 'grid' | 'spotlight'
  /** Where the strip of small tiles goes in spotlight mode. */
  stripSide: 'right' | 'bottom'
  featured: { width: number; height: number } | null
  others: GridLayout
}

const STRIP_MIN = 120
const STRIP_MAX = 320

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value))
}

/**
 * Chooses grid or spotlight. Spotlight is used when a tile is featured (pinned, or a screen
 * share) and there is more than one tile; the featured tile takes the largest area and the
 * others get a strip at the side (wide windows) or the bottom (tall windows).
 */
export function computeStageLayout(
  count: number,
  hasFeatured: boolean,
  width: number,
  height: number,
  gap = TILE_GAP,
): StageLayout {
  if (!hasFeatured || count < 2) {
    return {
      mode: 'grid',
      stripSide: 'bottom',
      featured: null,
      others: computeGridLayout(count, width, height, gap),
    }
  }
  const others = count - 1
  const wide = width >= height * 1.2
  if (wide) {
    const stripWidth = clamp(width * 0.22, STRIP_MIN, STRIP_MAX)
    return {
      mode: 'spotlight',
      stripSide: 'right',
      featured: { width: Math.max(0, Math.floor(width - stripWidth - gap)), height },
      others: computeGridLayout(others, stripWidth, height, gap),
    }
  }
  const stripHeight = clamp(height * 0.22, STRIP_MIN * 0.75, STRIP_MAX * 0.75)
  return {
    mode: 'spotlight',
    stripSide: 'bottom',
    featured: { width, height: Math.max(0, Math.floor(height - stripHeight - gap)) },
    others: computeGridLayout(others, width, stripHeight, gap),
  }
}

export interface TileRect {
  x: number
  y: number
  width: number
  height: number
}

function placeGrid(
  count: number,
  layout: GridLayout,
  area: TileRect,
  gap: number,
  out: TileRect[],
): void {
  const { columns, rows, tileWidth, tileHeight } = layout
  if (columns === 0) {
    for (let i = 0; i < count; i += 1) out.push({ x: area.x, y: area.y, width: 0, height: 0 })
    return
  }
  const totalHeight = rows * tileHeight + (rows - 1) * gap
  const top = area.y + Math.floor((area.height - totalHeight) / 2)
  for (let index = 0; index < count; index += 1) {
    const row = Math.floor(index / columns)
    const column = index % columns
    // The last row may be short: centre it like the others instead of left-aligning it.
    const inRow = Math.min(columns, count - row * columns)
    const rowWidth = inRow * tileWidth + (inRow - 1) * gap
    const left = area.x + Math.floor((area.width - rowWidth) / 2)
    out.push({
      x: left + column * (tileWidth + gap),
      y: top + row * (tileHeight + gap),
      width: tileWidth,
      height: tileHeight,
    })
  }
}

/**
 * Absolute positions for every tile, in tile order. Positioning all tiles in one container
 * (instead of moving them between a stage and a strip) keeps each <video> mounted when the
 * layout switches, so nothing flickers or restarts.
 */
export function placeTiles(
  count: number,
  featuredIndex: number | null,
  width: number,
  height: number,
  gap = TILE_GAP,
): TileRect[] {
  const rects: TileRect[] = []
  const featured = featuredIndex !== null && featuredIndex >= 0 && featuredIndex < count
  const stage = computeStageLayout(count, featured, width, height, gap)
  if (stage.mode === 'grid' || !stage.featured || featuredIndex === null) {
    placeGrid(count, stage.others, { x: 0, y: 0, width, height }, gap, rects)
    return rects
  }
  const featuredRect: TileRect = { x: 0, y: 0, ...stage.featured }
  const strip: TileRect =
    stage.stripSide === 'right'
      ? { x: stage.featured.width + gap, y: 0, width: width - stage.featured.width - gap, height }
      : {
          x: 0,
          y: stage.featured.height + gap,
          width,
          height: height - stage.featured.height - gap,
        }
  const others: TileRect[] = []
  placeGrid(count - 1, stage.others, strip, gap, others)
  let next = 0
  for (let index = 0; index < count; index += 1) {
    rects.push(index === featuredIndex ? featuredRect : others[next++])
  }
  return rects
}
