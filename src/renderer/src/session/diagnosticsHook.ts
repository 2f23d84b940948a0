/**
 * Figures for the E2E suite. The harness defines `globalThis.__moimDiagnostics` before the app
 * loads (e2e/harness/qualityProbes.ts); only then does the app fill it in, so a normal page has
 * no such global.
 */
import type { QualityApi } from './qualityController'

export interface MoimDiagnostics {
  /** Stats timers the session holds (0 outside a call). */
  statsTimers?: () => number
  /** Links whose statistics are polled. */
  polledLinks?: () => number
  /** Links whose camera is stepped down below the room budget. */
  steppedLinks?: () => number
}

export function exposeDiagnostics(quality: QualityApi | undefined): void {
  const hook = (globalThis as { __moimDiagnostics?: MoimDiagnostics }).__moimDiagnostics
  if (!hook || typeof hook !== 'object' || !quality) return
  hook.statsTimers = () => quality.statsTimers
  hook.polledLinks = () => quality.polledLinks
  hook.steppedLinks = () => quality.steppedLinks
}
