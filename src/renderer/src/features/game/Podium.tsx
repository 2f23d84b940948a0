import { useEffect, useRef, type ReactElement } from 'react'
import type { GameState } from '../../../../shared/game/protocol'
import { rankPlayers } from '../../../../shared/game/scoring'
import { useT } from '../../i18n/useT'
import { useSession } from '../../sessionContext'

/** The end of the game: places by score (ties share a place). */
export function Podium({ state, canEnd }: { state: GameState; canEnd: boolean }): ReactElement {
  const t = useT()
  const session = useSession()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const ranked = rankPlayers(state.players)
  return (
    <div className="game-overlay game-podium" role="region" aria-labelledby="game-podium-title">
      <h3 id="game-podium-title" ref={heading} tabIndex={-1} className="game-overlay-title">
        {t('game.podium')}
      </h3>
      <ol className="game-ranking">
        {ranked.map((p) => (
          <li key={p.id} className={`game-rank place-${Math.min(p.place, 4)}`}>
            <span className="game-place">{t('game.place', { place: p.place })}</span>
            <bdi className="game-rank-name">{p.name}</bdi>
            <span className="game-rank-score">{t('game.points', { points: p.score })}</span>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="primary-button compact"
        onClick={() => (canEnd ? void session.game.stop() : session.game.dismissPodium())}
      >
        {t('game.closePodium')}
      </button>
    </div>
  )
}
