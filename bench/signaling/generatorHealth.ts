/**
 * Whether a load run measured the server or the load generator. The generator paces messages
 * against the wall clock and catches up in bursts when its event loop falls behind, so the
 * rate it reports can look fine while every latency includes its own delay. A run is valid
 * only if the generator sent at the target rate, on schedule, with CPU to spare; otherwise the
 * bench prints why and gives no verdict.
 */
export interface GeneratorHealth {
  targetRate: number
  achievedRate: number
  /** 99th percentile of how late messages left against their schedule (ms). */
  sendLagP99Ms: number
  /** The busiest generator process's CPU during the relay phase, % of one core. */
  generatorCpuPercent: number
}

export const HEALTH_LIMITS = {
  minRateShare: 0.95,
  /** The pacing timer ticks every 5 ms, so an idle generator is at most a tick or two late. */
  maxSendLagP99Ms: 20,
  maxGeneratorCpuPercent: 90,
}

export function invalidReasons(health: GeneratorHealth, limits = HEALTH_LIMITS): string[] {
  const reasons: string[] = []
  if (!(health.achievedRate >= limits.minRateShare * health.targetRate))
    reasons.push(
      `sent ${health.achievedRate.toFixed(0)} msg/s, under ${Math.round(limits.minRateShare * 100)}% of ${health.targetRate}`,
    )
  if (!(health.sendLagP99Ms <= limits.maxSendLagP99Ms))
    reasons.push(
      `messages left up to ${health.sendLagP99Ms.toFixed(1)} ms late (p99; limit ${limits.maxSendLagP99Ms} ms)`,
    )
  if (!(health.generatorCpuPercent <= limits.maxGeneratorCpuPercent))
    reasons.push(
      `a generator process used ${health.generatorCpuPercent.toFixed(0)}% of a core (limit ${limits.maxGeneratorCpuPercent}%)`,
    )
  return reasons
}
