/**
 * The order in which a bench measures the app and its baseline. Always measuring one first lets
 * a machine that warms up, or slows down as other work starts, favour one side; so rounds
 * alternate (ABBA...), and which side opens is a coin flip printed with the results
 * (BENCH_ORDER=app-first|baseline-first pins it to rerun a case).
 */
export type Side = 'app' | 'baseline'

export function firstSide(env: string | undefined, coin: () => number = Math.random): Side {
  if (env === 'app-first') return 'app'
  if (env === 'baseline-first') return 'baseline'
  return coin() < 0.5 ? 'app' : 'baseline'
}

/** The two sides in the order of round `round` (0-based): ABBA... starting with `first`. */
export function roundOrder(first: Side, round: number): [Side, Side] {
  const other: Side = first === 'app' ? 'baseline' : 'app'
  return round % 2 === 0 ? [first, other] : [other, first]
}

export function describeOrder(first: Side, rounds: number): string {
  return Array.from({ length: rounds }, (_, r) => roundOrder(first, r).join(' then ')).join(', ')
}

/**
 * More than two sides: round `round` runs them rotated by `round`, so over as many rounds as
 * there are sides each side runs once in each place.
 */
export function rotatedOrder<T>(sides: readonly T[], round: number): T[] {
  const k = round % sides.length
  return [...sides.slice(k), ...sides.slice(0, k)]
}
