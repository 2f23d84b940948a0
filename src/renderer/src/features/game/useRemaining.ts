import { useEffect, useState } from 'react'

const TICK_MS = 250

/** Whole seconds until `deadline` (local clock), re-rendering every tick while there is one. */
export function useRemainingSeconds(deadline: number | null): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (deadline === null) return
    const timer = setInterval(() => setNow(Date.now()), TICK_MS)
    return () => clearInterval(timer)
  }, [deadline])
  // Right after a new deadline `now` may be one tick old: at most a quarter second too many.
  return deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000))
}
