import { describe, expect, it } from 'vitest'
import { floodFillSpans } from './floodFill'

/** RGBA pixels from rows of characters: '.' transparent, '#' black, 'w' opaque white. */
function pixels(rows: string[]): { rgba: Uint8ClampedArray; width: number; height: number } {
  const width = rows[0]!.length
  const rgba = new Uint8ClampedArray(width * rows.length * 4)
  rows.forEach((row, y) =>
    [...row].forEach((c, x) => {
      const i = (y * width + x) * 4
      if (c === '#') rgba.set([0, 0, 0, 255], i)
      if (c === 'w') rgba.set([255, 255, 255, 255], i)
    }),
  )
  return { rgba, width, height: rows.length }
}

function covered(spans: Int32Array, width: number, height: number): string[] {
  const grid = Array.from({ length: height }, () => Array<string>(width).fill(' '))
  for (let i = 0; i < spans.length; i += 3)
    for (let x = spans[i + 1]!; x <= spans[i + 2]!; x++) grid[spans[i]!]![x] = 'x'
  return grid.map((row) => row.join(''))
}

describe('floodFillSpans', () => {
  it('fills the enclosed region, one pixel under its border, and not outside it', () => {
    const { rgba, width, height } = pixels([
      '.........',
      '.#####...',
      '.#...#...',
      '.#.w.#...',
      '.#####...',
      '.........',
    ])
    expect(covered(floodFillSpans(rgba, width, height, 3, 2), width, height)).toEqual([
      '         ',
      '         ',
      ' xxxxx   ',
      ' xxxxx   ',
      '         ',
      '         ',
    ])
  })

  it('transparent counts as the white board; a fill outside goes around the shape', () => {
    const { rgba, width, height } = pixels(['....', '.##.', '....'])
    const spans = floodFillSpans(rgba, width, height, 0, 0)
    expect(covered(spans, width, height)).toEqual(['xxxx', 'xxxx', 'xxxx'])
  })

  it('a start outside the picture is clamped to it', () => {
    const { rgba, width, height } = pixels(['##', '..'])
    expect(covered(floodFillSpans(rgba, width, height, 9, 9), width, height)).toEqual(['  ', 'xx'])
  })
})
