/** Sizes, speeds and durations as people read them, in the UI language. */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const

/** Decimal units (as file managers show sizes): 1.5 MB, 820 KB, 12 B. */
export function formatBytes(bytes: number, language: string): string {
  let value = Math.max(0, bytes)
  let unit = 0
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000
    unit++
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value)
  return `${number} ${UNITS[unit]}`
}

/** 45 s, 3 min 10 s, 2 h 5 min: coarse enough not to flicker. */
export function formatDuration(seconds: number, language: string): string {
  const total = Math.max(1, Math.round(seconds))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short' }).format(
      value,
    )
  if (h > 0) return m > 0 ? `${unit(h, 'hour')} ${unit(m, 'minute')}` : unit(h, 'hour')
  if (m > 0)
    return s > 0 && m < 10 ? `${unit(m, 'minute')} ${unit(s, 'second')}` : unit(m, 'minute')
  return unit(s, 'second')
}

/** The first characters of a hash, in groups of four for reading aloud. */
export function hashPrefix(sha256: string, length = 16): string {
  return sha256.slice(0, length).replace(/(.{4})(?=.)/g, '$1 ')
}
