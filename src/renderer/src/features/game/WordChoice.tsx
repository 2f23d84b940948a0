import { useEffect, useRef, type ReactElement } from 'react'
import { useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'

/** The drawer's words to pick from; the first takes focus so Enter picks at once. */
export function WordChoice({ choices }: { choices: string[] }): ReactElement {
  const t = useT()
  const session = useSession()
  const first = useRef<HTMLButtonElement>(null)
  useEffect(() => first.current?.focus(), [choices])
  return (
    <div className="game-overlay" role="group" aria-labelledby="game-choose-title">
      <h3 id="game-choose-title" className="game-overlay-title">
        {t('game.chooseWord')}
      </h3>
      <div className="game-choices">
        {choices.map((word, i) => (
          <button
            key={`${i}:${word}`}
            ref={i === 0 ? first : undefined}
            type="button"
            className="secondary-button game-choice"
            onClick={() => void session.game.choose(i)}
          >
            {word}
          </button>
        ))}
      </div>
    </div>
  )
}
