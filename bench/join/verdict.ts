import { median } from './timing'

/**
 * The join bench's verdict line. A join measured while every core was already busy measures the
 * queue for the CPU as much as the app, and app and baseline can be hit unequally; such a run
 * prints its ratio but is marked INVALID instead of met / NOT met.
 */
export const SATURATED_SHARE = 0.95

export function joinVerdict(ratio: number, target: number, busyShares: (number | null)[]): string {
  const figure = `${ratio.toFixed(2)}x (target <= ${target}x`
  const known = busyShares.filter((s): s is number => s !== null)
  const busy = known.length ? median(known) : null
  if (!Number.isFinite(ratio)) return `${figure}: INVALID, a side has no samples)`
  if (busy !== null && busy >= SATURATED_SHARE)
    return `${figure}: INVALID, the machine was ${Math.round(busy * 100)}% busy while joining, no verdict)`
  return `${figure}: ${ratio <= target ? 'met' : 'NOT met'})`
}
