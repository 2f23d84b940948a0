/**
 * Keeps a call's TURN credentials fresh. They expire (TURN_TTL on the server); a long call
 * that needs an ICE restart through TURN after that could not get one. So, well before expiry
 * (at 80% of what is left), ask the server for new ones (`turn:refresh`) and hand them to the
 * peer connections, which use them for their next ICE restart.
 */
import type { IceServerConfig } from '../../../shared/protocol'

export interface TurnRefreshDeps {
  /** Unix seconds when the current credentials expire; undefined: no TURN, nothing to do. */
  expireAt: number | undefined
  refresh: () => Promise<{ iceServers: IceServerConfig[]; iceServersExpireAt?: number }>
  apply: (iceServers: IceServerConfig[]) => void
  now?: () => number
}

const MIN_DELAY_MS = 10_000
const RETRY_MS = 30_000

export function scheduleTurnRefresh(deps: TurnRefreshDeps): () => void {
  const now = deps.now ?? Date.now
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = false

  const plan = (expireAt: number | undefined): void => {
    if (stopped || expireAt === undefined) return
    const left = expireAt * 1000 - now()
    timer = setTimeout(run, Math.max(MIN_DELAY_MS, left * 0.8))
  }
  const run = (): void => {
    deps.refresh().then(
      (fresh) => {
        if (stopped) return
        deps.apply(fresh.iceServers)
        plan(fresh.iceServersExpireAt)
      },
      () => {
        // Signalling may be reconnecting; try again soon (a rejoin also brings fresh ones).
        if (!stopped) timer = setTimeout(run, RETRY_MS)
      },
    )
  }
  plan(deps.expireAt)
  return () => {
    stopped = true
    if (timer) clearTimeout(timer)
  }
}
