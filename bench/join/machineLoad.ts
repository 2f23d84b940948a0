import { readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { median } from './timing'

/**
 * How busy the whole machine is over an interval, from /proc/stat (Linux; null elsewhere): a
 * join on a machine already running a call competes with it for every core, so the join time
 * says little without this next to it.
 */
export interface BusyMark {
  busy: number
  total: number
}

export function markBusy(): BusyMark | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1)
    const ticks = fields.map(Number)
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0)
    const total = ticks.reduce((sum, n) => sum + n, 0)
    return { busy: total - idle, total }
  } catch {
    return null
  }
}

/** Share of all cores busy between two marks (0..1), or null without /proc/stat. */
export function busyShare(from: BusyMark | null, to: BusyMark | null): number | null {
  if (!from || !to || to.total <= from.total) return null
  return (to.busy - from.busy) / (to.total - from.total)
}

export function formatBusy(shares: (number | null)[]): string {
  const known = shares.filter((s): s is number => s !== null)
  if (known.length === 0) return 'unknown (no /proc/stat)'
  return `${Math.round(median(known) * 100)}% of ${cpus().length} cores`
}
