/** Decibels below full scale shown as an empty meter: quieter than this is room noise. */
const FLOOR_DB = -55

/**
 * Maps a linear 0..1 level to a 0..1 meter fraction on a decibel scale, so normal speech
 * (RMS around 0.03..0.3) fills the middle of the meter instead of barely moving it.
 */
export function meterFraction(level: number): number {
  if (!(level > 0)) return 0
  const db = 20 * Math.log10(Math.min(1, level))
  return Math.max(0, Math.min(1, 1 - db / FLOOR_DB))
}
