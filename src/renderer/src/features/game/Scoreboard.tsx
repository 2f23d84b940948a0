import type { ReactElement } from 'react'
import type { GameState } from '../../../../shared/game/protocol'
import { useT } from '../../i18n/useT'

/** Players by score, with who draws, who guessed and who left. */
export function Scoreboard({
  state,
  selfId,
}: {
  state: GameState
  selfId: string | null
}): ReactElement {
  const t = useT()
  const players = [...state.players].sort((a, b) => b.score - a.score)
  return (
    <section className="game-scores" aria-labelledby="game-scores-title">
      <h3 id="game-scores-title" className="game-side-title">
        {t('game.scores')}
      </h3>
      <ol className="game-score-list">
        {players.map((p) => {
          const notes = [
            p.id === state.drawerId && state.phase !== 'over' ? t('game.isDrawing') : null,
            p.guessed ? t('game.hasGuessed') : null,
            p.present ? null : t('game.hasLeft'),
          ].filter((n): n is string => n !== null)
          return (
            <li
              key={p.id}
              className={`game-score${p.guessed ? ' has-guessed' : ''}${p.present ? '' : ' has-left'}${p.id === selfId ? ' is-self' : ''}`}
            >
              <bdi className="game-score-name">{p.name}</bdi>
              {notes.length > 0 ? (
                <span className="game-score-note">{notes.join(', ')}</span>
              ) : null}
              <span className="game-score-points">{t('game.points', { points: p.score })}</span>
            </li>
          )
        })}
      </ol>
    </section>
  )
}
