/**
 * Flood fill over RGBA pixels (the board at one pixel per board unit, the same size on every
 * peer, so every peer fills the same region). Transparent pixels count as the white board.
 * The region is returned as horizontal spans [y, x0, x1] (inclusive), widened by one pixel on
 * each side so the fill tucks under a stroke's anti-aliased edge instead of leaving a halo.
 */

/** Largest per-channel difference still counted as the same colour (anti-aliasing). */
export const FILL_TOLERANCE = 48

function composite(rgba: ArrayLike<number>, index: number): [number, number, number] {
  const a = rgba[index + 3]! / 255
  const over = (c: number) => Math.round(c * a + 255 * (1 - a))
  return [over(rgba[index]!), over(rgba[index + 1]!), over(rgba[index + 2]!)]
}

export function floodFillSpans(
  rgba: ArrayLike<number>,
  width: number,
  height: number,
  startX: number,
  startY: number,
  tolerance = FILL_TOLERANCE,
): Int32Array {
  const sx = Math.min(width - 1, Math.max(0, Math.floor(startX)))
  const sy = Math.min(height - 1, Math.max(0, Math.floor(startY)))
  const [r0, g0, b0] = composite(rgba, (sy * width + sx) * 4)
  const seen = new Uint8Array(width * height)
  const matches = (x: number, y: number): boolean => {
    const i = y * width + x
    if (seen[i]) return false
    const [r, g, b] = composite(rgba, i * 4)
    return (
      Math.abs(r - r0) <= tolerance &&
      Math.abs(g - g0) <= tolerance &&
      Math.abs(b - b0) <= tolerance
    )
  }
  const spans: number[] = []
  const stack: number[] = [sx, sy]
  while (stack.length > 0) {
    const y = stack.pop()!
    const x = stack.pop()!
    if (!matches(x, y)) continue
    let x0 = x
    let x1 = x
    while (x0 > 0 && matches(x0 - 1, y)) x0--
    while (x1 < width - 1 && matches(x1 + 1, y)) x1++
    for (let i = x0; i <= x1; i++) seen[y * width + i] = 1
    spans.push(y, Math.max(0, x0 - 1), Math.min(width - 1, x1 + 1))
    for (const ny of [y - 1, y + 1]) {
      if (ny < 0 || ny >= height) continue
      let inRun = false
      for (let i = x0; i <= x1; i++) {
        const ok = matches(i, ny)
        if (ok && !inRun) stack.push(i, ny)
        inRun = ok
      }
    }
  }
  return Int32Array.from(spans)
}
