import type { ReactElement } from 'react'
import type { GameState } from '../../../../shared/game/protocol'
import { useT } from '../../i18n/useT'

/** The end of a turn: the word and who scored what. */
export function TurnReveal({ state }: { state: GameState }): ReactElement {
  const t = useT()
  const names = new Map(state.players.map((p) => [p.id, p.name]))
  const gains = [...state.gains].sort((a, b) => b.points - a.points)
  return (
    <div className="game-overlay" role="status">
      <h3 className="game-overlay-title">
        {state.word ? t('game.reveal', { word: state.word }) : t('game.noWord')}
      </h3>
      {gains.length === 0 ? (
        <p className="game-muted">{t('game.noGains')}</p>
      ) : (
        <ul className="game-gains">
          {gains.map((g) => (
            <li key={g.id}>
              <bdi>{names.get(g.id) ?? ''}</bdi>{' '}
              <span className="game-gain">{t('game.gain', { points: g.points })}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
