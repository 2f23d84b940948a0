import { describe, expect, it } from 'vitest'
import {
  computeGridLayout,
  computeStageLayout,
  placeTiles,
  TILE_GAP,
  type TileRect,
} from './gridLayout'

describe('computeGridLayout', () => {
  it('gives one tile as much of a 16:9 area as fits', () => {
    expect(computeGridLayout(1, 1600, 900)).toEqual({
      columns: 1,
      rows: 1,
      tileWidth: 1600,
      tileHeight: 900,
    })
  })

  it('puts two tiles side by side on a wide screen and stacked on a tall one', () => {
    expect(computeGridLayout(2, 1600, 600).columns).toBe(2)
    expect(computeGridLayout(2, 400, 900).columns).toBe(1)
  })

  it('uses a 2x2 grid for four tiles on a 16:9 screen', () => {
    const layout = computeGridLayout(4, 1600, 900)
    expect([layout.columns, layout.rows]).toEqual([2, 2])
  })

  it('fits every count from 1 to 16 inside the area, with gaps', () => {
    for (const [width, height] of [
      [1280, 720],
      [390, 844],
      [1920, 1080],
      [800, 300],
    ]) {
      for (let count = 1; count <= 16; count += 1) {
        const layout = computeGridLayout(count, width, height)
        expect(layout.columns * layout.rows).toBeGreaterThanOrEqual(count)
        expect(layout.rows).toBe(Math.ceil(count / layout.columns))
        const usedWidth = layout.columns * layout.tileWidth + (layout.columns - 1) * TILE_GAP
        const usedHeight = layout.rows * layout.tileHeight + (layout.rows - 1) * TILE_GAP
        expect(usedWidth).toBeLessThanOrEqual(width)
        expect(usedHeight).toBeLessThanOrEqual(height)
        expect(layout.tileWidth).toBeGreaterThan(0)
      }
    }
  })

  it('never shrinks tiles when the area grows', () => {
    for (let count = 1; count <= 12; count += 1) {
      const small = computeGridLayout(count, 800, 600)
      const large = computeGridLayout(count, 1200, 900)
      expect(large.tileWidth).toBeGreaterThanOrEqual(small.tileWidth)
    }
  })

  it('returns an empty layout for nothing to show or no room', () => {
    const empty = { columns: 0, rows: 0, tileWidth: 0, tileHeight: 0 }
    expect(computeGridLayout(0, 800, 600)).toEqual(empty)
    expect(computeGridLayout(3, 0, 600)).toEqual(empty)
    expect(computeGridLayout(3, 800, Number.NaN)).toEqual(empty)
  })
})

describe('computeStageLayout', () => {
  it('is a plain grid without a featured tile', () => {
    expect(computeStageLayout(3, false, 1200, 700).mode).toBe('grid')
  })

  it('is a plain grid when the featured tile is alone', () => {
    expect(computeStageLayout(1, true, 1200, 700).mode).toBe('grid')
  })

  it('puts the strip at the side of a wide window and below in a tall one', () => {
    const wide = computeStageLayout(4, true, 1600, 900)
    expect(wide.mode).toBe('spotlight')
    expect(wide.stripSide).toBe('right')
    expect(wide.featured!.width).toBeGreaterThan(1600 / 2)
    const tall = computeStageLayout(4, true, 500, 900)
    expect(tall.stripSide).toBe('bottom')
    expect(tall.featured!.height).toBeGreaterThan(900 / 2)
  })
})

describe('placeTiles', () => {
  const overlaps = (a: TileRect, b: TileRect) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

  it('places every tile inside the area without overlaps, with and without a featured tile', () => {
    for (const [width, height] of [
      [1280, 720],
      [420, 860],
    ]) {
      for (let count = 1; count <= 14; count += 1) {
        for (const featured of [null, 0, count - 1]) {
          const rects = placeTiles(count, featured, width, height)
          expect(rects).toHaveLength(count)
          rects.forEach((rect, i) => {
            expect(rect.x).toBeGreaterThanOrEqual(0)
            expect(rect.y).toBeGreaterThanOrEqual(0)
            expect(rect.x + rect.width).toBeLessThanOrEqual(width)
            expect(rect.y + rect.height).toBeLessThanOrEqual(height)
            for (let j = i + 1; j < rects.length; j += 1)
              expect(overlaps(rect, rects[j])).toBe(false)
          })
        }
      }
    }
  })

  it('centres a short last row', () => {
    const rects = placeTiles(3, null, 1000, 600)
    const [a, b, c] = rects
    expect(a.y).toBe(b.y)
    expect(c.y).toBeGreaterThan(a.y)
    expect(Math.abs(c.x + c.width / 2 - 500)).toBeLessThanOrEqual(1)
  })

  it('gives the featured tile the largest rectangle', () => {
    const rects = placeTiles(5, 2, 1600, 900)
    const areas = rects.map((r) => r.width * r.height)
    expect(Math.max(...areas)).toBe(areas[2])
  })
})
