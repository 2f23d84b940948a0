import { useCallback, useEffect, useRef, useState } from 'react'

/** A flag that turns itself off after `ms` (e.g. a "Copied" confirmation). */
export function useTransientFlag<T>(ms: number): [T | null, (value: T) => void] {
  const [value, setValue] = useState<T | null>(null)
  const timer = useRef<number | undefined>(undefined)
  useEffect(() => () => window.clearTimeout(timer.current), [])
  const show = useCallback(
    (next: T) => {
      window.clearTimeout(timer.current)
      setValue(next)
      timer.current = window.setTimeout(() => setValue(null), ms)
    },
    [ms],
  )
  return [value, show]
}
