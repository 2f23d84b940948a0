import type { ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import { useRemainingSeconds } from './useRemaining'

/** Seconds left in the phase; read out only when asked (a timer, not a live region). */
export function Countdown({ deadline }: { deadline: number | null }): ReactElement {
  const t = useT()
  const seconds = useRemainingSeconds(deadline)
  return (
    <p
      className={`game-countdown${seconds <= 10 ? ' is-low' : ''}`}
      role="timer"
      aria-label={t('game.timeLeft', { seconds })}
    >
      <span aria-hidden="true">{seconds}</span>
    </p>
  )
}
