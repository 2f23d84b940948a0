import { useLayoutEffect, useRef, type ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import type { GameLine } from '../../store/gameStore'

/** The game's chat lines: wrong guesses, who guessed, and "close!" for oneself. */
export function GameChat({
  lines,
  selfId,
}: {
  lines: GameLine[]
  selfId: string | null
}): ReactElement {
  const t = useT()
  const logRef = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    const log = logRef.current
    if (log) log.scrollTop = log.scrollHeight
  }, [lines])
  return (
    <div ref={logRef} className="game-log" role="log" aria-label={t('game.chat')} tabIndex={0}>
      {lines.length === 0 ? <p className="game-muted">{t('game.chatEmpty')}</p> : null}
      <ul className="game-lines">
        {lines.map((line) => (
          <li key={line.key} className={`game-line is-${line.kind}`}>
            {line.kind === 'guess' ? (
              <>
                <bdi className="game-line-name">{line.name}</bdi>: <bdi>{line.text}</bdi>
              </>
            ) : line.kind === 'guessed' ? (
              line.from === selfId ? (
                t('game.lineYouGuessed')
              ) : (
                t('game.lineGuessed', { name: line.name })
              )
            ) : (
              t('game.lineClose', { text: line.text })
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
